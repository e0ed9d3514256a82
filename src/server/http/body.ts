/**
 * Query API response bodies, with the keys in the order Neo4j's `DriverResultSerializer` writes them
 * (2026.06): `data`, `notifications` (only when there are some), `counters` (only when asked for),
 * `bookmarks` (auto-commit and commit), `transaction` (inside an explicit transaction).
 */
import type { Notification, RunOutcome } from '../../index.js';
import { errorObject } from './errors.js';
import type { Format } from './media.js';
import { plainValue, typedValue } from './values.js';

export interface ResultParts {
  readonly includeCounters: boolean;
  readonly bookmarks?: readonly string[];
  readonly transaction?: { readonly id: string; readonly expires: string };
}

export function resultBody(outcome: RunOutcome, format: Format, parts: ResultParts): string {
  const out = [`"data":${dataObject(outcome, format)}`];
  if (outcome.summary.notifications.length > 0) out.push(`"notifications":[${outcome.summary.notifications.map(notification).join(',')}]`);
  if (parts.includeCounters) out.push(`"counters":${counters(outcome.summary.systemUpdates)}`);
  if (parts.bookmarks !== undefined) out.push(`"bookmarks":${bookmarkList(parts.bookmarks)}`);
  if (parts.transaction !== undefined) out.push(`"transaction":${transactionObject(parts.transaction.id, parts.transaction.expires)}`);
  return `{${out.join(',')}}`;
}

/**
 * A commit whose final statement ran but whose commit then failed: Neo4j commits while writing the
 * 202 body, so the error follows the rows in it.
 */
export function resultThenErrorBody(outcome: RunOutcome, format: Format, code: string, message: string): string {
  return `{"data":${dataObject(outcome, format)},"errors":[${errorObject(code, message)}]}`;
}

export function transactionBody(id: string, expires: string): string {
  return `{"transaction":${transactionObject(id, expires)}}`;
}

export function bookmarksBody(bookmarks: readonly string[]): string {
  return `{"bookmarks":${bookmarkList(bookmarks)}}`;
}

function dataObject(outcome: RunOutcome, format: Format): string {
  const value = format === 'typed' ? typedValue : plainValue;
  const rows = outcome.records.map((record) => `[${record.map(value).join(',')}]`);
  return `{"fields":${JSON.stringify(outcome.result.columns)},"values":[${rows.join(',')}]}`;
}

/**
 * The driver's SummaryCounters, all fourteen always. Administration commands change no graph, so
 * only the system counters move: `containsUpdates` stays false, as Neo4j reports it.
 */
function counters(systemUpdates: number): string {
  return JSON.stringify({
    containsUpdates: false,
    nodesCreated: 0,
    nodesDeleted: 0,
    propertiesSet: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    labelsAdded: 0,
    labelsRemoved: 0,
    indexesAdded: 0,
    indexesRemoved: 0,
    constraintsAdded: 0,
    constraintsRemoved: 0,
    containsSystemUpdates: systemUpdates > 0,
    systemUpdates,
  });
}

/**
 * Neo4j's legacy notification object. `position` is always written; an administration command's
 * notifications have none (Bolt sends none), so it is null.
 */
function notification(n: Notification): string {
  return JSON.stringify({
    code: n.code,
    description: n.description,
    severity: n.severity,
    title: n.title,
    position: null,
    category: n.category,
  });
}

function bookmarkList(bookmarks: readonly string[]): string {
  return JSON.stringify(bookmarks);
}

function transactionObject(id: string, expires: string): string {
  return JSON.stringify({ id, expires });
}
