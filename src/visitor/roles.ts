/** CST -> AST for the role commands. */
import type { RoleCommand } from '../ast/roles.js';
import type { Span } from '../ast/span.js';
import type * as Cst from '../../grammar/cst.js';
import type { Source } from '../syntax/lines.js';
import { commandName, commandNames } from './names.js';
import { one } from './source.js';
import { showPipeline } from './show.js';

export function createRole(node: Cst.CreateRoleCstNode, orReplace: boolean, span: Span, source: Source): RoleCommand {
  const c = node.children;
  return {
    kind: 'create-role',
    name: commandName(one(c.commandNameExpression), source),
    orReplace,
    immutable: c.IMMUTABLE !== undefined,
    ifNotExists: c.ifNotExists !== undefined,
    copyOf: c.copyOf ? commandName(one(c.copyOf), source) : null,
    span,
  };
}

export function dropRole(node: Cst.DropRoleCstNode, span: Span, source: Source): RoleCommand {
  return {
    kind: 'drop-role',
    name: commandName(one(node.children.commandNameExpression), source),
    ifExists: node.children.ifExists !== undefined,
    span,
  };
}

export function renameRole(node: Cst.RenameRoleCstNode, span: Span, source: Source): RoleCommand {
  const c = node.children;
  return {
    kind: 'rename-role',
    from: commandName(one(c.from), source),
    to: commandName(one(c.to), source),
    ifExists: c.ifExists !== undefined,
    span,
  };
}

export function grantOrRevoke(
  c: Cst.GrantCommandCstChildren | Cst.RevokeCommandCstChildren,
  kind: 'grant-roles' | 'revoke-roles',
  span: Span,
  source: Source,
): RoleCommand {
  return { kind, roles: commandNames(one(c.roles), source), users: commandNames(one(one(c.roleGrantees).children.users), source), span };
}

export function showRoles(c: Cst.ShowRolesCstChildren, tail: Cst.ShowRolesTailCstNode, span: Span, source: Source): RoleCommand {
  return {
    kind: 'show-roles',
    populatedOnly: c.POPULATED !== undefined,
    withUsers: tail.children.WITH !== undefined,
    pipeline: showPipeline(one(tail.children.showCommandYield), source),
    span,
  };
}
