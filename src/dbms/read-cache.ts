/**
 * A session's answers to read statements it sent again, by database snapshot. A snapshot never
 * changes, and a read is a function of the snapshot, the text, the parameters, the target database
 * and the session's options (cypher-sysdb evaluates no clock or random function): so while no commit
 * lands, the same read without parameters gets the same outcome, and a client polling `SHOW USERS`
 * skips parsing, checking and execution. Any commit makes a new snapshot, which empties the cache.
 * Bounded: a few entries per session, and only small results (a session holds them until its next
 * read on a newer snapshot).
 */
import type { SystemDatabase } from '../database.js';
import type { RunOutcome } from './outcome.js';

/** Reads kept per session; the least recently used goes first. */
const MAX_ENTRIES = 8;
/** Larger results are computed each time rather than held. */
const MAX_RECORDS = 256;
/** Longer texts are scripts, not the short statements a client repeats. */
const MAX_TEXT_LENGTH = 4096;

export class ReadCache {
  #db: SystemDatabase | null = null;
  /** By target database, then by text: no key string is built per lookup. */
  readonly #entries = new Map<string | null, Map<string, RunOutcome>>();
  #size = 0;

  /** The outcome kept for this read on `db`, if any. */
  get(db: SystemDatabase, query: string, params: Readonly<Record<string, unknown>>, database: string | null): RunOutcome | undefined {
    if (db !== this.#db || !cacheable(query, params)) return undefined;
    const byText = this.#entries.get(database);
    const hit = byText?.get(query);
    if (byText === undefined || hit === undefined) return undefined;
    // Re-inserted, so that the Map's order is the order of last use.
    byText.delete(query);
    byText.set(query, hit);
    return hit;
  }

  /** Keeps `outcome` if it is a small read that left `db` as it was. */
  set(db: SystemDatabase, query: string, params: Readonly<Record<string, unknown>>, database: string | null, outcome: RunOutcome): void {
    const { summary, records } = outcome;
    if (summary.queryType !== 'r' || summary.systemUpdates > 0 || records.length > MAX_RECORDS || !cacheable(query, params)) return;
    if (db !== this.#db) {
      this.#db = db;
      this.#entries.clear();
      this.#size = 0;
    }
    let byText = this.#entries.get(database);
    if (byText === undefined) {
      byText = new Map();
      this.#entries.set(database, byText);
    }
    if (!byText.has(query)) this.#size += 1;
    byText.set(query, outcome);
    if (this.#size > MAX_ENTRIES) this.#evict(byText);
  }

  /** Drops the least recently used entry of `byText`, or of another database's when `byText` holds only the newcomer. */
  #evict(byText: Map<string, RunOutcome>): void {
    let victim = byText;
    if (byText.size <= 1) for (const other of this.#entries.values()) if (other.size > 0 && other !== byText) victim = other;
    const oldest = victim.keys().next();
    if (oldest.done === true) return;
    victim.delete(oldest.value);
    this.#size -= 1;
  }
}

/** Parameters would have to be part of the key (and may hold a password): only reads without them are kept. */
function cacheable(query: string, params: Readonly<Record<string, unknown>>): boolean {
  if (query.length > MAX_TEXT_LENGTH) return false;
  for (const _ in params) return false;
  return true;
}
