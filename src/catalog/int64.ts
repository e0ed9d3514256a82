/** Cypher's INTEGER is a signed 64-bit integer, as Java's `long`. */
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

export function isInt64(value: bigint): boolean {
  return value >= INT64_MIN && value <= INT64_MAX;
}

/** Neo4j's message for a SKIP, OFFSET or LIMIT that is no count of rows, showing the value as `shown`. */
export const notARowCount = (shown: string): string => `Invalid input. '${shown}' is not a valid value. Must be a non-negative integer.`;
