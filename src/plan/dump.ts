/**
 * `db.dump()`: a Cypher script that recreates a system database on a fresh DBMS, run there as `neo4j`.
 * Roles and privileges come first, then the users with their roles, then `neo4j` itself. Last come
 * the statements that may take privileges from `neo4j` (a DENY to admin, admin revoked from it, ...),
 * in an order found by running them, so that none takes away what a later one needs. What cannot
 * run (`neo4j` may not suspend or drop itself) is written as a comment, and reported.
 */
import { INITIAL_USER } from '../store/initial.js';
import { BUILT_IN_ROLES, type StoredUser, type SystemState } from '../store/state.js';
import { ADMIN_ROLE, planRoles, type Note } from './dump-roles.js';
import { alterInitialUserText, createUserText, grantRolesText } from './dump-statements.js';
import { escapeName } from '../render/printer.js';

/**
 * Runs statements as `user` (null: with authentication disabled), all or none: the database after
 * them, or null when one fails.
 */
export interface Replay<D> {
  readonly fresh: () => D;
  readonly run: (db: D, statements: readonly string[], user: string | null) => D | null;
}

/** Neo4j creates and grants IMMUTABLE only with authentication disabled: a dump that does so must be run that way. */
function needsAuthDisabled(state: SystemState): boolean {
  return state.roles.some((r) => r.immutable || r.privileges.some((p) => p.immutable));
}

const HEADER = '// Recreates a cypher-sysdb system database on a fresh DBMS: run it there as neo4j.\n';
const HEADER_IMMUTABLE =
  '// Recreates a cypher-sysdb system database on a fresh DBMS. It holds immutable roles or privileges, which Neo4j\n' +
  '// creates only with authentication disabled: run it there with dbms.security.auth_enabled=false.\n';

export interface Dump {
  readonly script: string;
  readonly notes: readonly Note[];
}

/** A fresh DBMS's `neo4j` has this creation sequence: after a rename, it is how the user is recognised. */
const INITIAL_SEQUENCE = BUILT_IN_ROLES.length;

type Step = readonly string[];

/**
 * The tail in an order that runs: each time, of the steps that run now, the one after which most of
 * the others still run (ties: the first). Steps that never run are returned apart.
 */
function orderTail<D>(db: D, steps: readonly Step[], run: (db: D, step: Step) => D | null): { ordered: Step[]; stuck: Step[] } {
  const ordered: Step[] = [];
  let pending = [...steps];
  for (;;) {
    let best: { step: Step; next: D; score: number } | null = null;
    for (const step of pending) {
      const next = run(db, step);
      if (next === null) continue;
      const score = pending.filter((other) => other !== step && run(next, other) !== null).length;
      if (best === null || score > best.score) best = { step, next, score };
    }
    if (best === null) return { ordered, stuck: pending };
    ordered.push(best.step);
    db = best.next;
    const chosen = best.step;
    pending = pending.filter((s) => s !== chosen);
  }
}

function section(title: string, statements: readonly string[]): string {
  return statements.length === 0 ? '' : `\n// ${title}\n${statements.map((s) => `${s};\n`).join('')}`;
}

function commented(note: Note): string {
  return `\n// Not replayed: ${note.reason}.\n${note.statements.map((s) => `// ${s};\n`).join('')}`;
}

export function dumpScript<D>(state: SystemState, replay: Replay<D>): Dump {
  const roles = planRoles([...state.roles].sort((a, b) => a.created - b.created));
  const notes = [...roles.notes];
  const users = [...state.users.values()].sort((a, b) => a.created - b.created);
  // `neo4j` becomes the saved `neo4j`, or (when it is gone) a user it can be renamed to at the end.
  const initial = state.users.get(INITIAL_USER);
  // The rename comes last and needs RENAME USER: a user holding admin is the likelier to keep it.
  const active = users.filter((u) => !u.suspended);
  const target =
    initial ?? active.find((u) => u.created === INITIAL_SEQUENCE) ?? active.find((u) => u.roles.includes(ADMIN_ROLE)) ?? active[0] ?? null;
  const denies = new Set(state.roles.filter((r) => r.privileges.some((p) => p.access === 'DENIED')).map((r) => r.name));
  const heldRoles = (user: StoredUser) => user.roles.filter((r) => r !== ADMIN_ROLE || roles.admin === null);

  const userStatements = users
    .filter((u) => u !== target)
    .flatMap((u) => [createUserText(u), ...(heldRoles(u).length > 0 ? [grantRolesText(heldRoles(u), u.name)] : [])]);
  const initialStatements: string[] = [];
  const tail: Step[] = [...roles.tail];
  if (target === null) {
    notes.push({ reason: 'neo4j may not drop itself: run this as another administrator', statements: [`DROP USER ${INITIAL_USER}`] });
  } else {
    initialStatements.push(alterInitialUserText(INITIAL_USER, target));
    // A role with a DENY takes privileges from `neo4j` once it holds it.
    const safe = heldRoles(target).filter((r) => r !== ADMIN_ROLE && !denies.has(r));
    if (safe.length > 0) initialStatements.push(grantRolesText(safe, INITIAL_USER));
    tail.push(
      ...heldRoles(target)
        .filter((r) => r !== ADMIN_ROLE && denies.has(r))
        .map((r) => [grantRolesText([r], INITIAL_USER)]),
    );
    if (roles.admin === null && !target.roles.includes(ADMIN_ROLE)) tail.push([`REVOKE ROLE ${ADMIN_ROLE} FROM ${INITIAL_USER}`]);
    if (target.suspended) {
      const statement = `ALTER USER ${INITIAL_USER} SET STATUS SUSPENDED`;
      notes.push({ reason: 'neo4j may not change its own status: run this as another administrator', statements: [statement] });
    }
  }
  if (roles.admin !== null) {
    const members = users.filter((u) => u.roles.includes(ADMIN_ROLE)).map((u) => (u === target ? INITIAL_USER : u.name));
    tail.push([...roles.admin, ...members.map((m) => grantRolesText([ADMIN_ROLE], m))]);
  }
  // After admin in the list: where both orders run as far, the one that re-creates admin wins.
  tail.push(...roles.cleanup.map((drop) => [drop]));
  const rename = target !== null && target !== initial ? [`RENAME USER ${INITIAL_USER} TO ${escapeName(target.name)}`] : [];

  const head = [...roles.head, ...userStatements, ...initialStatements];
  let last: Step[] = [...tail, ...(rename.length > 0 ? [rename] : [])];
  const authDisabled = needsAuthDisabled(state);
  const run = (db: D, step: Step) => replay.run(db, step, authDisabled ? null : INITIAL_USER);
  if (last.length > 0) {
    const start = run(replay.fresh(), head);
    if (start === null) throw new Error('the statements of a dump that restore roles and users do not run on a fresh DBMS');
    // The rename is last whatever happens: after it, `neo4j` is gone.
    const { ordered, stuck } = orderTail(start, tail, run);
    const end = ordered.reduce<D | null>((db, step) => (db === null ? null : run(db, step)), start);
    last = ordered;
    if (rename.length > 0 && end !== null && run(end, rename) !== null) last.push(rename);
    else if (rename.length > 0) stuck.push(rename);
    if (stuck.length > 0)
      notes.push({ reason: 'they would take from neo4j a privilege the statements before them need', statements: stuck.flat() });
  }
  const script = [
    authDisabled ? HEADER_IMMUTABLE : HEADER,
    section('Roles and their privileges', roles.head),
    section('Users and their roles', userStatements),
    section('The initial user, neo4j', initialStatements),
    section('Last: what takes privileges from neo4j', last.flat()),
    ...notes.map(commented),
  ].join('');
  return { script, notes };
}
