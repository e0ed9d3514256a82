/**
 * A persistent string-keyed map: 64 x 64 shards, each a small Map. `set` and `delete` return a new
 * map that shares every untouched shard, so a change copies two 64-slot arrays and one shard however
 * many entries there are.
 *
 * Why not immer all the way down: immer finalises a changed draft by visiting each of its children,
 * and with 100,000 users those visits miss the CPU cache, so per-statement cost grew threefold from
 * 1,000 to 100,000 users. Immer does not draft class instances, so it keeps this map as one value and
 * the copying here touches only pointers.
 */
import { freeze } from 'immer';

const FANOUT = 64;

type Shard<V> = ReadonlyMap<string, V>;
type Rows<V> = readonly (readonly Shard<V>[])[];

/** FNV-1a over UTF-16 code units: cheap, and spreads similar names (user1, user2, ...) well. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function shardIndex(key: string): readonly [number, number] {
  const h = hash(key);
  return [h & (FANOUT - 1), (h >>> 6) & (FANOUT - 1)];
}

/** `slots[index]` for an index from shardIndex: masked below FANOUT, and every row has FANOUT slots. */
function slot<T>(slots: readonly T[], index: number): T {
  const item = slots[index];
  if (item === undefined) throw new Error(`No shard slot ${index}: shard indices are below ${FANOUT}`);
  return item;
}

const EMPTY_SHARD: Shard<never> = new Map<string, never>();
const EMPTY_ROWS: Rows<never> = Array.from({ length: FANOUT }, () => Array.from({ length: FANOUT }, () => EMPTY_SHARD));

export class ShardedMap<V> {
  /**
   * Private and never written after construction, so not frozen: freezing a 64-slot array made V8
   * copy it into its slow frozen-elements form, about 3 µs each, twice per change.
   */
  readonly #rows: Rows<V>;
  readonly size: number;
  #all: readonly V[] | null = null;

  private constructor(rows: Rows<V>, size: number) {
    this.#rows = rows;
    this.size = size;
    Object.freeze(this);
  }

  static empty<V>(): ShardedMap<V> {
    return new ShardedMap<V>(EMPTY_ROWS, 0);
  }

  /**
   * A map holding `entries` (keys distinct), built in one pass: loading a million users with `set`
   * would copy a shard per user, and the shards grow with the map, so it took time quadratic in them.
   */
  static from<V>(entries: Iterable<readonly [string, V]>): ShardedMap<V> {
    const rows = Array.from({ length: FANOUT }, () => Array.from({ length: FANOUT }, () => new Map<string, V>()));
    let size = 0;
    for (const [key, value] of entries) {
      const [a, b] = shardIndex(key);
      const shard = slot(slot(rows, a), b);
      if (!shard.has(key)) size += 1;
      shard.set(key, freeze(value, true));
    }
    return new ShardedMap<V>(rows, size);
  }

  get(key: string): V | undefined {
    const [a, b] = shardIndex(key);
    return slot(slot(this.#rows, a), b).get(key);
  }

  has(key: string): boolean {
    const [a, b] = shardIndex(key);
    return slot(slot(this.#rows, a), b).has(key);
  }

  /** A new map with `key` set; the value is deep-frozen, as immer freezes what it stores. */
  set(key: string, value: V): ShardedMap<V> {
    return this.#withShard(key, (shard) => {
      const next = new Map(shard);
      next.set(key, freeze(value, true));
      return next;
    });
  }

  delete(key: string): ShardedMap<V> {
    if (!this.has(key)) return this;
    return this.#withShard(key, (shard) => {
      const next = new Map(shard);
      next.delete(key);
      return next;
    });
  }

  /**
   * In shard order. Walking 4,096 shards costs more than a small map's entries, so the walk is made
   * once per map and kept: the map never changes (a private field may still be set on a frozen object).
   */
  values(): IterableIterator<V> {
    this.#all ??= this.#collect();
    return this.#all.values();
  }

  #collect(): readonly V[] {
    const all: V[] = [];
    if (this.size === 0) return all;
    for (const row of this.#rows) {
      for (const shard of row) if (shard.size > 0) for (const value of shard.values()) all.push(value);
    }
    return all;
  }

  #withShard(key: string, change: (shard: Shard<V>) => Map<string, V>): ShardedMap<V> {
    const [a, b] = shardIndex(key);
    const oldRow = slot(this.#rows, a);
    const shard = slot(oldRow, b);
    const nextShard = change(shard);
    const row = oldRow.slice();
    row[b] = nextShard;
    const rows = this.#rows.slice();
    rows[a] = row;
    return new ShardedMap(rows, this.size + nextShard.size - shard.size);
  }
}
