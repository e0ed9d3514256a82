/**
 * The work one statement may do, as Neo4j bounds a transaction by time (db.transaction.timeout) and
 * by memory (db.memory.transaction.max). Time is counted in evaluation steps, so a statement fails the
 * same way on every machine; memory is counted as the size of the lists and strings the statement
 * builds (never given back: an upper bound on what it holds), charged before they are built.
 */
import { StatusCode } from '../diagnostics/codes.js';
import { Neo4jError } from '../diagnostics/neo4j-error.js';
import { RegexCache } from './regex.js';

export interface BudgetLimits {
  /** Expression evaluation steps per statement (default 2,000,000): our db.transaction.timeout. */
  readonly maxSteps: number;
  /** Bytes of lists and strings a statement may build (default 64 MiB): our db.memory.transaction.max. */
  readonly maxMemoryBytes: number;
}

/** What a statement may do unless the database is made with other limits (`sysdb run --max-steps`, `--max-memory`). */
export const DEFAULT_LIMITS: BudgetLimits = { maxSteps: 2_000_000, maxMemoryBytes: 64 * 1024 * 1024 };

/** What we charge: a list slot holds a reference, a string holds UTF-16 code units. */
export const BYTES_PER_LIST_ITEM = 8;
export const BYTES_PER_CHAR = 2;

/**
 * Neo4j's TransactionTerminatedException for Status.Transaction.TransactionTimedOut: a fixed lead-in,
 * then the status description and a space (neo4j/neo4j Status.java, and the message drivers see).
 */
const TIMED_OUT =
  'The transaction has been terminated. Retry your operation in a new transaction, and you should see a successful result. ' +
  'The transaction has not completed within the specified timeout (db.transaction.timeout). You may want to retry with a longer timeout. ';

export class StatementBudget {
  readonly limits: BudgetLimits;
  readonly regexes = new RegexCache();
  #steps = 0;
  #bytes = 0;

  constructor(limits: BudgetLimits = DEFAULT_LIMITS) {
    this.limits = limits;
  }

  /** Counts `n` units of work (an expression evaluated, an item compared). */
  step(n = 1): void {
    this.#steps += n;
    if (this.#steps > this.limits.maxSteps) throw new Neo4jError(StatusCode.TransactionTimedOut, TIMED_OUT);
  }

  /** Charges `bytes` about to be allocated; throws before the allocation that would exceed the limit. */
  allocate(bytes: number): void {
    if (this.#bytes + bytes > this.limits.maxMemoryBytes) {
      // Neo4j's MemoryLimitExceededException, for the per-transaction limit.
      throw new Neo4jError(
        StatusCode.TransactionMemoryLimit,
        `The allocation of an extra ${byteText(bytes)} would use more than the limit ${byteText(this.limits.maxMemoryBytes)}. ` +
          `Currently using ${byteText(this.#bytes)}. db.memory.transaction.max threshold reached`,
      );
    }
    this.#bytes += bytes;
  }

  /** Bytes still free: lets a builder stop measuring as soon as its result cannot fit. */
  get freeBytes(): number {
    return this.limits.maxMemoryBytes - this.#bytes;
  }

  list(items: number): void {
    this.allocate(items * BYTES_PER_LIST_ITEM);
  }

  string(length: number): void {
    this.allocate(length * BYTES_PER_CHAR);
  }
}

/** Sizes as Neo4j prints them: `2.0 MiB`, `716.8 MiB`. */
function byteText(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Checks limits given by a caller: positive safe integers. */
export function budgetLimits(options: { readonly maxSteps?: number; readonly maxMemoryBytes?: number }): BudgetLimits {
  const limit = (value: number | undefined, name: string, fallback: number): number => {
    if (value === undefined) return fallback;
    if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer, got ${value}`);
    return value;
  };
  return {
    maxSteps: limit(options.maxSteps, 'maxSteps', DEFAULT_LIMITS.maxSteps),
    maxMemoryBytes: limit(options.maxMemoryBytes, 'maxMemoryBytes', DEFAULT_LIMITS.maxMemoryBytes),
  };
}
