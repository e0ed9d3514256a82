/** CST -> AST for the role commands. */
import type { RoleCommand } from '../ast/roles.js';
import type { Span } from '../ast/span.js';
import type * as Cst from '../../grammar/cst.js';
import { commandName, commandNames } from './names.js';
import { one } from './source.js';
import { showPipeline } from './show.js';

export function createRole(node: Cst.CreateRoleCstNode, orReplace: boolean, span: Span): RoleCommand {
  const c = node.children;
  return {
    kind: 'create-role',
    name: commandName(one(c.commandNameExpression)),
    orReplace,
    ifNotExists: c.ifNotExists !== undefined,
    copyOf: c.copyOf ? commandName(one(c.copyOf)) : null,
    span,
  };
}

export function dropRole(node: Cst.DropRoleCstNode, span: Span): RoleCommand {
  return { kind: 'drop-role', name: commandName(one(node.children.commandNameExpression)), ifExists: node.children.ifExists !== undefined, span };
}

export function renameRole(node: Cst.RenameRoleCstNode, span: Span): RoleCommand {
  const c = node.children;
  return { kind: 'rename-role', from: commandName(one(c.from)), to: commandName(one(c.to)), ifExists: c.ifExists !== undefined, span };
}

export function grantOrRevoke(node: Cst.GrantCommandCstNode | Cst.RevokeCommandCstNode, kind: 'grant-roles' | 'revoke-roles', span: Span): RoleCommand {
  const c = node.children;
  return { kind, roles: commandNames(one(c.roles)), users: commandNames(one(one(c.roleGrantees).children.users)), span };
}

export function showRoles(node: Cst.ShowRolesCstNode, span: Span, source: string): RoleCommand {
  const c = node.children;
  return {
    kind: 'show-roles',
    populatedOnly: c.POPULATED !== undefined,
    withUsers: c.WITH !== undefined,
    pipeline: showPipeline(one(c.showCommandYield), source),
    span,
  };
}
