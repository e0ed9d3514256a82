/**
 * The Cypher functions Neo4j knows, as far as a check needs them: the name Neo4j's messages use, how
 * many arguments a call takes, and whether it aggregates. The semantic pass and the executor share
 * this table, so lint and run agree on which calls exist.
 */
import { childExpressions } from '../ast/children.js';
import type { Expression, FunctionCall } from '../ast/expressions.js';

interface FunctionSignature {
  /** Neo4j's own spelling, used in its messages (`Too many parameters for function 'toLower'`). */
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly aggregating: boolean;
  /** False for functions Neo4j has that cypher-sysdb does not evaluate: they pass lint and are refused at run time. */
  readonly evaluated: boolean;
}

const MANY = Number.POSITIVE_INFINITY;

/** [Neo4j's name, min args, max args]. */
const SCALAR: readonly (readonly [string, number, number])[] = [
  ['size', 1, 1],
  ['length', 1, 1],
  ['char_length', 1, 1],
  ['character_length', 1, 1],
  ['toLower', 1, 1],
  ['lower', 1, 1],
  ['toUpper', 1, 1],
  ['upper', 1, 1],
  // trim(source); as Neo4j reads the FROM form, trim(specification, source) and trim(specification, characters, source).
  ['trim', 1, 3],
  ['btrim', 1, 2],
  ['ltrim', 1, 2],
  ['rtrim', 1, 2],
  ['replace', 3, 3],
  ['substring', 2, 3],
  ['left', 2, 2],
  ['right', 2, 2],
  ['split', 2, 2],
  ['reverse', 1, 1],
  ['coalesce', 1, MANY],
  ['head', 1, 1],
  ['last', 1, 1],
  ['tail', 1, 1],
  ['keys', 1, 1],
  ['isEmpty', 1, 1],
  ['toString', 1, 1],
  ['toStringOrNull', 1, 1],
  ['toInteger', 1, 1],
  ['toIntegerOrNull', 1, 1],
  ['toFloat', 1, 1],
  ['toFloatOrNull', 1, 1],
  ['toBoolean', 1, 1],
  ['toBooleanOrNull', 1, 1],
  ['abs', 1, 1],
  ['ceil', 1, 1],
  ['floor', 1, 1],
  ['round', 1, 3],
  ['sign', 1, 1],
  ['sqrt', 1, 1],
  ['isNaN', 1, 1],
  ['range', 2, 3],
];

const AGGREGATING: readonly string[] = ['count', 'collect', 'min', 'max', 'sum', 'avg'];

/** Neo4j functions cypher-sysdb does not evaluate, with Neo4j's argument counts. */
const NOT_EVALUATED: readonly (readonly [string, number, number, boolean?])[] = [
  ['date', 0, 1],
  ['datetime', 0, 1],
  ['time', 0, 1],
  ['localtime', 0, 1],
  ['localdatetime', 0, 1],
  ['duration', 1, 1],
  ['timestamp', 0, 0],
  ['randomUUID', 0, 0],
  ['rand', 0, 0],
  ['id', 1, 1],
  ['elementId', 1, 1],
  ['labels', 1, 1],
  ['type', 1, 1],
  ['properties', 1, 1],
  ['nodes', 1, 1],
  ['relationships', 1, 1],
  ['startNode', 1, 1],
  ['endNode', 1, 1],
  ['exists', 1, 1],
  ['point', 1, 1],
  ['log', 1, 1],
  ['log10', 1, 1],
  ['exp', 1, 1],
  ['e', 0, 0],
  ['pi', 0, 0],
  ['sin', 1, 1],
  ['cos', 1, 1],
  ['tan', 1, 1],
  ['cot', 1, 1],
  ['asin', 1, 1],
  ['acos', 1, 1],
  ['atan', 1, 1],
  ['atan2', 2, 2],
  ['degrees', 1, 1],
  ['radians', 1, 1],
  ['haversin', 1, 1],
  ['valueType', 1, 1],
  ['nullIf', 2, 2],
  ['normalize', 1, 2],
  ['isNormalized', 1, 2],
  ['vector', 3, 3],
  ['toBooleanList', 1, 1],
  ['toFloatList', 1, 1],
  ['toIntegerList', 1, 1],
  ['toStringList', 1, 1],
  ['percentileCont', 2, 2, true],
  ['percentileDisc', 2, 2, true],
  ['stDev', 1, 1, true],
  ['stDevP', 1, 1, true],
];

const CATALOG = new Map<string, FunctionSignature>([
  ...SCALAR.map(
    ([name, minArgs, maxArgs]) => [name.toLowerCase(), { name, minArgs, maxArgs, aggregating: false, evaluated: true }] as const,
  ),
  ...AGGREGATING.map((name) => [name, { name, minArgs: 1, maxArgs: 1, aggregating: true, evaluated: true }] as const),
  ...NOT_EVALUATED.map(
    ([name, minArgs, maxArgs, aggregating = false]) =>
      [name.toLowerCase(), { name, minArgs, maxArgs, aggregating, evaluated: false }] as const,
  ),
]);

/** Every function name Neo4j knows (as Neo4j spells them), for spelling suggestions. */
export const KNOWN_FUNCTION_NAMES: readonly string[] = [...CATALOG.values()].map((signature) => signature.name);

export type FunctionLookup =
  | { readonly kind: 'known'; readonly signature: FunctionSignature }
  /** `apoc.text.join` and friends: they exist only where a plugin is installed, which we cannot know. */
  | { readonly kind: 'namespaced' }
  | { readonly kind: 'unknown' };

/** Function names are case-insensitive in Cypher. */
export function lookupFunction(writtenName: string): FunctionLookup {
  const signature = CATALOG.get(writtenName.toLowerCase());
  if (signature) return { kind: 'known', signature };
  return writtenName.includes('.') ? { kind: 'namespaced' } : { kind: 'unknown' };
}

function isAggregatingFunction(writtenName: string): boolean {
  return CATALOG.get(writtenName.toLowerCase())?.aggregating === true;
}

/** `count(*)` or a call of an aggregating function. */
export function isAggregate(expression: Expression): boolean {
  return expression.kind === 'count-star' || (expression.kind === 'function-call' && isAggregatingFunction(expression.name));
}

/** The first aggregate in the expression, in source order, if any. */
export function findAggregate(expression: Expression): Expression | undefined {
  if (isAggregate(expression)) return expression;
  for (const child of childExpressions(expression)) {
    const found = findAggregate(child.expression);
    if (found) return found;
  }
  return undefined;
}

export function containsAggregate(expression: Expression): boolean {
  return findAggregate(expression) !== undefined;
}

/**
 * The arguments Neo4j reads as a keyword, not as a value: normalize()'s normal form (`normalize(s, NFD)`)
 * and vector()'s coordinate type (`vector(v, 3, INT8)`). Written there, such a name is no variable; any
 * other expression there is Neo4j's error.
 */
const KEYWORD_ARGUMENTS: ReadonlyMap<string, { readonly index: number; readonly names: ReadonlySet<string>; readonly invalid: string }> =
  new Map([
    [
      'normalize',
      { index: 1, names: new Set(['NFC', 'NFD', 'NFKC', 'NFKD']), invalid: 'Invalid normal form, expected NFC, NFD, NFKC, NFKD' },
    ],
    [
      'vector',
      {
        index: 2,
        names: new Set([
          'INTEGER',
          'INT',
          'INT64',
          'INTEGER64',
          'INT32',
          'INTEGER32',
          'INT16',
          'INTEGER16',
          'INT8',
          'INTEGER8',
          'FLOAT',
          'FLOAT64',
          'FLOAT32',
        ]),
        invalid: 'Invalid vector inner type, expected INTEGER64, INTEGER32, INTEGER16, INTEGER8, FLOAT64 or FLOAT32',
      },
    ],
  ]);

/** The argument of a call that Neo4j reads as a keyword, with whether it is one it knows and its words if not. */
export function keywordArgument(
  call: FunctionCall,
): { readonly argument: Expression; readonly known: boolean; readonly invalid: string } | null {
  const rule = KEYWORD_ARGUMENTS.get(call.name.toLowerCase());
  const argument = rule && call.args[rule.index];
  if (!rule || !argument) return null;
  const known = argument.kind === 'variable' && rule.names.has(argument.name.toUpperCase());
  return { argument, known, invalid: rule.invalid };
}

/** An expression's children that are values: all of them but a keyword argument Neo4j knows (`NFD` in normalize(s, NFD)). */
export function valueChildren(e: Expression): ReturnType<typeof childExpressions> {
  const keyword = e.kind === 'function-call' ? keywordArgument(e) : null;
  const children = childExpressions(e);
  return keyword?.known ? children.filter((child) => child.expression !== keyword.argument) : children;
}
