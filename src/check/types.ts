/**
 * Static types, as Neo4j's semantic analysis gives them on SHOW commands: every output column has a
 * declared type (`roles` is `List<String>`, `suspended` is `Boolean`), literals have theirs, and each
 * operator and function types its result from its arguments (./type-signatures.ts). So `WHERE user`,
 * `'admin' IN user`, `toLower(roles)` or `WHERE size(roles) + 'x'` are refused before anything runs, with
 * Neo4j's "Type mismatch" message at Neo4j's position (an infix operator's own, as Neo4j places it).
 *
 * A type that cannot be known (a parameter, a map's property) is T, which every check admits. Errors
 * come in Neo4j's order: an expression's operands' before its own. Where an argument does not fit, the
 * arguments after it are not checked, and the result is T, or no type at all where Neo4j derives it
 * from the arguments (FAILED: `last(1) * 2` is refused twice, as Neo4j refuses it).
 */
import { childExpressions } from '../ast/children.js';
import { assertNever } from '../diagnostics/assert-never.js';
import type { Expression, ReduceExpression } from '../ast/expressions.js';
import type { Span } from '../ast/span.js';
import type { Diagnostic } from '../diagnostics/codes.js';
import { lookupFunction } from '../catalog/functions.js';
import { columnType as columnTypeName } from '../catalog/show-columns.js';
import { syntaxError, type CheckContext } from './context.js';
import {
  ANY,
  ANY_LIST,
  coercions,
  covariant,
  elementsOf,
  expectedOf,
  FAILED,
  isEmpty,
  listOf,
  listsOf,
  nearestCommon,
  onlyBoolean,
  onlyLists,
  overlaps,
  parseType,
  typeText,
  types,
  unionOf,
  type TypeSet,
} from './type-set.js';
import {
  additionResult,
  additionRightTypes,
  commonOrAny,
  FUNCTION_TYPES,
  NOT_SIGNATURES,
  OPERATOR_SIGNATURES,
  SIGN_SIGNATURES,
  type Signature,
} from './type-signatures.js';

export type { TypeSet };
export type TypeScope = ReadonlyMap<string, TypeSet>;

/** The type of a SHOW command's column. */
export const columnType = (column: string): TypeSet => parseType(columnTypeName(column));

const BOOLEAN = types('Boolean');
export const INTEGER = types('Integer');
const STRING = types('String');
const MAP = types('Map');
/** What a value is read from by key: `x['k']`, `x.k`. */
const MAP_LIKE = types('Map', 'Node', 'Relationship');

/** An expression with its type. */
interface Typed {
  readonly e: Expression;
  readonly type: TypeSet;
}

/** What a property is read from (Neo4j's expectation of `x.p`'s `x`). */
const PROPERTY_OWNERS = types('Map', 'Node', 'Relationship', 'Point', 'Duration', 'Date', 'Time', 'LocalTime', 'LocalDateTime', 'DateTime');

const COERCED_LIST = 'Coercion of list to boolean is not allowed. Please use `NOT isEmpty(...)` instead.';

/** Where Neo4j places an expression in its messages: an operator's at the operator (IS for IS NULL), an index's at its `[`. */
export function neo4jSpan(e: Expression): Span {
  switch (e.kind) {
    case 'binary':
    case 'comparison':
    case 'is-null':
    case 'is-normalized':
      return e.operatorSpan;
    case 'index':
    case 'slice':
      return e.bracketSpan;
    case 'map-projection':
      return e.braceSpan;
    default:
      return e.span;
  }
}

/** The type Neo4j gives an expression (no diagnostics). */
export function inferType(e: Expression, scope: TypeScope): TypeSet {
  return new Typer(null).type(e, scope);
}

/**
 * The type mismatches in an expression. `predicate` is true where the whole expression must be a
 * boolean (WHERE), as Neo4j requires of a WHERE clause.
 */
export function checkTypes(root: Expression, scope: TypeScope, predicate: boolean, context: CheckContext): Diagnostic[] {
  const typer = new Typer(context);
  const type = typer.type(root, scope);
  if (predicate) typer.expect(root, type, BOOLEAN);
  return typer.all(root);
}

/** Neo4j's words where a value of type `actual` does not fit where `expected` must be (`expected Integer but was Float`), or null. */
export function mismatch(actual: TypeSet, expected: TypeSet): string | null {
  return isEmpty(expectedOf(actual, expected)) ? mismatchText(actual, expected) : null;
}

const mismatchText = (actual: TypeSet, expected: TypeSet) => `Type mismatch: expected ${typeText(expected)} but was ${typeText(actual)}`;

class Typer {
  private readonly diagnostics: Diagnostic[] = [];
  /** Lists taken for booleans: Neo4j reports them after every other type error, in a later pass of its own. */
  private readonly coerced = new Set<Expression>();

  constructor(private readonly context: CheckContext | null) {}

  /**
   * Every error in `root`: the type errors, then the lists taken for booleans, the outermost of each
   * nest only, as Neo4j's check skips what is inside one it reported.
   */
  all(root: Expression): Diagnostic[] {
    const found = [...this.diagnostics];
    if (!this.context || this.coerced.size === 0) return found;
    const pending: Expression[] = [root];
    for (let e = pending.pop(); e !== undefined; e = pending.pop()) {
      if (this.coerced.has(e)) found.push(syntaxError(this.context, neo4jSpan(e), COERCED_LIST));
      else {
        // Pushed last first, so that the first child is reported first; no spread: a list may hold 200,000 items.
        const children = childExpressions(e);
        for (const child of [...children].reverse()) pending.push(child.expression);
      }
    }
    return found;
  }

  /** Checks `actual` against `expected`; what of it remains (empty where it does not fit). */
  expect(e: Expression, actual: TypeSet, expected: TypeSet, words?: (actual: string) => string): TypeSet {
    const fitted = expectedOf(actual, expected);
    if (this.context) {
      if (isEmpty(fitted)) {
        const message = words ? words(typeText(actual)) : mismatchText(actual, expected);
        this.diagnostics.push(syntaxError(this.context, neo4jSpan(e), message));
      }
      // No type at all is, vacuously, only lists to Neo4j's later check.
      if (onlyBoolean(expected) && (onlyLists(actual) || isEmpty(actual))) this.coerced.add(e);
    }
    return fitted;
  }

  /**
   * Neo4j's checkTypes: each argument against what the signatures still open take, in order, and the
   * result from the signatures left, with each argument's type as they took it; null once an argument
   * does not fit (the result is then T). A function's result is what any of its signatures returns,
   * whatever its arguments (Neo4j types `abs(1.5)` Float or Integer).
   */
  private fit(
    args: readonly Typed[],
    all: readonly Signature[],
    isFunction: boolean,
    untypedAs?: string,
  ): { out: TypeSet; args: TypeSet[] } | null {
    const arity = all.filter((s) => s.args.length === args.length);
    let open = arity;
    const taken: TypeSet[] = [];
    for (const [i, arg] of args.entries()) {
      if (open.length === 0) break;
      // Every signature open has this argument: they were picked by their number of arguments.
      const expected = unionOf(open.map((s) => s.args[i] ?? ANY));
      const words =
        untypedAs !== undefined && isEmpty(arg.type)
          ? () => `Type mismatch: expected ${typeText(expected)} but was ${untypedAs}`
          : undefined;
      const fitted = this.expect(arg.e, arg.type, expected, words);
      taken.push(fitted);
      open = open.filter((s) => overlaps(fitted, s.args[i] ?? ANY));
    }
    return open.length === 0 ? null : { out: unionOf((isFunction ? arity : open).map((s) => s.out)), args: taken };
  }

  /**
   * `x[i]`: a list's element where `x` is a list, a map's (or a node's) value where it is one. Where it is
   * neither, the index decides what it should have been: an Integer a list, a String (or what may be one) a
   * map, anything else either.
   */
  private index(object: Typed, index: Typed): TypeSet {
    // What may be of any type (Neo4j's Any, as a reduce over T gives it) is taken for a list or a map alike.
    if (object.type === ANY || object.type.simple.includes('Any')) return ANY;
    const [list, map] = [overlaps(object.type, ANY_LIST), overlaps(object.type, MAP_LIKE)];
    if (list) {
      // A list or a map: Neo4j still takes the index for a list's (`CASE ... END['a']`: "list index must be given as Integer").
      this.expect(index.e, index.type, INTEGER, (actual) => `Type mismatch: list index must be given as Integer, but was ${actual}`);
      return map ? ANY : elementsOf(object.type);
    }
    if (map) {
      this.expect(index.e, index.type, STRING, (actual) => `Type mismatch: map key must be given as String, but was ${actual}`);
      return ANY;
    }
    const byKey = index.type === ANY || overlaps(index.type, STRING);
    const byNumber = !byKey && overlaps(index.type, INTEGER);
    this.expect(object.e, object.type, byNumber ? ANY_LIST : byKey ? MAP_LIKE : unionOf([MAP_LIKE, ANY_LIST]));
    return ANY;
  }

  /** Whether each of `operands` has a type at all, as what takes any value (Neo4j's T) expects of it. */
  private anyValues(operands: readonly Typed[]): boolean {
    // The first that has none is reported, and no other (`'a'[0..[1]] < 'a'[0..[1]]`: its left only).
    return operands.every((operand) => !isEmpty(this.expect(operand.e, operand.type, ANY)));
  }

  /**
   * `reduce(acc = init, x IN list | step)`: the step is checked against the accumulator (Neo4j's "accumulator is ... but
   * expression has type ..."), and the result is their least upper bound.
   */
  private reduce(e: ReduceExpression, scope: TypeScope): TypeSet {
    const init = { e: e.init, type: this.type(e.init, scope) };
    const list = { e: e.list, type: this.type(e.list, scope) };
    this.expect(list.e, list.type, ANY_LIST);
    // Inside, the accumulator has the initial value's type, the variable the list's element type (it wins where both share a name).
    const inner = new Map([...scope, [e.accumulator, init.type], [e.variable, elementsOf(list.type)]]);
    const step = this.type(e.step, inner);
    // Neo4j names no type where either side has none (`reduce(s = 1[0..'a'], ...)`: "accumulator is  but ...").
    const accumulator = isEmpty(init.type) || isEmpty(step) ? '' : typeText(init.type);
    // A coercion fits either way round (an Integer accumulator takes a Float, a list one a Boolean), and a list fits an
    // accumulator that may be a Boolean (reported as a coercion only where it can be nothing else).
    const listForBoolean = init.type !== ANY && !onlyBoolean(init.type) && overlaps(init.type, BOOLEAN) && onlyLists(step);
    const fitted = listForBoolean
      ? BOOLEAN
      : this.expect(
          e.step,
          step,
          unionOf([init.type, coercions(init.type, step)]),
          (actual) => `Type mismatch: accumulator is ${accumulator} but expression has type ${actual}`,
        );
    // Their least upper bound, not covariant: an Integer and a Float make a Number, which no arithmetic takes.
    // Joined type by type, T as each type it stands for: `reduce(s = $p, x IN l | 'a')` is Any or String.
    return isEmpty(fitted) ? FAILED : commonOrAny(init.type, fitted);
  }

  type(e: Expression, scope: TypeScope): TypeSet {
    const typed = (child: Expression, inScope: TypeScope = scope): Typed => ({ e: child, type: this.type(child, inScope) });
    switch (e.kind) {
      case 'string':
        return STRING;
      case 'integer':
        return INTEGER;
      case 'float':
        return types('Float');
      case 'boolean':
        return BOOLEAN;
      case 'null':
      case 'parameter':
        return ANY;
      case 'count-star':
        return INTEGER;
      case 'map':
        for (const entry of e.entries) this.type(entry.value, scope);
        return MAP;
      case 'map-projection': {
        const base = typed(e.base);
        this.expect(base.e, base.type, MAP_LIKE);
        for (const item of e.items) {
          if (item.kind === 'entry') this.type(item.value, scope);
        }
        return MAP;
      }
      case 'list': {
        // Neo4j's least upper bound of the items: [1, 2] is List<Integer>, [1, 'a'] and [] List<T>.
        const items = e.items.map((item) => this.type(item, scope));
        return items.length === 0 ? ANY_LIST : listOf(covariant(items.reduce(nearestCommon)));
      }
      case 'variable':
        return scope.get(e.name) ?? ANY;
      case 'property': {
        const object = typed(e.object);
        this.expect(object.e, object.type, PROPERTY_OWNERS);
        return ANY;
      }
      case 'index':
        return this.index(typed(e.object), typed(e.index));
      case 'slice': {
        const object = typed(e.object);
        const bounds = [e.from, e.to].flatMap((bound) => (bound ? [typed(bound)] : []));
        const list = this.expect(object.e, object.type, ANY_LIST);
        for (const bound of bounds) this.expect(bound.e, bound.type, INTEGER);
        // A slice is of the type of what it slices: nothing, where that is no list.
        return isEmpty(list) ? FAILED : listsOf(object.type);
      }
      case 'unary':
        return this.fit([typed(e.operand)], e.operator === 'NOT' ? NOT_SIGNATURES : SIGN_SIGNATURES, false)?.out ?? ANY;
      case 'binary': {
        const [left, right] = [typed(e.left), typed(e.right)];
        if (e.operator === '+') {
          this.expect(left.e, left.type, ANY);
          const fitted = this.expect(right.e, right.type, additionRightTypes(left.type));
          return isEmpty(fitted) ? FAILED : additionResult(left.type, fitted);
        }
        if (e.operator === 'IN') {
          this.expect(left.e, left.type, ANY);
          this.expect(right.e, right.type, ANY_LIST);
          return BOOLEAN;
        }
        const signatures = OPERATOR_SIGNATURES[e.operator];
        if (!signatures) {
          // STARTS WITH, ENDS WITH and CONTAINS take any values (T where one has no type at all).
          return this.anyValues([left, right]) ? BOOLEAN : ANY;
        }
        const fit = this.fit([left, right], signatures, false);
        if (e.operator !== '||') return fit?.out ?? ANY;
        // Its result is typed as `+`'s is, from its operands as the signatures took them (`'a' || $p` is a String).
        return fit ? additionResult(fit.args[0] ?? ANY, fit.args[1] ?? ANY) : FAILED;
      }
      case 'comparison': {
        // Any values compare; only what has no type at all does not (and then the comparison is T).
        return this.anyValues([typed(e.first), ...e.rest.map((r) => typed(r.operand))]) ? BOOLEAN : ANY;
      }
      case 'is-null':
      case 'is-normalized': {
        // Any value, even what is no string: `1 IS NORMALIZED` is null.
        return this.anyValues([typed(e.operand)]) ? BOOLEAN : ANY;
      }
      case 'case': {
        if (e.subject) this.type(e.subject, scope);
        const results: TypeSet[] = [];
        for (const alternative of e.alternatives) {
          const when = typed(alternative.when);
          // Without a subject, each WHEN is a condition.
          if (!e.subject) this.expect(when.e, when.type, BOOLEAN);
          results.push(this.type(alternative.then, scope));
        }
        if (e.otherwise) results.push(this.type(e.otherwise, scope));
        return unionOf(results);
      }
      case 'list-predicate':
      case 'list-comprehension': {
        const before = this.diagnostics.length;
        const list = typed(e.list);
        this.expect(list.e, list.type, ANY_LIST);
        const isList = this.diagnostics.length === before;
        // Inside, the variable has the list's element type.
        const inner = new Map([...scope, [e.variable, elementsOf(list.type)]]);
        // Neo4j checks the condition only where the list had no error (its ifOkChain), a projection always.
        if (e.where && isList) this.expect(e.where, this.type(e.where, inner), BOOLEAN);
        if (e.kind === 'list-predicate') return BOOLEAN;
        return e.projection ? listOf(this.type(e.projection, inner)) : listsOf(list.type);
      }
      case 'reduce':
        return this.reduce(e, scope);
      case 'trim': {
        // Neo4j's trim(specification, characters, source): a function of Strings, checked as one.
        const args = [e.characters, e.source].flatMap((arg) => (arg ? [typed(arg)] : []));
        return this.fit(args, [{ args: args.map(() => STRING), out: STRING }], true)?.out ?? ANY;
      }
      case 'function-call': {
        const args = e.args.map((arg) => typed(arg));
        const typing = lookupFunction(e.name).kind === 'known' ? FUNCTION_TYPES[e.name.toLowerCase()] : undefined;
        if (!typing) return ANY;
        if (typing.kind === 'unchecked') {
          if (typing.anyArguments) for (const arg of args) this.expect(arg.e, arg.type, ANY);
          return typing.returns(args.map((a) => a.type));
        }
        const [only] = args;
        if (typing.passes && args.length === 1 && only && overlaps(only.type, typing.passes))
          return unionOf(typing.signatures.map((s) => s.out));
        const result = this.fit(args, typing.signatures, true, typing.untypedAs)?.out ?? null;
        // A result Neo4j derives from the arguments (head, last, tail) is nothing once they do not fit.
        if (result === null) return typing.returns ? FAILED : ANY;
        return typing.returns ? typing.returns(args.map((a) => a.type)) : result;
      }
      case 'subquery':
        return ANY;
      default:
        return assertNever(e, 'expression kind');
    }
  }
}
