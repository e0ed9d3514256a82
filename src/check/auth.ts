/**
 * Auth settings, grouped as Neo4j groups them: one auth object per `SET AUTH 'provider' {...}`, plus one
 * `native` object made of the old-style `SET PASSWORD ...` clauses. Checked in Neo4j's order.
 */
import type { Span } from '../ast/span.js';
import type { AuthAttribute, PasswordFormat, SetUserClause } from '../ast/users.js';
import { assertNever } from '../diagnostics/assert-never.js';
import type { PasswordValue } from '../ast/values.js';
import type { Diagnostic } from '../diagnostics/codes.js';
import { syntaxError, type CheckContext } from './context.js';

interface AuthObject {
  readonly provider: string;
  /** Old-style `SET PASSWORD` clauses, as opposed to `SET AUTH 'native' {...}`. */
  readonly oldSyntax: boolean;
  readonly span: Span;
  readonly ids: Span[];
  readonly passwords: { readonly password: PasswordValue; readonly format: PasswordFormat; readonly span: Span }[];
  readonly changes: Span[];
}

export function authObjects(clauses: readonly SetUserClause[]): AuthObject[] {
  const objects: AuthObject[] = [];
  let old: AuthObject | undefined;
  const oldObject = (span: Span): AuthObject => {
    if (!old) {
      old = { provider: 'native', oldSyntax: true, span, ids: [], passwords: [], changes: [] };
      objects.push(old);
    }
    return old;
  };
  for (const clause of clauses) {
    switch (clause.kind) {
      case 'set-password': {
        const object = oldObject(clause.span);
        object.passwords.push({ password: clause.password, format: clause.format, span: clause.span });
        if (clause.changeRequired) object.changes.push(clause.changeRequired.span);
        break;
      }
      case 'set-password-change':
        // Neo4j places this clause, and an auth made of it alone, at its CHANGE.
        oldObject(clause.changeRequired.span).changes.push(clause.changeRequired.span);
        break;
      case 'set-auth': {
        const object: AuthObject = {
          provider: clause.provider.value,
          oldSyntax: false,
          span: clause.span,
          ids: [],
          passwords: [],
          changes: [],
        };
        for (const attribute of clause.attributes) addAttribute(object, attribute);
        objects.push(object);
        break;
      }
      case 'set-status':
      case 'set-home-database':
      case 'set-tags':
        break; // not auth
      default:
        assertNever(clause, 'SET clause');
    }
  }
  return objects;
}

function addAttribute(object: AuthObject, attribute: AuthAttribute): void {
  switch (attribute.kind) {
    case 'auth-id':
      object.ids.push(attribute.span);
      break;
    case 'auth-password':
      object.passwords.push({ password: attribute.password, format: attribute.format, span: attribute.span });
      break;
    case 'auth-password-change':
      object.changes.push(attribute.changeRequired.span);
      break;
    default:
      assertNever(attribute, 'auth attribute');
  }
}

export type AuthCheckMode = 'create' | 'alter';

export function checkAuth(objects: readonly AuthObject[], mode: AuthCheckMode, context: CheckContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (span: Span, message: string) => diagnostics.push(syntaxError(context, span, message));

  const providersSeen = new Set<string>();
  for (const object of objects) {
    if (object.oldSyntax) continue;
    if (providersSeen.has(object.provider)) report(object.span, `Duplicate \`SET AUTH '${object.provider}'\` clause.`);
    providersSeen.add(object.provider);
  }

  // Placed at the old syntax's first clause, as Neo4j places it (its first auth attribute).
  const oldNative = objects.find((o) => o.oldSyntax);
  const newNative = objects.some((o) => !o.oldSyntax && o.provider === 'native');
  if (oldNative && newNative) report(oldNative.span, 'Cannot combine old and new auth syntax for the same auth provider.');

  for (const object of objects) {
    const native = object.provider === 'native';
    const second = (spans: readonly Span[]) => spans[1];
    const secondPassword = object.passwords[1];
    if (secondPassword) report(secondPassword.span, 'Duplicate `SET PASSWORD` clause.');
    const secondChange = second(object.changes);
    if (secondChange) report(secondChange, 'Duplicate `SET PASSWORD CHANGE [NOT] REQUIRED` clause.');
    const secondId = second(object.ids);
    if (secondId) report(secondId, 'Duplicate `SET ID` clause.');

    if (mode === 'create' && native && object.passwords.length === 0) {
      report(object.span, 'Clause `SET PASSWORD` is mandatory for auth provider `native`.');
    }
    if (mode === 'create' && !native && object.ids.length === 0) {
      report(object.span, `Clause \`SET ID\` is mandatory for auth provider \`${object.provider}\`.`);
    }
    if (native && object.ids[0]) report(object.ids[0], 'Auth provider `native` does not allow `SET ID` clause.');
    if (!native && object.passwords[0])
      report(object.passwords[0].span, `Auth provider \`${object.provider}\` does not allow \`SET PASSWORD\` clause.`);
    if (!native && object.changes[0]) {
      report(object.changes[0], `Auth provider \`${object.provider}\` does not allow \`SET PASSWORD CHANGE [NOT] REQUIRED\` clause.`);
    }
    if (object.provider === '') report(object.span, 'Invalid input. Auth provider is not allowed to be an empty string.');
  }

  if (mode === 'alter') {
    for (const object of objects) {
      if (object.provider !== 'native' && object.ids.length === 0) {
        report(object.span, `Clause \`SET ID\` is mandatory for auth provider \`${object.provider}\`.`);
      }
    }
  }
  return diagnostics;
}
