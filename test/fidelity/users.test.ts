/**
 * User commands. Sources: neo4j/neo4j community/cypher/front-end/parser/parser-test/src/test/scala/
 * org/neo4j/cypher/internal/ast/factory/ddl/{Create,Alter,Drop,Rename}UserAdministrationCommandParserTest.scala
 * (the Cypher 25 `case _` expectations), each row's test named by its input; and issue 15's examples.
 */
import { fidelityTable, neo4j } from './harness.js';

const CREATE = 'CreateUserAdministrationCommandParserTest';
const ALTER = 'AlterUserAdministrationCommandParserTest';
const DROP = 'DropUserAdministrationCommandParserTest';
const RENAME = 'RenameUserAdministrationCommandParserTest';
/** cypher-sysdb masks whatever stands where a password does, a token Neo4j quotes (README: secrets never echoed). */
const MASKED = 'the token in the password position is masked by design';

fidelityTable('users', [
  neo4j('CREATE USER foo', "Invalid input '': expected 'IF NOT EXISTS' or 'SET' (line 1, column 16 (offset: 15))", CREATE),
  neo4j(
    `CREATE USER "foo" SET PASSwORD 'password'`,
    `Invalid input '"foo"': expected a graph pattern, a parameter or an identifier (line 1, column 13 (offset: 12))`,
    CREATE,
  ),
  neo4j(
    `CREATE USER !#"~ SeT PASSWORD 'password'`,
    "Invalid input '!': expected a graph pattern, a parameter or an identifier (line 1, column 13 (offset: 12))",
    CREATE,
  ),
  neo4j(
    "CREATE USER f:oo SET PASSWORD 'password'",
    "Invalid input ':': expected 'IF NOT EXISTS' or 'SET' (line 1, column 14 (offset: 13))",
    CREATE,
  ),
  neo4j(
    "CREATE USER foo PASSWORD 'password'",
    "Invalid input 'PASSWORD': expected 'IF NOT EXISTS' or 'SET' (line 1, column 17 (offset: 16))",
    CREATE,
  ),
  neo4j('CREATE USER foo IF NOT EXISTS', "Invalid input '': expected 'SET' (line 1, column 30 (offset: 29))", CREATE),
  neo4j('CREATE OR REPLACE USER foo', "Invalid input '': expected 'IF NOT EXISTS' or 'SET' (line 1, column 27 (offset: 26))", CREATE),
  neo4j(
    'CREATE USER foo SET ENCRYPTED PASSWORD',
    "Invalid input '': expected a parameter or a string (line 1, column 39 (offset: 38))",
    CREATE,
  ),
  neo4j(
    "CREATE USER foo SET PASSwORD 'passwordString'+$passwordexpressions.Parameter",
    "Invalid input '+': expected 'CHANGE', 'SET' or <EOF> (line 1, column 46 (offset: 45))",
    CREATE,
    MASKED,
  ),
  neo4j(
    "CREATE USER foo SET PASSWORD 'password' SET HOME DATABASE db1 CHANGE NOT REQUIRED",
    "Invalid input 'CHANGE': expected a database name, 'SET' or <EOF> (line 1, column 63 (offset: 62))",
    CREATE,
  ),
  neo4j(
    "CREATE USER foo SET PASSWORD 'bar' SET HOME DATABASE 123456",
    "Invalid input '123456': expected a database name or a parameter (line 1, column 54 (offset: 53))",
    CREATE,
  ),
  neo4j(
    'CREATE USER foo SET PASSWORD $password SET STATUS ACTIVE SET STATUS SUSPENDED',
    'Duplicate SET STATUS {SUSPENDED|ACTIVE} clause (line 1, column 62 (offset: 61))',
    CREATE,
  ),
  neo4j(
    'CREATE USER foo SET PASSWORD $password SET HOME DATABASE db SET HOME DATABASE db',
    'Duplicate SET HOME DATABASE clause (line 1, column 65 (offset: 64))',
    CREATE,
  ),
  neo4j(
    "CREATE USER fo,o SET PASSWORD 'password'",
    "Invalid input ',': expected 'IF NOT EXISTS' or 'SET' (line 1, column 15 (offset: 14))",
    CREATE,
  ),
  neo4j(
    'CREATE USER foo SET PASSWORD',
    "Invalid input '': expected a parameter, a string or 'CHANGE' (line 1, column 29 (offset: 28))",
    CREATE,
  ),
  neo4j(
    'CREATE USER foo SET ENCRYPTED PASSWORD 123',
    "Invalid input '123': expected a parameter or a string (line 1, column 40 (offset: 39))",
    CREATE,
    MASKED,
  ),
  neo4j(
    "CREATE USER foo SET PASSWORD 'password' ENCRYPTED",
    "Invalid input 'ENCRYPTED': expected 'CHANGE', 'SET' or <EOF> (line 1, column 41 (offset: 40))",
    CREATE,
  ),
  neo4j(
    "CREATE USER foo SET PASSWORD 'password' SET STATUS IMAGINARY",
    "Invalid input 'IMAGINARY': expected 'ACTIVE' or 'SUSPENDED' (line 1, column 52 (offset: 51))",
    CREATE,
  ),
  neo4j(
    "CREATE USER foo IF EXISTS SET PASSWORD 'password'",
    "Invalid input 'EXISTS': expected 'NOT EXISTS' (line 1, column 20 (offset: 19))",
    CREATE,
  ),
  neo4j(
    "CREATE USER foo SET PASSWORD 'password' SET DEFAULT DATABASE db1",
    "Invalid input 'DEFAULT': expected 'AUTH', 'HOME DATABASE', 'ENCRYPTED', 'PASSWORD', 'PLAINTEXT', 'STATUS', 'TAG' or 'TAGS' (line 1, column 45 (offset: 44))",
    `${CREATE} (with the 2026 front end's TAG/TAGS, as issue 15 quotes it)`,
  ),
  neo4j(
    'ALTER USER foo SET NAME bar',
    "Invalid input 'NAME': expected 'AUTH', 'HOME DATABASE', 'ENCRYPTED', 'PASSWORD', 'PLAINTEXT', 'STATUS', 'TAG' or 'TAGS' (line 1, column 20 (offset: 19))",
    `${ALTER} (with the 2026 front end's TAG/TAGS, as issue 15 quotes it)`,
  ),
  neo4j(
    "ALTER USER foo SET PASSWORD 'secret' SET NAME bar",
    "Invalid input 'NAME': expected 'AUTH', 'HOME DATABASE', 'ENCRYPTED', 'PASSWORD', 'PLAINTEXT', 'STATUS', 'TAG' or 'TAGS' (line 1, column 42 (offset: 41))",
    `${ALTER} (with TAG/TAGS)`,
  ),
  neo4j(
    "ALTER USER foo IF NOT EXISTS SET PASSWORD 'password'",
    "Invalid input 'NOT': expected 'EXISTS' (line 1, column 19 (offset: 18))",
    ALTER,
  ),
  neo4j(
    'ALTER USER foo RENAME TO bar',
    "Invalid input 'RENAME': expected 'ADD', 'IF EXISTS', 'REMOVE', 'SET' or <EOF> (line 1, column 16 (offset: 15))",
    `${ALTER} (with the 2026 front end's ADD TAGS)`,
  ),
  neo4j(
    'ALTER USER foo SET PASSWORD null',
    "Invalid input 'null': expected a parameter, a string or 'CHANGE' (line 1, column 29 (offset: 28))",
    ALTER,
    MASKED,
  ),
  neo4j(
    'ALTER USER foo SET PASSWORD 123',
    "Invalid input '123': expected a parameter, a string or 'CHANGE' (line 1, column 29 (offset: 28))",
    ALTER,
    MASKED,
  ),
  neo4j(
    'ALTER USER foo SET PASSWORD',
    "Invalid input '': expected a parameter, a string or 'CHANGE' (line 1, column 28 (offset: 27))",
    ALTER,
  ),
  neo4j(
    'ALTER USER foo SET PLAINTEXT PASSWORD',
    "Invalid input '': expected a parameter or a string (line 1, column 38 (offset: 37))",
    ALTER,
  ),
  neo4j(
    'ALTER USER foo SET ENCRYPTED PASSWORD',
    "Invalid input '': expected a parameter or a string (line 1, column 38 (offset: 37))",
    ALTER,
  ),
  neo4j(
    "ALTER USER foo SET PASSWORD 'password' SET ENCRYPTED PASSWORD",
    "Invalid input '': expected a parameter or a string (line 1, column 62 (offset: 61))",
    ALTER,
  ),
  neo4j(
    "ALTER USER foo SET PASSWORD 'password' ENCRYPTED",
    "Invalid input 'ENCRYPTED': expected 'CHANGE', 'SET' or <EOF> (line 1, column 40 (offset: 39))",
    ALTER,
  ),
  neo4j(
    "ALTER USER foo SET PASSWORD 'password' SET STATUS ACTIVE CHANGE NOT REQUIRED",
    "Invalid input 'CHANGE': expected 'SET' or <EOF> (line 1, column 58 (offset: 57))",
    ALTER,
  ),
  neo4j('ALTER USER foo SET STATUS', "Invalid input '': expected 'ACTIVE' or 'SUSPENDED' (line 1, column 26 (offset: 25))", ALTER),
  neo4j(
    'ALTER USER foo PASSWORD CHANGE NOT REQUIRED',
    "Invalid input 'PASSWORD': expected 'ADD', 'IF EXISTS', 'REMOVE', 'SET' or <EOF> (line 1, column 16 (offset: 15))",
    `${ALTER} (with ADD TAGS)`,
  ),
  neo4j(
    "ALTER USER foo SET PASSWORD 'password' SET PASSWORD SET STATUS ACTIVE",
    "Invalid input 'SET': expected a parameter, a string or 'CHANGE' (line 1, column 53 (offset: 52))",
    ALTER,
  ),
  neo4j(
    'ALTER USER foo SET PASSWORD STATUS ACTIVE',
    "Invalid input 'STATUS': expected a parameter, a string or 'CHANGE' (line 1, column 29 (offset: 28))",
    ALTER,
    MASKED,
  ),
  neo4j(
    'ALTER USER foo SET HOME DATABASE 123456',
    "Invalid input '123456': expected a database name or a parameter (line 1, column 34 (offset: 33))",
    ALTER,
  ),
  neo4j(
    'ALTER USER foo SET HOME DATABASE #dfkfop!',
    "Invalid input '#': expected a database name or a parameter (line 1, column 34 (offset: 33))",
    ALTER,
  ),
  neo4j(
    "ALTER USER foo SET PASSWORD 'password' SET STATUS IMAGINARY",
    "Invalid input 'IMAGINARY': expected 'ACTIVE' or 'SUSPENDED' (line 1, column 51 (offset: 50))",
    ALTER,
  ),
  neo4j(
    'ALTER USER foo SET STATUS SUSPENDED REMOVE HOME DATABASE',
    "Invalid input 'REMOVE': expected 'SET' or <EOF> (line 1, column 37 (offset: 36))",
    ALTER,
  ),
  neo4j(
    'ALTER USER foo SET HOME DATABASE db1 REMOVE HOME DATABASE',
    "Invalid input 'REMOVE': expected a database name, 'SET' or <EOF> (line 1, column 38 (offset: 37))",
    ALTER,
  ),
  neo4j(
    "ALTER USER foo SET PASSWORD 'password' REMOVE ALL AUTH",
    "Invalid input 'REMOVE': expected 'CHANGE', 'SET' or <EOF> (line 1, column 40 (offset: 39))",
    ALTER,
  ),
  neo4j(
    'ALTER USER foo REMOVE AUTH 42',
    "Invalid input '42': expected a parameter, a string, 'PROVIDER', 'PROVIDERS' or '[' (line 1, column 28 (offset: 27))",
    ALTER,
  ),
  neo4j("ALTER USER foo SET AUTH PROVIDER 'foo' { }", "Invalid input '}': expected 'SET' (line 1, column 42 (offset: 41))", ALTER),
  neo4j(
    "ALTER USER foo SET AUTH PROVIDER 'foo' { SET PASSWORD 'password' CHANGE REQUIRED }",
    "Invalid input 'CHANGE': expected 'SET' or '}' (line 1, column 66 (offset: 65))",
    ALTER,
  ),
  neo4j(
    "ALTER USER foo SET AUTH PROVIDER $param { SET ID 'bar' }",
    "Invalid input '$': expected a string (line 1, column 34 (offset: 33))",
    `${ALTER} (Cypher 25's lexer cuts '$' alone)`,
  ),
  neo4j(
    "ALTER USER foo SET AUTH PROVIDER foo { SET ID 'bar' }",
    "Invalid input 'foo': expected a string (line 1, column 34 (offset: 33))",
    ALTER,
  ),
  neo4j(
    "ALTER USER foo SET AUTH PROVIDER 42 { SET ID 'bar' }",
    "Invalid input '42': expected a string (line 1, column 34 (offset: 33))",
    ALTER,
  ),
  neo4j(
    "ALTER USER foo SET AUTH 'foo' { SET UNKNOWN 'bar' }",
    "Invalid input 'UNKNOWN': expected 'ENCRYPTED', 'ID', 'PASSWORD' or 'PLAINTEXT' (line 1, column 37 (offset: 36))",
    ALTER,
  ),
  neo4j(
    "ALTER CURRENT USER SET PASSWORD FROM 'current' TO null",
    "Invalid input 'null': expected a parameter or a string (line 1, column 51 (offset: 50))",
    ALTER,
    MASKED,
  ),
  neo4j(
    "ALTER CURRENT USER PASSWORD FROM 'current' TO 'new'",
    "Invalid input 'PASSWORD': expected 'SET PASSWORD FROM' (line 1, column 20 (offset: 19))",
    ALTER,
  ),
  neo4j(
    "ALTER CURRENT PASSWORD FROM 'current' TO 'new'",
    "Invalid input 'PASSWORD': expected 'USER SET PASSWORD FROM' (line 1, column 15 (offset: 14))",
    ALTER,
    // Neo4j's front end lists 'USER SET PASSWORD FROM' or 'GRAPH TYPE' (test/syntax/expected-lists.test.ts).
    "the test predates ALTER CURRENT GRAPH TYPE (Cypher25Parser.g4 of 2026.06), which Neo4j's list now names too",
  ),
  neo4j(
    'ALTER PASSWORD',
    "Invalid input 'PASSWORD': expected 'ALIAS', 'CURRENT', 'DATABASE', 'AUTH RULE', 'SERVER', 'USER' or 'USERS' (line 1, column 7 (offset: 6))",
    'issue 15 (Cypher 25 grammar: alterCommand)',
  ),
  neo4j('DROP USER', "Invalid input '': expected a parameter or an identifier (line 1, column 10 (offset: 9))", DROP),
  neo4j('RENAME USER foo TO bar IF EXISTS', "Invalid input 'IF': expected <EOF> (line 1, column 24 (offset: 23))", RENAME),
  neo4j(
    "CREATE USER 4neo4j SET PASSWORD 'password'",
    "Invalid input '4neo4j': expected a graph pattern, a parameter or an identifier (line 1, column 13 (offset: 12))",
    "issue 15 (Cypher 25's lexer: a name may not start with a digit, the token runs on)",
  ),
  // More of AlterUserAdministrationCommandParserTest; where a test checks the message's start only,
  // the position is the offending token's.
  neo4j(
    'ALTER USER foo REMOVE DEFAULT DATABASE',
    "Invalid input 'DEFAULT': expected 'AUTH', 'ALL AUTH' or 'HOME DATABASE' (line 1, column 23 (offset: 22))",
    ALTER,
    "the test predates REMOVE [ALL] TAG[S]: ALL is then followed by AUTH or TAG[S], so ours names 'ALL' and 'TAG', 'TAGS' too (no Neo4j test with tags found)",
  ),
  neo4j(
    'ALTER USER foo SET STATUS ACTIVE SET STATUS SUSPENDED',
    'Duplicate SET STATUS {SUSPENDED|ACTIVE} clause (line 1, column 38 (offset: 37))',
    ALTER,
  ),
  neo4j(
    'ALTER USER foo SET HOME DATABASE db SET HOME DATABASE db',
    'Duplicate SET HOME DATABASE clause (line 1, column 41 (offset: 40))',
    ALTER,
  ),
  neo4j(
    "ALTER USER foo SET AUTH PROVIDER 'foo' { SET ID bar }",
    "Invalid input 'bar': expected a parameter or a string (line 1, column 49 (offset: 48))",
    ALTER,
  ),
  neo4j(
    "ALTER USER foo AUTH PROVIDER 'foo' { SET ID 'bar' }",
    "Invalid input 'AUTH': expected 'ADD', 'IF EXISTS', 'REMOVE', 'SET' or <EOF> (line 1, column 16 (offset: 15))",
    `${ALTER} (with ADD TAGS)`,
  ),
  neo4j(
    "ALTER USER foo SET AUTH PROVIDERS 'foo' { SET ID 'bar' }",
    "Invalid input 'PROVIDERS': expected a string (line 1, column 25 (offset: 24))",
    ALTER,
  ),
  neo4j(
    "ALTER USER foo SET AUTH PROVIDER 'foo' { SET ID 'bar' } REMOVE ALL AUTH",
    "Invalid input 'REMOVE': expected 'SET' or <EOF> (line 1, column 57 (offset: 56))",
    ALTER,
  ),
  neo4j(
    'ALTER USER foo SET STATUS ACTIVE REMOVE ALL AUTH',
    "Invalid input 'REMOVE': expected 'SET' or <EOF> (line 1, column 34 (offset: 33))",
    ALTER,
  ),
  neo4j(
    "ALTER USER foo SET AUTH PROVIDER 'bar' { SET ID 42 }",
    "Invalid input '42': expected a parameter or a string (line 1, column 49 (offset: 48))",
    ALTER,
  ),
  neo4j(
    'ALTER USER foo REMOVE AUTH PROVIDER 42',
    "Invalid input '42': expected a parameter, a string or '[' (line 1, column 37 (offset: 36))",
    ALTER,
  ),
  neo4j(
    "ALTER USER foo REMOVE AUTH PROVIDER [42, 'foo']",
    "Invalid input '42': expected a string or ']' (line 1, column 38 (offset: 37))",
    ALTER,
  ),
  neo4j("ALTER USER foo REMOVE AUTH PROVIDER ['foo', 42]", "Invalid input '42': expected a string (line 1, column 45 (offset: 44))", ALTER),
  neo4j(
    "ALTER USER foo SET AUTH PROVIDER 'foo' { SET PASSWORD 'password' CHANGE NOT REQUIRED }",
    "Invalid input 'CHANGE': expected 'SET' or '}' (line 1, column 66 (offset: 65))",
    ALTER,
  ),
  neo4j(
    'ALTER CURRENT USER SET PASSWORD FROM $current TO 123',
    "Invalid input '123': expected a parameter or a string (line 1, column 50 (offset: 49))",
    ALTER,
    MASKED,
  ),
  neo4j(
    "ALTER CURRENT USER SET PASSWORD FROM 'current' TO",
    "Invalid input '': expected a parameter or a string (line 1, column 50 (offset: 49))",
    ALTER,
  ),
  neo4j(
    "ALTER CURRENT USER SET PASSWORD FROM TO 'new'",
    "Invalid input 'TO': expected a parameter or a string (line 1, column 38 (offset: 37))",
    ALTER,
  ),
  neo4j("ALTER CURRENT USER SET PASSWORD TO 'new'", "Invalid input 'TO': expected 'FROM' (line 1, column 33 (offset: 32))", ALTER),
]);
