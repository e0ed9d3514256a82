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

/** Texts seen once lately (forgotten all at once when there are this many). */
const MAX_SEEN_ONCE = 1024;

/** By minimum password length, then by text: no key string is built per lookup. */
const caches = new Map<number, Map<string, readonly ScriptSegment[]>>();
let size = 0;

/**
 * A statement is kept from its second sighting on. Kept at the first, every statement of a run of
 * distinct ones (a migration, the executor's benchmark) lived until 512 more had been parsed: long
 * enough for the garbage collector to copy its tree twice, for nothing (10% of such a statement's cost).
 */
const seenOnce = new Set<string>();

export function cachedSegments(text: string, minimumPasswordLength: number, parse: () => ScriptSegment[]): readonly ScriptSegment[] {
  if (text.length > MAX_TEXT_LENGTH) return parse();
  let cache = caches.get(minimumPasswordLength);
  if (cache === undefined) {
    cache = new Map();
    caches.set(minimumPasswordLength, cache);
  }
  const hit = cache.get(text);
  if (hit !== undefined) {
    // Re-inserted, so that the Map's order is the order of last use.
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  if (!seenOnce.delete(text)) {
    if (seenOnce.size >= MAX_SEEN_ONCE) seenOnce.clear();
    seenOnce.add(text);
    return parse();
  }
  const segments = parse();
  cache.set(text, segments);
  if (++size > MAX_ENTRIES) evictFrom(cache);
  return segments;
}

/** Drops the least recently used entry of `cache`, or of another length's cache when `cache` holds only the newcomer. */
function evictFrom(cache: Map<string, readonly ScriptSegment[]>): void {
  let victim = cache;
  if (cache.size <= 1) for (const other of caches.values()) if (other.size > 0 && other !== cache) victim = other;
  const oldest = victim.keys().next();
  if (oldest.done === true) return;
  victim.delete(oldest.value);
  size -= 1;
}
