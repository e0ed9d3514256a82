/**
 * Neo4j's rules for the names of new users and roles, with its messages. Lint applies them to names
 * written in the script, run to names bound from parameters: one definition, so both say the same.
 */

/** Printable ASCII except `,` and `:` (Neo4j's username rule). */
const VALID_USERNAME = /^[\x21-\x2B\x2D-\x39\x3B-\x7E]+$/;
const VALID_ROLE_NAME = /^[a-zA-Z0-9_]+$/;

/** Why Neo4j refuses `name` for a new user (or a rename target), or null. */
export function usernameProblem(name: string): string | null {
  if (name === '') return 'The provided username is empty.';
  if (!VALID_USERNAME.test(name))
    return `Username '${name}' contains illegal characters.\nUse ascii characters that are not ',', ':' or whitespaces.`;
  return null;
}

/** Why Neo4j refuses `name` for a new role (or a rename target), or null. `PUBLIC` is checked where it is reserved. */
export function roleNameProblem(name: string): string | null {
  if (VALID_ROLE_NAME.test(name)) return null;
  return `Role name '${name}' contains illegal characters.\nUse simple ascii characters, numbers and underscores.`;
}
