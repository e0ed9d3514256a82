/**
 * Semantic checks of SHOW commands. Source: neo4j/neo4j community/cypher/front-end/ast/src/main/scala/
 * org/neo4j/cypher/internal/ast/AdministrationCommand.scala, ReadAdministrationCommand.semanticCheck
 * (`checkForSubquery(this)`: the first subquery expression anywhere in the command, before the
 * projection checks, at the expression's position, i.e. its keyword); and issue 15's examples.
 */
import { fidelityTable, neo4j } from './harness.js';

const SRC = 'AdministrationCommand.scala / checkForSubquery';

fidelityTable('semantic checks', [
  neo4j(
    'SHOW USERS WHERE EXISTS { MATCH (n) RETURN n }',
    'The EXISTS expression is not valid on SHOW commands. (line 1, column 18 (offset: 17))',
    SRC,
  ),
  neo4j(
    'SHOW USERS YIELD user WHERE COUNT { MATCH (n) } > 1 RETURN user',
    'The COUNT expression is not valid on SHOW commands. (line 1, column 29 (offset: 28))',
    SRC,
  ),
  neo4j(
    'SHOW ROLES YIELD role RETURN role, collect { MATCH (n) RETURN n.name } AS names',
    'The COLLECT expression is not valid on SHOW commands. (line 1, column 36 (offset: 35))',
    SRC,
  ),
  // The first in the tree is reported, and nothing else (the unknown variable `x` is not).
  neo4j(
    'SHOW USERS YIELD user ORDER BY x WHERE EXISTS { MATCH (a)-->({p: {q: 1}}) } RETURN COUNT { MATCH (b) }',
    'The EXISTS expression is not valid on SHOW commands. (line 1, column 40 (offset: 39))',
    SRC,
  ),
  neo4j(
    'SHOW CURRENT USER WHERE NOT exists { MATCH (n) }',
    'The EXISTS expression is not valid on SHOW commands. (line 1, column 29 (offset: 28))',
    SRC,
  ),
]);
