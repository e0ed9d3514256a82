/**
 * Query API response bodies, with the keys in the order Neo4j's `DriverResultSerializer` writes them
 * (2026.06): `data`, `notifications` (only when there are some), `counters` (only when asked for),
 * `bookmarks` (auto-commit and commit), `transaction` (inside an explicit transaction).
 *
 * JSON Lines (2025.12+, `QueryBodyFormatter.JsonLinesFormatter`) carry the same parts as events,
 * one `{"$event": …, "_body": …}` object a line, each line ended by `\n`: a `Header` (`fields`,
 * or `{}` when there is no result), one `Record` per row (`_body` the row's values), a `Summary`
 * with the keys that follow `data` in JSON, and an `Error` (`_body` the errors array) when
 * something fails after the status line went out.
 */
import type { Notification, RunOutcome } from '../../index.js';
import { errorBody, errorObject } from './errors.js';
import type { Format, Media } from './media.js';
import { plainValue, typedValue } from './values.js';
export interface ResultParts {
  readonly includeCounters: boolean;
  readonly bookmarks?: readonly string[];
  readonly transaction?: { readonly id: string; readonly expires: string };
}

export function resultBody(outcome: RunOutcome, media: Media, parts: ResultParts): string {
  const summary = summaryParts(outcome, parts);
  if (!media.lines) return `{${[`"data":${dataObject(outcome, media.format)}`, ...summary].join(',')}}`;
  return headerAndRecords(outcome, media.format) + event('Summary', `{${summary.join(',')}}`);
}

/**
 * A commit whose final statement ran but whose commit then failed: Neo4j commits while writing the
 * 202 body, so the error follows the rows in it.
 */
export function resultThenErrorBody(outcome: RunOutcome, media: Media, code: string, message: string): string {
  if (!media.lines) return `{"data":${dataObject(outcome, media.format)},"errors":[${errorObject(code, message)}]}`;
  return headerAndRecords(outcome, media.format) + errorEvent(code, message);
}

export function transactionBody(media: Media, id: string, expires: string): string {
  return partsOnlyBody(media, [`"transaction":${transactionObject(id, expires)}`]);
}

export function bookmarksBody(media: Media, bookmarks: readonly string[]): string {
  return partsOnlyBody(media, [`"bookmarks":${bookmarkList(bookmarks)}`]);
}

/** A rollback's 200: Neo4j answers it with an empty bookmarks response (no bookmarks key). */
export function rollbackBody(media: Media): string {
  return partsOnlyBody(media, []);
}

/** An error answered with its own status: `{"errors":[…]}`, or in JSON Lines a single `Error` event. */
export function errorReplyBody(media: Media, code: string, message: string): string {
  return media.lines ? errorEvent(code, message) : errorBody(code, message);
}

function summaryParts(outcome: RunOutcome, parts: ResultParts): string[] {
  const out: string[] = [];
  if (outcome.summary.notifications.length > 0) out.push(`"notifications":[${outcome.summary.notifications.map(notification).join(',')}]`);
  if (parts.includeCounters) out.push(`"counters":${counters(outcome.summary.systemUpdates)}`);
  if (parts.bookmarks !== undefined) out.push(`"bookmarks":${bookmarkList(parts.bookmarks)}`);
  if (parts.transaction !== undefined) out.push(`"transaction":${transactionObject(parts.transaction.id, parts.transaction.expires)}`);
  return out;
}

/** A body without a result: in JSON Lines an empty Header (no fields), then the Summary. */
function partsOnlyBody(media: Media, parts: readonly string[]): string {
  const object = `{${parts.join(',')}}`;
  return media.lines ? event('Header', '{}') + event('Summary', object) : object;
}

function headerAndRecords(outcome: RunOutcome, format: Format): string {
  const value = format === 'typed' ? typedValue : plainValue;
  const records = outcome.records.map((record) => event('Record', `[${record.map(value).join(',')}]`));
  return event('Header', `{"fields":${JSON.stringify(outcome.result.columns)}}`) + records.join('');
}

function errorEvent(code: string, message: string): string {
  return event('Error', `[${errorObject(code, message)}]`);
}

function event(name: 'Header' | 'Record' | 'Summary' | 'Error', body: string): string {
  return `{"$event":"${name}","_body":${body}}\n`;
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
 * Neo4j's legacy notification object (`DefaultResponseModule.NotificationSerializer`): `position`
 * is always written, the embedded driver's position or null when the server sent none, which is
 * the case for all but the home-database notification (see the core's Notification).
 */
function notification(n: Notification): string {
  return JSON.stringify({
    code: n.code,
    description: n.description,
    severity: n.severity,
    title: n.title,
    position: n.position === null ? null : { offset: n.position.offset, line: n.position.line, column: n.position.column },
    category: n.category,
  });
}

function bookmarkList(bookmarks: readonly string[]): string {
  return JSON.stringify(bookmarks);
}

function transactionObject(id: string, expires: string): string {
  return JSON.stringify({ id, expires });
}
