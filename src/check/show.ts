/**
 * SHOW pipelines: every name must be a column in scope. A bare WHERE sees the default columns; YIELD
 * picks (and may rename) columns, and what follows sees only what it yielded.
 */
import type { Expression } from '../ast/expressions.js';
import type { ShowPipeline, SortItem } from '../ast/show.js';
import type { Diagnostic } from '../diagnostics.js';
import { syntaxError, type CheckContext } from './context.js';
import { showColumns, type ShowCommand } from './columns.js';

export function checkShow(command: ShowCommand, context: CheckContext): Diagnostic[] {
  const columns = showColumns(command);
  const pipeline: ShowPipeline = command.pipeline;
  const diagnostics: Diagnostic[] = [];
  const undefinedIn = (expression: Expression, scope: ReadonlySet<string>) => {
    for (const variable of freeVariables(expression)) {
      if (!scope.has(variable.name)) diagnostics.push(syntaxError(context, variable.span, `Variable \`${variable.name}\` not defined`));
    }
  };
  const sortItems = (items: readonly SortItem[], scope: ReadonlySet<string>) => items.forEach((i) => undefinedIn(i.expression, scope));

  if (pipeline.kind === 'none') return diagnostics;
  if (pipeline.kind === 'where') {
    undefinedIn(pipeline.where, new Set(columns.defaults));
    return diagnostics;
  }

  const { yield: yieldClause, return: returnClause } = pipeline;
  const all = new Set(columns.all);
  let scope: Set<string>;
  if (yieldClause.items === '*') {
    scope = all;
  } else {
    scope = new Set();
    for (const item of yieldClause.items) {
      if (!all.has(item.column)) diagnostics.push(syntaxError(context, item.span, `Variable \`${item.column}\` not defined`));
      if (scope.has(item.alias)) diagnostics.push(syntaxError(context, item.span, 'Multiple result columns with the same name are not supported'));
      scope.add(item.alias);
    }
  }
  sortItems(yieldClause.orderBy, scope);
  for (const argument of [yieldClause.skip, yieldClause.limit]) {
    if (argument && argument.value.startsWith('-')) {
      diagnostics.push(syntaxError(context, argument.span, `Invalid input. '${argument.value}' is not a valid value. Must be a non-negative integer.`));
    }
  }
  if (yieldClause.where) undefinedIn(yieldClause.where, scope);

  if (returnClause) {
    const returned = new Set<string>();
    if (returnClause.items === '*') {
      for (const name of scope) returned.add(name);
    } else {
      for (const item of returnClause.items) {
        undefinedIn(item.expression, scope);
        if (returned.has(item.name)) diagnostics.push(syntaxError(context, item.span, 'Multiple result columns with the same name are not supported'));
        returned.add(item.name);
      }
    }
    sortItems(returnClause.orderBy, new Set([...scope, ...returned]));
    for (const expression of [returnClause.skip, returnClause.limit]) if (expression) undefinedIn(expression, new Set());
  }
  return diagnostics;
}

/** The variables an expression reads that it does not bind itself (list predicates bind their own). */
export function freeVariables(root: Expression): { name: string; span: Expression['span'] }[] {
  const found: { name: string; span: Expression['span'] }[] = [];
  const visit = (e: Expression, bound: ReadonlySet<string>): void => {
    switch (e.kind) {
      case 'variable':
        if (!bound.has(e.name)) found.push({ name: e.name, span: e.span });
        return;
      case 'list':
        return e.items.forEach((i) => visit(i, bound));
      case 'map':
        return e.entries.forEach((entry) => visit(entry.value, bound));
      case 'property':
        return visit(e.object, bound);
      case 'index':
        visit(e.object, bound);
        return visit(e.index, bound);
      case 'slice':
        visit(e.object, bound);
        if (e.from) visit(e.from, bound);
        if (e.to) visit(e.to, bound);
        return;
      case 'unary':
      case 'is-null':
        return visit(e.operand, bound);
      case 'binary':
        visit(e.left, bound);
        return visit(e.right, bound);
      case 'comparison':
        visit(e.first, bound);
        return e.rest.forEach((r) => visit(r.operand, bound));
      case 'case':
        if (e.subject) visit(e.subject, bound);
        e.alternatives.forEach((a) => {
          visit(a.when, bound);
          visit(a.then, bound);
        });
        if (e.otherwise) visit(e.otherwise, bound);
        return;
      case 'list-predicate': {
        visit(e.list, bound);
        return visit(e.where, new Set([...bound, e.variable]));
      }
      case 'list-comprehension': {
        visit(e.list, bound);
        const inner = new Set([...bound, e.variable]);
        if (e.where) visit(e.where, inner);
        if (e.projection) visit(e.projection, inner);
        return;
      }
      case 'function-call':
        return e.args.forEach((a) => visit(a, bound));
      case 'string':
      case 'integer':
      case 'float':
      case 'boolean':
      case 'null':
      case 'parameter':
      case 'count-star':
        return;
    }
  };
  visit(root, new Set());
  return found;
}
