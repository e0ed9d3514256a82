/**
 * The page's side of the run worker: one run at a time, stopped on request or after a time limit by
 * terminating the worker (a script in a loop cannot be interrupted any other way). A stopped run
 * changes nothing: the database stays the one the page sent.
 */
import type { RunReply, RunRequest } from './run-worker.js';

export type RunOutcome =
  | Extract<RunReply, { kind: 'done' | 'failed' }>
  | { readonly kind: 'stopped'; readonly reason: 'stop' | 'timeout'; readonly limitMs: number };

export class Runner {
  #worker: Worker | null = null;
  #finish: ((outcome: RunOutcome) => void) | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #limitMs = 0;

  readonly #settings: { readonly timeoutMs: number };

  /** `timeoutMs` is read at each run, so the page (or a test) can change it. */
  constructor(settings: { readonly timeoutMs: number }) {
    this.#settings = settings;
  }

  get running(): boolean {
    return this.#finish !== null;
  }

  run(request: RunRequest, onProgress: (statements: number) => void): Promise<RunOutcome> {
    if (this.running) throw new Error('a run is already going');
    const worker = (this.#worker ??= new Worker(new URL('./run-worker.ts', import.meta.url), { type: 'module' }));
    this.#limitMs = this.#settings.timeoutMs;
    return new Promise<RunOutcome>((resolve) => {
      this.#finish = resolve;
      worker.onmessage = (event: MessageEvent<RunReply>) => {
        if (event.data.kind === 'progress') onProgress(event.data.statements);
        else this.#end(event.data);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        this.#end({ kind: 'failed', message: event.message || 'the run worker failed to start' });
      };
      this.#timer = setTimeout(() => this.stop('timeout'), this.#limitMs);
      worker.postMessage(request);
    });
  }

  /** Ends the running script now; the next run starts a fresh worker. */
  stop(reason: 'stop' | 'timeout' = 'stop'): void {
    if (!this.running) return;
    this.#worker?.terminate();
    this.#worker = null;
    this.#end({ kind: 'stopped', reason, limitMs: this.#limitMs });
  }

  #end(outcome: RunOutcome): void {
    clearTimeout(this.#timer);
    const finish = this.#finish;
    this.#finish = null;
    finish?.(outcome);
  }
}
