/**
 * Sets of Cypher types, as Neo4j's semantic analysis reasons with them (its TypeSpec): an expression
 * may have several possible types (`CASE WHEN c THEN 1 ELSE 'a' END` is Integer or String), an
 * operator expects one of several, and a message lists them in Neo4j's fixed order ("Float, Integer
 * or Duration"). `T` is every type: what a parameter or a map's property may hold.
 */

/**
 * Neo4j's simple types, in the order its messages list them (TypeSpec.simpleTypes). `Any` is its CTAny: what
 * joining unrelated types gives (`[1] + ['a']` is a List<Any>), which no check admits (`head([1] + ['a']) * 2`:
 * "but was Any"); unlike T, every type, which every check admits.
 */
const SIMPLE_TYPES = [
  'Any',
  'Boolean',
  'Float',
  'Integer',
  'Map',
  'Node',
  'Number',
  'Path',
  'Relationship',
  'Point',
  'String',
  'Duration',
  'Date',
  'Time',
  'LocalTime',
  'LocalDateTime',
  'DateTime',
  'Vector',
] as const;

export type SimpleType = (typeof SIMPLE_TYPES)[number];

/** Every type, or some simple types and some lists (by the set of their elements' types). */
export type TypeSet = typeof ANY | SomeTypes;

interface SomeTypes {
  readonly simple: readonly SimpleType[];
  /** The element types of the lists in the set; null when it holds no list. */
  readonly lists: TypeSet | null;
  /** Set on FAILED only. */
  readonly failed?: true;
}

export const ANY = 'T';
const NONE: TypeSet = { simple: [], lists: null };

/**
 * What Neo4j makes of an expression whose type it derives from its arguments (`+`, `||`, head(),
 * last(), tail()) once one did not fit: no type at all, which every later check refuses, spelled "Any"
 * (`last(1) * 2`: "expected Float, Integer or Duration but was Any"). Neo4j reports these follow-on
 * errors, so we do too.
 */
export const FAILED: TypeSet = { simple: [], lists: null, failed: true };
const isFailed = (t: TypeSet): boolean => t !== ANY && t.failed === true;

const ordered = (types: Iterable<SimpleType>): SimpleType[] =>
  [...new Set(types)].sort((a, b) => SIMPLE_TYPES.indexOf(a) - SIMPLE_TYPES.indexOf(b));

export const types = (...simple: SimpleType[]): TypeSet => ({ simple: ordered(simple), lists: null });
/** Lists of `element`; a list of what has no type has none either. */
export const listOf = (element: TypeSet): TypeSet => (isFailed(element) ? FAILED : { simple: [], lists: element });

/** `List<T>`: any list. */
export const ANY_LIST = listOf(ANY);

function union(a: TypeSet, b: TypeSet): TypeSet {
  if (a === ANY || b === ANY) return ANY;
  if (isEmpty(a) && isFailed(b)) return b;
  if (isEmpty(b) && isFailed(a)) return a;
  const lists = a.lists && b.lists ? union(a.lists, b.lists) : (a.lists ?? b.lists);
  return { simple: ordered([...a.simple, ...b.simple]), lists };
}

export const unionOf = (sets: readonly TypeSet[]): TypeSet => sets.reduce(union, NONE);

export const isEmpty = (t: TypeSet): boolean => t !== ANY && t.simple.length === 0 && t.lists === null;

/** Whether a set holds lists and nothing else. */
export const onlyLists = (t: TypeSet): boolean => t !== ANY && t.simple.length === 0 && t.lists !== null;

/** The element types of a set's lists (of `String or List<String>`, String); T where it holds none. */
export const elementsOf = (t: TypeSet): TypeSet => (t === ANY ? ANY : (t.lists ?? ANY));

/** The lists of a set (of `Integer or List<Integer>`, List<Integer>); any list where it may be anything. */
export const listsOf = (t: TypeSet): TypeSet => (t === ANY || t.lists === null ? ANY_LIST : listOf(t.lists));

const NUMBERS: readonly SimpleType[] = ['Float', 'Integer'];

/** The types of `actual` that `expected` admits, a subtype standing for its supertype (Integer is a Number). */
export function meet(actual: TypeSet, expected: TypeSet): TypeSet {
  if (actual === ANY) return expected;
  if (expected === ANY) return actual;
  // A Number is no Integer: `-reduce(s = 1, x IN l | 1.5)` is refused ("but was Number"); a list's Number is its subtypes too (covariant).
  const simple = actual.simple.filter((s) => expected.simple.includes(s) || (NUMBERS.includes(s) && expected.simple.includes('Number')));
  const lists = actual.lists && expected.lists ? meet(actual.lists, expected.lists) : null;
  return { simple: ordered(simple), lists: lists && !isEmpty(lists) ? lists : null };
}

export const overlaps = (actual: TypeSet, expected: TypeSet): boolean => !isEmpty(meet(actual, expected));

/** Whether a set is Boolean and nothing else. */
export const onlyBoolean = (t: TypeSet): boolean => t !== ANY && t.lists === null && t.simple.length === 1 && t.simple[0] === 'Boolean';

/**
 * What Neo4j coerces a value to where its own type is not expected: an Integer to a Float, and a list
 * where only a Boolean may be (WHERE, NOT, AND: a later check of Neo4j's refuses it in its own words).
 */
export function coercions(t: TypeSet, expected: TypeSet): TypeSet {
  if (t === ANY) return ANY;
  const toBoolean = t.lists !== null && onlyBoolean(expected);
  return types(...(t.simple.includes('Integer') ? (['Float'] as const) : []), ...(toBoolean ? (['Boolean'] as const) : []));
}

/** `actual` as `expected` takes it: the types they share, or else what it coerces to (Neo4j's intersectOrCoerce). */
export function expectedOf(actual: TypeSet, expected: TypeSet): TypeSet {
  const shared = meet(actual, expected);
  return isEmpty(shared) ? meet(coercions(actual, expected), expected) : shared;
}

type Atom = SimpleType | { readonly list: TypeSet };

function atoms(t: SomeTypes): Atom[] {
  return [...t.simple, ...(t.lists ? [{ list: t.lists }] : [])];
}

/** The nearest type both are (Integer and Float are Numbers; two lists, a list of the nearest element type); T if none is nearer. */
function nearestOfAtoms(a: Atom, b: Atom): TypeSet {
  if (typeof a !== 'string' && typeof b !== 'string') return listOf(nearestCommon(a.list, b.list));
  if (typeof a !== 'string' || typeof b !== 'string') return ANY;
  if (a === b) return types(a);
  const numeric = (s: SimpleType) => s === 'Number' || NUMBERS.includes(s);
  return numeric(a) && numeric(b) ? types('Number') : ANY;
}

/**
 * Every type that is `t` or one of its subtypes (Neo4j's `covariant`): what a list literal's items are (`[1, 1.5]` holds
 * Floats, Integers or Numbers, so `[1, 1.5][0] * 2` fits).
 */
export function covariant(t: TypeSet): TypeSet {
  return t !== ANY && t.simple.includes('Number') ? unionOf([t, types(...NUMBERS)]) : t;
}

/** Each type of a set on its own (`Integer or List<String>`: Integer, List<String>); of T, every simple type and any list. */
export function eachType(t: TypeSet): TypeSet[] {
  if (t === ANY) return [...SIMPLE_TYPES.filter((s) => s !== 'Any').map((s) => types(s)), listOf(ANY)];
  return atoms(t).map((a) => (typeof a === 'string' ? types(a) : listOf(a.list)));
}

/** Neo4j's least upper bound of two sets of types: what a list literal's items are together. */
export function nearestCommon(a: TypeSet, b: TypeSet): TypeSet {
  if (a === ANY || b === ANY) return ANY;
  if (isEmpty(a)) return b;
  if (isEmpty(b)) return a;
  return unionOf(atoms(a).flatMap((x) => atoms(b).map((y) => nearestOfAtoms(x, y))));
}

/** Neo4j's spelling of a set, as its messages give it: `Float, Integer or Duration`, `List<T>`. */
export function typeText(t: TypeSet): string {
  if (isEmpty(t)) return 'Any'; // no type at all, as Neo4j spells it
  const parts: string[] = [];
  let wrap = (s: string) => s;
  for (let level: TypeSet | null = t; level !== null;) {
    if (level === ANY) {
      parts.push(wrap('T'));
      break;
    }
    parts.push(...level.simple.map(wrap));
    const outer = wrap;
    wrap = (s) => outer(`List<${s}>`);
    level = level.lists;
  }
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}` : (parts[0] ?? '');
}

/** The set a type's spelling names (`String`, `List<String>`, `Any` for T), as the column table gives them. */
export function parseType(text: string): TypeSet {
  if (text.startsWith('List<') && text.endsWith('>')) return listOf(parseType(text.slice(5, -1)));
  return text !== 'Any' && (SIMPLE_TYPES as readonly string[]).includes(text) ? types(text as SimpleType) : ANY;
}
