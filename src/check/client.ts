/**
 * The values of cypher-shell's `:param` lines. cypher-shell evaluates them on the server as
 * `RETURN <value>`, so they get the checks of a RETURN item with nothing in scope.
 */
import type { ClientCommand } from '../ast/client.js';
import { assertNever } from '../diagnostics/assert-never.js';
import type { Expression } from '../ast/expressions.js';
import { StatusCode, type Diagnostic } from '../diagnostics/codes.js';
import { findAggregate } from '../catalog/functions.js';
import { syntaxError, type CheckContext } from './context.js';
import { checkExpression } from './expressions.js';
import { freeVariables } from './show.js';
import { checkTypes } from './types.js';

export function checkClientCommand(command: ClientCommand, context: CheckContext): Diagnostic[] {
  switch (command.kind) {
    case 'client-param':
      return checkParamValue(command.value, context);
    case 'client-params-map':
      return command.map.entries.flatMap((entry) => checkParamValue(entry.value, context));
    case 'client-use':
    case 'client-params-list':
    case 'client-params-clear':
    case 'client-other':
      return [];
    default:
      return assertNever(command, 'client command');
  }
}

function checkParamValue(value: Expression, context: CheckContext): Diagnostic[] {
  const diagnostics = [
    ...freeVariables(value).map((v) => syntaxError(context, v.span, `Variable \`${v.name}\` not defined`)),
    ...checkExpression(value, 'results', context),
    ...checkTypes(value, new Map(), false, context),
  ];
  // Neo4j would compute `RETURN count(*)` over one row; cypher-sysdb evaluates parameters without aggregation.
  const aggregate = findAggregate(value);
  if (aggregate) {
    diagnostics.push({
      severity: 'error',
      code: StatusCode.NotSupported,
      message: 'Aggregating functions in :param values are not supported by cypher-sysdb.',
      span: aggregate.span,
    });
  }
  return diagnostics;
}
