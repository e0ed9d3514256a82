/**
 * SHOW USERS / SHOW CURRENT USER / SHOW ... PRIVILEGES. Sources: neo4j/neo4j community/cypher/front-end/
 * parser/parser-test/src/test/scala/org/neo4j/cypher/internal/ast/factory/ddl/ShowUserAdministrationCommandParserTest.scala
 * and ddl/privilege/ShowPrivilegesAdministrationCommandParserTest.scala (Cypher 25 `case _`), each
 * row's test named by its input; and issue 15's examples.
 */
import { fidelityTable, neo4j } from './harness.js';

const USERS = 'ShowUserAdministrationCommandParserTest';
const PRIVS = 'ShowPrivilegesAdministrationCommandParserTest';
/** Neo4j's front end (test/syntax/expected-lists.test.ts) lists 'GRAPH TYPE' or 'USER' there. */
const GRAPH_TYPE = "the test predates SHOW CURRENT GRAPH TYPE (Cypher25Parser.g4 of 2026.06), which Neo4j's list now names too";

fidelityTable('show', [
  neo4j(
    "SHOW USERS WHERE user = 'GRANTED' WITH AUTH",
    "Invalid input 'WITH': expected an expression or <EOF> (line 1, column 35 (offset: 34))",
    USERS,
  ),
  neo4j(
    'SHOW USERS YIELD * WITH AUTH',
    "Invalid input 'WITH': expected 'ORDER BY', 'LIMIT', 'RETURN', 'SKIP', 'WHERE' or <EOF> (line 1, column 20 (offset: 19))",
    USERS,
    "the test predates OFFSET; Cypher 25's yieldSkip also takes OFFSET, which the roles test lists",
  ),
  neo4j('SHOW CURRENT USERS', "Invalid input 'USERS': expected 'USER' (line 1, column 14 (offset: 13))", USERS, GRAPH_TYPE),
  neo4j('SHOW CURRENT USERS YIELD *', "Invalid input 'USERS': expected 'USER' (line 1, column 14 (offset: 13))", USERS, GRAPH_TYPE),
  neo4j(
    "SHOW CURRENT USERS WHERE user = 'GRANTED'",
    "Invalid input 'USERS': expected 'USER' (line 1, column 14 (offset: 13))",
    USERS,
    GRAPH_TYPE,
  ),
  neo4j('SHOW CURRENT USER WITH AUTH', "Invalid input 'WITH': expected 'WHERE', 'YIELD' or <EOF> (line 1, column 19 (offset: 18))", USERS),
  neo4j(
    'SHOW ALL USER user PRIVILEGES',
    "Invalid input 'USER': expected 'CONSTRAINT', 'CONSTRAINTS', 'FUNCTION', 'FUNCTIONS', 'INDEX', 'INDEXES', 'PRIVILEGE', 'PRIVILEGES', 'ROLE' or 'ROLES' (line 1, column 10 (offset: 9))",
    PRIVS,
  ),
  neo4j('SHOW USER us%er PRIVILEGES', "Invalid input '%': expected 'PRIVILEGE' or 'PRIVILEGES' (line 1, column 13 (offset: 12))", PRIVS),
  neo4j('SHOW ROLE PRIVILEGES', "Invalid input '': expected 'PRIVILEGE' or 'PRIVILEGES' (line 1, column 21 (offset: 20))", PRIVS),
  neo4j(
    'SHOW ALL ROLE role PRIVILEGES',
    "Invalid input 'role': expected 'WHERE', 'WITH', 'YIELD' or <EOF> (line 1, column 15 (offset: 14))",
    `${PRIVS} (as issue 15 quotes it; the newest test adds 'AS')`,
  ),
  neo4j(
    'SHOW ALL ROLE r PRIVILEGES',
    "Invalid input 'r': expected 'WHERE', 'WITH', 'YIELD' or <EOF> (line 1, column 15 (offset: 14))",
    'issue 15',
  ),
  neo4j(
    'SHOW USER user PRIVILEGES YIELD *, blah RETURN user',
    "Invalid input ',': expected 'ORDER BY', 'LIMIT', 'OFFSET', 'RETURN', 'SKIP', 'WHERE' or <EOF> (line 1, column 34 (offset: 33))",
    PRIVS,
  ),
  neo4j(
    'SHOW PRIVILAGES',
    "Invalid input 'PRIVILAGES': expected 'ALIAS', 'ALIASES', 'ALL', 'AUTH', 'CONSTRAINT', 'CONSTRAINTS', 'CURRENT', 'DATABASE', 'DEFAULT DATABASE', 'HOME DATABASE', 'DATABASES', 'EXIST', 'EXISTENCE', 'FULLTEXT', 'FUNCTION', 'FUNCTIONS', 'BUILT IN', 'INDEX', 'INDEXES', 'KEY', 'LOOKUP', 'NODE', 'POINT', 'POPULATED', 'PRIVILEGE', 'PRIVILEGES', 'PROCEDURE', 'PROCEDURES', 'PROPERTY', 'RANGE', 'REL', 'RELATIONSHIP', 'ROLE', 'ROLES', 'SERVER', 'SERVERS', 'SETTING', 'SETTINGS', 'SUPPORTED', 'TEXT', 'TRANSACTION', 'TRANSACTIONS', 'UNIQUE', 'UNIQUENESS', 'USER', 'USERS' or 'VECTOR' (line 1, column 6 (offset: 5))",
    PRIVS,
  ),
]);
