/**
 * The statements a dump is made of, as text: names quoted only where needed, privileges as SHOW
 * PRIVILEGES AS [REVOKE] COMMANDS prints them, passwords only as the hashes the store keeps.
 */
import { commandText, quoteRole } from '../exec/commands/privileges.js';
import { escapeName, quoteString } from '../render/printer.js';
import type { PrivilegeRow } from '../store/privileges.js';
import { isNative, type AuthEntry, type StoredUser } from '../store/state.js';

export const grantText = (row: PrivilegeRow, role: string) => `${commandText(row)} TO ${quoteRole(role)}`;
export const revokeText = (row: PrivilegeRow, role: string) => `REVOKE ${row.command} FROM ${quoteRole(role)}`;

export function createRoleText(role: string, copyOf: string | null, replace = false, immutable = false): string {
  const copy = copyOf === null ? '' : ` AS COPY OF ${escapeName(copyOf)}`;
  return `CREATE ${replace ? 'OR REPLACE ' : ''}${immutable ? 'IMMUTABLE ' : ''}ROLE ${escapeName(role)}${copy}`;
}

export function grantRolesText(roles: readonly string[], user: string): string {
  return `GRANT ${roles.length === 1 ? 'ROLE' : 'ROLES'} ${roles.map(escapeName).join(', ')} TO ${escapeName(user)}`;
}

function authClause(auth: AuthEntry): string {
  // `SET ENCRYPTED PASSWORD` takes the stored `<version>,<hash>,<salt>` as it is: Neo4j reads the same format.
  if (isNative(auth))
    return `SET ENCRYPTED PASSWORD ${quoteString(auth.credential)} ${auth.changeRequired ? 'CHANGE REQUIRED' : 'CHANGE NOT REQUIRED'}`;
  return `SET AUTH ${quoteString(auth.provider)} {SET ID ${quoteString(auth.id)}}`;
}

/** The clauses that give a user its auth, home database and tags (status apart: no one may set their own). */
function settings(user: StoredUser): string[] {
  return [
    ...user.auth.map(authClause),
    ...(user.home === null ? [] : [`SET HOME DATABASE ${escapeName(user.home)}`]),
    ...(user.tags.length === 0 ? [] : [`SET TAGS [${user.tags.map(quoteString).join(', ')}]`]),
  ];
}

export function createUserText(user: StoredUser): string {
  const status = user.suspended ? ['SET STATUS SUSPENDED'] : [];
  return [`CREATE USER ${escapeName(user.name)}`, ...settings(user), ...status].join(' ');
}

/** Turns a fresh DBMS's `neo4j` (native auth only, no home, no tags) into `target`, keeping its name. */
export function alterInitialUserText(initial: string, target: StoredUser): string {
  const removeNative = target.auth.some(isNative) ? [] : ["REMOVE AUTH 'native'"];
  return [`ALTER USER ${escapeName(initial)}`, ...removeNative, ...settings(target)].join(' ');
}
