/// <reference lib="webworker" />
/**
 * Runs scripts off the main thread, so a long script never blocks typing, and a runaway one can be
 * stopped by terminating this worker. The database travels as a snapshot: the page keeps the one
 * it had, so stopping a run loses nothing but the run.
 */
import { changeSign, planLines, planSummary, SystemDatabase, type ChangeSign, type Snapshot, type StatementRun } from '../../src/index.js';
import { stateTables, type StateTables } from './state-view.js';

export interface RunRequest {
  readonly script: string;
  readonly params: Record<string, unknown>;
  readonly snapshot: Snapshot;
}

export type RunReply =
  | { readonly kind: 'progress'; readonly statements: number }
  | {
      readonly kind: 'done';
      readonly statements: readonly StatementRun[];
      readonly snapshot: Snapshot;
      readonly tables: StateTables;
      readonly plan: PlanView;
    }
  | { readonly kind: 'failed'; readonly message: string };

/** What the run changed, as `sysdb plan` prints it: a line per change (with its sign, for colour) and the counts. */
export interface PlanView {
  readonly lines: readonly { readonly sign: ChangeSign; readonly text: string }[];
  readonly summary: string;
}

const PROGRESS_EVERY_MS = 200;

self.onmessage = (event: MessageEvent<RunRequest>) => {
  const { script, params, snapshot } = event.data;
  const reply = (message: RunReply) => self.postMessage(message);
  try {
    let lastProgress = Date.now();
    const outcome = SystemDatabase.fromJSON(snapshot).plan(script, {
      params,
      onError: 'continue',
      onStatement: (_, index) => {
        if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = Date.now();
        reply({ kind: 'progress', statements: index + 1 });
      },
    });
    const texts = planLines(outcome.changes);
    const lines = outcome.changes.map((change, i) => ({ sign: changeSign(change), text: texts[i] ?? '' }));
    const plan = { lines, summary: planSummary(outcome.changes) };
    reply({ kind: 'done', statements: outcome.statements, snapshot: outcome.db.toJSON(), tables: stateTables(outcome.db), plan });
  } catch (error) {
    // Not a statement's failure (those are in the results): a defect, shown rather than lost.
    reply({ kind: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
};
