/**
 * The metadata of the SUCCESS that ends a result stream, as Neo4j's DefaultMetadataHandler sends it:
 * query type, database, bookmark (auto-commit only), counters when a system update happened, and the
 * notifications: from Bolt 5.6 as GQL status objects (`statuses`, the main status first, because the
 * drivers add none of their own when `statuses` is present), before that as `notifications`.
 *
 * Positions: a legacy notification has `position {offset, line, column}` only when Neo4j's is not
 * `InputPosition.empty` (AbstractLegacyMetadataHandler). A status object's `diagnostic_record`
 * leaves out every entry that has its default value (DefaultMetadataHandler's
 * DEFAULT_DIAGNOSTIC_RECORD: OPERATION "", OPERATION_CODE "0", CURRENT_SCHEMA "/", `_position`
 * (-1, -1, -1)), and is left out itself when nothing remains, as for the main status.
 */
import type { Notification, NotificationPosition, RunOutcome } from '../../index.js';
import type { Packable } from './packstream.js';
import { atLeast, type BoltVersion } from './version.js';

export function summaryMetadata(outcome: RunOutcome, version: BoltVersion, bookmark: string | null): Record<string, Packable> {
  const { summary } = outcome;
  const metadata: Record<string, Packable> = { type: summary.queryType, t_last: 0n, db: summary.database };
  if (bookmark !== null) metadata['bookmark'] = bookmark;
  if (summary.systemUpdates > 0) {
    metadata['stats'] = { 'system-updates': BigInt(summary.systemUpdates), 'contains-system-updates': true };
  }
  if (atLeast(version, 5, 6)) {
    metadata['statuses'] = [mainStatus(outcome), ...summary.notifications.map(statusObject)];
  } else if (summary.notifications.length > 0) {
    metadata['notifications'] = summary.notifications.map(legacyNotification);
  }
  return metadata;
}

/** GQL's outcome of the statement as a whole: rows, no rows, or no columns at all. */
function mainStatus(outcome: RunOutcome): Record<string, Packable> {
  const [gqlStatus, description] =
    outcome.result.columns.length === 0
      ? ['00001', 'note: successful completion - omitted result']
      : outcome.records.length > 0
        ? ['00000', 'note: successful completion']
        : ['02000', 'note: no data'];
  // Its diagnostic record holds only defaults, so Neo4j sends none.
  return { gql_status: gqlStatus, status_description: description };
}

function statusObject(notification: Notification): Record<string, Packable> {
  return {
    gql_status: notification.gqlStatus,
    status_description: notification.statusDescription,
    neo4j_code: notification.code,
    title: notification.title,
    description: notification.description,
    diagnostic_record: {
      _severity: notification.severity,
      _classification: notification.category,
      ...(notification.position === null ? {} : { _position: position(notification.position) }),
    },
  };
}

function legacyNotification(notification: Notification): Record<string, Packable> {
  return {
    code: notification.code,
    title: notification.title,
    description: notification.description,
    severity: notification.severity,
    category: notification.category,
    ...(notification.position === null ? {} : { position: position(notification.position) }),
  };
}

/** Neo4j sends the three as INTEGER. */
function position({ offset, line, column }: NotificationPosition): Record<string, Packable> {
  return { offset: BigInt(offset), line: BigInt(line), column: BigInt(column) };
}
