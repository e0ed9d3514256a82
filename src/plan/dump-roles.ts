/**
 * How a dump recreates the roles and their privileges, starting from a fresh DBMS's built-in roles.
 *
 * A privilege is replayed by the GRANT or DENY that SHOW PRIVILEGES AS COMMANDS prints for it. A row
 * no command gives back (only an edited snapshot holds one) comes from a copy of the built-in role that
 * holds the same ones; what no built-in role holds is written as a comment. Statements that could take privileges away from `neo4j`, who runs the
 * dump, are kept for the end.
 */
import { commandRows, sameRow } from '../exec/commands/privileges.js';
import { parse } from '../parse.js';
import { BUILT_IN_PRIVILEGES, type PrivilegeRow } from '../store/privileges.js';
import { BUILT_IN_ROLES, PUBLIC_ROLE, type StoredRole } from '../store/state.js';
import { privilegeKey } from './changes.js';
import { createRoleText, grantText, revokeText } from './dump-statements.js';

/** Statements that cannot run today, with why: the dump prints them as comments. */
export interface Note {
  readonly reason: string;
  readonly statements: readonly string[];
}

export interface RolePlan {
  /** Run first, while `neo4j` holds everything a fresh DBMS gives it: roles, then privileges. */
  readonly head: readonly string[];
  /** Each may take privileges from a role `neo4j` holds (admin, PUBLIC): run where they harm nothing after them. */
  readonly tail: readonly (readonly string[])[];
  /** Re-creates `admin` (or drops it), when the saved one is not a fresh DBMS's; its members come after it. */
  readonly admin: readonly string[] | null;
  /** Drops the copies re-creating admin used, each on its own: they go even when re-creating admin cannot run. */
  readonly cleanup: readonly string[];
  readonly notes: readonly Note[];
}

export const ADMIN_ROLE = 'admin';
const BUILT_IN: ReadonlySet<string> = new Set(BUILT_IN_ROLES);
const fresh = (role: string): readonly PrivilegeRow[] => BUILT_IN_PRIVILEGES[role] ?? [];

/** A privilege the command it is shown as gives back, row for row: GRANT, DENY and REVOKE can replay it. */
function replayable(row: PrivilegeRow): boolean {
  const [statement] = parse(`${row.command} TO r`).statements;
  if (statement?.kind !== 'grant-privilege' && statement?.kind !== 'deny-privilege') return false;
  const rows = commandRows(statement.kind === 'grant-privilege' ? 'GRANTED' : 'DENIED', statement, {});
  return rows.some((r) => sameRow(r, row) && r.command === row.command);
}

/** One row per command: a command such as GRANT WRITE ON GRAPH * stands for several rows. */
const oneEach = (rows: readonly PrivilegeRow[]) => [...new Map(rows.map((r) => [r.command, r])).values()];

const unreplayable = (rows: readonly PrivilegeRow[]) =>
  rows
    .filter((r) => !replayable(r))
    .map(privilegeKey)
    .sort()
    .join('\n');

/** The built-in role whose fresh privileges a copy must start from: null when none is needed, undefined when none fits. */
function copySource(rows: readonly PrivilegeRow[]): string | null | undefined {
  const wanted = unreplayable(rows);
  if (wanted === '') return null;
  return BUILT_IN_ROLES.find((b) => unreplayable(fresh(b)) === wanted);
}

/** A privilege and whether it is immutable: a row held mutable and wanted immutable is one to revoke and grant again. */
const heldKey = (p: PrivilegeRow) => `${privilegeKey(p)}\u0000${p.immutable}`;

const missing = (from: readonly PrivilegeRow[], other: readonly PrivilegeRow[]) => {
  const keys = new Set(other.map(heldKey));
  return from.filter((p) => !keys.has(heldKey(p)));
};

/** A name no role has, for a copy of a built-in role that is itself replaced before its copy is made. */
function freeName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  while (taken.has(name)) name += '_';
  return name;
}

export function planRoles(roles: readonly StoredRole[]): RolePlan {
  const saved = new Map(roles.map((r) => [r.name, r]));
  const taken = new Set(saved.keys());
  const created: string[] = [];
  const replaced: string[] = [];
  const privileges: string[] = [];
  const tail: string[][] = [];
  const notes: Note[] = [];
  const admin: string[] = [];
  const temps = new Map<string, string>();
  const adminTemps = new Set<string>();
  let adminRebuilt = false;

  // A built-in role that is re-created or dropped cannot be copied once that has run: a copy of it is made first.
  const rebuilt = new Set<string>(
    BUILT_IN_ROLES.filter(
      (b) => b !== PUBLIC_ROLE && (saved.get(b)?.immutable || unreplayable(saved.get(b)?.privileges ?? []) !== unreplayable(fresh(b))),
    ),
  );
  // admin is re-created last, after the privileges of the others changed: it copies a copy made first, if its source changes.
  const unchanged = (b: string) =>
    !rebuilt.has(b) &&
    missing(fresh(b), saved.get(b)?.privileges ?? []).length + missing(saved.get(b)?.privileges ?? [], fresh(b)).length === 0;
  const sourceOf = (b: string, forAdmin: boolean) => {
    if (forAdmin ? unchanged(b) : !rebuilt.has(b)) return b;
    const temp = temps.get(b) ?? freeName(`sysdb_dump_copy_of_${b}`, taken);
    temps.set(b, temp);
    if (forAdmin) adminTemps.add(temp);
    return temp;
  };

  for (const b of BUILT_IN_ROLES) {
    if (b === PUBLIC_ROLE || saved.has(b)) continue;
    (b === ADMIN_ROLE ? admin : replaced).push(`DROP ROLE ${b}`);
    if (b === ADMIN_ROLE) adminRebuilt = true;
  }
  for (const role of roles) {
    const builtIn = BUILT_IN.has(role.name);
    // An immutable role holds only immutable privileges: it cannot be a copy of a built-in role.
    const source = role.immutable ? null : copySource(role.privileges);
    let start: readonly PrivilegeRow[] = fresh(role.name);
    if (!builtIn || (rebuilt.has(role.name) && source !== undefined)) {
      // A custom role whose privileges no built-in role holds starts empty; the rest are noted below.
      const copy = source ?? null;
      start = copy === null ? [] : fresh(copy);
      const from = copy !== null && builtIn ? sourceOf(copy, role.name === ADMIN_ROLE) : copy;
      const text = createRoleText(role.name, from, builtIn, role.immutable);
      if (role.name === ADMIN_ROLE) adminRebuilt = true;
      (role.name === ADMIN_ROLE ? admin : builtIn ? replaced : created).push(text);
    }
    const lost = missing(start, role.privileges);
    const gained = missing(role.privileges, start);
    const cannot = [
      ...gained.filter((r) => !replayable(r)).map((r) => grantText(r, role.name)),
      ...lost.filter((r) => !replayable(r)).map((r) => revokeText(r, role.name)),
    ];
    if (cannot.length > 0)
      notes.push({
        reason: `role ${role.name} holds privileges that no command gives back and no built-in role holds together`,
        statements: cannot,
      });
    // A privilege held mutable that is wanted immutable (or back) is revoked before it is granted again.
    const lostKeys = new Set(lost.map(privilegeKey));
    const regranted = new Set(gained.map(privilegeKey).filter((k) => lostKeys.has(k)));
    const flipped = (r: PrivilegeRow) => regranted.has(privilegeKey(r));
    const flips = oneEach(lost.filter((r) => replayable(r) && flipped(r))).map((r) => revokeText(r, role.name));
    const grants = oneEach(gained.filter(replayable));
    const revokes = oneEach(lost.filter((r) => replayable(r) && !flipped(r))).map((r) => revokeText(r, role.name));
    const grantsOf = (access: PrivilegeRow['access'], rows = grants) =>
      rows.filter((r) => r.access === access).map((r) => grantText(r, role.name));
    if (role.name === ADMIN_ROLE && adminRebuilt) {
      admin.push(...flips, ...grantsOf('GRANTED'), ...revokes, ...grantsOf('DENIED'));
    } else if (role.name === ADMIN_ROLE || role.name === PUBLIC_ROLE) {
      // `neo4j` holds these two from the start: a GRANT adds to what it may do, a DENY or a REVOKE may take away.
      const kept = grants.filter((r) => !flipped(r));
      privileges.push(...grantsOf('GRANTED', kept));
      tail.push(...grantsOf('DENIED', kept).map((g) => [g]), ...revokes.map((r) => [r]));
      const regrants = grants.filter(flipped).map((r) => grantText(r, role.name));
      if (flips.length > 0) tail.push([...flips, ...regrants]);
    } else {
      privileges.push(...flips, ...grants.map((r) => grantText(r, role.name)), ...revokes);
    }
  }
  const copies = [...temps].map(([b, temp]) => createRoleText(temp, b));
  const cleanup: string[] = [];
  for (const temp of temps.values()) (adminTemps.has(temp) ? cleanup : replaced).push(`DROP ROLE ${temp}`);
  return { head: [...copies, ...created, ...replaced, ...privileges], tail, admin: adminRebuilt ? admin : null, cleanup, notes };
}
