/**
 * Parsed statements by text, as Neo4j's query cache keeps compiled queries: a server's clients send
 * the same few statements again and again with different parameters, and parsing is most of what a
 * small statement costs. Parsing is pure (the text and the minimum password length decide it), and
 * parsed segments are never changed afterwards, so sharing them is safe.
 */
import type { ScriptSegment } from '../parse.js';

/** Statements kept; the least recently used goes first. */
const MAX_ENTRIES = 512;
/** Longer texts are parsed each time: they are scripts, not a client's repeated statements. */
const MAX_TEXT_LENGTH = 4096;

const cache = new Map<string, readonly ScriptSegment[]>();

export function cachedSegments(text: string, minimumPasswordLength: number, parse: () => ScriptSegment[]): readonly ScriptSegment[] {
  if (text.length > MAX_TEXT_LENGTH) return parse();
  const key = `${minimumPasswordLength}\u0000${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Re-inserted, so that the Map's order is the order of last use.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const segments = parse();
  cache.set(key, segments);
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return segments;
}
