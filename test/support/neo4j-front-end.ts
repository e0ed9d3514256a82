/**
 * Neo4j's own Cypher front end (parser and semantic analysis), as @neo4j-cypher/language-support
 * ships it: Neo4j's Scala/Java front end compiled to JavaScript by TeaVM, `analyzeQuery(text, version)`
 * in dist/esm/.../syntaxValidation/semanticAnalysis.js. That file has no types and its internals are
 * minified, but TeaVM exports the result's getters by name (`errors`, `notifications`, `message`,
 * `startPosition.offset`, ...): they are read here, and checked, so that a new build of the package
 * that changes them fails loudly instead of agreeing with everything.
 *
 * One call takes 10 to 50 ms, so calls run in worker threads; each worker loads its own copy of the module. Where a text has
 * several semantic errors, their order varies from run to run (callers that compare it should sort them).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export type CypherVersion = 'CYPHER 5' | 'CYPHER 25';

export interface FrontEndError {
  readonly message: string;
  /** 0-based, from the start of the text. */
  readonly offset: number;
}

export interface FrontEndResult {
  readonly errors: readonly FrontEndError[];
  readonly notifications: readonly string[];
}

const PACKAGE = '@neo4j-cypher/language-support';

/** The package's directory, found through its CommonJS entry (its exports do not expose the file we need). */
function packageDirectory(): string {
  const entry = createRequire(import.meta.url).resolve(PACKAGE);
  // dist/cjs/index.cjs
  return join(dirname(entry), '..', '..');
}

/** The version of the package, hence of the front end it ships. */
export function frontEndVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(packageDirectory(), 'package.json'), 'utf8'));
  const version = (manifest as { version?: unknown }).version;
  if (typeof version !== 'string') throw new Error(`${PACKAGE}: no version in its package.json`);
  return version;
}

function moduleUrl(): string {
  const file = join(packageDirectory(), 'dist/esm/project/language-support/src/syntaxValidation/semanticAnalysis.js');
  return pathToFileURL(file).href;
}

/**
 * The worker: loads the module, then answers `{ id, texts, version }` with plain objects (TeaVM's
 * objects do not survive structured cloning). Plain JavaScript, as `eval` workers take it.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// TeaVM throws JavaScript errors as it parses: their stack traces are a sixth of the time.
Error.stackTraceLimit = 0;
const plain = (list) => Array.from(list, (e) => ({ message: e.message, start: { offset: e.startPosition.offset } }));
import(workerData.url).then(({ analyzeQuery }) => {
  parentPort.on('message', ({ id, texts, version }) => {
    try {
      const results = texts.map((text) => {
        const result = analyzeQuery(text, version);
        return { errors: plain(result.errors), notifications: plain(result.notifications) };
      });
      parentPort.postMessage({ id, results });
    } catch (error) {
      parentPort.postMessage({ id, failure: String(error && error.stack ? error.stack : error) });
    }
  });
  parentPort.postMessage({ ready: true });
}, (error) => parentPort.postMessage({ failure: String(error) }));
`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** One reported error or notification as the worker copied it, checked field by field. */
function toFrontEndError(value: unknown): FrontEndError {
  const start = isRecord(value) ? value.start : undefined;
  const message = isRecord(value) ? value.message : undefined;
  const offset = isRecord(start) ? start.offset : undefined;
  if (typeof message !== 'string' || typeof offset !== 'number') {
    throw new Error(`${PACKAGE}: analyzeQuery's result no longer has message and startPosition.offset: ${JSON.stringify(value)}`);
  }
  return { message, offset };
}

function toFrontEndResult(value: unknown): FrontEndResult {
  const errors = isRecord(value) ? value.errors : undefined;
  const notifications = isRecord(value) ? value.notifications : undefined;
  if (!Array.isArray(errors) || !Array.isArray(notifications)) {
    throw new Error(`${PACKAGE}: analyzeQuery's result no longer has errors and notifications: ${JSON.stringify(value)}`);
  }
  return { errors: errors.map(toFrontEndError), notifications: notifications.map((n) => toFrontEndError(n).message) };
}

interface Pending {
  readonly resolve: (results: FrontEndResult[]) => void;
  readonly reject: (error: Error) => void;
}

/** A few workers, each with the front end loaded; texts are shared out in chunks. */
export class FrontEnd {
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly workers: readonly Worker[]) {
    for (const worker of workers) {
      worker.on('message', (message: unknown) => this.settle(message));
      worker.on('error', (error) => this.failAll(error));
    }
  }

  /** Two workers by default: the machine the suite's timings are set for has two cores. */
  static async start(size = Math.min(2, availableParallelism())): Promise<FrontEnd> {
    const url = moduleUrl();
    const workers = Array.from({ length: Math.max(1, size) }, () => new Worker(WORKER_SOURCE, { eval: true, workerData: { url } }));
    await Promise.all(workers.map(ready));
    return new FrontEnd(workers);
  }

  /** Every text's result, in order. Chunks go to whichever worker is free, as run times vary tenfold. */
  async analyze(texts: readonly string[], version: CypherVersion): Promise<FrontEndResult[]> {
    // analyzeQuery never returns for a text that is empty or all whitespace.
    const blank = texts.find((text) => text.trim() === '');
    if (blank !== undefined) throw new Error(`${PACKAGE}: analyzeQuery would not return for ${JSON.stringify(blank)}`);
    const chunk = 20;
    const results: FrontEndResult[][] = [];
    let next = 0;
    const drain = async (worker: Worker) => {
      while (next < texts.length) {
        const start = next;
        next += chunk;
        results[start / chunk] = await this.send(worker, texts.slice(start, start + chunk), version);
      }
    };
    await Promise.all(this.workers.map(drain));
    return results.flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private send(worker: Worker, texts: readonly string[], version: CypherVersion): Promise<FrontEndResult[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, texts, version });
    });
  }

  /** A worker that dies takes every call still waiting with it: none is left hanging. */
  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  private settle(message: unknown): void {
    if (!isRecord(message) || typeof message.id !== 'number') return;
    const pending = this.pending.get(message.id);
    this.pending.delete(message.id);
    if (!pending) return;
    try {
      if (!Array.isArray(message.results)) throw new Error(`${PACKAGE}: analyzeQuery failed: ${String(message.failure)}`);
      pending.resolve(message.results.map(toFrontEndResult));
    } catch (error) {
      pending.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/** Resolves once the worker has loaded the module; rejects with its reason otherwise. */
function ready(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      worker.off('message', onMessage);
      if (isRecord(message) && message.ready === true) resolve();
      else reject(new Error(`${PACKAGE}: could not load the front end: ${isRecord(message) ? String(message.failure) : String(message)}`));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
}
