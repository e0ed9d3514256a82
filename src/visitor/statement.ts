/** CST -> AST for a whole statement: the USE prefix and the command. */
import type { AdminCommand, CypherStatement } from '../ast/index.js';
import type { Span } from '../ast/span.js';
import type * as Cst from '../../grammar/cst.js';
import { databaseName } from './names.js';
import { denyPrivilege, grantPrivilege, revokePrivilege, showPrivileges, showRolePrivileges } from './privileges.js';
import { createRole, dropRole, grantOrRevoke, renameRole, showRoles } from './roles.js';
import { nodeSpan, one } from './source.js';
import {
  alterCurrentUser, alterUser, alterUsers, createUser, dropUser, renameUser, showCurrentUser, showUsersOrPrivileges,
} from './users.js';

/** `source` is the whole script: unaliased RETURN columns are named after their source text. */
export function buildStatement(node: Cst.StatementCstNode, source: string): CypherStatement {
  const c = node.children;
  const useNode = c.useClause?.[0];
  const use = useNode ? { database: databaseName(one(useNode.children.databaseName)), span: nodeSpan(useNode) } : null;
  const commandNode = (c.createCommand ?? c.dropCommand ?? c.alterCommand ?? c.renameCommand ?? c.grantCommand ?? c.revokeCommand ?? c.denyCommand ?? c.showCommand)![0]!;
  const span: Span = { start: (use ?? { span: nodeSpan(commandNode) }).span.start, end: nodeSpan(commandNode).end };
  // Assigned rather than spread: copying every command object showed up in profiles.
  return Object.assign(command(c, span, source), { use });
}

function command(c: Cst.StatementCstChildren, span: Span, source: string): AdminCommand {
  if (c.createCommand) {
    const create = one(c.createCommand).children;
    const orReplace = create.REPLACE !== undefined;
    return create.createUser ? createUser(one(create.createUser), orReplace, span) : createRole(one(create.createRole), orReplace, span);
  }
  if (c.dropCommand) {
    const drop = one(c.dropCommand).children;
    return drop.dropUser ? dropUser(one(drop.dropUser), span) : dropRole(one(drop.dropRole), span);
  }
  if (c.alterCommand) {
    const alter = one(c.alterCommand).children;
    if (alter.alterCurrentUser) return alterCurrentUser(one(alter.alterCurrentUser), span);
    if (alter.alterUser) return alterUser(one(alter.alterUser), span);
    return alterUsers(one(alter.alterUsers), span);
  }
  if (c.renameCommand) {
    const rename = one(c.renameCommand).children;
    return rename.renameUser ? renameUser(one(rename.renameUser), span) : renameRole(one(rename.renameRole), span);
  }
  if (c.grantCommand) {
    const grant = one(c.grantCommand).children;
    return grant.dbmsPrivilegeOnDbms ? grantPrivilege(grant, span) : grantOrRevoke(grant, 'grant-roles', span);
  }
  if (c.revokeCommand) {
    const revoke = one(c.revokeCommand).children;
    return revoke.dbmsPrivilegeOnDbms ? revokePrivilege(revoke, span) : grantOrRevoke(revoke, 'revoke-roles', span);
  }
  if (c.denyCommand) return denyPrivilege(one(c.denyCommand), span);
  const show = one(c.showCommand).children;
  if (show.showCurrentUser) return showCurrentUser(one(show.showCurrentUser), span, source);
  if (show.showUsersOrPrivileges) return showUsersOrPrivileges(one(show.showUsersOrPrivileges), span, source);
  const roles = one(show.showRoles).children;
  if (roles.showRolesTail) return showRoles(roles, one(roles.showRolesTail), span, source);
  if (roles.showRolePrivilegesTail) return showRolePrivileges(one(roles.showRolePrivilegesTail), span, source);
  return showPrivileges(roles, span, source);
}
