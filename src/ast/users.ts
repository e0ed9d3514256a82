import type { ShowPipeline } from './show.js';
import type { Spanned } from './span.js';
import type {
  DatabaseNameOrParameter,
  NameOrParameter,
  PasswordValue,
  StringListOrParameter,
  StringLiteral,
  StringOrParameter,
} from './values.js';

/** `PLAINTEXT` and `ENCRYPTED` are optional; `default` means neither keyword was written (plaintext). */
export type PasswordFormat = 'default' | 'plaintext' | 'encrypted';

export interface SetPasswordClause extends Spanned {
  readonly kind: 'set-password';
  readonly format: PasswordFormat;
  readonly password: PasswordValue;
  /** `CHANGE [NOT] REQUIRED` written directly after the password (its `SET PASSWORD` prefix omitted). */
  readonly changeRequired: ChangeRequired | null;
}

export interface ChangeRequired extends Spanned {
  readonly required: boolean;
}

/** `SET PASSWORD CHANGE [NOT] REQUIRED` as a clause of its own. */
export interface SetPasswordChangeClause extends Spanned {
  readonly kind: 'set-password-change';
  /** Its own span starts at CHANGE, where Neo4j places the clause in its messages. */
  readonly changeRequired: ChangeRequired;
}

export interface SetStatusClause extends Spanned {
  readonly kind: 'set-status';
  readonly status: 'ACTIVE' | 'SUSPENDED';
}

export interface SetHomeDatabaseClause extends Spanned {
  readonly kind: 'set-home-database';
  readonly database: DatabaseNameOrParameter;
}

/** One `SET ...` inside `SET AUTH 'provider' { ... }`. */
export type AuthAttribute =
  | ({ readonly kind: 'auth-id'; readonly id: StringOrParameter } & Spanned)
  | ({ readonly kind: 'auth-password'; readonly format: PasswordFormat; readonly password: PasswordValue } & Spanned)
  | ({ readonly kind: 'auth-password-change'; readonly changeRequired: ChangeRequired } & Spanned);

export interface SetAuthClause extends Spanned {
  readonly kind: 'set-auth';
  /** Always a string literal: Neo4j's grammar takes neither a name nor a parameter here. */
  readonly provider: StringLiteral;
  readonly attributes: readonly AuthAttribute[];
}

export interface SetTagsClause extends Spanned {
  readonly kind: 'set-tags';
  readonly tags: StringListOrParameter;
}

export interface AddTagsClause extends Spanned {
  readonly kind: 'add-tags';
  readonly tags: StringListOrParameter;
}

export interface RemoveTagsClause extends Spanned {
  readonly kind: 'remove-tags';
  readonly tags: StringListOrParameter;
}

export interface RemoveAllTagsClause extends Spanned {
  readonly kind: 'remove-all-tags';
}

export interface RemoveHomeDatabaseClause extends Spanned {
  readonly kind: 'remove-home-database';
}

export interface RemoveAuthClause extends Spanned {
  readonly kind: 'remove-auth';
  readonly providers: StringListOrParameter;
}

export interface RemoveAllAuthClause extends Spanned {
  readonly kind: 'remove-all-auth';
}

/** The SET clauses CREATE USER and ALTER USER share. */
export type SetUserClause =
  SetPasswordClause | SetPasswordChangeClause | SetStatusClause | SetHomeDatabaseClause | SetAuthClause | SetTagsClause;

export type RemoveUserClause = RemoveHomeDatabaseClause | RemoveAuthClause | RemoveAllAuthClause | RemoveTagsClause | RemoveAllTagsClause;

export type AlterUserClause = RemoveUserClause | AddTagsClause | SetUserClause;

export type TagClause = SetTagsClause | AddTagsClause | RemoveTagsClause | RemoveAllTagsClause;

export interface CreateUser extends Spanned {
  readonly kind: 'create-user';
  readonly name: NameOrParameter;
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
  /** In source order; duplicates are kept so the checker can point at them. */
  readonly clauses: readonly SetUserClause[];
}

export interface AlterUser extends Spanned {
  readonly kind: 'alter-user';
  readonly name: NameOrParameter;
  readonly ifExists: boolean;
  /** In source order: every REMOVE, then every ADD, then every SET (the grammar enforces the order). */
  readonly clauses: readonly AlterUserClause[];
}

export interface AlterUsers extends Spanned {
  readonly kind: 'alter-users';
  readonly names: readonly NameOrParameter[];
  readonly ifExists: boolean;
  readonly clauses: readonly TagClause[];
}

export interface AlterCurrentUserPassword extends Spanned {
  readonly kind: 'alter-current-user-password';
  readonly oldPassword: PasswordValue;
  readonly newPassword: PasswordValue;
}

export interface RenameUser extends Spanned {
  readonly kind: 'rename-user';
  readonly from: NameOrParameter;
  readonly to: NameOrParameter;
  readonly ifExists: boolean;
}

export interface DropUser extends Spanned {
  readonly kind: 'drop-user';
  readonly name: NameOrParameter;
  readonly ifExists: boolean;
}

export interface ShowCurrentUser extends Spanned {
  readonly kind: 'show-current-user';
  readonly pipeline: ShowPipeline;
}

export interface ShowUsers extends Spanned {
  readonly kind: 'show-users';
  readonly withAuth: boolean;
  readonly pipeline: ShowPipeline;
}

export type PrivilegeOutput = 'table' | 'commands' | 'revoke-commands';

export interface ShowUserPrivileges extends Spanned {
  readonly kind: 'show-user-privileges';
  /** Empty means the current user. */
  readonly users: readonly NameOrParameter[];
  readonly output: PrivilegeOutput;
  readonly pipeline: ShowPipeline;
}

export type UserCommand =
  CreateUser | AlterUser | AlterUsers | AlterCurrentUserPassword | RenameUser | DropUser | ShowCurrentUser | ShowUsers | ShowUserPrivileges;
