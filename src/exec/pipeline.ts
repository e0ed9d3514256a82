/**
 * YIELD, WHERE and RETURN over a SHOW command's rows, as Neo4j runs them: it rewrites the pipeline
 * into `WITH ... RETURN ...` (AdministrationShowCommandUtils.generateReturnClause), which fixes
 *  - the default order: `ORDER BY user` (or `role`, ...) whenever that column is in scope under its
 *    own name and no ORDER BY was written (RETURN only adds one if YIELD had none);
 *  - WHERE after YIELD filters after YIELD's ORDER BY, SKIP and LIMIT;
 *  - YIELD ... WHERE without RETURN repeats YIELD's ORDER BY, SKIP and LIMIT after the WHERE, so
 *    SKIP is applied twice. That is Neo4j's behaviour, so it is ours.
 */
import type { Expression } from '../ast/expressions.js';
import type { ReturnClause, ShowPipeline, SortItem, YieldClause } from '../ast/show.js';
import type { TypedResult } from './commands/context.js';
import { columnValue, type ShowSource, type SourceRow } from './commands/show-sources.js';
import { argumentError, shownValue } from '../diagnostics/neo4j-error.js';
import { evaluate, type EvalContext } from './evaluate.js';
import { containsAggregate, isAggregate } from '../catalog/functions.js';
import { childExpressions } from '../ast/children.js';
import { compareForOrder, groupingKey, type Value } from './values.js';
import { isInt64 } from './integers.js';
import { notARowCount } from '../catalog/int64.js';

type Row = ReadonlyMap<string, Value>;

/** A table in flight: its column names in order, and rows keyed by them. */
interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly Row[];
}

export function runPipeline(source: ShowSource, pipeline: ShowPipeline, context: EvalContext): TypedResult {
  const table = shape(source, pipeline, context);
  return { columns: table.columns, records: table.rows.map((row) => table.columns.map((c) => row.get(c) ?? null)) };
}

function shape(source: ShowSource, pipeline: ShowPipeline, context: EvalContext): Table {
  const defaultSort = (scope: readonly string[]) => source.defaultOrder.filter((c) => scope.includes(c));
  if (pipeline.kind !== 'yield') {
    // No YIELD: the default columns, filtered by a bare WHERE, in the default order.
    const project = (row: SourceRow): Row => new Map(source.defaultColumns.map((c) => [c, row.get(c) ?? null]));
    let rows = source.rows.map(project);
    if (pipeline.kind === 'where') rows = rows.filter((row) => evaluate(pipeline.where, row, context) === true);
    return { columns: source.defaultColumns, rows: sortByColumns(rows, defaultSort(source.defaultColumns)) };
  }

  const yieldClause = pipeline.yield;
  const yielded = yieldItems(yieldClause, source);
  const yieldScope = yielded.map((item) => item.alias);
  const defaultYieldOrder = defaultSort(yieldScope);
  const explicitYieldOrder = yieldClause.orderBy.length > 0;
  const skip = integerArgument(yieldClause.skip?.value ?? null);
  const limit = integerArgument(yieldClause.limit?.value ?? null);

  // WITH items ORDER BY ... SKIP ... LIMIT ... [WHERE ...]
  const projected = source.rows.map((row) => ({ row, out: new Map(yielded.map((item) => [item.alias, columnValue(row, item.column)])) }));
  const orderWith = (entries: typeof projected) =>
    explicitYieldOrder
      ? sortBy(entries, yieldClause.orderBy, (e) => overlay(e.row, e.out), context)
      : sortByColumns(entries, defaultYieldOrder, (e) => e.out);
  let withRows = paginate(orderWith(projected), skip, limit).map((e) => e.out);
  if (yieldClause.where) {
    const where = yieldClause.where;
    withRows = withRows.filter((row) => evaluate(where, row, context) === true);
  }

  if (pipeline.return === null) {
    if (!yieldClause.where) return { columns: yieldScope, rows: withRows };
    // RETURN items ORDER BY ... SKIP ... LIMIT ..., repeated after the WHERE (see the comment at the top).
    const again = explicitYieldOrder
      ? sortBy(withRows, yieldClause.orderBy, (r) => r, context)
      : sortByColumns(withRows, defaultYieldOrder);
    return { columns: yieldScope, rows: paginate(again, skip, limit) };
  }
  // RETURN gets the default order only when YIELD had no order at all, explicit or default.
  const yieldWasOrdered = explicitYieldOrder || defaultYieldOrder.length > 0;
  return runReturn(pipeline.return, { columns: yieldScope, rows: withRows }, yieldWasOrdered ? [] : source.defaultOrder, context);
}

interface YieldedColumn {
  readonly column: string;
  readonly alias: string;
}

function yieldItems(clause: YieldClause, source: ShowSource): YieldedColumn[] {
  if (clause.items === '*') return source.columns.map((c) => ({ column: c, alias: c }));
  return clause.items.map((item) => ({ column: item.column, alias: item.alias }));
}

function runReturn(clause: ReturnClause, input: Table, defaultOrder: readonly string[], context: EvalContext): Table {
  // RETURN * lists the variables in scope in alphabetical order, as Cypher does, before the items written after it
  // (a name that an item returns is that item's column).
  const written = new Set(clause.items.map((item) => item.name));
  const star = clause.star ? [...input.columns].filter((name) => !written.has(name)).sort() : [];
  const items = [
    ...star.map((name) => ({ name, expression: null as Expression | null })),
    ...clause.items.map((item) => ({ name: item.name, expression: item.expression as Expression | null })),
  ];
  const columns = items.map((i) => i.name);
  const valueOf = (item: (typeof items)[number], row: Row, ctx: EvalContext): Value =>
    item.expression === null ? (row.get(item.name) ?? null) : evaluate(item.expression, row, ctx);

  const aggregating = items.some((i) => i.expression !== null && containsAggregate(i.expression));
  let entries: { row: Row; out: Row; aggregates?: ReadonlyMap<Expression, Value> }[];
  if (aggregating) {
    entries = aggregate(items, input.rows, clause.orderBy, context);
  } else {
    entries = input.rows.map((row) => ({ row, out: new Map(items.map((item) => [item.name, valueOf(item, row, context)])) }));
  }
  if (clause.distinct) {
    const seen = new Set<string>();
    entries = entries.filter((e) => {
      const key = groupingKey(columns.map((c) => e.out.get(c) ?? null));
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const sortScope = (e: (typeof entries)[number]) => overlay(e.row, e.out);
  const sorted =
    clause.orderBy.length > 0
      ? sortBy(entries, clause.orderBy, sortScope, context, (e) => e.aggregates)
      : sortByColumns(
          entries,
          defaultOrder.filter((c) => columns.includes(c)),
          (e) => e.out,
        );
  const skip = clause.skip ? integerValue(evaluate(clause.skip, new Map(), context)) : null;
  const limit = clause.limit ? integerValue(evaluate(clause.limit, new Map(), context)) : null;
  return { columns, rows: paginate(sorted, skip, limit).map((e) => e.out) };
}

/** Groups rows by the non-aggregate items and computes every aggregate call (in items and ORDER BY). */
function aggregate(
  items: readonly { name: string; expression: Expression | null }[],
  rows: readonly Row[],
  orderBy: readonly SortItem[],
  context: EvalContext,
): { row: Row; out: Row; aggregates: ReadonlyMap<Expression, Value> }[] {
  const keys = items.filter((i) => i.expression === null || !containsAggregate(i.expression));
  const calls: Expression[] = [];
  const collectCalls = (e: Expression) => forEachAggregate(e, (call) => calls.push(call));
  for (const item of items) if (item.expression) collectCalls(item.expression);
  for (const sort of orderBy) collectCalls(sort.expression);

  const groups = new Map<string, { first: Row; members: Row[] }>();
  for (const row of rows) {
    const keyValues = keys.map((k) => (k.expression === null ? (row.get(k.name) ?? null) : evaluate(k.expression, row, context)));
    const key = groupingKey(keyValues);
    const group = groups.get(key);
    if (group) group.members.push(row);
    else groups.set(key, { first: row, members: [row] });
  }
  // Aggregating over no rows without grouping keys still gives one row: count(*) = 0, collect() = [].
  if (groups.size === 0 && keys.length === 0) groups.set('', { first: new Map(), members: [] });

  return [...groups.values()].map(({ first, members }) => {
    const aggregates = new Map<Expression, Value>(calls.map((call) => [call, computeAggregate(call, members, context)]));
    const ctx: EvalContext = { ...context, aggregates };
    const out = new Map(
      items.map((item) => [item.name, item.expression === null ? (first.get(item.name) ?? null) : evaluate(item.expression, first, ctx)]),
    );
    return { row: first, out, aggregates };
  });
}

function forEachAggregate(expression: Expression, visit: (call: Expression) => void): void {
  if (isAggregate(expression)) {
    visit(expression);
    return;
  }
  for (const child of childExpressions(expression)) forEachAggregate(child.expression, visit);
}

function computeAggregate(call: Expression, rows: readonly Row[], context: EvalContext): Value {
  if (call.kind === 'count-star') return BigInt(rows.length);
  if (call.kind !== 'function-call') throw new Error(`not an aggregate: ${call.kind}`);
  const argument = call.args[0];
  let values = argument ? rows.map((row) => evaluate(argument, row, context)).filter((v) => v !== null) : [];
  if (call.distinct) {
    const seen = new Set<string>();
    values = values.filter((v) => {
      const key = groupingKey(v);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  switch (call.name.toLowerCase()) {
    case 'count':
      return BigInt(values.length);
    case 'collect':
      context.budget.list(values.length);
      return values;
    case 'min':
      return values.reduce<Value>((min, v) => (min === null || compareForOrder(v, min) < 0 ? v : min), null);
    case 'max':
      return values.reduce<Value>((max, v) => (max === null || compareForOrder(v, max) > 0 ? v : max), null);
    case 'sum':
      return sum(values, 'sum');
    case 'avg': {
      if (values.length === 0) return null;
      const total = sum(values, 'avg');
      return Number(total) / values.length;
    }
    default:
      throw new Error(`unknown aggregate ${call.name}`);
  }
}

function sum(values: readonly Value[], name: string): Value {
  let integer = 0n;
  let float: number | null = null;
  for (const v of values) {
    if (typeof v === 'bigint') integer += v;
    else if (typeof v === 'number') float = (float ?? 0) + v;
    else throw argumentError(`${name}() can only handle numerical values, duration, and null. Got ${String(v)}`);
  }
  return float === null ? integer : float + Number(integer);
}

/** Reads variables from the projected row first, then from the row it came from. */
function overlay(base: Row, top: Row): Row {
  const merged = new Map(base);
  for (const [k, v] of top) merged.set(k, v);
  return merged;
}

function sortBy<T>(
  entries: readonly T[],
  items: readonly SortItem[],
  scope: (entry: T) => Row,
  context: EvalContext,
  aggregates?: (entry: T) => ReadonlyMap<Expression, Value> | undefined,
): T[] {
  const keyed = entries.map((entry) => {
    const entryAggregates = aggregates?.(entry);
    const ctx = entryAggregates ? { ...context, aggregates: entryAggregates } : context;
    const row = scope(entry);
    return { entry, keys: items.map((item) => evaluate(item.expression, row, ctx)) };
  });
  keyed.sort((a, b) => {
    for (let i = 0; i < items.length; i++) {
      const keyA = a.keys[i];
      const keyB = b.keys[i];
      const item = items[i];
      if (keyA === undefined || keyB === undefined || item === undefined) throw new Error('sortBy: every entry has one key per sort item');
      const c = compareForOrder(keyA, keyB);
      if (c !== 0) return item.descending ? -c : c;
    }
    return 0;
  });
  return keyed.map((k) => k.entry);
}

function sortByColumns<T = Row>(rows: readonly T[], columns: readonly string[], rowOf: (entry: T) => Row = (entry) => entry as Row): T[] {
  if (columns.length === 0) return [...rows];
  return [...rows].sort((a, b) => {
    for (const column of columns) {
      const c = compareForOrder(rowOf(a).get(column) ?? null, rowOf(b).get(column) ?? null);
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** SKIP and LIMIT take any non-negative INTEGER; past the number of rows, every value means the same. */
function paginate<T>(rows: readonly T[], skip: bigint | null, limit: bigint | null): T[] {
  const rowCount = BigInt(rows.length);
  const start = Number(skip === null || skip > rowCount ? (skip === null ? 0n : rowCount) : skip);
  const count = limit === null || limit > rowCount ? rows.length : Number(limit);
  return rows.slice(start, start + count);
}

function integerArgument(text: string | null): bigint | null {
  if (text === null) return null;
  const value = /^\d+$/.test(text) ? BigInt(text) : -1n;
  if (value < 0n || !isInt64(value)) throw argumentError(notARowCount(text));
  return value;
}

function integerValue(value: Value): bigint {
  if (typeof value === 'bigint' && value >= 0n) return value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return BigInt(value);
  throw argumentError(notARowCount(typeof value === 'string' ? shownValue(value) : String(value)));
}
