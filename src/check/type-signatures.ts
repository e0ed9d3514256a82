/**
 * The types Neo4j's semantic analysis gives Cypher's operators and functions: which argument types
 * each takes and what it returns (its TypeSignatures), and `+`'s own rule, which depends on its left
 * operand. The checker reads these to word Neo4j's "Type mismatch" messages; each signature here was
 * compared with Neo4j's front end (test/check/arithmetic-types.test.ts pins them).
 */
import type { BinaryOperator } from '../ast/expressions.js';
import {
  ANY,
  coercions,
  eachType,
  isEmpty,
  ANY_LIST,
  elementsOf,
  listOf,
  meet,
  nearestCommon,
  onlyLists,
  overlaps,
  type SimpleType,
  type TypeSet,
  types,
  unionOf,
} from './type-set.js';

export interface Signature {
  readonly args: readonly TypeSet[];
  readonly out: TypeSet;
}

const I = types('Integer');
const F = types('Float');
const S = types('String');
const B = types('Boolean');
const D = types('Duration');
const TEMPORALS: readonly SimpleType[] = ['Date', 'Time', 'LocalTime', 'LocalDateTime', 'DateTime'];

const sig = (args: readonly TypeSet[], out: TypeSet): Signature => ({ args, out });

const NUMBER_PAIRS = [sig([I, I], I), sig([I, F], F), sig([F, I], F), sig([F, F], F)];

const BOOLEAN_PAIR = [sig([B, B], B)];

/** The infix operators typed by signatures (`+` has its own rule below; IN, STARTS WITH, ENDS WITH and CONTAINS take any values). */
export const OPERATOR_SIGNATURES: Readonly<Partial<Record<BinaryOperator, readonly Signature[]>>> = {
  AND: BOOLEAN_PAIR,
  OR: BOOLEAN_PAIR,
  XOR: BOOLEAN_PAIR,
  '=~': [sig([S, S], B)],
  // Typed by its signatures, its result as `+`'s (Neo4j's Concatenate).
  '||': [sig([S, S], S), sig([ANY_LIST, ANY_LIST], ANY_LIST)],
  '-': [...NUMBER_PAIRS, sig([D, D], D), ...TEMPORALS.map((t) => sig([types(t), D], types(t)))],
  '*': [...NUMBER_PAIRS, sig([D, F], D), sig([D, I], D), sig([F, D], D), sig([I, D], D)],
  '/': [...NUMBER_PAIRS, sig([D, F], D), sig([D, I], D)],
  '%': NUMBER_PAIRS,
  '^': [sig([F, F], F)],
};

export const NOT_SIGNATURES: readonly Signature[] = [sig([B], B)];

/** Unary `-` and `+`. */
export const SIGN_SIGNATURES: readonly Signature[] = [sig([I], I), sig([F], F)];

/** What Neo4j adds a string to (its allSimpleTypes): every simple type but the graph's and maps. */
const STRING_ADDENDS = types('Boolean', 'String', 'Integer', 'Float', ...TEMPORALS, 'Duration', 'Point', 'Vector');

/** What may be added to a value of type `lhs` (Neo4j's infixAddRhsTypes). */
export function additionRightTypes(lhs: TypeSet): TypeSet {
  if (lhs === ANY || lhs.lists !== null) return ANY; // `[a] + b` appends anything
  const parts: TypeSet[] = [ANY_LIST]; // `a + [b]` prepends to any list
  if (overlaps(lhs, S)) parts.push(STRING_ADDENDS);
  if (overlaps(lhs, types('Integer', 'Float'))) parts.push(types('String', 'Integer', 'Float'));
  if (overlaps(lhs, types(...TEMPORALS, 'Duration'))) parts.push(types('String', 'Duration'));
  if (overlaps(lhs, D)) parts.push(types('String', ...TEMPORALS, 'Duration'));
  if (overlaps(lhs, types('Boolean', 'Point', 'Vector'))) parts.push(S);
  return unionOf(parts);
}

const NONE = types();

/** The simple (non-list) types of a set, and the element types of its lists (null: it holds none). */
const scalarsOf = (t: TypeSet): TypeSet => (t === ANY ? ANY : types(...t.simple));
const listElements = (t: TypeSet): TypeSet | null => (t === ANY ? ANY : t.lists);

/** CTAny: what two unrelated types join to (type-set.ts). */
const ANY_TYPE = types('Any');

/**
 * Neo4j's coerceOrLeastUpperBound, type by type: each type of `a` coerced to each of `b` where it can be, else what
 * both are (`commonOrAny`). Neo4j joins each type T stands for: `[] + [1]` is a List<Any>, List<Float>, List<Integer>
 * or List<Number>, but `[] + []` a List<T>.
 */
function coercedOrCommon(a: TypeSet, b: TypeSet): TypeSet {
  return pairwise(a, b, (x, y) => {
    const coerced = meet(coercions(x, y), y);
    return isEmpty(coerced) ? commonOrAny(x, y) : coerced;
  });
}

/** What two types are both, Any where they are unrelated, lists by their elements (`[[1]] + [['a']]`: List<List<Any>>). */
export function commonOrAny(a: TypeSet, b: TypeSet): TypeSet {
  return pairwise(a, b, (x, y) => {
    if (onlyLists(x) && onlyLists(y)) return listOf(commonOrAny(elementsOf(x), elementsOf(y)));
    const common = nearestCommon(x, y);
    return common === ANY ? ANY_TYPE : common;
  });
}

/** `join` of each type of `a` with each of `b`, together; T with T stays T, and a set without types joins as before. */
function pairwise(a: TypeSet, b: TypeSet, join: (x: TypeSet, y: TypeSet) => TypeSet): TypeSet {
  if ((a === ANY && b === ANY) || isEmpty(a) || isEmpty(b)) return nearestCommon(a, b);
  return unionOf(eachType(a).flatMap((x) => eachType(b).map((y) => join(x, y))));
}

/** The type of `lhs + rhs` (Neo4j's infixAddOutputTypes). */
export function additionResult(lhs: TypeSet, rhs: TypeSet): TypeSet {
  const when = (first: TypeSet, second: TypeSet, out: TypeSet) =>
    (overlaps(lhs, first) && overlaps(rhs, second)) || (overlaps(lhs, second) && overlaps(rhs, first)) ? out : NONE;
  const parts = [
    when(S, STRING_ADDENDS, S),
    when(I, I, I),
    when(F, types('Float', 'Integer'), F),
    when(D, D, D),
    ...TEMPORALS.map((t) => when(types(t), D, types(t))),
  ];
  const [leftItems, rightItems] = [listElements(lhs), listElements(rhs)];
  const [leftScalars, rightScalars] = [scalarsOf(lhs), scalarsOf(rhs)];
  if (leftItems && rightItems) parts.push(listOf(coercedOrCommon(leftItems, rightItems)), listOf(coercedOrCommon(rightItems, leftItems)));
  if (leftItems && !isEmpty(rightScalars)) parts.push(listOf(coercedOrCommon(rightScalars, leftItems)));
  if (rightItems && !isEmpty(leftScalars)) parts.push(listOf(coercedOrCommon(leftScalars, rightItems)));
  return unionOf(parts);
}

/** How a function types its result: by signatures, or from its arguments' types without checking them. */
export type FunctionTyping =
  | {
      readonly kind: 'signatures';
      readonly signatures: readonly Signature[];
      /** Where the result depends on the argument (head(roles) is a String): what it is once the arguments fit. */
      readonly returns?: (args: readonly TypeSet[]) => TypeSet;
      /** What the one argument may also be, unchecked and unnamed in the message (toInteger takes any list). */
      readonly passes?: TypeSet;
      /** How a mismatch names an argument of no type at all, where not as Any (toString's check: "but was "). */
      readonly untypedAs?: string;
    }
  | {
      readonly kind: 'unchecked';
      readonly returns: (args: readonly TypeSet[]) => TypeSet;
      /**
       * Each argument is checked as T, which refuses only one of no type at all (`coalesce(true + true)`: "expected T
       * but was Any", after the `+`'s own error), as Neo4j checks the functions whose arguments are ANY.
       */
      readonly anyArguments?: true;
    };

const fixed = (out: TypeSet): FunctionTyping => ({ kind: 'unchecked', returns: () => out });
/** A function of ANY arguments: `returns` types its result, and each argument is checked as T. */
const ofAnything = (returns: (args: readonly TypeSet[]) => TypeSet): FunctionTyping => ({ kind: 'unchecked', returns, anyArguments: true });
const signatures = (...list: Signature[]): FunctionTyping => ({ kind: 'signatures', signatures: list });
const firstArgument = (args: readonly TypeSet[]) => args[0] ?? ANY;
const stringFunction = signatures(sig([S], S));
const floatFunction = signatures(sig([F], F));
const listElement: FunctionTyping = { ...signatures(sig([ANY_LIST], ANY)), returns: (args) => elementsOf(firstArgument(args)) };
const trimFunction = signatures(sig([S], S), sig([S, S], S));
const trimFrom = signatures(sig([S], S), sig([S, S], S), sig([S, S, S], S));
const lengthOfString = signatures(sig([S], I));
const onEach = (arg: readonly SimpleType[], out: TypeSet) => arg.map((t) => sig([types(t)], out));
const TO_STRING_ARGS: readonly SimpleType[] = ['Boolean', 'Float', 'Integer', 'Point', 'String', 'Duration', ...TEMPORALS];

/** By lower-cased name; a function not here returns T and takes anything. */
export const FUNCTION_TYPES: Readonly<Record<string, FunctionTyping>> = {
  size: signatures(sig([S], I), sig([types('Vector')], I), sig([ANY_LIST], I)),
  char_length: lengthOfString,
  character_length: lengthOfString,
  tolower: stringFunction,
  toupper: stringFunction,
  lower: stringFunction,
  upper: stringFunction,
  trim: trimFrom,
  btrim: trimFunction,
  ltrim: trimFunction,
  rtrim: trimFunction,
  replace: signatures(sig([S, S, S], S)),
  substring: signatures(sig([S, I], S), sig([S, I, I], S)),
  left: signatures(sig([S, I], S)),
  right: signatures(sig([S, I], S)),
  split: signatures(sig([S, S], listOf(S)), sig([S, listOf(S)], listOf(S))),
  head: listElement,
  last: listElement,
  tail: { ...signatures(sig([ANY_LIST], ANY_LIST)), returns: (args) => (onlyLists(firstArgument(args)) ? firstArgument(args) : ANY_LIST) },
  keys: signatures(...onEach(['Map', 'Node', 'Relationship'], listOf(S))),
  isempty: signatures(...onEach(['Map', 'Node', 'Relationship', 'String'], B), sig([ANY_LIST], B)),
  tostring: { kind: 'signatures', signatures: onEach(TO_STRING_ARGS, S), untypedAs: '' },
  tostringornull: ofAnything(() => S),
  // Neo4j's front end takes any list here (toInteger(roles)), but names only these four where it refuses a Map.
  tointeger: { kind: 'signatures', signatures: onEach(['Boolean', 'Float', 'Integer', 'String'], I), passes: ANY_LIST },
  tointegerornull: ofAnything(() => I),
  tofloat: signatures(...onEach(['Float', 'Integer', 'String'], F)),
  tofloatornull: ofAnything(() => F),
  toboolean: signatures(...onEach(['Boolean', 'Integer', 'String'], B)),
  tobooleanornull: ofAnything(() => B),
  abs: signatures(sig([I], I), sig([F], F)),
  ceil: signatures(sig([F], F)),
  floor: signatures(sig([F], F)),
  sqrt: signatures(sig([F], F)),
  round: signatures(sig([F], F), sig([F, I], F), sig([F, I, S], F)),
  sign: signatures(sig([I], I), sig([F], I)),
  isnan: signatures(sig([I], B), sig([F], B)),
  range: signatures(sig([I, I], listOf(I)), sig([I, I, I], listOf(I))),
  count: ofAnything(() => I),
  collect: ofAnything((args) => listOf(firstArgument(args))),
  min: ofAnything(firstArgument),
  max: ofAnything(firstArgument),
  sum: signatures(sig([I], I), sig([F], F), sig([D], D)),
  // Neo4j types an average as a sum: Float, Integer or Duration.
  avg: signatures(sig([I], I), sig([F], F), sig([D], D)),
  percentilecont: signatures(sig([F, F], F)),
  percentiledisc: signatures(sig([I, F], I), sig([F, F], F)),
  stdev: floatFunction,
  stdevp: floatFunction,
  reverse: { kind: 'unchecked', returns: firstArgument },
  // Any of its arguments' types (`coalesce(1, 'a')` is an Integer or a String), not the nearest type they share.
  coalesce: ofAnything(unionOf),
  // Its normal form is a keyword, of no type (src/catalog/functions.ts keywordArgument).
  normalize: signatures(sig([S], S), sig([S, ANY], S)),
  log: floatFunction,
  log10: floatFunction,
  exp: floatFunction,
  sin: floatFunction,
  cos: floatFunction,
  tan: floatFunction,
  cot: floatFunction,
  asin: floatFunction,
  acos: floatFunction,
  atan: floatFunction,
  degrees: floatFunction,
  radians: floatFunction,
  haversin: floatFunction,
  atan2: signatures(sig([F, F], F)),
  e: fixed(F),
  pi: fixed(F),
  rand: fixed(F),
  tobooleanlist: signatures(sig([ANY_LIST], listOf(B))),
  tofloatlist: signatures(sig([types('Vector')], listOf(F)), sig([ANY_LIST], listOf(F))),
  tointegerlist: signatures(sig([types('Vector')], listOf(I)), sig([ANY_LIST], listOf(I))),
  tostringlist: signatures(sig([ANY_LIST], listOf(S))),
  point: signatures(...onEach(['Map', 'Node', 'Relationship'], types('Point'))),
  // The graph's functions: SHOW commands have no nodes, relationships or paths to give them.
  length: signatures(sig([types('Path')], I)),
  nodes: signatures(sig([types('Path')], listOf(types('Node')))),
  relationships: signatures(sig([types('Path')], listOf(types('Relationship')))),
  labels: signatures(sig([types('Node')], listOf(S))),
  type: signatures(sig([types('Relationship')], S)),
  id: signatures(...onEach(['Node', 'Relationship'], I)),
  elementid: signatures(...onEach(['Node', 'Relationship'], S)),
  startnode: signatures(sig([types('Relationship')], types('Node'))),
  endnode: signatures(sig([types('Relationship')], types('Node'))),
  properties: signatures(...onEach(['Map', 'Node', 'Relationship'], types('Map'))),
  valuetype: ofAnything(() => S),
  // The temporal constructors (date(), duration(), ...), timestamp(), randomUUID() and nullIf() are T to Neo4j's front end: not listed.
};
