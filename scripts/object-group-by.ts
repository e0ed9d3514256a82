/**
 * Chevrotain 13 is built for Node 22 and calls `Object.groupBy` (Node 21+) in its grammar validations
 * and its CST type generator. Neither runs when a user parses, so the library itself works on Node 20;
 * the test suite and `npm run gen:cst` run both, and get this stand-in where Node lacks it.
 */
function groupBy<T>(items: Iterable<T>, keyOf: (item: T, index: number) => PropertyKey): Partial<Record<PropertyKey, T[]>> {
  const groups: Partial<Record<PropertyKey, T[]>> = Object.create(null) as Partial<Record<PropertyKey, T[]>>;
  let index = 0;
  for (const item of items) (groups[keyOf(item, index++)] ??= []).push(item);
  return groups;
}

const object = Object as unknown as { groupBy?: typeof groupBy };
object.groupBy ??= groupBy;
