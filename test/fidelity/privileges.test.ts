/**
 * GRANT/DENY/REVOKE of privileges. Source: neo4j/neo4j community/cypher/front-end/parser/parser-test/
 * src/test/scala/org/neo4j/cypher/internal/ast/factory/ddl/privilege/DbmsPrivilegeAdministrationCommandParserTest.scala
 * (tests `$command $privilege ON DATABASE $preposition role`, `... ON HOME DATABASE ...`,
 * `... ON $preposition role`, `... DBMS $preposition role`, `ALL DBMS PRIVILEGES ...`, the invalid alias management
 * and "Other invalid tests"; Cypher 25), DatabasePrivilegeAdministrationCommandParserTest.scala (`$privilege ON HOME
 * DATABASES ...`, `ON HOME DATABASE foo ...`, `ON HOME DATABASE * ...` and their DEFAULT twins; the test checks the
 * message, the position is the offending token's), WritePrivilegeAdministrationCommandParserTest.scala ("DEFAULT and HOME
 * together with plural GRAPHS", "Database instead of graph keyword"), and issue 15's examples.
 */
import { fidelityTable, neo4j } from './harness.js';

const DBMS = 'DbmsPrivilegeAdministrationCommandParserTest';
const DATABASE = 'DatabasePrivilegeAdministrationCommandParserTest';
const WRITE = 'WritePrivilegeAdministrationCommandParserTest';

fidelityTable('privileges', [
  neo4j(
    'DENY SHOW USER ON DATABASE * TO r',
    "Invalid input 'DATABASE': expected 'DBMS' (line 1, column 19 (offset: 18))",
    `${DBMS} / issue 15`,
  ),
  neo4j(
    'GRANT CREATE ROLE ON HOME DATABASE TO r',
    "Invalid input 'HOME': expected 'DBMS' (line 1, column 22 (offset: 21))",
    `${DBMS} / issue 15`,
  ),
  neo4j('GRANT CREATE ROLE ON DATABASE * TO role', "Invalid input 'DATABASE': expected 'DBMS' (line 1, column 22 (offset: 21))", DBMS),
  neo4j('REVOKE DROP USER ON DATABASE * FROM role', "Invalid input 'DATABASE': expected 'DBMS' (line 1, column 21 (offset: 20))", DBMS),
  neo4j('GRANT CREATE ROLE ON TO role', "Invalid input 'TO': expected 'DBMS' (line 1, column 22 (offset: 21))", DBMS),
  neo4j('GRANT CREATE ROLE DBMS TO role', "Invalid input 'DBMS': expected 'ON DBMS' (line 1, column 19 (offset: 18))", DBMS),
  neo4j('DENY SHOW USER DBMS TO role', "Invalid input 'DBMS': expected 'ON DBMS' or 'METADATA' (line 1, column 16 (offset: 15))", DBMS),
  neo4j('GRANT CREATE ROLE ON DBMS TO r:ole', "Invalid input ':': expected ',' or <EOF> (line 1, column 31 (offset: 30))", DBMS),
  neo4j('GRANT CREATE ROLE ON DBMS TO', "Invalid input '': expected a parameter or an identifier (line 1, column 29 (offset: 28))", DBMS),
  neo4j('GRANT CREATE ROLE ON DBMS', "Invalid input '': expected 'TO' (line 1, column 26 (offset: 25))", DBMS),
  // Neo4j's SyntaxChecker (checkAllPrivilege) words this one with double quotes, as the test does.
  neo4j(
    'GRANT ALL DBMS PRIVILEGES ON DATABASE TO role',
    'Invalid input \'DATABASE\': expected "DBMS" (line 1, column 30 (offset: 29))',
    DBMS,
  ),
  neo4j(
    'DENY ALL DBMS PRIVILEGES ON DATABASE TO role',
    'Invalid input \'DATABASE\': expected "DBMS" (line 1, column 29 (offset: 28))',
    DBMS,
  ),
  neo4j(
    'REVOKE IMMUTABLE ALL DBMS PRIVILEGES ON HOME DATABASE FROM role',
    'Invalid input \'HOME\': expected "DBMS" (line 1, column 41 (offset: 40))',
    DBMS,
  ),
  neo4j('GRANT ALL DBMS PRIVILEGES DBMS TO role', "Invalid input 'DBMS': expected 'ON' (line 1, column 27 (offset: 26))", DBMS),
  neo4j('GRANT ALL DBMS PRIVILEGES TO', "Invalid input 'TO': expected 'ON' (line 1, column 27 (offset: 26))", DBMS),
  neo4j(
    'GRANT ALL DBMS PRIVILEGES ON TO',
    "Invalid input 'TO': expected 'DATABASE', 'DATABASES', 'DBMS', 'GRAPH', 'GRAPHS' or 'HOME' (line 1, column 30 (offset: 29))",
    DBMS,
    "cypher-sysdb keeps Cypher 5's DEFAULT DATABASE/GRAPH, so it lists 'DEFAULT' too (the test's Cypher 5 list, which it matches)",
  ),
  neo4j(
    'GRANT ALL DBMS PRIVILEGES ON DBMS TO',
    "Invalid input '': expected a parameter or an identifier (line 1, column 37 (offset: 36))",
    DBMS,
  ),
  neo4j('DENY ALL DBMS PRIVILEGES ON DBMS', "Invalid input '': expected 'TO' (line 1, column 33 (offset: 32))", DBMS),
  // `$privilege ON HOME DATABASE` / `ON DATABASE` / `DBMS` / `ON $preposition` for more of the DBMS privileges (the
  // position is the offending token's).
  neo4j(
    'DENY IMMUTABLE SHOW USER ON HOME DATABASE TO role',
    "Invalid input 'HOME': expected 'DBMS' (line 1, column 29 (offset: 28))",
    DBMS,
  ),
  neo4j(
    'GRANT IMPERSONATE (foo) ON DATABASE * TO role',
    "Invalid input 'DATABASE': expected 'DBMS' (line 1, column 28 (offset: 27))",
    DBMS,
  ),
  neo4j('GRANT RENAME USER ON TO role', "Invalid input 'TO': expected 'DBMS' (line 1, column 22 (offset: 21))", DBMS),
  neo4j('DENY ASSIGN ROLE DBMS TO role', "Invalid input 'DBMS': expected 'ON DBMS' (line 1, column 18 (offset: 17))", DBMS),
  neo4j('DENY ROLE MANAGEMENT DBMS TO role', "Invalid input 'DBMS': expected 'ON DBMS' (line 1, column 22 (offset: 21))", DBMS),
  neo4j(
    'GRANT ROLE MANAGEMENT DBMS TO role',
    "Invalid input 'DBMS': expected ',', 'ON DBMS' or 'TO' (line 1, column 23 (offset: 22))",
    DBMS,
  ),
  neo4j(
    'REVOKE DENY SET PASSWORDS ON DATABASE * FROM role',
    "Invalid input 'DATABASE': expected 'DBMS' (line 1, column 30 (offset: 29))",
    DBMS,
  ),
  neo4j('GRANT ALTER DATABASE DBMS TO role', "Invalid input 'DBMS': expected 'ON' (line 1, column 22 (offset: 21))", DBMS),
  neo4j(
    'GRANT ALTER DATABASE ON TO role',
    "Invalid input 'TO': expected 'DATABASE', 'HOME DATABASE', 'DATABASES' or 'DBMS' (line 1, column 25 (offset: 24))",
    DBMS,
    "cypher-sysdb keeps Cypher 5's DEFAULT DATABASE, so 'DEFAULT' is listed too",
  ),
  neo4j('GRANT SET DATABASE ACCESS DBMS TO role', "Invalid input 'DBMS': expected 'ON DBMS' (line 1, column 27 (offset: 26))", DBMS),
  neo4j('GRANT CREATE DATABASE ALIAS ON DBMS TO role', "Invalid input 'ALIAS': expected 'ON DBMS' (line 1, column 23 (offset: 22))", DBMS),
  neo4j(
    'GRANT DATABASE ALIAS MANAGEMENT ON DBMS TO role',
    "Invalid input 'ALIAS': expected 'MANAGEMENT' (line 1, column 16 (offset: 15))",
    DBMS,
  ),
  neo4j(
    'GRANT SET DEFAULT LANGUAGE ON DBMS TO role',
    "Invalid input 'DEFAULT': expected 'AUTH', 'DATABASE', 'LABEL', 'PASSWORD', 'PASSWORDS', 'PROPERTY' or 'USER' (line 1, column 11 (offset: 10))",
    DBMS,
  ),
  neo4j(
    'GRANT SET AUTHS ON DBMS TO role',
    "Invalid input 'AUTHS': expected 'AUTH', 'DATABASE', 'LABEL', 'PASSWORD', 'PASSWORDS', 'PROPERTY' or 'USER' (line 1, column 11 (offset: 10))",
    DBMS,
  ),
  neo4j(
    'GRANT ACCESS ON HOME DATABASES TO role',
    "Invalid input 'DATABASES': expected 'DATABASE' (line 1, column 22 (offset: 21))",
    DATABASE,
  ),
  neo4j('DENY START ON HOME DATABASE foo TO role', "Invalid input 'foo': expected 'TO' (line 1, column 29 (offset: 28))", DATABASE),
  neo4j('REVOKE STOP ON HOME DATABASE * FROM role', "Invalid input '*': expected 'FROM' (line 1, column 30 (offset: 29))", DATABASE),
  neo4j(
    'GRANT CREATE INDEX ON DEFAULT DATABASES TO role',
    "Invalid input 'DATABASES': expected 'DATABASE' (line 1, column 31 (offset: 30))",
    DATABASE,
  ),
  neo4j(
    'DENY NAME MANAGEMENT ON DEFAULT DATABASE foo TO role',
    "Invalid input 'foo': expected 'TO' (line 1, column 42 (offset: 41))",
    DATABASE,
  ),
  neo4j(
    'REVOKE GRANT INDEX ON DEFAULT DATABASE * FROM role',
    "Invalid input '*': expected 'FROM' (line 1, column 40 (offset: 39))",
    DATABASE,
  ),
  neo4j(
    'GRANT WRITE ON DATABASES * TO role',
    "Invalid input 'DATABASES': expected 'GRAPH', 'DEFAULT GRAPH', 'HOME GRAPH' or 'GRAPHS' (line 1, column 16 (offset: 15))",
    WRITE,
  ),
  neo4j(
    'DENY IMMUTABLE WRITE ON DATABASE foo TO role',
    "Invalid input 'DATABASE': expected 'GRAPH', 'DEFAULT GRAPH', 'HOME GRAPH' or 'GRAPHS' (line 1, column 25 (offset: 24))",
    WRITE,
  ),
  neo4j('REVOKE WRITE ON HOME GRAPHS FROM role', "Invalid input 'GRAPHS': expected 'GRAPH' (line 1, column 22 (offset: 21))", WRITE),
  neo4j(
    'REVOKE DENY WRITE ON DEFAULT GRAPHS FROM role',
    "Invalid input 'GRAPHS': expected 'GRAPH' (line 1, column 30 (offset: 29))",
    WRITE,
  ),
]);
