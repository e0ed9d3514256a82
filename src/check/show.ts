/**
 * SHOW pipelines: every name must be a column in scope. A bare WHERE sees the default columns; YIELD
 * picks (and may rename) columns, and what follows sees only what it yielded. Each expression is also
 * checked for its function calls and aggregation (./expressions.ts), its types (./types.ts) and, in an
 * aggregating or DISTINCT RETURN, what it may still refer to (./grouping.ts).
 */
import { boundIn, childExpressions } from '../ast/children.js';
import type { Expression, SubqueryExpression } from '../ast/expressions.js';
import type { ReturnClause, ReturnItem, ShowPipeline } from '../ast/show.js';
import type { Diagnostic } from '../diagnostics/codes.js';
import { appendAll, syntaxError, type CheckContext } from './context.js';
import { showColumns, type ShowCommand } from '../catalog/show-columns.js';
import { checkExpression, INTEGER_TOO_LARGE, type ExpressionContext } from './expressions.js';
import { isInt64, notARowCount } from '../catalog/int64.js';
import { containsAggregate, valueChildren } from '../catalog/functions.js';
import { checkImplicitGrouping, checkOrderByAfterProjection } from './grouping.js';
import { ANY } from './type-set.js';
import { checkTypes, columnType, inferType, INTEGER, mismatch, neo4jSpan, type TypeScope, type TypeSet } from './types.js';

export function checkShow(command: ShowCommand, context: CheckContext): Diagnostic[] {
  const columns = showColumns(command);
  const pipeline: ShowPipeline = command.pipeline;
  const diagnostics: Diagnostic[] = [];
  /** Every check of one expression, against the names in scope (with their types). */
  const check = (expression: Expression, scope: TypeScope, where: ExpressionContext, predicate = false) => {
    for (const variable of freeVariables(expression)) {
      if (!scope.has(variable.name)) diagnostics.push(syntaxError(context, variable.span, `Variable \`${variable.name}\` not defined`));
    }
    appendAll(diagnostics, checkExpression(expression, where, context), checkTypes(expression, scope, predicate, context));
  };
  const columnScope = (names: readonly string[]): TypeScope => new Map(names.map((c) => [c, columnType(c)]));

  if (pipeline.kind === 'none') return diagnostics;
  // Neo4j looks for a subquery before any other check of the pipeline, and reports only the first.
  const subquery = firstSubquery(pipelineExpressions(pipeline));
  if (subquery) return [syntaxError(context, subquery.span, `The ${subquery.subquery} expression is not valid on SHOW commands.`)];
  if (pipeline.kind === 'where') {
    check(pipeline.where, columnScope(columns.defaults), 'simple', true);
    return diagnostics;
  }

  const { yield: yieldClause, return: returnClause } = pipeline;
  // Neo4j finds these while rewriting the query, before any other check, and reports nothing else.
  // YIELD is a WITH to Neo4j, and it never aggregates.
  if (yieldClause.orderBy.some((i) => containsAggregate(i.expression))) {
    return [
      syntaxError(
        context,
        yieldClause.span,
        'Cannot use aggregation in ORDER BY if there are no aggregate expressions in the preceding WITH',
      ),
    ];
  }
  if (
    returnClause &&
    returnClause.orderBy.some((i) => containsAggregate(i.expression)) &&
    !returnClause.items.some((i) => containsAggregate(i.expression))
  ) {
    return [
      syntaxError(
        context,
        returnClause.span,
        'Cannot use aggregation in ORDER BY if there are no aggregate expressions in the preceding RETURN',
      ),
    ];
  }

  // What YIELD puts in scope: each yielded name with its column's type.
  const all = new Set<string>(columns.all);
  const scope = new Map<string, TypeSet>(yieldClause.items === '*' ? columnScope(columns.all) : []);
  if (yieldClause.items !== '*') {
    for (const item of yieldClause.items) {
      if (!all.has(item.column)) diagnostics.push(syntaxError(context, item.span, `Variable \`${item.column}\` not defined`));
      if (scope.has(item.alias))
        diagnostics.push(syntaxError(context, item.span, 'Multiple result columns with the same name are not supported'));
      scope.set(item.alias, all.has(item.column) ? columnType(item.column) : ANY);
    }
  }
  yieldClause.orderBy.forEach((i) => check(i.expression, scope, 'results'));
  for (const argument of [yieldClause.skip, yieldClause.limit]) {
    if (argument && !isInt64(BigInt(argument.value))) diagnostics.push(syntaxError(context, argument.span, INTEGER_TOO_LARGE));
    else if (argument && argument.value.startsWith('-')) {
      diagnostics.push(syntaxError(context, argument.span, notARowCount(argument.value)));
    }
  }
  if (yieldClause.where) check(yieldClause.where, scope, 'simple', true);
  if (!returnClause) return diagnostics;

  // ORDER BY after RETURN sees the yielded names and the returned ones.
  const visible = new Map(scope);
  // `*` projects every name in scope, as if each were written: checked with the items after it.
  const items = [...(returnClause.star ? starItems(scope, returnClause) : []), ...returnClause.items];
  const returned = new Set<string>();
  for (const item of items) {
    check(item.expression, scope, 'results');
    visible.set(item.name, inferType(item.expression, scope));
    if (returned.has(item.name))
      diagnostics.push(syntaxError(context, item.span, 'Multiple result columns with the same name are not supported'));
    returned.add(item.name);
  }
  appendAll(diagnostics, checkImplicitGrouping(items, context));
  if (returnClause.distinct || items.some((i) => containsAggregate(i.expression))) {
    // Which names ORDER BY may still read is decided by the grouping check.
    appendAll(diagnostics, checkOrderByAfterProjection(returnClause.orderBy, items, new Set(scope.keys()), context));
    for (const i of returnClause.orderBy)
      appendAll(diagnostics, checkExpression(i.expression, 'results', context), checkTypes(i.expression, visible, false, context));
  } else {
    returnClause.orderBy.forEach((i) => check(i.expression, visible, 'results'));
  }
  if (returnClause.skip) appendAll(diagnostics, checkSkipOrLimit(returnClause.skip, 'SKIP', visible, context));
  if (returnClause.limit) appendAll(diagnostics, checkSkipOrLimit(returnClause.limit, 'LIMIT', visible, context));
  return diagnostics;
}

/**
 * RETURN's SKIP (or OFFSET) and LIMIT, as Neo4j's semantic analysis checks them: a value known before the
 * query runs (no variables), of type INTEGER, and a literal must be a non-negative integer. Neo4j lists
 * these in no fixed order; this is one of the orders it gives.
 */
function checkSkipOrLimit(expression: Expression, clause: 'SKIP' | 'LIMIT', scope: TypeScope, context: CheckContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const variables = freeVariables(expression);
  const [first] = variables;
  if (first) {
    const message = `It is not allowed to refer to variables in ${clause}, so that the value for ${clause} can be statically calculated.`;
    diagnostics.push(syntaxError(context, first.span, message));
  }
  for (const variable of variables) {
    if (!scope.has(variable.name)) diagnostics.push(syntaxError(context, variable.span, `Variable \`${variable.name}\` not defined`));
  }
  appendAll(diagnostics, checkExpression(expression, 'simple', context), checkTypes(expression, scope, false, context));
  const wrongType = mismatch(inferType(expression, scope), INTEGER);
  if (wrongType !== null) diagnostics.push(syntaxError(context, neo4jSpan(expression), wrongType));
  const literal = invalidLiteral(expression);
  if (literal !== null) {
    diagnostics.push(syntaxError(context, expression.span, notARowCount(literal)));
  }
  return diagnostics;
}

/** A literal that is no count of rows, as Neo4j prints it in its message (`'x'` as x, null as NULL), or null. */
function invalidLiteral(e: Expression): string | null {
  switch (e.kind) {
    case 'string':
      return e.value;
    case 'float':
    case 'boolean':
      return String(e.value);
    case 'null':
      return 'NULL';
    case 'unary': {
      const operand = e.operator === '-' ? e.operand : null;
      if (operand?.kind === 'float') return `-${operand.value}`;
      return operand?.kind === 'integer' && operand.value !== '0' ? `-${operand.value}` : null;
    }
    default:
      return null;
  }
}

/**
 * What `RETURN *` stands for: each name in scope that no item after it returns (Neo4j takes `RETURN *, user`),
 * returned as itself, in alphabetical order.
 */
function starItems(scope: TypeScope, clause: ReturnClause): ReturnItem[] {
  const written = new Set(clause.items.map((i) => i.name));
  const { span } = clause;
  return [...scope.keys()]
    .filter((name) => !written.has(name))
    .sort()
    .map((name) => ({ expression: { kind: 'variable', name, span }, name, aliased: false, span }));
}

/** Every top-level expression of a SHOW pipeline, in source order (null: a clause not given). */
function pipelineExpressions(pipeline: ShowPipeline): (Expression | null)[] {
  if (pipeline.kind === 'none') return [];
  if (pipeline.kind === 'where') return [pipeline.where];
  const { yield: y, return: r } = pipeline;
  const returned = r ? [...r.items, ...r.orderBy].map((i) => i.expression) : [];
  return [...y.orderBy.map((i) => i.expression), y.where, ...returned, r?.skip ?? null, r?.limit ?? null];
}

/** The first `EXISTS`/`COUNT`/`COLLECT { ... }` in `roots`, depth first. */
function firstSubquery(roots: readonly (Expression | null)[]): SubqueryExpression | undefined {
  for (const e of roots) {
    const found = e?.kind === 'subquery' ? e : e && firstSubquery(childExpressions(e).map((c) => c.expression));
    if (found) return found;
  }
  return undefined;
}

/** The variables an expression reads that it does not bind itself (list predicates bind their own). */
export function freeVariables(root: Expression): { name: string; span: Expression['span'] }[] {
  const found: { name: string; span: Expression['span'] }[] = [];
  const visit = (e: Expression, bound: ReadonlySet<string>): void => {
    if (e.kind === 'variable') {
      if (!bound.has(e.name)) found.push({ name: e.name, span: e.span });
      return;
    }
    for (const child of valueChildren(e)) visit(child.expression, boundIn(child, bound));
  };
  visit(root, new Set());
  return found;
}
