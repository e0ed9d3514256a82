/**
 * CST -> AST for a whole statement: the USE prefix and the command. The library does not run this: the
 * direct reader (src/direct/) builds every tree. It is the direct reader's oracle: test/support/direct.ts
 * holds the two to the same trees on every test case, so the grammar's CST and the AST stay one mapping.
 * (source.ts and climb.ts here are shared by both.)
 */
import type { CstNode } from 'chevrotain';
import type { AdminCommand, CypherStatement, DatabaseName, FunctionCall } from '../ast/index.js';
import type { Span } from '../ast/span.js';
import type * as Cst from '../../grammar/cst.js';
import type { Source } from '../syntax/lines.js';
import { databaseName } from './names.js';
import { expression } from './expressions.js';
import { built } from './climb.js';
import { denyPrivilege, grantPrivilege, revokePrivilege, showPrivileges, showRolePrivileges } from './privileges.js';
import { createRole, dropRole, grantOrRevoke, renameRole, showRoles } from './roles.js';
import { nodeSpan, one, unexpectedAlternative } from './source.js';
import {
  alterCurrentUser,
  alterUser,
  alterUsers,
  createUser,
  dropUser,
  renameUser,
  showCurrentUser,
  showUsersOrPrivileges,
} from './users.js';

/** `source` is the whole script: spans are positions in it, and unaliased RETURN columns are named after its text. */
export function buildStatement(node: Cst.StatementCstNode, source: Source): CypherStatement {
  const c = node.children;
  const useNode = c.useClause?.[0];
  const commandNode = one<CstNode>(
    c.createCommand ??
      c.dropCommand ??
      c.alterCommand ??
      c.renameCommand ??
      c.grantCommand ??
      c.revokeCommand ??
      c.denyCommand ??
      c.showCommand ??
      unexpectedAlternative('statement'),
  );
  const commandSpan = nodeSpan(commandNode, source);
  const use = useNode
    ? {
        graph: graphReference(one(useNode.children.graphReference), source),
        span: nodeSpan(useNode, source),
        commandSpan,
      }
    : null;
  const span: Span = { start: (use ?? { span: commandSpan }).span.start, end: commandSpan.end };
  // Assigned rather than spread: copying every command object showed up in profiles.
  return Object.assign(command(c, span, source), { use });
}

/** `(ref)`, a graph function's call, or a database's name. */
function graphReference(node: Cst.GraphReferenceCstNode, source: Source): DatabaseName | FunctionCall {
  const c = node.children;
  if (c.graphReference) return graphReference(one(c.graphReference), source);
  const name = databaseName(one(c.databaseName ?? unexpectedAlternative('graphReference')), source);
  if (!c.callArguments) return name;
  const call = one(c.callArguments).children;
  const args = (call.argument ?? []).map((argument) => expression(argument, source));
  const span = { start: name.span.start, end: nodeSpan(node, source).end };
  return built({ kind: 'function-call', name: name.parts.join('.'), distinct: call.DISTINCT !== undefined, args, span }, args);
}

function command(c: Cst.StatementCstChildren, span: Span, source: Source): AdminCommand {
  if (c.createCommand) {
    const create = one(c.createCommand).children;
    const orReplace = create.REPLACE !== undefined;
    if (create.createUser) return createUser(one(create.createUser), orReplace, span, source);
    if (create.createRole) return createRole(one(create.createRole), orReplace, span, source);
    return unexpectedAlternative('createCommand');
  }
  if (c.dropCommand) {
    const drop = one(c.dropCommand).children;
    if (drop.dropUser) return dropUser(one(drop.dropUser), span, source);
    if (drop.dropRole) return dropRole(one(drop.dropRole), span, source);
    return unexpectedAlternative('dropCommand');
  }
  if (c.alterCommand) {
    const alter = one(c.alterCommand).children;
    if (alter.alterCurrentUser) return alterCurrentUser(one(alter.alterCurrentUser), span, source);
    if (alter.alterUser) return alterUser(one(alter.alterUser), span, source);
    if (alter.alterUsers) return alterUsers(one(alter.alterUsers), span, source);
    return unexpectedAlternative('alterCommand');
  }
  if (c.renameCommand) {
    const rename = one(c.renameCommand).children;
    if (rename.renameUser) return renameUser(one(rename.renameUser), span, source);
    if (rename.renameRole) return renameRole(one(rename.renameRole), span, source);
    return unexpectedAlternative('renameCommand');
  }
  if (c.grantCommand) {
    const grant = one(c.grantCommand).children;
    if (grant.dbmsPrivilegeOnDbms) return grantPrivilege(grant, span, source);
    if (grant.roles) return grantOrRevoke(grant, 'grant-roles', span, source);
    return unexpectedAlternative('grantCommand');
  }
  if (c.revokeCommand) {
    const revoke = one(c.revokeCommand).children;
    if (revoke.dbmsPrivilegeOnDbms) return revokePrivilege(revoke, span, source);
    if (revoke.roles) return grantOrRevoke(revoke, 'revoke-roles', span, source);
    return unexpectedAlternative('revokeCommand');
  }
  if (c.denyCommand) return denyPrivilege(one(c.denyCommand), span, source);
  if (c.showCommand) return showCommand(one(c.showCommand).children, span, source);
  return unexpectedAlternative('statement');
}

function showCommand(show: Cst.ShowCommandCstChildren, span: Span, source: Source): AdminCommand {
  if (show.showCurrentUser) return showCurrentUser(one(show.showCurrentUser), span, source);
  if (show.showUsersOrPrivileges) return showUsersOrPrivileges(one(show.showUsersOrPrivileges), span, source);
  if (!show.showRoles) return unexpectedAlternative('showCommand');
  const roles = one(show.showRoles).children;
  if (roles.showRolesTail) return showRoles(roles, one(roles.showRolesTail), span, source);
  if (roles.showRolePrivilegesTail) return showRolePrivileges(one(roles.showRolePrivilegesTail), span, source);
  if (roles.showAllPrivilegesTail) return showPrivileges(one(roles.showAllPrivilegesTail), span, source);
  return unexpectedAlternative('showRoles');
}
