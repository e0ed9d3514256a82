/**
 * Static types, as far as Neo4j's semantic analysis uses them on SHOW commands: every output column
 * has a declared type (`roles` is `List<String>`, `suspended` is `Boolean`), so `WHERE user`,
 * `'admin' IN user` or `toLower(roles)` are refused before anything runs, with Neo4j's "Type
 * mismatch" message. (`roles CONTAINS 'admin'` is not: Neo4j types CONTAINS over any values.)
 *
 * Only what is certain is checked: a type we cannot know (a parameter, a property of a map, most
 * arithmetic) is `Any`, and `Any` passes every check.
 */
import { childExpressions } from '../ast/children.js';
import { assertNever } from '../diagnostics/assert-never.js';
import type { Expression } from '../ast/expressions.js';
import type { Diagnostic } from '../diagnostics/codes.js';
import { lookupFunction } from '../catalog/functions.js';
import { syntaxError, type CheckContext } from './context.js';

import { columnType, type CypherType } from '../catalog/show-columns.js';

export { columnType, type CypherType };

const listOf = (element: CypherType): CypherType => `List<${element}>`;
const isList = (type: CypherType): type is `List<${string}>` => type.startsWith('List<');
const elementOf = (type: CypherType): CypherType => (isList(type) ? (type.slice(5, -1) as CypherType) : 'Any');

/** Return types of the functions whose result type is fixed. */
const RETURNS: Readonly<Record<string, CypherType>> = {
  size: 'Integer',
  length: 'Integer',
  char_length: 'Integer',
  character_length: 'Integer',
  tolower: 'String',
  toupper: 'String',
  lower: 'String',
  upper: 'String',
  trim: 'String',
  btrim: 'String',
  ltrim: 'String',
  rtrim: 'String',
  replace: 'String',
  substring: 'String',
  left: 'String',
  right: 'String',
  tostring: 'String',
  split: listOf('String'),
  keys: listOf('String'),
  isempty: 'Boolean',
  isnan: 'Boolean',
  count: 'Integer',
};

/** Functions whose first argument must be a string, and those whose first argument must be a list. */
const STRING_FIRST = new Set([
  'tolower',
  'toupper',
  'lower',
  'upper',
  'trim',
  'btrim',
  'ltrim',
  'rtrim',
  'replace',
  'substring',
  'left',
  'right',
  'split',
]);
const LIST_FIRST = new Set(['head', 'last', 'tail']);

export type TypeScope = ReadonlyMap<string, CypherType>;

export function inferType(e: Expression, scope: TypeScope): CypherType {
  switch (e.kind) {
    case 'string':
      return 'String';
    case 'integer':
      return 'Integer';
    case 'float':
      return 'Float';
    case 'boolean':
    case 'comparison':
    case 'is-null':
    case 'is-normalized': // null for what is no string: Neo4j's analysis accepts any operand (`1 IS NORMALIZED`)
    case 'list-predicate':
      return 'Boolean';
    case 'map':
      return 'Map';
    case 'list': {
      // Only a list whose items all have one known type has a type we can name as Neo4j does.
      const types = new Set(e.items.map((item) => inferType(item, scope)));
      const [only] = types;
      return types.size !== 1 || only === undefined || only === 'Any' ? 'Any' : listOf(only);
    }
    case 'variable':
      return scope.get(e.name) ?? 'Any';
    case 'index': {
      const object = inferType(e.object, scope);
      return isList(object) ? elementOf(object) : 'Any';
    }
    case 'slice': {
      const object = inferType(e.object, scope);
      return isList(object) ? object : 'Any';
    }
    case 'unary': {
      if (e.operator === 'NOT') return 'Boolean';
      // A sign keeps a number's type (`-1.5` is a FLOAT).
      const operand = inferType(e.operand, scope);
      return operand === 'Integer' || operand === 'Float' ? operand : 'Any';
    }
    case 'binary':
      return ['AND', 'OR', 'XOR', 'IN', 'STARTS WITH', 'ENDS WITH', 'CONTAINS', '=~'].includes(e.operator) ? 'Boolean' : 'Any';
    case 'count-star':
      return 'Integer';
    case 'function-call':
      return RETURNS[e.name.toLowerCase()] ?? 'Any';
    case 'null':
    case 'parameter':
    case 'property':
    case 'case':
    case 'list-comprehension':
    case 'subquery':
      return 'Any';
    default:
      return assertNever(e, 'expression kind');
  }
}

/**
 * The type mismatches in an expression. `predicate` is true where the whole expression must be a
 * boolean (WHERE), as Neo4j requires of a WHERE clause.
 */
export function checkTypes(root: Expression, scope: TypeScope, predicate: boolean, context: CheckContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const expect = (e: Expression, expected: 'String' | 'Boolean' | 'List<T>', inScope: TypeScope) => {
    const actual = inferType(e, inScope);
    const fits = actual === 'Any' || (expected === 'List<T>' ? isList(actual) : actual === expected);
    if (fits) return;
    // Neo4j words a list where a boolean must be as a coercion it no longer makes (WHERE roles, NOT tags).
    const message =
      expected === 'Boolean' && isList(actual)
        ? 'Coercion of list to boolean is not allowed. Please use `NOT isEmpty(...)` instead.'
        : `Type mismatch: expected ${expected} but was ${actual}`;
    diagnostics.push(syntaxError(context, e.span, message));
  };

  const visit = (e: Expression, inScope: TypeScope): void => {
    // Inside a list predicate or comprehension, its variable has the list's element type.
    const perElement = e.kind === 'list-predicate' || e.kind === 'list-comprehension' ? elementScope(e.variable, e.list, inScope) : inScope;
    if (e.kind === 'binary') {
      if (e.operator === 'AND' || e.operator === 'OR' || e.operator === 'XOR') {
        expect(e.left, 'Boolean', inScope);
        expect(e.right, 'Boolean', inScope);
      } else if (e.operator === '=~') {
        // STARTS WITH, ENDS WITH and CONTAINS take any values (and give null for non-strings); =~ takes strings.
        expect(e.left, 'String', inScope);
        expect(e.right, 'String', inScope);
      } else if (e.operator === 'IN') {
        expect(e.right, 'List<T>', inScope);
      }
    } else if (e.kind === 'unary' && e.operator === 'NOT') {
      expect(e.operand, 'Boolean', inScope);
    } else if (e.kind === 'list-predicate' || e.kind === 'list-comprehension') {
      expect(e.list, 'List<T>', inScope);
      if (e.where) expect(e.where, 'Boolean', perElement);
    } else if (e.kind === 'function-call' && e.args[0] && lookupFunction(e.name).kind === 'known') {
      const name = e.name.toLowerCase();
      if (STRING_FIRST.has(name)) expect(e.args[0], 'String', inScope);
      if (LIST_FIRST.has(name)) expect(e.args[0], 'List<T>', inScope);
    }
    for (const child of childExpressions(e)) visit(child.expression, child.binds === null ? inScope : perElement);
  };
  if (predicate) expect(root, 'Boolean', scope);
  visit(root, scope);
  return diagnostics;
}

/** The scope inside a list predicate or comprehension: its variable has the list's element type. */
function elementScope(variable: string, list: Expression, scope: TypeScope): TypeScope {
  return new Map([...scope, [variable, elementOf(inferType(list, scope))]]);
}
