/**
 * A persistent string-keyed map: a trie of three levels of 32 slots over 32,768 shards, each a small
 * Map. `set` and `delete` return a new map that shares every untouched part, so a change copies three
 * 32-slot arrays and one shard of a few entries however many entries there are.
 *
 * Why three levels: the shard is copied whole on each change, so its size is what a change costs.
 * With 4,096 shards, 100,000 users made shards of about 24 entries, and a change cost 1.5 µs more
 * than with 1,000 users; with 32,768 they hold about 3 (30 at a million).
 *
 * Why not immer all the way down: immer finalises a changed draft by visiting each of its children,
 * and with 100,000 users those visits miss the CPU cache, so per-statement cost grew threefold from
 * 1,000 to 100,000 users. Immer does not draft class instances, so it keeps this map as one value and
 * the copying here touches only pointers.
 */

const BITS = 5;
const FANOUT = 1 << BITS;
const MASK = FANOUT - 1;

type Shard<V> = ReadonlyMap<string, V>;
type Leaves<V> = readonly Shard<V>[];
type Branches<V> = readonly Leaves<V>[];
type Root<V> = readonly Branches<V>[];

/**
 * Freezes plain objects and arrays, and what they hold, as immer's deep `freeze` does for stored data,
 * at less than half its cost; parts already frozen (shared with the value's previous version) are not
 * walked again. Other objects are left as they are, as immer leaves them.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    Object.freeze(value);
    for (const item of value as unknown[]) deepFreeze(item);
    return value;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

/**
 * Whether `set` and `from` freeze what they store. Stored values never leave the store as they are
 * (results and diffs copy them; `toJSON` freezes what it hands out), so freezing them only guards
 * against the executor itself changing one in place: the test suite turns it on (test/support/setup.ts),
 * and a library user does not pay for it (it was 10% of a statement's cost at 50,000 users).
 */
let freezeStored = false;

export function setFreezeStored(on: boolean): void {
  freezeStored = on;
}

const stored = <T>(value: T): T => (freezeStored ? deepFreeze(value) : value);

/** FNV-1a over UTF-16 code units: cheap, and spreads similar names (user1, user2, ...) well. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** `slots[index]` for an index masked below FANOUT: every level has FANOUT slots. */
function slot<T>(slots: readonly T[], index: number): T {
  const item = slots[index];
  if (item === undefined) throw new Error(`No shard slot ${index}: shard indices are below ${FANOUT}`);
  return item;
}

/** The shard of `key` in `root`. */
function shardOf<V>(root: Root<V>, h: number): Shard<V> {
  return slot(slot(slot(root, h & MASK), (h >>> BITS) & MASK), (h >>> (2 * BITS)) & MASK);
}

// Untouched parts of every map are these shared empties, so an empty or small map is small.
const EMPTY_SHARD: Shard<unknown> = new Map<string, unknown>();
const EMPTY_LEAVES: Leaves<unknown> = Array.from({ length: FANOUT }, () => EMPTY_SHARD);
const EMPTY_BRANCHES: Branches<unknown> = Array.from({ length: FANOUT }, () => EMPTY_LEAVES);
const EMPTY_ROOT: Root<unknown> = Array.from({ length: FANOUT }, () => EMPTY_BRANCHES);

export class ShardedMap<V> {
  /**
   * Private and never written after construction, so not frozen: freezing a 64-slot array made V8
   * copy it into its slow frozen-elements form, about 3 µs each, twice per change.
   */
  readonly #root: Root<V>;
  readonly size: number;
  #all: readonly V[] | null = null;

  private constructor(root: Root<V>, size: number) {
    this.#root = root;
    this.size = size;
    Object.freeze(this);
  }

  static empty<V>(): ShardedMap<V> {
    return new ShardedMap<V>(EMPTY_ROOT as Root<V>, 0);
  }

  /**
   * A map holding `entries` (keys distinct), built in one pass: loading a million users with `set`
   * would copy a shard per user, and the shards grow with the map, so it took time quadratic in them.
   */
  static from<V>(entries: Iterable<readonly [string, V]>): ShardedMap<V> {
    // Parts are made when first needed; the shared empties are replaced, never written.
    const root = EMPTY_ROOT.slice() as Shard<V>[][][];
    let size = 0;
    for (const [key, value] of entries) {
      const h = hash(key);
      const a = h & MASK;
      const b = (h >>> BITS) & MASK;
      const c = (h >>> (2 * BITS)) & MASK;
      let branches = slot(root, a);
      if (branches === EMPTY_BRANCHES) root[a] = branches = EMPTY_BRANCHES.slice() as Shard<V>[][];
      let leaves = slot(branches, b);
      if (leaves === EMPTY_LEAVES) branches[b] = leaves = EMPTY_LEAVES.slice() as Shard<V>[];
      let shard = slot(leaves, c) as Map<string, V>;
      if (shard === EMPTY_SHARD) leaves[c] = shard = new Map<string, V>();
      if (!shard.has(key)) size += 1;
      shard.set(key, stored(value));
    }
    return new ShardedMap<V>(root, size);
  }

  get(key: string): V | undefined {
    return shardOf(this.#root, hash(key)).get(key);
  }

  has(key: string): boolean {
    return shardOf(this.#root, hash(key)).has(key);
  }

  /** A new map with `key` set. */
  set(key: string, value: V): ShardedMap<V> {
    return this.#withShard(key, (shard) => {
      const next = new Map(shard);
      next.set(key, stored(value));
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
   * In shard order. Walking 32,768 shards costs more than a small map's entries, so the walk is made
   * once per map and kept (a private field may still be set on a frozen object), and it skips the
   * shared empty parts.
   */
  values(): IterableIterator<V> {
    this.#all ??= this.#collect();
    return this.#all.values();
  }

  #collect(): readonly V[] {
    const all: V[] = [];
    if (this.size === 0) return all;
    for (const branches of this.#root) {
      if (branches === EMPTY_BRANCHES) continue;
      for (const leaves of branches) {
        if (leaves === EMPTY_LEAVES) continue;
        for (const shard of leaves) if (shard.size > 0) for (const value of shard.values()) all.push(value);
      }
    }
    return all;
  }

  #withShard(key: string, change: (shard: Shard<V>) => Map<string, V>): ShardedMap<V> {
    const h = hash(key);
    const a = h & MASK;
    const b = (h >>> BITS) & MASK;
    const c = (h >>> (2 * BITS)) & MASK;
    const oldBranches = slot(this.#root, a);
    const oldLeaves = slot(oldBranches, b);
    const shard = slot(oldLeaves, c);
    const nextShard = change(shard);
    const leaves = oldLeaves.slice();
    leaves[c] = nextShard;
    const branches = oldBranches.slice();
    branches[b] = leaves;
    const root = this.#root.slice();
    root[a] = branches;
    return new ShardedMap(root, this.size + nextShard.size - shard.size);
  }
}
