/**
 * GRANT/DENY/REVOKE of privileges. Source: neo4j/neo4j community/cypher/front-end/parser/parser-test/
 * src/test/scala/org/neo4j/cypher/internal/ast/factory/ddl/privilege/DbmsPrivilegeAdministrationCommandParserTest.scala
 * (tests `$command $privilege ON DATABASE $preposition role`, `... ON HOME DATABASE ...`,
 * `... ON $preposition role`, `... DBMS $preposition role`, `ALL DBMS PRIVILEGES ...`; Cypher 25), and issue 15's examples.
 */
import { fidelityTable, neo4j } from './harness.js';

const DBMS = 'DbmsPrivilegeAdministrationCommandParserTest';
const IN_PROGRESS = 'privilege grammar in progress';

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
  neo4j(
    'GRANT ALL DBMS PRIVILEGES ON DATABASE TO role',
    "Invalid input 'DATABASE': expected 'DBMS' (line 1, column 30 (offset: 29))",
    DBMS,
    IN_PROGRESS,
  ),
  neo4j('GRANT ALL DBMS PRIVILEGES DBMS TO role', "Invalid input 'DBMS': expected 'ON' (line 1, column 27 (offset: 26))", DBMS),
  neo4j('GRANT ALL DBMS PRIVILEGES TO', "Invalid input 'TO': expected 'ON' (line 1, column 27 (offset: 26))", DBMS),
  neo4j(
    'GRANT ALL DBMS PRIVILEGES ON TO',
    "Invalid input 'TO': expected 'DATABASE', 'DATABASES', 'DBMS', 'GRAPH', 'GRAPHS' or 'HOME' (line 1, column 30 (offset: 29))",
    DBMS,
    IN_PROGRESS,
  ),
  neo4j(
    'GRANT ALL DBMS PRIVILEGES ON DBMS TO',
    "Invalid input '': expected a parameter or an identifier (line 1, column 37 (offset: 36))",
    DBMS,
  ),
  neo4j('DENY ALL DBMS PRIVILEGES ON DBMS', "Invalid input '': expected 'TO' (line 1, column 33 (offset: 32))", DBMS),
  neo4j(
    'GRANT SET AUTHS ON DBMS TO role',
    "Invalid input 'AUTHS': expected 'AUTH', 'DATABASE', 'LABEL', 'PASSWORD', 'PASSWORDS', 'PROPERTY' or 'USER' (line 1, column 11 (offset: 10))",
    DBMS,
  ),
]);
