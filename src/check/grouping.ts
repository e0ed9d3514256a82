/**
 * What RETURN may refer to once it aggregates (or is DISTINCT), as Neo4j's aggregation analysis
 * decides it:
 * - an aggregating item may use a variable outside its aggregate calls only if that variable (or the
 *   property read from it) is itself returned as a grouping key: `RETURN user, count(*) + size(roles)`
 *   is refused, because `roles` would be an implicit grouping key;
 * - ORDER BY sees only the returned columns (and expressions that repeat a returned item).
 * "The same expression" is decided on the AST with spans aside, as Neo4j compares expressions; the
 * printer only words the message.
 */
import { boundIn } from '../ast/children.js';
import { sameExpression } from '../ast/equal.js';
import type { Expression } from '../ast/expressions.js';
import type { ReturnItem, SortItem } from '../ast/show.js';
import type { Diagnostic } from '../diagnostics/codes.js';
import { containsAggregate, isAggregate, valueChildren } from '../catalog/functions.js';
import { formatExpression } from '../render/printer.js';
import { syntaxError, type CheckContext } from './context.js';

export function checkImplicitGrouping(items: readonly ReturnItem[], context: CheckContext): Diagnostic[] {
  const aggregating = items.filter((i) => containsAggregate(i.expression));
  if (aggregating.length === 0) return [];
  // Only a variable or a property of one counts as a grouping key (`n.x + n.y` does not).
  const keys = items.filter((i) => !containsAggregate(i.expression) && groupingReference(i.expression)).map((i) => i.expression);
  // A returned variable is a key for its properties too.
  const isKey = (e: Expression, variable: string) =>
    keys.some((key) => sameExpression(key, e) || (key.kind === 'variable' && key.name === variable));
  const illegal: Expression[] = [];
  const visit = (e: Expression, bound: ReadonlySet<string>): void => {
    if (isAggregate(e)) return;
    const reference = groupingReference(e);
    if (reference && !bound.has(reference.variable)) {
      if (!isKey(e, reference.variable) && !illegal.some((found) => sameExpression(found, e))) illegal.push(e);
      return;
    }
    for (const child of valueChildren(e)) visit(child.expression, boundIn(child, bound));
  };
  for (const item of aggregating) visit(item.expression, new Set());
  const [first] = illegal;
  if (first === undefined) return [];
  const message =
    'Aggregation column contains implicit grouping expressions. ' +
    "For example, in 'RETURN n.a, n.a + n.b + count(*)' the aggregation expression 'n.a + n.b + count(*)' includes the implicit grouping key 'n.b'. " +
    'It may be possible to rewrite the query by extracting these grouping/aggregation expressions into a preceding WITH clause. ' +
    `Illegal expression(s): ${illegal.map(formatExpression).join(', ')}`;
  return [syntaxError(context, first.span, message)];
}

/** `x` or `x.key`: what Neo4j accepts as a grouping key, with the variable it reads. */
function groupingReference(e: Expression): { variable: string } | null {
  if (e.kind === 'variable') return { variable: e.name };
  if (e.kind === 'property' && e.object.kind === 'variable') return { variable: e.object.name };
  return null;
}

/**
 * ORDER BY after a DISTINCT or aggregating RETURN: a variable that is in scope but not returned is
 * refused with Neo4j's explanation; one that is not in scope at all is simply not defined.
 */
export function checkOrderByAfterProjection(
  orderBy: readonly SortItem[],
  items: readonly ReturnItem[],
  inScope: ReadonlySet<string>,
  context: CheckContext,
): Diagnostic[] {
  const returned = new Set(items.map((i) => i.name));
  const diagnostics: Diagnostic[] = [];
  const visit = (e: Expression, bound: ReadonlySet<string>): void => {
    if (items.some((i) => sameExpression(i.expression, e))) return;
    if (e.kind === 'variable') {
      if (bound.has(e.name) || returned.has(e.name)) return;
      const message = inScope.has(e.name)
        ? `In a WITH/RETURN with DISTINCT or an aggregation, it is not possible to access variables declared before the WITH/RETURN: ${e.name}`
        : `Variable \`${e.name}\` not defined`;
      diagnostics.push(syntaxError(context, e.span, message));
      return;
    }
    for (const child of valueChildren(e)) visit(child.expression, boundIn(child, bound));
  };
  for (const item of orderBy) visit(item.expression, new Set());
  return diagnostics;
}
