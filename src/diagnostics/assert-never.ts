/**
 * The last line of every switch over a union: a member left without a case makes the argument a type
 * other than `never`, so the switch does not compile. Reached at run time only by a bug of ours.
 */
export function assertNever(value: never, what: string): never {
  const kind = typeof value === 'object' && value !== null && 'kind' in value ? (value as { kind: unknown }).kind : value;
  throw new Error(`No case for ${what} ${String(kind)}`);
}
