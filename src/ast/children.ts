/** The direct sub-expressions of an expression, for checks that walk the whole tree. */
import type { Expression } from './expressions.js';
import { assertNever } from '../diagnostics/assert-never.js';

export interface ChildExpression {
  readonly expression: Expression;
  /**
   * For the parts a list predicate, comprehension or reduce evaluates once per element (a WHERE, a
   * projection, reduce's step), the variables they see: the element's, and reduce's accumulator. Neo4j
   * checks these parts as simple expressions, where aggregation is not allowed. Empty elsewhere.
   */
  readonly binds: readonly string[];
}

const outer = (expression: Expression): ChildExpression => ({ expression, binds: [] });

/** The variables bound inside `child`, given those bound around its parent. */
export function boundIn(child: ChildExpression, bound: ReadonlySet<string>): ReadonlySet<string> {
  return child.binds.every((name) => bound.has(name)) ? bound : new Set([...bound, ...child.binds]);
}
const present = (expressions: readonly (Expression | null)[]): Expression[] => expressions.filter((e): e is Expression => e !== null);

export function childExpressions(e: Expression): ChildExpression[] {
  switch (e.kind) {
    case 'string':
    case 'integer':
    case 'float':
    case 'boolean':
    case 'null':
    case 'parameter':
    case 'variable':
    case 'count-star':
    case 'subquery': // the query inside is not modelled: nothing in it is checked
      return [];
    case 'list':
      return e.items.map(outer);
    case 'map':
      return e.entries.map((entry) => outer(entry.value));
    case 'map-projection':
      return [
        outer(e.base),
        ...e.items.flatMap((item) =>
          item.kind === 'entry' ? [outer(item.value)] : item.kind === 'variable' ? [outer(item.variable)] : [],
        ),
      ];
    case 'property':
      return [outer(e.object)];
    case 'index':
      return [outer(e.object), outer(e.index)];
    case 'slice':
      return present([e.object, e.from, e.to]).map(outer);
    case 'unary':
    case 'is-null':
    case 'is-normalized':
      return [outer(e.operand)];
    case 'binary':
      return [outer(e.left), outer(e.right)];
    case 'comparison':
      return [outer(e.first), ...e.rest.map((r) => outer(r.operand))];
    case 'case':
      return present([e.subject, ...e.alternatives.flatMap((a) => [a.when, a.then]), e.otherwise]).map(outer);
    case 'list-predicate':
      return [outer(e.list), { expression: e.where, binds: [e.variable] }];
    case 'list-comprehension':
      return [outer(e.list), ...present([e.where, e.projection]).map((expression) => ({ expression, binds: [e.variable] }))];
    case 'trim':
      return present([e.characters, e.source]).map(outer);
    case 'reduce':
      return [outer(e.init), outer(e.list), { expression: e.step, binds: [e.accumulator, e.variable] }];
    case 'function-call':
      return e.args.map(outer);
    default:
      return assertNever(e, 'expression kind');
  }
}
