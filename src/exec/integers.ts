/** INTEGER is a signed 64-bit integer, as Neo4j's `long`: literals and arithmetic stay within it. */
import { StatusCode } from '../diagnostics/codes.js';
import { INT64_MIN, isInt64 } from '../catalog/int64.js';
import { Neo4jError } from '../diagnostics/neo4j-error.js';

export { INT64_MAX, INT64_MIN, isInt64 } from '../catalog/int64.js';

/** Java's Math.addExact and friends throw ArithmeticException("long overflow"); Neo4j passes the text on. */
export function checkOverflow(value: bigint): bigint {
  if (!isInt64(value)) throw new Neo4jError(StatusCode.ArithmeticError, 'long overflow');
  return value;
}

/**
 * Neo4j's semantic check of integer literals (SemanticError "integer is too large"). The checks report it
 * with its position before anything runs; this is the same refusal for a literal that reaches evaluation.
 */
export function integerLiteral(text: string): bigint {
  const value = BigInt(text);
  if (!isInt64(value)) throw new Neo4jError(StatusCode.SyntaxError, 'integer is too large');
  return value;
}

/** Java's Math.abs(long): the absolute value, except that of INT64_MIN, which is INT64_MIN (two's complement). */
export function abs64(value: bigint): bigint {
  return value === INT64_MIN ? INT64_MIN : value < 0n ? -value : value;
}
