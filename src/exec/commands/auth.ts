/** The auth clauses of CREATE USER and ALTER USER, read into one description of what to set. */
import type { AuthAttribute, SetUserClause } from '../../ast/users.js';
import { hashPassword, verifyPassword, type Credential, type RandomBytes } from '../../crypto/password.js';
import { isNative, type AuthEntry, type NativeAuth } from '../../store/state.js';
import { assertNever } from '../../diagnostics/assert-never.js';
import { argumentError } from '../../diagnostics/neo4j-error.js';
import { passwordInput, stringValue, type Params, type PasswordInput } from '../params.js';

export interface AuthChanges {
  /** Present when any native clause was given (`SET PASSWORD ...`, `SET AUTH 'native' {...}`). */
  readonly native: { readonly password: PasswordInput | null; readonly changeRequired: boolean | null } | null;
  /** External providers to set, provider -> id. */
  readonly external: ReadonlyMap<string, string>;
}

export function readAuthClauses(clauses: readonly SetUserClause[], params: Params, minimumPasswordLength: number): AuthChanges {
  let password: PasswordInput | null = null;
  let changeRequired: boolean | null = null;
  let native = false;
  const external = new Map<string, string>();
  const nativeAttribute = (attribute: AuthAttribute) => {
    if (attribute.kind === 'auth-password') password = passwordInput(attribute.password, attribute.format, params, minimumPasswordLength);
    else if (attribute.kind === 'auth-password-change') changeRequired = attribute.changeRequired.required;
  };
  for (const clause of clauses) {
    switch (clause.kind) {
      case 'set-password':
        native = true;
        password = passwordInput(clause.password, clause.format, params, minimumPasswordLength);
        if (clause.changeRequired) changeRequired = clause.changeRequired.required;
        break;
      case 'set-password-change':
        native = true;
        changeRequired = clause.changeRequired.required;
        break;
      case 'set-auth': {
        const provider = clause.provider.value;
        if (provider === 'native') {
          native = true;
          clause.attributes.forEach(nativeAttribute);
          break;
        }
        for (const attribute of clause.attributes) {
          if (attribute.kind !== 'auth-id') continue;
          const id = stringValue(attribute.id, params, 'id');
          if (id === '') throw argumentError('Invalid input. Auth id is not allowed to be an empty string.');
          external.set(provider, id);
        }
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
  return { native: native ? { password, changeRequired } : null, external };
}

function credentialFor(input: PasswordInput, randomBytes: RandomBytes): Credential {
  return input.format === 'encrypted' ? input.credential : hashPassword(input.text, randomBytes);
}

/** The new native auth, given what the user had (null on CREATE or when it was removed). */
export function nextNativeAuth(
  previous: NativeAuth | null,
  changes: NonNullable<AuthChanges['native']>,
  randomBytes: RandomBytes,
  failure: (reason: string) => Error,
): NativeAuth {
  if (changes.password === null) {
    if (previous === null) throw argumentError('Clause `SET PASSWORD` is mandatory for auth provider `native`.');
    return { ...previous, changeRequired: changes.changeRequired ?? previous.changeRequired };
  }
  const input = changes.password;
  if (previous !== null && input.format === 'plaintext' && verifyPassword(input.text, previous.credential)) {
    throw failure('Old password and new password cannot be the same.');
  }
  return {
    provider: 'native',
    credential: credentialFor(input, randomBytes),
    // A password set on an existing native auth keeps its flag; a new native auth must be changed by default.
    changeRequired: changes.changeRequired ?? previous?.changeRequired ?? true,
  };
}

export function withAuth(entries: readonly AuthEntry[], entry: AuthEntry): AuthEntry[] {
  return [...entries.filter((e) => e.provider !== entry.provider), entry].sort((a, b) =>
    a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0,
  );
}

export function nativeOf(entries: readonly AuthEntry[]): NativeAuth | null {
  return entries.find(isNative) ?? null;
}
