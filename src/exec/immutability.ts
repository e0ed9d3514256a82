/**
 * Immutable roles and privileges, as Neo4j keeps them. With authentication disabled they are
 * created, copied and removed like any other; with it enabled nothing may create, drop, rename or
 * replace an immutable role, nor grant, deny or revoke an immutable privilege. Only immutable
 * privileges go to an immutable role, and a copy keeps a role's privileges all of one kind.
 * The texts are Neo4j's (AuthorizationViolationException: Forbidden, GQLSTATUS 42NFF), and so is the
 * order: the IMMUTABLE keyword is refused before any privilege check, the rest after it.
 */
import type { CypherStatement } from '../ast/index.js';
import { forbidden } from '../diagnostics/neo4j-error.js';
import type { PrivilegeRow } from '../store/privileges.js';
import type { StoredRole } from '../store/state.js';
import type { CommandContext } from './commands/context.js';

/** `user` null is how a context says authentication is disabled. */
const authEnabled = (context: CommandContext) => context.user !== null;

const SEE_ROLES = 'Use `SHOW ROLES YIELD *` to see which roles are immutable.';

/** CREATE IMMUTABLE ROLE, GRANT IMMUTABLE and DENY IMMUTABLE, with authentication enabled: before the privilege check. */
export function refuseImmutableKeyword(statement: CypherStatement, context: CommandContext): void {
  if (!authEnabled(context)) return;
  if (statement.kind === 'create-role' && statement.immutable)
    throw forbidden('Immutable roles cannot be created. Try creating the role without the IMMUTABLE keyword.');
  if (statement.kind === 'grant-privilege' && statement.immutable)
    throw forbidden('Immutable privileges cannot be granted. Try granting the privilege without the IMMUTABLE keyword.');
  if (statement.kind === 'deny-privilege' && statement.immutable)
    throw forbidden('Immutable privileges cannot be denied. Try denying the privilege without the IMMUTABLE keyword.');
}

/** DROP, RENAME and CREATE OR REPLACE of an immutable role, with authentication enabled. */
export function assertRoleMayChange(role: StoredRole, change: 'dropped' | 'renamed' | 'replaced', context: CommandContext): void {
  if (role.immutable && authEnabled(context)) throw forbidden(`Immutable roles cannot be ${change}. ${SEE_ROLES}`);
}

/** A GRANT or DENY without IMMUTABLE, to an immutable role: refused whether or not authentication is enabled. */
export function assertMutablePrivilegesAllowed(role: StoredRole): void {
  if (role.immutable)
    throw forbidden('Only immutable privileges can be assigned to an immutable role. Try `GRANT/DENY IMMUTABLE` instead.');
}

const inspect = (role: string) => `Use \`SHOW ROLE ${role} PRIVILEGES AS COMMANDS YIELD *\` to inspect ${role}'s privileges.`;

/** AS COPY OF: an immutable role copies only immutable privileges, any other role none. */
export function assertCopyable(source: StoredRole, toImmutable: boolean): void {
  const name = source.name;
  if (toImmutable && source.privileges.some((p) => !p.immutable))
    throw forbidden(
      `'${name}' cannot be copied to an immutable role because '${name}' has one or more non-immutable privileges. Immutable roles can only contain immutable privileges. ${inspect(name)}`,
    );
  if (!toImmutable && source.privileges.some((p) => p.immutable))
    throw forbidden(
      `'${name}' cannot be copied because it has one or more immutable privileges assigned to it and immutable privileges cannot be copied. ${inspect(name)}`,
    );
}

/** REVOKE of privileges a role holds IMMUTABLE, with authentication enabled. */
export function assertRevocable(role: StoredRole, revoked: readonly PrivilegeRow[], context: CommandContext): void {
  if (authEnabled(context) && revoked.some((p) => p.immutable))
    throw forbidden(`Immutable privileges cannot be revoked. ${inspect(role.name)}`);
}
