/**
 * Whether two expressions are the same expression, wherever each was written: structural equality
 * with spans left aside, as Neo4j's `Expression` equality leaves positions aside. Checks that ask
 * "is this the expression that was returned?" compare with this rather than with printed text, so
 * the printer's choices (parentheses, quoting) cannot change what they decide.
 */
import type { Expression } from './expressions.js';
import { assertNever } from '../diagnostics/assert-never.js';

export function sameExpression(a: Expression, b: Expression): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'string':
      return b.kind === 'string' && a.value === b.value;
    case 'integer':
      return b.kind === 'integer' && a.value === b.value;
    case 'float':
      return b.kind === 'float' && a.value === b.value;
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
      return (
        b.kind === 'map' &&
        a.entries.length === b.entries.length &&
        a.entries.every((entry, i) => entry.key === b.entries[i]!.key && sameExpression(entry.value, b.entries[i]!.value))
      );
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
        a.rest.length === b.rest.length &&
        sameExpression(a.first, b.first) &&
        a.rest.every((r, i) => r.operator === b.rest[i]!.operator && sameExpression(r.operand, b.rest[i]!.operand))
      );
    case 'is-null':
      return b.kind === 'is-null' && a.negated === b.negated && sameExpression(a.operand, b.operand);
    case 'case':
      return (
        b.kind === 'case' &&
        a.alternatives.length === b.alternatives.length &&
        sameOptional(a.subject, b.subject) &&
        a.alternatives.every((alt, i) => sameExpression(alt.when, b.alternatives[i]!.when) && sameExpression(alt.then, b.alternatives[i]!.then)) &&
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
    case 'function-call':
      return b.kind === 'function-call' && sameFunctionName(a.name, b.name) && a.distinct === b.distinct && sameList(a.args, b.args);
    default:
      return assertNever(a, 'expression kind');
  }
}

/** As Neo4j's `FunctionName` compares: the namespace as written, the name itself in any case (`toLower`, `TOLOWER`). */
function sameFunctionName(a: string, b: string): boolean {
  if (a === b) return true;
  const dot = a.lastIndexOf('.');
  return dot === b.lastIndexOf('.') && a.slice(0, dot + 1) === b.slice(0, dot + 1) && a.slice(dot + 1).toLowerCase() === b.slice(dot + 1).toLowerCase();
}

function sameList(a: readonly Expression[], b: readonly Expression[]): boolean {
  return a.length === b.length && a.every((item, i) => sameExpression(item, b[i]!));
}

function sameOptional(a: Expression | null, b: Expression | null): boolean {
  return a === null || b === null ? a === b : sameExpression(a, b);
}
