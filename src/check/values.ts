/** Literal values Neo4j validates: tag lists, REMOVE AUTH lists, passwords, user and role names. */
import type { PasswordFormat } from '../ast/users.js';
import type { NameOrParameter, PasswordValue, StringListOrParameter } from '../ast/values.js';
import type { Diagnostic } from '../diagnostics/codes.js';
import { roleNameProblem, usernameProblem } from '../catalog/names.js';
import { encryptedPassword, plaintextPasswordProblem } from '../catalog/passwords.js';
import { argumentError, syntaxError, type CheckContext } from './context.js';
import { escapeName } from '../render/printer.js';

/** Tags: an empty list is fine (it clears nothing or sets none), an empty tag is not. */
export function tagValues(tags: StringListOrParameter, context: CheckContext): Diagnostic[] {
  if (tags.kind === 'parameter' || tags.items.every((t) => t.value !== '')) return [];
  return [syntaxError(context, tags.span, 'Expected a non-empty String, List of non-empty Strings, or Parameter.')];
}

export function removeAuthValues(providers: StringListOrParameter, context: CheckContext): Diagnostic[] {
  if (providers.kind === 'parameter' || (providers.items.length > 0 && providers.items.every((p) => p.value !== ''))) return [];
  return [syntaxError(context, providers.span, 'Expected a non-empty String, non-empty List of non-empty Strings, or Parameter.')];
}

/** Checks a literal password; parameters are checked when the statement runs. Never echoes the value. */
export function passwordValue(password: PasswordValue, format: PasswordFormat, context: CheckContext): Diagnostic[] {
  if (password.kind === 'parameter') return [];
  const problem =
    format === 'encrypted'
      ? problemOf(encryptedPassword(password.value))
      : plaintextPasswordProblem(password.value, context.options.minimumPasswordLength);
  return problem === null ? [] : [argumentError(password.span, problem)];
}

const problemOf = (result: ReturnType<typeof encryptedPassword>): string | null => ('problem' in result ? result.problem : null);

/** Names of users to be created or renamed to (existing users are looked up as written). */
export function newUsername(name: NameOrParameter): Diagnostic[] {
  const problem = name.kind === 'parameter' ? null : usernameProblem(name.value);
  return problem === null ? [] : [argumentError(name.span, problem)];
}

export function newRoleName(name: NameOrParameter): Diagnostic[] {
  const problem = name.kind === 'parameter' ? null : roleNameProblem(name.value);
  return problem === null ? [] : [argumentError(name.span, problem)];
}

/** How Neo4j prints a name in its messages: as written, a parameter as `$name`. */
export function displayName(name: NameOrParameter): string {
  // Neo4j prints a name that needs quoting quoted (`'\`my r\`'`).
  return name.kind === 'parameter' ? `$${name.name}` : escapeName(name.value);
}
