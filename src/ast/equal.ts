/**
 * Whether two expressions are the same expression, wherever each was written: structural equality
 * with spans left aside, as Neo4j's `Expression` equality leaves positions aside. Checks that ask
 * "is this the expression that was returned?" compare with this rather than with printed text, so
 * the printer's choices (parentheses, quoting) cannot change what they decide.
 */
import type { Expression, MapProjectionItem } from './expressions.js';
import { assertNever } from '../diagnostics/assert-never.js';

export function sameExpression(a: Expression, b: Expression): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'string':
      return b.kind === 'string' && a.value === b.value;
    case 'integer':
      return b.kind === 'integer' && a.value === b.value;
    case 'float':
      // Object.is: NAN is the same literal as NAN.
      return b.kind === 'float' && Object.is(a.value, b.value);
    case 'boolean':
      return b.kind === 'boolean' && a.value === b.value;
    case 'null':
    case 'count-star':
      return b.kind === a.kind;
    case 'parameter':
      return b.kind === 'parameter' && a.name === b.name;
    case 'variable':
      return b.kind === 'variable' && a.name === b.name;
    case 'list':
      return b.kind === 'list' && sameList(a.items, b.items);
    case 'map':
      return b.kind === 'map' && sameItems(a.entries, b.entries, (x, y) => x.key === y.key && sameExpression(x.value, y.value));
    case 'map-projection':
      return b.kind === 'map-projection' && a.base.name === b.base.name && sameItems(a.items, b.items, sameProjectionItem);
    case 'property':
      return b.kind === 'property' && a.property === b.property && sameExpression(a.object, b.object);
    case 'index':
      return b.kind === 'index' && sameExpression(a.object, b.object) && sameExpression(a.index, b.index);
    case 'slice':
      return b.kind === 'slice' && sameExpression(a.object, b.object) && sameOptional(a.from, b.from) && sameOptional(a.to, b.to);
    case 'unary':
      return b.kind === 'unary' && a.operator === b.operator && sameExpression(a.operand, b.operand);
    case 'binary':
      return b.kind === 'binary' && a.operator === b.operator && sameExpression(a.left, b.left) && sameExpression(a.right, b.right);
    case 'comparison':
      return (
        b.kind === 'comparison' &&
        sameExpression(a.first, b.first) &&
        sameItems(a.rest, b.rest, (x, y) => x.operator === y.operator && sameExpression(x.operand, y.operand))
      );
    case 'is-null':
      return b.kind === 'is-null' && a.negated === b.negated && sameExpression(a.operand, b.operand);
    case 'is-normalized':
      return b.kind === 'is-normalized' && a.negated === b.negated && a.form === b.form && sameExpression(a.operand, b.operand);
    case 'case':
      return (
        b.kind === 'case' &&
        sameOptional(a.subject, b.subject) &&
        sameItems(a.alternatives, b.alternatives, (x, y) => sameExpression(x.when, y.when) && sameExpression(x.then, y.then)) &&
        sameOptional(a.otherwise, b.otherwise)
      );
    case 'list-predicate':
      return (
        b.kind === 'list-predicate' &&
        a.predicate === b.predicate &&
        a.variable === b.variable &&
        sameExpression(a.list, b.list) &&
        sameExpression(a.where, b.where)
      );
    case 'list-comprehension':
      return (
        b.kind === 'list-comprehension' &&
        a.variable === b.variable &&
        sameExpression(a.list, b.list) &&
        sameOptional(a.where, b.where) &&
        sameOptional(a.projection, b.projection)
      );
    case 'trim':
      return (
        b.kind === 'trim' &&
        a.specification === b.specification &&
        sameOptional(a.characters, b.characters) &&
        sameExpression(a.source, b.source)
      );
    case 'reduce':
      return (
        b.kind === 'reduce' &&
        a.accumulator === b.accumulator &&
        a.variable === b.variable &&
        sameExpression(a.init, b.init) &&
        sameExpression(a.list, b.list) &&
        sameExpression(a.step, b.step)
      );
    case 'subquery':
      return b.kind === 'subquery' && a.subquery === b.subquery && a.body === b.body;
    case 'function-call':
      return b.kind === 'function-call' && sameFunctionName(a.name, b.name) && a.distinct === b.distinct && sameList(a.args, b.args);
    default:
      return assertNever(a, 'expression kind');
  }
}

function sameProjectionItem(a: MapProjectionItem, b: MapProjectionItem): boolean {
  switch (a.kind) {
    case 'property':
      return b.kind === 'property' && a.key === b.key;
    case 'entry':
      return b.kind === 'entry' && a.key === b.key && sameExpression(a.value, b.value);
    case 'variable':
      return b.kind === 'variable' && a.variable.name === b.variable.name;
    case 'all-properties':
      return b.kind === 'all-properties';
    default:
      return assertNever(a, 'map projection item');
  }
}

/** As Neo4j's `FunctionName` compares: the namespace as written, the name itself in any case (`toLower`, `TOLOWER`). */
function sameFunctionName(a: string, b: string): boolean {
  if (a === b) return true;
  const dot = a.lastIndexOf('.');
  return (
    dot === b.lastIndexOf('.') &&
    a.slice(0, dot + 1) === b.slice(0, dot + 1) &&
    a.slice(dot + 1).toLowerCase() === b.slice(dot + 1).toLowerCase()
  );
}

function sameList(a: readonly Expression[], b: readonly Expression[]): boolean {
  return sameItems(a, b, sameExpression);
}

/** Equal lengths, and `same` holds for the items at each index. */
function sameItems<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    return y !== undefined && same(x, y);
  });
}

function sameOptional(a: Expression | null, b: Expression | null): boolean {
  return a === null || b === null ? a === b : sameExpression(a, b);
}
