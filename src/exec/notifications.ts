/**
 * The notifications Neo4j returns alongside a successful administration command, with Neo4j's codes,
 * titles and descriptions (from Neo4j's status-code documentation and NotificationCodeWithDescription).
 * They never fail a statement: they tell a migration author that a command changed nothing, or that
 * it refers to something the DBMS does not have.
 */

/** Where in the statement a notification points, as Neo4j's `InputPosition` (offset 0-based). */
export interface NotificationPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export interface Notification {
  /** Neo4j's notification code, e.g. `Neo.ClientNotification.Security.CommandHasNoEffect`. */
  readonly code: string;
  /** The GQLSTATUS code, e.g. `00N70`. */
  readonly gqlStatus: string;
  readonly severity: 'INFORMATION' | 'WARNING';
  readonly title: string;
  readonly description: string;
  /** The GQL status description, as GQL status objects carry it (Bolt 5.6+ `statuses`). */
  readonly statusDescription: string;
  /** Neo4j's notification category, which is also the GQL classification. */
  readonly category: 'SECURITY' | 'UNRECOGNIZED';
  /**
   * The position Neo4j gives it, or null for none: Neo4j's `NotificationWrapping` (cypher frontend)
   * creates every administration notification with `graphdb.InputPosition.empty` (-1, -1, -1),
   * which Bolt leaves out, except HomeDatabaseNotPresent, created with the compiler's
   * `InputPosition.NONE` (0, 0, 0), which Bolt sends as it is. None points into the statement.
   */
  readonly position: NotificationPosition | null;
}

/** The compiler's `InputPosition.NONE`, which Neo4j gives the home-database notification. */
const POSITION_NONE: NotificationPosition = { offset: 0, line: 0, column: 0 };

const SEE_DOCS = 'See Status Codes documentation for more information.';

const NO_EFFECT = {
  '00N70': 'role or privilege already assigned',
  '00N71': 'role or privilege not assigned',
} as const;

function noEffect(gqlStatus: '00N70' | '00N71', command: string, description: string): Notification {
  const assigned = gqlStatus === '00N70' ? 'is already assigned' : 'is not assigned';
  return {
    code: 'Neo.ClientNotification.Security.CommandHasNoEffect',
    gqlStatus,
    severity: 'INFORMATION',
    title: `\`${command}\` has no effect.`,
    description: `${description} ${SEE_DOCS}`,
    statusDescription: `note: successful completion - ${NO_EFFECT[gqlStatus]}. \`${command}\` has no effect. The role or privilege ${assigned}.`,
    category: 'SECURITY',
    position: null,
  };
}

/** `command` is the sub-command that had no effect, as Neo4j splits `GRANT ROLES a, b TO x, y` into one per pair. */
export const roleAlreadyGranted = (command: string) => noEffect('00N70', command, 'The user already has the role.');
export const roleNotGranted = (command: string) => noEffect('00N71', command, 'The user does not have the role.');
export const privilegeAlreadyHeld = (command: string) => noEffect('00N70', command, 'The role already has the privilege.');
export const privilegeNotHeld = (command: string) => noEffect('00N71', command, 'The role does not have the privilege.');

export function homeDatabaseNotFound(database: string): Notification {
  return {
    code: 'Neo.ClientNotification.Database.HomeDatabaseNotFound',
    gqlStatus: '00N50',
    severity: 'INFORMATION',
    title: 'The request referred to a home database that does not exist.',
    description: `The home database provided does not currently exist in the DBMS. This command will not take effect until this database is created. (HOME DATABASE: \`${database}\`)`,
    statusDescription: `note: successful completion - home database not found. The database \`${database}\` does not exist. Verify that the spelling is correct or create the database for the command to take effect.`,
    category: 'UNRECOGNIZED',
    position: POSITION_NONE,
  };
}

export function authProviderNotDefined(provider: string): Notification {
  return {
    code: 'Neo.ClientNotification.Security.AuthProviderNotDefined',
    gqlStatus: '00N72',
    severity: 'INFORMATION',
    title: 'The auth provider is not defined.',
    description: `The auth provider \`${provider}\` is not defined in the configuration. Verify that the spelling is correct or define \`${provider}\` in the configuration.`,
    statusDescription: `note: successful completion - undefined auth provider. The auth provider \`${provider}\` is not defined in the configuration. Verify that the spelling is correct or define \`${provider}\` in the configuration.`,
    category: 'SECURITY',
    position: null,
  };
}

export const EXTERNAL_AUTH_NOT_ENABLED: Notification = {
  code: 'Neo.ClientNotification.Security.ExternalAuthNotEnabled',
  gqlStatus: '01N71',
  severity: 'WARNING',
  title: 'External auth for user is not enabled.',
  description: 'Use setting `dbms.security.require_local_user` to enable external auth.',
  statusDescription: 'warn: external auth disabled. Use the setting `dbms.security.require_local_user` to enable external auth.',
  category: 'SECURITY',
  position: null,
};
