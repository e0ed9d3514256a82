/**
 * A string-keyed map laid out as plain nested objects, 64 x 64 shards deep, so that immer copies
 * only the path to one small shard when an entry changes: a statement costs the same against 1,000
 * users as against 100,000 (a flat record would be copied whole on every change).
 */
export type Shard<V> = Readonly<Record<string, V>>;
export type ShardedMap<V> = readonly (readonly Shard<V>[])[];

const FANOUT = 64;

export function emptyShardedMap<V>(): ShardedMap<V> {
  return Array.from({ length: FANOUT }, () => Array.from({ length: FANOUT }, () => ({})));
}

/** FNV-1a over UTF-16 code units: cheap, and spreads similar names (user1, user2, ...) well. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function shardIndex(key: string): readonly [number, number] {
  const h = hash(key);
  return [h & (FANOUT - 1), (h >>> 6) & (FANOUT - 1)];
}

/** Keys are stored with a prefix so that a user named `__proto__` is an ordinary entry. */
const slot = (key: string): string => `#${key}`;

export function getEntry<V>(map: ShardedMap<V>, key: string): V | undefined {
  const [a, b] = shardIndex(key);
  const shard = map[a]![b]!;
  return Object.hasOwn(shard, slot(key)) ? shard[slot(key)] : undefined;
}

/** Only on an immer draft: writes through the draft's nested shards, so immer copies just that path. */
export function setEntry<V>(draft: ShardedMap<V>, key: string, value: V): void {
  const [a, b] = shardIndex(key);
  (draft as Record<string, V>[][])[a]![b]![slot(key)] = value;
}

/** Only on an immer draft. */
export function deleteEntry<V>(draft: ShardedMap<V>, key: string): void {
  const [a, b] = shardIndex(key);
  delete (draft as Record<string, V>[][])[a]![b]![slot(key)];
}

export function* entries<V>(map: ShardedMap<V>): Generator<V> {
  for (const row of map) for (const shard of row) for (const key in shard) yield shard[key]!;
}
