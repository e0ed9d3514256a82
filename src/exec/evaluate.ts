/**
 * Evaluates the expressions of SHOW's WHERE, RETURN and ORDER BY with Cypher's semantics: three-valued
 * logic, null propagation, exact INTEGER arithmetic, and the functions admin queries use.
 */
import type { BinaryOperator, ComparisonOperator, Expression, FunctionCall } from '../ast/expressions.js';
import { assertNever } from '../diagnostics/assert-never.js';
import { StatusCode } from '../diagnostics/codes.js';
import { Neo4jError, typeError } from '../diagnostics/neo4j-error.js';
import { parameterValue } from './params.js';
import {
  compareForOrder,
  compareNumbers,
  equals,
  formatFloat,
  isList,
  isMap,
  isNumber,
  mapOf,
  typeName,
  valueAt,
  type Value,
} from './values.js';
import { callFunction } from './functions.js';
import { isAggregate } from '../catalog/functions.js';
import type { StatementBudget } from './budget.js';
import { regexMatches } from './regex.js';
import { INT64_MIN, checkOverflow, integerLiteral } from './integers.js';

export interface EvalContext {
  readonly params: Readonly<Record<string, Value>>;
  /** Values of aggregate calls already computed by the caller (RETURN with count/collect/...), keyed by AST node. */
  readonly aggregates?: ReadonlyMap<Expression, Value>;
  /** The statement's work budget, counted by every evaluation and allocation. */
  readonly budget: StatementBudget;
}

export type Row = ReadonlyMap<string, Value>;

export function evaluate(expression: Expression, row: Row, context: EvalContext): Value {
  const e = expression;
  const budget = context.budget;
  budget.step();
  switch (e.kind) {
    case 'string':
      return e.value;
    case 'integer':
      return integerLiteral(e.value);
    case 'float':
      return e.value;
    case 'boolean':
      return e.value;
    case 'null':
      return null;
    case 'list':
      budget.list(e.items.length);
      return e.items.map((item) => evaluate(item, row, context));
    case 'map':
      return mapOf(e.entries.map((entry) => [entry.key, evaluate(entry.value, row, context)]));
    case 'map-projection': {
      const base = evaluate(e.base, row, context);
      if (base === null) return null;
      if (!isMap(base)) throw typeError(`Type mismatch: expected a map but was ${typeName(base)}`);
      const entries: [string, Value][] = [];
      for (const item of e.items) {
        if (item.kind === 'property') entries.push([item.key, valueAt(base, item.key)]);
        else if (item.kind === 'entry') entries.push([item.key, evaluate(item.value, row, context)]);
        else if (item.kind === 'variable') entries.push([item.variable.name, evaluate(item.variable, row, context)]);
        else for (const [key, value] of Object.entries(base)) entries.push([key, value]);
      }
      budget.list(entries.length);
      return mapOf(entries);
    }
    case 'parameter':
      return parameterValue(e, context.params);
    case 'variable': {
      const value = row.get(e.name);
      if (value === undefined) throw new Error(`Variable \`${e.name}\` not defined`);
      return value;
    }
    case 'property': {
      const object = evaluate(e.object, row, context);
      if (object === null) return null;
      if (!isMap(object)) throw typeError(`Type mismatch: expected a map but was ${typeName(object)}`);
      return valueAt(object, e.property);
    }
    case 'index':
      return indexInto(evaluate(e.object, row, context), evaluate(e.index, row, context));
    case 'slice':
      return slice(
        evaluate(e.object, row, context),
        e.from ? evaluate(e.from, row, context) : undefined,
        e.to ? evaluate(e.to, row, context) : undefined,
        budget,
      );
    case 'unary': {
      // -9223372036854775808 is one literal to Neo4j (a signed integer literal), not the negation of one too large.
      if (e.operator === '-' && e.operand.kind === 'integer' && BigInt(e.operand.value) === -INT64_MIN) return INT64_MIN;
      const operand = evaluate(e.operand, row, context);
      if (e.operator === 'NOT') return not(operand);
      if (operand === null) return null;
      if (!isNumber(operand)) throw typeError(`Cannot apply unary ${e.operator} to ${typeName(operand)}`);
      return e.operator === '+' ? operand : typeof operand === 'bigint' ? checkOverflow(-operand) : -operand;
    }
    case 'binary':
      return binary(e.operator, e.left, e.right, row, context);
    case 'comparison': {
      let left = evaluate(e.first, row, context);
      let result: boolean | null = true;
      for (const { operator, operand } of e.rest) {
        const right = evaluate(operand, row, context);
        result = and(result, compare(operator, left, right));
        left = right;
      }
      return result;
    }
    case 'is-null': {
      const value = evaluate(e.operand, row, context);
      return e.negated ? value !== null : value === null;
    }
    case 'is-normalized': {
      const value = evaluate(e.operand, row, context);
      if (typeof value !== 'string') return null;
      const normalized = value.normalize(e.form) === value;
      return e.negated ? !normalized : normalized;
    }
    case 'case': {
      const subject = e.subject ? evaluate(e.subject, row, context) : undefined;
      for (const alternative of e.alternatives) {
        const when = evaluate(alternative.when, row, context);
        const matches = subject === undefined ? when === true : equals(subject, when) === true;
        if (matches) return evaluate(alternative.then, row, context);
      }
      return e.otherwise ? evaluate(e.otherwise, row, context) : null;
    }
    case 'list-predicate': {
      const list = traversable(evaluate(e.list, row, context));
      if (list === null) return null;
      const results = list.map((item) => predicate(evaluate(e.where, withVariable(row, e.variable, item), context)));
      const trues = results.filter((r) => r === true).length;
      const nulls = results.filter((r) => r === null).length;
      switch (e.predicate) {
        case 'any':
          return trues > 0 ? true : nulls > 0 ? null : false;
        case 'all':
          return results.some((r) => r === false) ? false : nulls > 0 ? null : true;
        case 'none':
          return trues > 0 ? false : nulls > 0 ? null : true;
        case 'single':
          return trues > 1 ? false : nulls > 0 ? null : trues === 1;
        default:
          return assertNever(e.predicate, 'list predicate');
      }
    }
    case 'list-comprehension': {
      const list = traversable(evaluate(e.list, row, context));
      if (list === null) return null;
      const out: Value[] = [];
      for (const item of list) {
        const scope = withVariable(row, e.variable, item);
        if (e.where && evaluate(e.where, scope, context) !== true) continue;
        budget.list(1);
        out.push(e.projection ? evaluate(e.projection, scope, context) : item);
      }
      return out;
    }
    case 'reduce': {
      // As Neo4j's ReduceFunction: the list first, and nothing more where it is null.
      const list = traversable(evaluate(e.list, row, context));
      if (list === null) return null;
      let accumulated = evaluate(e.init, row, context);
      for (const item of list) {
        const scope = new Map(row);
        scope.set(e.accumulator, accumulated);
        scope.set(e.variable, item); // the element wins where both have one name, as the check types it
        accumulated = evaluate(e.step, scope, context);
      }
      return accumulated;
    }
    case 'trim': {
      // Neo4j reads the FROM form as trim(specification, characters, source).
      const characters = e.characters ? [evaluate(e.characters, row, context)] : [];
      return callFunction('trim', [e.specification ?? 'BOTH', ...characters, evaluate(e.source, row, context)], budget);
    }
    case 'function-call':
    case 'count-star': {
      if (isAggregate(e)) {
        const aggregate = context.aggregates?.get(e);
        if (aggregate !== undefined) return aggregate;
        // The semantic check refuses aggregation outside RETURN and ORDER BY, so this is a bug of ours.
        throw new Error('aggregate evaluated outside an aggregation');
      }
      const call = e as FunctionCall;
      return callFunction(
        call.name,
        call.args.map((arg) => evaluate(arg, row, context)),
        budget,
      );
    }
    case 'subquery':
      // The semantic check refuses subqueries on SHOW commands, so this is a bug of ours.
      throw new Error('subquery');
    default:
      return assertNever(e, 'expression kind');
  }
}

/**
 * What a list predicate, comprehension or reduce walks: a list, or any other value as a list of itself (Neo4j's
 * ListSupport.makeTraversable: `[x IN $p | x]` with `$p = 1` is `[1]`, which only a parameter can bring past the check).
 */
function traversable(value: Value): readonly Value[] | null {
  if (value === null) return null;
  return isList(value) ? value : [value];
}

function withVariable(row: Row, name: string, value: Value): Row {
  const scope = new Map(row);
  scope.set(name, value);
  return scope;
}

function predicate(value: Value): boolean | null {
  if (value === null || typeof value === 'boolean') return value;
  throw typeError(`Type mismatch: expected Boolean but was ${typeName(value)}`);
}

function not(value: Value): Value {
  const v = predicate(value);
  return v === null ? null : !v;
}

function and(a: boolean | null, b: boolean | null): boolean | null {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

function or(a: boolean | null, b: boolean | null): boolean | null {
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

function compare(operator: ComparisonOperator, left: Value, right: Value): boolean | null {
  if (operator === '=') return equals(left, right);
  if (operator === '<>') {
    const eq = equals(left, right);
    return eq === null ? null : !eq;
  }
  if (left === null || right === null) return null;
  let c: number;
  if (isNumber(left) && isNumber(right)) {
    if (Number.isNaN(Number(left)) || Number.isNaN(Number(right))) return false;
    c = compareNumbers(left, right);
  } else if (typeof left === 'string' && typeof right === 'string') c = left < right ? -1 : left > right ? 1 : 0;
  else if (typeof left === 'boolean' && typeof right === 'boolean') c = Number(left) - Number(right);
  else if (isList(left) && isList(right)) c = compareForOrder(left, right);
  else return null; // values of different types are not comparable
  switch (operator) {
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '>=':
      return c >= 0;
    default:
      return assertNever(operator, 'comparison operator');
  }
}

function binary(operator: BinaryOperator, leftExpression: Expression, rightExpression: Expression, row: Row, context: EvalContext): Value {
  const left = evaluate(leftExpression, row, context);
  if (operator === 'AND' && left === false) return false; // short-circuit, as Neo4j may
  if (operator === 'OR' && left === true) return true;
  const right = evaluate(rightExpression, row, context);
  switch (operator) {
    case 'AND':
      return and(predicate(left), predicate(right));
    case 'OR':
      return or(predicate(left), predicate(right));
    case 'XOR': {
      const a = predicate(left);
      const b = predicate(right);
      return a === null || b === null ? null : a !== b;
    }
    case 'IN':
      return inList(left, right, context.budget);
    case 'STARTS WITH':
    case 'ENDS WITH':
    case 'CONTAINS':
      if (typeof left !== 'string' || typeof right !== 'string') return null;
      return operator === 'STARTS WITH' ? left.startsWith(right) : operator === 'ENDS WITH' ? left.endsWith(right) : left.includes(right);
    case '=~':
      if (typeof left !== 'string' || typeof right !== 'string') return null;
      context.budget.step(right.length); // compiling is linear in the pattern; matching charges its own steps
      // Only a pattern written in the query is quoted back in an error: one from a parameter may be a secret.
      return regexMatches(left, right, context.budget, rightExpression.kind === 'string');
    case '||': // Neo4j's manual: `||` and `+` are functionally equivalent on strings (and on lists).
      return arithmetic('+', left, right, context.budget);
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '^':
      return arithmetic(operator, left, right, context.budget);
    default:
      return assertNever(operator, 'binary operator');
  }
}

function inList(value: Value, list: Value, budget: StatementBudget): Value {
  if (list === null) return null;
  if (!isList(list)) throw typeError(`Type mismatch: expected a list but was ${typeName(list)}`);
  budget.step(list.length);
  let sawNull = false;
  for (const item of list) {
    const eq = equals(value, item);
    if (eq === true) return true;
    if (eq === null) sawNull = true;
  }
  return sawNull ? null : false;
}

type ArithmeticOperator = Extract<BinaryOperator, '+' | '-' | '*' | '/' | '%' | '^'>;

function arithmetic(operator: ArithmeticOperator, left: Value, right: Value, budget: StatementBudget): Value {
  if (left === null || right === null) return null;
  if (operator === '+') {
    if (isList(left) || isList(right)) {
      const items = (isList(left) ? left.length : 1) + (isList(right) ? right.length : 1);
      budget.list(items);
      return isList(left) ? (isList(right) ? [...left, ...right] : [...left, right]) : [left, ...(right as readonly Value[])];
    }
    if (typeof left === 'string' || typeof right === 'string') {
      if (isMap(left) || isMap(right) || typeof left === 'boolean' || typeof right === 'boolean') {
        throw typeError(`Cannot add \`${typeName(left)}\` and \`${typeName(right)}\``);
      }
      const [a, b] = [toText(left), toText(right)];
      budget.string(a.length + b.length);
      return `${a}${b}`;
    }
  }
  if (!isNumber(left) || !isNumber(right)) throw typeError(`Cannot apply ${operator} to \`${typeName(left)}\` and \`${typeName(right)}\``);
  if (operator === '^') return Math.pow(Number(left), Number(right));
  if (typeof left === 'bigint' && typeof right === 'bigint') {
    switch (operator) {
      case '+':
        return checkOverflow(left + right);
      case '-':
        return checkOverflow(left - right);
      case '*':
        return checkOverflow(left * right);
      case '/':
        if (right === 0n) throw new Neo4jError(StatusCode.ArithmeticError, '/ by zero');
        return checkOverflow(left / right);
      case '%':
        if (right === 0n) throw new Neo4jError(StatusCode.ArithmeticError, '/ by zero');
        return left % right;
      default:
        return assertNever(operator, 'integer operator');
    }
  }
  const a = Number(left);
  const b = Number(right);
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
    default:
      return assertNever(operator, 'float operator');
  }
}

function toText(value: Value): string {
  if (typeof value === 'number') return formatFloat(value);
  return String(value);
}

function indexInto(object: Value, index: Value): Value {
  if (object === null || index === null) return null;
  if (isList(object)) {
    if (typeof index !== 'bigint') throw typeError(`Type mismatch: expected an integer index but was ${typeName(index)}`);
    const i = Number(index < 0n ? BigInt(object.length) + index : index);
    return i >= 0 && i < object.length ? (object[i] ?? null) : null;
  }
  if (isMap(object)) {
    if (typeof index !== 'string') throw typeError(`Type mismatch: expected a string key but was ${typeName(index)}`);
    return valueAt(object, index);
  }
  throw typeError(`Type mismatch: expected a list or a map but was ${typeName(object)}`);
}

function slice(object: Value, from: Value | undefined, to: Value | undefined, budget: StatementBudget): Value {
  if (object === null || from === null || to === null) return null;
  if (!isList(object)) throw typeError(`Type mismatch: expected a list but was ${typeName(object)}`);
  const bound = (v: Value | undefined, fallback: number): number => {
    if (v === undefined) return fallback;
    if (typeof v !== 'bigint') throw typeError(`Type mismatch: expected an integer but was ${typeName(v)}`);
    const n = Number(v);
    return n < 0 ? Math.max(0, object.length + n) : Math.min(n, object.length);
  };
  const [start, end] = [bound(from, 0), bound(to, object.length)];
  budget.list(Math.max(0, end - start));
  return object.slice(start, end);
}
