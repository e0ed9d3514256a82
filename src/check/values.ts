/** Literal values Neo4j validates: tag lists, REMOVE AUTH lists, passwords, user and role names. */
import type { PasswordFormat } from '../ast/users.js';
import type { NameOrParameter, PasswordValue, StringListOrParameter } from '../ast/values.js';
import type { Diagnostic } from '../diagnostics.js';
import { argumentError, syntaxError, type CheckContext } from './context.js';

/** Tags: an empty list is fine (it clears nothing or sets none), an empty tag is not. */
export function tagValues(tags: StringListOrParameter, context: CheckContext): Diagnostic[] {
  if (tags.kind === 'parameter' || tags.items.every((t) => t.value !== '')) return [];
  return [syntaxError(context, tags.span, 'Expected a non-empty String, List of non-empty Strings, or Parameter.')];
}

export function removeAuthValues(providers: StringListOrParameter, context: CheckContext): Diagnostic[] {
  if (providers.kind === 'parameter' || (providers.items.length > 0 && providers.items.every((p) => p.value !== ''))) return [];
  return [syntaxError(context, providers.span, 'Expected a non-empty String, non-empty List of non-empty Strings, or Parameter.')];
}

const ENCRYPTED_FORMAT = /^([0-9]),([A-Fa-f0-9]+),([A-Fa-f0-9]+)$/;
/** Versions of Neo4j's password hashing: 0 is SHA-256 once, 1 is SHA-256 with 1024 iterations. */
const KNOWN_ENCRYPTION_VERSIONS = new Set(['0', '1']);

/** Checks a literal password; parameters are checked when the statement runs. Never echoes the value. */
export function passwordValue(password: PasswordValue, format: PasswordFormat, context: CheckContext): Diagnostic[] {
  if (password.kind === 'parameter') return [];
  const value = password.value;
  if (format === 'encrypted') {
    const match = ENCRYPTED_FORMAT.exec(value);
    if (!match) return [argumentError(password.span, "Incorrect format of encrypted password. Correct format is '<encryption-version>,<hash>,<salt>'.")];
    if (!KNOWN_ENCRYPTION_VERSIONS.has(match[1]!)) return [argumentError(password.span, 'The encryption version specified is not available.')];
    return [];
  }
  if (value === '') return [argumentError(password.span, 'A password cannot be empty.')];
  const minimum = context.options.minimumPasswordLength;
  if ([...value].length < minimum) return [argumentError(password.span, `A password must be at least ${minimum} characters.`)];
  return [];
}

const VALID_USERNAME = /^[\x21-\x2B\x2D-\x39\x3B-\x7E]+$/;
const VALID_ROLE_NAME = /^[a-zA-Z0-9_]+$/;

/** Names of users to be created or renamed to (existing users are looked up as written). */
export function newUsername(name: NameOrParameter): Diagnostic[] {
  if (name.kind === 'parameter') return [];
  if (name.value === '') return [argumentError(name.span, 'The provided username is empty.')];
  if (!VALID_USERNAME.test(name.value)) {
    return [argumentError(name.span, `Username '${name.value}' contains illegal characters.\nUse ascii characters that are not ',', ':' or whitespaces.`)];
  }
  return [];
}

export function newRoleName(name: NameOrParameter): Diagnostic[] {
  if (name.kind === 'parameter' || VALID_ROLE_NAME.test(name.value)) return [];
  return [argumentError(name.span, `Role name '${name.value}' contains illegal characters.\nUse simple ascii characters, numbers and underscores.`)];
}

/** How Neo4j prints a name in its messages: as written, a parameter as `$name`. */
export function displayName(name: NameOrParameter): string {
  return name.kind === 'parameter' ? `$${name.name}` : name.value;
}
