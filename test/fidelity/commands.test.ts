/**
 * The top-level command decision points (src/syntax/decision-points.ts): after the first keyword,
 * Neo4j lists every command its Cypher 25 grammar has there, modelled by cypher-sysdb or not.
 * Source: neo4j/neo4j community/cypher/front-end/parser/parser-test/src/test/scala/org/neo4j/cypher/
 * internal/ast/factory/query/SyntaxErrorParserTest.scala (Cypher 25 `case _`), each row's test named
 * by its input.
 */
import { fidelityTable, neo4j } from './harness.js';

const SRC = 'SyntaxErrorParserTest';

fidelityTable('commands', [
  neo4j(
    'create',
    "Invalid input '': expected a graph pattern, 'ALIAS', 'CONSTRAINT', 'DATABASE', 'COMPOSITE DATABASE', 'REPLICA DATABASE', 'IMMUTABLE', 'INDEX', 'FULLTEXT INDEX', 'LOOKUP INDEX', 'POINT INDEX', 'RANGE INDEX', 'TEXT INDEX', 'VECTOR INDEX', 'OR REPLACE', 'ROLE', 'AUTH RULE' or 'USER' (line 1, column 7 (offset: 6))",
    SRC,
  ),
  neo4j('rename', "Invalid input '': expected 'ROLE', 'AUTH RULE', 'SERVER' or 'USER' (line 1, column 7 (offset: 6))", SRC),
  neo4j(
    'alter',
    "Invalid input '': expected 'ALIAS', 'CURRENT', 'DATABASE', 'AUTH RULE', 'SERVER', 'USER' or 'USERS' (line 1, column 6 (offset: 5))",
    SRC,
  ),
  neo4j(
    'drop',
    "Invalid input '': expected 'ALIAS', 'COMPOSITE', 'CONSTRAINT', 'DATABASE', 'INDEX', 'ROLE', 'AUTH RULE', 'SERVER' or 'USER' (line 1, column 5 (offset: 4))",
    SRC,
  ),
  neo4j(
    'grant',
    "Invalid input '': expected 'ACCESS', 'ALIAS', 'ALL', 'ALTER', 'ASSIGN', 'COMPOSITE', 'CONSTRAINT', 'CONSTRAINTS', 'CREATE', 'DATABASE', 'DELETE', 'DROP', 'EXECUTE', 'IMMUTABLE', 'IMPERSONATE', 'INDEX', 'INDEXES', 'MATCH', 'MERGE', 'NAME', 'LOAD ON', 'PRIVILEGE', 'READ', 'REMOVE', 'RENAME', 'ROLE', 'ROLES', 'AUTH RULE', 'SECRETS', 'SERVER', 'SET', 'SHOW', 'START', 'STOP', 'TERMINATE', 'TRANSACTION', 'TRAVERSE', 'USER' or 'WRITE' (line 1, column 6 (offset: 5))",
    SRC,
  ),
  neo4j(
    'deny',
    "Invalid input '': expected 'ACCESS', 'ALIAS', 'ALL', 'ALTER', 'ASSIGN', 'COMPOSITE', 'CONSTRAINT', 'CONSTRAINTS', 'CREATE', 'DATABASE', 'DELETE', 'DROP', 'EXECUTE', 'IMPERSONATE', 'INDEX', 'INDEXES', 'MATCH', 'MERGE', 'NAME', 'LOAD ON', 'PRIVILEGE', 'READ', 'REMOVE', 'RENAME', 'ROLE', 'AUTH RULE', 'SECRETS', 'SERVER', 'SET', 'SHOW', 'START', 'STOP', 'TERMINATE', 'TRANSACTION', 'TRAVERSE', 'USER' or 'WRITE' (line 1, column 5 (offset: 4))",
    SRC,
  ),
  neo4j(
    'revoke',
    "Invalid input '': expected 'ACCESS', 'ALIAS', 'ALL', 'ALTER', 'ASSIGN', 'COMPOSITE', 'CONSTRAINT', 'CONSTRAINTS', 'CREATE', 'DATABASE', 'DELETE', 'DENY', 'DROP', 'EXECUTE', 'GRANT', 'IMMUTABLE', 'IMPERSONATE', 'INDEX', 'INDEXES', 'MATCH', 'MERGE', 'NAME', 'LOAD ON', 'PRIVILEGE', 'READ', 'REMOVE', 'RENAME', 'ROLE', 'ROLES', 'AUTH RULE', 'SECRETS', 'SERVER', 'SET', 'SHOW', 'START', 'STOP', 'TERMINATE', 'TRANSACTION', 'TRAVERSE', 'USER' or 'WRITE' (line 1, column 7 (offset: 6))",
    SRC,
  ),
  neo4j(
    'revoke deny',
    "Invalid input '': expected 'ACCESS', 'ALIAS', 'ALL', 'ALTER', 'ASSIGN', 'COMPOSITE', 'CONSTRAINT', 'CONSTRAINTS', 'CREATE', 'DATABASE', 'DELETE', 'DROP', 'EXECUTE', 'IMPERSONATE', 'INDEX', 'INDEXES', 'MATCH', 'MERGE', 'NAME', 'LOAD ON', 'PRIVILEGE', 'READ', 'REMOVE', 'RENAME', 'ROLE', 'AUTH RULE', 'SECRETS', 'SERVER', 'SET', 'SHOW', 'START', 'STOP', 'TERMINATE', 'TRANSACTION', 'TRAVERSE', 'USER' or 'WRITE' (line 1, column 12 (offset: 11))",
    SRC,
  ),
]);
