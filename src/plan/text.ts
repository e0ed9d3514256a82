/**
 * A change report as text, terraform-like: one line per change (`+ user mia`, `~ user jake  tags:
 * ["finance"] -> ["on-call"]; password changed`, `- user old_bot`, `> role legacy -> archived`), then
 * `Plan: 1 to add, 1 to change, 1 to delete.` Values print as in result tables.
 */
import { assertNever } from '../diagnostics/assert-never.js';
import { quoteRole } from '../exec/commands/privileges.js';
import type { ResultValue } from '../exec/values.js';
import { escapeName } from '../render/printer.js';
import { cell } from '../render/result-text.js';
import type { Change } from './changes.js';

/** The sign that starts a change's line: what a terminal colours. */
export type ChangeSign = '+' | '-' | '~' | '>';

export function changeSign(change: Change): ChangeSign {
  const [first] = change.actions;
  if (first === 'create') return '+';
  if (first === 'delete') return '-';
  return first === 'rename' ? '>' : '~';
}

/** Old name -> new name of the users and roles the report renames: lists of names are compared through them. */
interface Renames {
  readonly user: ReadonlyMap<string, string>;
  readonly role: ReadonlyMap<string, string>;
}

/** The fields that differ between before and after, as `field: old -> new`; `renamed` maps a field's old names. */
function fieldChanges(
  before: object,
  after: object,
  fields: readonly string[],
  renamed: Readonly<Record<string, ReadonlyMap<string, string>>>,
): string[] {
  const read = (record: object, field: string) => (record as Record<string, ResultValue>)[field] ?? null;
  return fields.flatMap((field) => {
    const [old, now] = [read(before, field), read(after, field)];
    const names = renamed[field];
    // A list that differs only by names renamed elsewhere in the report has not changed.
    const mapped = names && Array.isArray(old) ? old.map((v) => (typeof v === 'string' ? (names.get(v) ?? v) : v)) : old;
    const same =
      Array.isArray(mapped) && Array.isArray(now)
        ? cell([...mapped].sort() as ResultValue) === cell([...now].sort() as ResultValue)
        : cell(mapped) === cell(now);
    return same ? [] : [`${field}: ${cell(old)} -> ${cell(now)}`];
  });
}

function details(change: Change, renames: Renames): string[] {
  // A rename alone changes the names records hold (a renamed role's members, say): only an update has fields to show.
  if (change.before === null || change.after === null || !change.actions.includes('update')) return [];
  switch (change.type) {
    case 'user': {
      const fields = fieldChanges(change.before, change.after, ['roles', 'passwordChangeRequired', 'suspended', 'home', 'tags', 'auth'], {
        roles: renames.role,
      });
      return change.after.passwordChanged ? [...fields, 'password changed'] : fields;
    }
    case 'role':
      return fieldChanges(change.before, change.after, ['members', 'immutable'], { members: renames.user });
    case 'privilege':
      return fieldChanges(change.before, change.after, ['immutable'], {});
    default:
      return assertNever(change, 'change');
  }
}

function renamesOf(changes: readonly Change[]): Renames {
  const user = new Map<string, string>();
  const role = new Map<string, string>();
  for (const c of changes) {
    if (!c.actions.includes('rename')) continue;
    if (c.type === 'user' && c.before) user.set(c.before.user, c.name);
    if (c.type === 'role' && c.before) role.set(c.before.name, c.name);
  }
  return { user, role };
}

/** A privilege's command with its role quoted only where needed, as people write it. */
function privilegeText(change: Extract<Change, { type: 'privilege' }>): string {
  const role = (change.after ?? change.before)?.role;
  const quoted = role === undefined ? '' : quoteRole(role);
  return role !== undefined && change.name.endsWith(quoted) ? change.name.slice(0, -quoted.length) + escapeName(role) : change.name;
}

function changeLine(change: Change, renames: Renames): string {
  const sign = changeSign(change);
  let subject: string;
  if (change.type === 'privilege') subject = privilegeText(change);
  else {
    const old = change.type === 'user' ? change.before?.user : change.before?.name;
    subject = sign === '>' && old !== undefined ? `${escapeName(old)} -> ${escapeName(change.name)}` : escapeName(change.name);
  }
  const fields = details(change, renames);
  return `${sign} ${change.type} ${subject}${fields.length > 0 ? `  ${fields.join('; ')}` : ''}`;
}

/** One line per change, in the report's order. */
export function planLines(changes: readonly Change[]): string[] {
  const renames = renamesOf(changes);
  return changes.map((c) => changeLine(c, renames));
}

export function planSummary(changes: readonly Change[]): string {
  const count = (sign: ChangeSign | readonly ChangeSign[]) => changes.filter((c) => [sign].flat().includes(changeSign(c))).length;
  return `Plan: ${count('+')} to add, ${count(['~', '>'])} to change, ${count('-')} to delete.`;
}
