/**
 * `--data FILE`: the database is loaded from FILE at start and saved to it after every commit, in the
 * format `sysdb run --save` writes. Saves are atomic (a kill leaves the old state or the new), one at a
 * time, and coalesced: commits landing while a save is under way are written once, as the latest
 * state, when it ends. So a burst of commits costs two saves, not one per commit.
 */
import { readFile } from 'node:fs/promises';
import { SystemDatabase } from '../index.js';
import { writeFileAtomicAsync } from './atomic-write.js';
import { ServerStartError } from './errors.js';
import { describeSystemError } from './system-errors.js';
import type { ServerLog } from './log.js';

export type WriteFile = (path: string, text: string) => Promise<void>;

/** Told when a save starts and when every pending one has ended: the server holds replies meanwhile. */
export interface SaveHooks {
  readonly busy: () => void;
  readonly idle: () => void;
}

/** The text `sysdb run --save` writes. */
export function savedText(db: SystemDatabase): string {
  return `${JSON.stringify(db.toJSON(), null, 2)}\n`;
}

/** The database saved in `path`, or null when there is no such file; throws with a one-line reason otherwise. */
export async function loadDataFile(path: string): Promise<SystemDatabase | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ServerStartError(`cannot read '${path}': ${describeSystemError(error)}`);
  }
  try {
    return SystemDatabase.fromJSON(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    // Not JSON.parse's message: it quotes the text around the mistake, and the file holds hashes.
    const reason = error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message;
    throw new ServerStartError(`'${path}' is not a saved database: ${reason}`);
  }
}

export class DataFile {
  readonly #path: string;
  readonly #log: ServerLog;
  readonly #write: WriteFile;
  readonly #hooks: SaveHooks | undefined;
  /** The state still to be written (the latest commit), or null when the file is up to date. */
  #pending: SystemDatabase | null = null;
  /** The save under way, which also writes whatever is pending when it started or arrives meanwhile. */
  #running: Promise<void> | null = null;

  constructor(path: string, log: ServerLog, options: { write?: WriteFile; hooks?: SaveHooks } = {}) {
    this.#path = path;
    this.#log = log;
    this.#write = options.write ?? writeFileAtomicAsync;
    this.#hooks = options.hooks;
  }

  /** Writes `db` at once and fails loudly: at start, an unwritable FILE is a configuration error. */
  async writeNow(db: SystemDatabase): Promise<void> {
    try {
      await this.#write(this.#path, savedText(db));
    } catch (error) {
      throw new ServerStartError(`cannot write '${this.#path}': ${describeSystemError(error)}`);
    }
  }

  /** Queues `db` to be saved (the listener of every commit). */
  save(db: SystemDatabase): void {
    this.#pending = db;
    if (this.#running !== null) return;
    this.#hooks?.busy();
    this.#running = this.#drain().finally(() => {
      this.#running = null;
      this.#hooks?.idle();
    });
  }

  /** Resolves once every commit so far is in the file (or its save has failed and been logged). */
  async saved(): Promise<void> {
    while (this.#running !== null) await this.#running;
  }

  async #drain(): Promise<void> {
    for (let db = this.#pending; db !== null; db = this.#pending) {
      this.#pending = null;
      try {
        await this.#write(this.#path, savedText(db));
      } catch (error) {
        // The commit stands in memory; the next one tries again. Logged, never thrown: no client caused it.
        this.#log.warn(`cannot save the database to '${this.#path}': ${describeSystemError(error)}`);
      }
    }
  }
}
