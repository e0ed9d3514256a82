/** CST -> AST for GRANT / DENY / REVOKE of DBMS privileges and SHOW [ROLE ...] PRIVILEGES. */
import type { DbmsAction, PrivilegeCommand } from '../ast/privileges.js';
import type { Span } from '../ast/span.js';
import type { PrivilegeOutput } from '../ast/users.js';
import type * as Cst from '../../grammar/cst.js';
import type { Source } from '../syntax/lines.js';
import { commandNames } from './names.js';
import { showPipeline } from './show.js';
import { one, unexpectedAlternative } from './source.js';

function dbmsAction(node: Cst.DbmsPrivilegeCstNode): DbmsAction {
  const c = node.children;
  const onUser = c.userKeyword !== undefined;
  const onRole = c.roleKeyword !== undefined;
  if (c.ALL) return 'dbms_actions';
  if (c.MANAGEMENT) {
    if (onUser) return c.METADATA ? 'user_metadata_management' : 'user_management';
    return onRole ? 'role_management' : 'privilege_management';
  }
  if (c.CREATE) return onUser ? 'create_user' : 'create_role';
  if (c.DROP) return onUser ? 'drop_user' : 'drop_role';
  if (c.RENAME) return onUser ? 'rename_user' : 'rename_role';
  if (c.ALTER) return 'alter_user';
  if (c.SHOW) {
    if (onUser) return c.METADATA ? 'show_user_metadata' : 'show_user';
    return onRole ? 'show_role' : 'show_privilege';
  }
  if (c.ASSIGN) return onRole ? 'assign_role' : 'assign_privilege';
  if (c.REMOVE) return onRole ? 'remove_role' : 'remove_privilege';
  if (c.PASSWORD || c.PASSWORDS) return 'set_passwords';
  if (c.AUTH) return 'set_auth';
  if (c.STATUS) return 'set_user_status';
  if (c.HOME) return 'set_user_home_database';
  if (c.SET && c.METADATA) return 'set_user_metadata';
  return unexpectedAlternative('dbmsPrivilege');
}

function privilege(node: Cst.DbmsPrivilegeOnDbmsCstNode): { immutable: boolean; action: DbmsAction } {
  return { immutable: node.children.IMMUTABLE !== undefined, action: dbmsAction(one(node.children.dbmsPrivilege)) };
}

export function grantPrivilege(c: Cst.GrantCommandCstChildren, span: Span, source: Source): PrivilegeCommand {
  return { kind: 'grant-privilege', ...privilege(one(c.dbmsPrivilegeOnDbms)), roles: commandNames(one(c.privilegeRoles), source), span };
}

export function denyPrivilege(node: Cst.DenyCommandCstNode, span: Span, source: Source): PrivilegeCommand {
  const c = node.children;
  return { kind: 'deny-privilege', ...privilege(one(c.dbmsPrivilegeOnDbms)), roles: commandNames(one(c.privilegeRoles), source), span };
}

export function revokePrivilege(c: Cst.RevokeCommandCstChildren, span: Span, source: Source): PrivilegeCommand {
  const revokes = c.GRANT ? 'grant' : c.DENY ? 'deny' : 'both';
  return {
    kind: 'revoke-privilege',
    revokes,
    ...privilege(one(c.dbmsPrivilegeOnDbms)),
    roles: commandNames(one(c.privilegeRoles), source),
    span,
  };
}

function privilegeOutput(node: Cst.PrivilegesAsCstNode | undefined): PrivilegeOutput {
  if (!node) return 'table';
  return node.children.REVOKE ? 'revoke-commands' : 'commands';
}

export function showPrivileges(c: Cst.ShowRolesCstChildren, span: Span, source: Source): PrivilegeCommand {
  return {
    kind: 'show-privileges',
    output: privilegeOutput(c.privilegesAs?.[0]),
    pipeline: showPipeline(one(c.showCommandYield), source),
    span,
  };
}

export function showRolePrivileges(node: Cst.ShowRolePrivilegesTailCstNode, span: Span, source: Source): PrivilegeCommand {
  const c = node.children;
  return {
    kind: 'show-role-privileges',
    roles: commandNames(one(c.commandNameList), source),
    output: privilegeOutput(c.privilegesAs?.[0]),
    pipeline: showPipeline(one(c.showCommandYield), source),
    span,
  };
}
