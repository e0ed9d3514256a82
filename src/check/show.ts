/**
 * SHOW pipelines: every name must be a column in scope. A bare WHERE sees the default columns; YIELD
 * picks (and may rename) columns, and what follows sees only what it yielded. Each expression is also
 * checked for its function calls and aggregation (./expressions.ts), its types (./types.ts) and, in an
 * aggregating or DISTINCT RETURN, what it may still refer to (./grouping.ts).
 */
import { boundIn, childExpressions } from '../ast/children.js';
import type { Expression } from '../ast/expressions.js';
import type { ShowPipeline, SortItem } from '../ast/show.js';
import type { Diagnostic } from '../diagnostics.js';
import { syntaxError, type CheckContext } from './context.js';
import { showColumns, type ShowCommand } from './columns.js';
import { checkExpression, type ExpressionContext } from './expressions.js';
import { containsAggregate } from '../functions.js';
import { checkImplicitGrouping, checkOrderByAfterProjection } from './grouping.js';
import { checkTypes, columnType, inferType, type CypherType, type TypeScope } from './types.js';

export function checkShow(command: ShowCommand, context: CheckContext): Diagnostic[] {
  const columns = showColumns(command);
  const pipeline: ShowPipeline = command.pipeline;
  const diagnostics: Diagnostic[] = [];
  const undefinedIn = (expression: Expression, scope: ReadonlySet<string>) => {
    for (const variable of freeVariables(expression)) {
      if (!scope.has(variable.name)) diagnostics.push(syntaxError(context, variable.span, `Variable \`${variable.name}\` not defined`));
    }
  };
  const calls = (expression: Expression, where: ExpressionContext) => diagnostics.push(...checkExpression(expression, where, context));
  const typed = (expression: Expression, types: TypeScope, predicate: boolean) => diagnostics.push(...checkTypes(expression, types, predicate, context));
  const sortItems = (items: readonly SortItem[], scope: ReadonlySet<string>, types: TypeScope) =>
    items.forEach((i) => {
      undefinedIn(i.expression, scope);
      calls(i.expression, 'results');
      typed(i.expression, types, false);
    });

  if (pipeline.kind === 'none') return diagnostics;
  if (pipeline.kind === 'where') {
    undefinedIn(pipeline.where, new Set(columns.defaults));
    calls(pipeline.where, 'simple');
    typed(pipeline.where, new Map(columns.defaults.map((c) => [c, columnType(c)])), true);
    return diagnostics;
  }

  const { yield: yieldClause, return: returnClause } = pipeline;
  // Neo4j finds these while rewriting the query, before any other check, and reports nothing else.
  // YIELD is a WITH to Neo4j, and it never aggregates.
  if (yieldClause.orderBy.some((i) => containsAggregate(i.expression))) {
    return [syntaxError(context, yieldClause.span, 'Cannot use aggregation in ORDER BY if there are no aggregate expressions in the preceding WITH')];
  }
  if (
    returnClause &&
    returnClause.orderBy.some((i) => containsAggregate(i.expression)) &&
    (returnClause.items === '*' || !returnClause.items.some((i) => containsAggregate(i.expression)))
  ) {
    return [syntaxError(context, returnClause.span, 'Cannot use aggregation in ORDER BY if there are no aggregate expressions in the preceding RETURN')];
  }
  const all = new Set(columns.all);
  let scope: Set<string>;
  const types = new Map<string, CypherType>();
  if (yieldClause.items === '*') {
    scope = all;
    for (const column of all) types.set(column, columnType(column));
  } else {
    scope = new Set();
    for (const item of yieldClause.items) {
      if (!all.has(item.column)) diagnostics.push(syntaxError(context, item.span, `Variable \`${item.column}\` not defined`));
      if (scope.has(item.alias)) diagnostics.push(syntaxError(context, item.span, 'Multiple result columns with the same name are not supported'));
      scope.add(item.alias);
      if (all.has(item.column)) types.set(item.alias, columnType(item.column));
    }
  }
  sortItems(yieldClause.orderBy, scope, types);
  for (const argument of [yieldClause.skip, yieldClause.limit]) {
    if (argument && argument.value.startsWith('-')) {
      diagnostics.push(syntaxError(context, argument.span, `Invalid input. '${argument.value}' is not a valid value. Must be a non-negative integer.`));
    }
  }
  if (yieldClause.where) {
    undefinedIn(yieldClause.where, scope);
    calls(yieldClause.where, 'simple');
    typed(yieldClause.where, types, true);
  }

  if (returnClause) {
    const returned = new Set<string>();
    const returnedTypes = new Map(types);
    if (returnClause.items === '*') {
      for (const name of scope) returned.add(name);
    } else {
      for (const item of returnClause.items) {
        undefinedIn(item.expression, scope);
        calls(item.expression, 'results');
        typed(item.expression, types, false);
        returnedTypes.set(item.name, inferType(item.expression, types));
        if (returned.has(item.name)) diagnostics.push(syntaxError(context, item.span, 'Multiple result columns with the same name are not supported'));
        returned.add(item.name);
      }
      diagnostics.push(...checkImplicitGrouping(returnClause.items, context));
    }
    const items = returnClause.items;
    if (items !== '*' && (returnClause.distinct || items.some((i) => containsAggregate(i.expression)))) {
      diagnostics.push(...checkOrderByAfterProjection(returnClause.orderBy, items, scope, context));
      returnClause.orderBy.forEach((i) => {
        calls(i.expression, 'results');
        typed(i.expression, returnedTypes, false);
      });
    } else {
      sortItems(returnClause.orderBy, new Set([...scope, ...returned]), returnedTypes);
    }
    for (const expression of [returnClause.skip, returnClause.limit]) {
      if (!expression) continue;
      undefinedIn(expression, new Set());
      calls(expression, 'simple');
    }
  }
  return diagnostics;
}

/** The variables an expression reads that it does not bind itself (list predicates bind their own). */
export function freeVariables(root: Expression): { name: string; span: Expression['span'] }[] {
  const found: { name: string; span: Expression['span'] }[] = [];
  const visit = (e: Expression, bound: ReadonlySet<string>): void => {
    if (e.kind === 'variable') {
      if (!bound.has(e.name)) found.push({ name: e.name, span: e.span });
      return;
    }
    for (const child of childExpressions(e)) visit(child.expression, boundIn(child, bound));
  };
  visit(root, new Set());
  return found;
}
