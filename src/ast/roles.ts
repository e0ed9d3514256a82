import type { ShowPipeline } from './show.js';
import type { Spanned } from './span.js';
import type { NameOrParameter } from './values.js';

export interface CreateRole extends Spanned {
  readonly kind: 'create-role';
  readonly name: NameOrParameter;
  readonly orReplace: boolean;
  /** `CREATE IMMUTABLE ROLE`: Neo4j allows it only with authentication disabled. */
  readonly immutable: boolean;
  readonly ifNotExists: boolean;
  readonly copyOf: NameOrParameter | null;
}

export interface DropRole extends Spanned {
  readonly kind: 'drop-role';
  readonly name: NameOrParameter;
  readonly ifExists: boolean;
}

export interface RenameRole extends Spanned {
  readonly kind: 'rename-role';
  readonly from: NameOrParameter;
  readonly to: NameOrParameter;
  readonly ifExists: boolean;
}

export interface GrantRoles extends Spanned {
  readonly kind: 'grant-roles';
  readonly roles: readonly NameOrParameter[];
  readonly users: readonly NameOrParameter[];
}

export interface RevokeRoles extends Spanned {
  readonly kind: 'revoke-roles';
  readonly roles: readonly NameOrParameter[];
  readonly users: readonly NameOrParameter[];
}

export interface ShowRoles extends Spanned {
  readonly kind: 'show-roles';
  /** `SHOW ROLES` and `SHOW ALL ROLES` are the same command. */
  readonly populatedOnly: boolean;
  readonly withUsers: boolean;
  readonly pipeline: ShowPipeline;
}

export type RoleCommand = CreateRole | DropRole | RenameRole | GrantRoles | RevokeRoles | ShowRoles;
