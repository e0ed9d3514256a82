/**
 * Role commands. Source: neo4j/neo4j community/cypher/front-end/parser/parser-test/src/test/scala/
 * org/neo4j/cypher/internal/ast/factory/ddl/RoleAdministrationCommandParserTest.scala (the Cypher 25
 * `case _` expectations); each row's test is named by its input.
 */
import { fidelityTable, neo4j } from './harness.js';

const SRC = 'RoleAdministrationCommandParserTest';

fidelityTable('roles', [
  neo4j('SHOW ROLE role', "Invalid input '': expected 'PRIVILEGE' or 'PRIVILEGES' (line 1, column 15 (offset: 14))", SRC),
  neo4j(
    'SHOW ALL ROLES YIELD role RETURN',
    "Invalid input '': expected an expression, '*', 'ALL' or 'DISTINCT' (line 1, column 33 (offset: 32))",
    SRC,
  ),
  neo4j('SHOW ROLES WITH USER user', "Invalid input 'user': expected 'WHERE', 'YIELD' or <EOF> (line 1, column 22 (offset: 21))", SRC),
  neo4j(
    'SHOW POPULATED ROLES YIELD *,blah RETURN role',
    "Invalid input ',': expected 'ORDER BY', 'LIMIT', 'OFFSET', 'RETURN', 'SKIP', 'WHERE' or <EOF> (line 1, column 29 (offset: 28))",
    SRC,
  ),
  neo4j('SHOW ROLES WITH AUTH', "Invalid input '': expected 'RULE' or 'RULES' (line 1, column 21 (offset: 20))", SRC),
  neo4j(
    'SHOW ROLES WITH RULE',
    "Invalid input 'RULE': expected ',', 'AUTH', 'PRIVILEGE', 'PRIVILEGES', 'USER' or 'USERS' (line 1, column 17 (offset: 16))",
    SRC,
  ),
  // The test's name ends in a space, its frame shows the text without it: the end of input is after the last token.
  neo4j('CREATE OR REPLACE ROLE', "Invalid input '': expected a parameter or an identifier (line 1, column 23 (offset: 22))", SRC),
  neo4j('CREATE ROLE foo AS COPY OF', "Invalid input '': expected a parameter or an identifier (line 1, column 27 (offset: 26))", SRC),
  neo4j(
    'CREATE IMMUTABLE ROLE foo AS COPY OF',
    "Invalid input '': expected a parameter or an identifier (line 1, column 37 (offset: 36))",
    SRC,
  ),
  neo4j(
    'CREATE ROLE foo IF NOT EXISTS AS COPY OF',
    "Invalid input '': expected a parameter or an identifier (line 1, column 41 (offset: 40))",
    SRC,
  ),
  neo4j(
    'CREATE OR REPLACE ROLE foo AS COPY OF',
    "Invalid input '': expected a parameter or an identifier (line 1, column 38 (offset: 37))",
    SRC,
  ),
  neo4j(
    'CREATE ROLE foo UNION CREATE ROLE foo2',
    "Invalid input 'UNION': expected 'IF NOT EXISTS', 'AS COPY OF' or <EOF> (line 1, column 17 (offset: 16))",
    SRC,
  ),
  neo4j(
    'CREATE IMMUTABLE ROLE foo UNION CREATE IMMUTABLE ROLE foo2',
    "Invalid input 'UNION': expected 'IF NOT EXISTS', 'AS COPY OF' or <EOF> (line 1, column 27 (offset: 26))",
    SRC,
  ),
  neo4j('RENAME ROLE foo TO', "Invalid input '': expected a parameter or an identifier (line 1, column 19 (offset: 18))", SRC),
  neo4j('RENAME ROLE TO bar', "Invalid input 'bar': expected 'IF EXISTS' or 'TO' (line 1, column 16 (offset: 15))", SRC),
  neo4j('RENAME ROLE TO', "Invalid input '': expected 'IF EXISTS' or 'TO' (line 1, column 15 (offset: 14))", SRC),
  neo4j('RENAME ROLE foo SET NAME TO bar', "Invalid input 'SET': expected 'IF EXISTS' or 'TO' (line 1, column 17 (offset: 16))", SRC),
  neo4j('RENAME ROLE foo SET NAME bar', "Invalid input 'SET': expected 'IF EXISTS' or 'TO' (line 1, column 17 (offset: 16))", SRC),
  neo4j(
    'ALTER ROLE foo SET NAME bar',
    "Invalid input 'ROLE': expected 'ALIAS', 'CURRENT', 'DATABASE', 'AUTH RULE', 'SERVER', 'USER' or 'USERS' (line 1, column 7 (offset: 6))",
    SRC,
  ),
  neo4j('RENAME ROLE foo IF EXIST TO bar', "Invalid input 'EXIST': expected 'EXISTS' (line 1, column 20 (offset: 19))", SRC),
  neo4j('RENAME ROLE foo IF NOT EXISTS TO bar', "Invalid input 'NOT': expected 'EXISTS' (line 1, column 20 (offset: 19))", SRC),
  neo4j('RENAME ROLE foo TO bar IF EXISTS', "Invalid input 'IF': expected <EOF> (line 1, column 24 (offset: 23))", SRC),
  neo4j(
    'RENAME IF EXISTS ROLE foo TO bar',
    "Invalid input 'IF': expected 'ROLE', 'AUTH RULE', 'SERVER' or 'USER' (line 1, column 8 (offset: 7))",
    SRC,
  ),
  neo4j(
    'RENAME OR REPLACE ROLE foo TO bar',
    "Invalid input 'OR': expected 'ROLE', 'AUTH RULE', 'SERVER' or 'USER' (line 1, column 8 (offset: 7))",
    SRC,
  ),
  neo4j('DROP ROLE', "Invalid input '': expected a parameter or an identifier (line 1, column 10 (offset: 9))", SRC),
  // `$verb $roleKeyword` and friends: the test checks the message's start; the position is where the input ends.
  neo4j('GRANT ROLE', "Invalid input '': expected a parameter, an identifier or 'MANAGEMENT' (line 1, column 11 (offset: 10))", SRC),
  neo4j('REVOKE ROLE', "Invalid input '': expected a parameter, an identifier or 'MANAGEMENT' (line 1, column 12 (offset: 11))", SRC),
  neo4j('GRANT ROLES', "Invalid input '': expected a parameter or an identifier (line 1, column 12 (offset: 11))", SRC),
  neo4j('GRANT ROLE foo', "Invalid input '': expected ',' or 'TO' (line 1, column 15 (offset: 14))", SRC),
  neo4j('REVOKE ROLES foo', "Invalid input '': expected ',' or 'FROM' (line 1, column 17 (offset: 16))", SRC),
  neo4j(
    'GRANT ROLE foo TO',
    "Invalid input '': expected a parameter, an identifier, 'AUTH', 'USER' or 'USERS' (line 1, column 18 (offset: 17))",
    SRC,
  ),
  neo4j('DENY ROLE foo TO abc', "Invalid input 'foo': expected 'MANAGEMENT' (line 1, column 11 (offset: 10))", SRC),
  // The Cypher 25 list (the test's `case _`; its Cypher 5 list has 'WRITE ON' and no 'AUTH RULE', 'SECRETS').
  neo4j(
    'DENY ROLES foo TO abc',
    "Invalid input 'ROLES': expected 'ACCESS', 'ALIAS', 'ALL', 'ALTER', 'ASSIGN', 'COMPOSITE', 'CONSTRAINT', 'CONSTRAINTS', 'CREATE', 'DATABASE', 'DELETE', 'DROP', 'EXECUTE', 'IMPERSONATE', 'INDEX', 'INDEXES', 'MATCH', 'MERGE', 'NAME', 'LOAD ON', 'PRIVILEGE', 'READ', 'REMOVE', 'RENAME', 'ROLE', 'AUTH RULE', 'SECRETS', 'SERVER', 'SET', 'SHOW', 'START', 'STOP', 'TERMINATE', 'TRANSACTION', 'TRAVERSE', 'USER' or 'WRITE' (line 1, column 6 (offset: 5))",
    // Singular privilege objects (ROLES is refused at ROLES) and the DENY decision point's Neo4j list.
    SRC,
  ),
]);
