/** CST -> AST for the user commands. */
import type {
  AlterUser,
  AlterUserClause,
  AlterUsers,
  AuthAttribute,
  ChangeRequired,
  CreateUser,
  PasswordFormat,
  SetUserClause,
  TagClause,
  UserCommand,
} from '../ast/users.js';
import type * as Cst from '../../grammar/cst.js';
import type { Source } from '../syntax/lines.js';
import { commandName, commandNames, databaseName, password, stringList } from './names.js';
import { buildAlternative, nodeSpan, one, parameter, stringLiteral, unexpectedAlternative, type AlternativeBuilders } from './source.js';
import { showPipeline } from './show.js';
import type { Span } from '../ast/span.js';

export function createUser(node: Cst.CreateUserCstNode, orReplace: boolean, span: Span, source: Source): CreateUser {
  const c = node.children;
  return {
    kind: 'create-user',
    name: commandName(one(c.commandNameExpression), source),
    orReplace,
    ifNotExists: c.ifNotExists !== undefined,
    clauses: c.setUserClause.map((clause) => setUserClause(clause, source)),
    span,
  };
}

export function alterUser(node: Cst.AlterUserCstNode, span: Span, source: Source): AlterUser {
  const c = node.children;
  const clauses: AlterUserClause[] = [
    ...(c.removeUserClause ?? []).map((clause) => removeUserClause(clause, source)),
    ...(c.addTags ?? []).map((t) => ({
      kind: 'add-tags' as const,
      tags: stringList(one(t.children.stringListOrParameter), source),
      span: nodeSpan(t, source),
    })),
    ...(c.setUserClause ?? []).map((clause) => setUserClause(clause, source)),
  ];
  return { kind: 'alter-user', name: commandName(one(c.commandNameExpression), source), ifExists: c.ifExists !== undefined, clauses, span };
}

export function alterUsers(node: Cst.AlterUsersCstNode, span: Span, source: Source): AlterUsers {
  const c = node.children;
  const clauses: TagClause[] = [
    ...(c.removeTagsClause ?? []).map((clause) => removeTagsClause(clause, source)),
    ...(c.addTags ?? []).map((t) => ({
      kind: 'add-tags' as const,
      tags: stringList(one(t.children.stringListOrParameter), source),
      span: nodeSpan(t, source),
    })),
    ...(c.setTags ?? []).map((t) => ({
      kind: 'set-tags' as const,
      tags: stringList(one(t.children.stringListOrParameter), source),
      span: nodeSpan(t, source),
    })),
  ];
  return { kind: 'alter-users', names: commandNames(one(c.commandNameList), source), ifExists: c.ifExists !== undefined, clauses, span };
}

function removeTagsClause(node: Cst.RemoveTagsClauseCstNode, source: Source): TagClause {
  const c = node.children;
  const span = nodeSpan(node, source);
  if (c.tagsClause) return { kind: 'remove-tags', tags: stringList(one(one(c.tagsClause).children.stringListOrParameter), source), span };
  if (c.ALL) return { kind: 'remove-all-tags', span };
  return unexpectedAlternative('removeTagsClause');
}

function removeUserClause(node: Cst.RemoveUserClauseCstNode, source: Source): AlterUserClause {
  const c = node.children;
  const span = nodeSpan(node, source);
  if (c.HOME) return { kind: 'remove-home-database', span };
  if (c.ALL && c.AUTH) return { kind: 'remove-all-auth', span };
  if (c.ALL && c.tagKeyword) return { kind: 'remove-all-tags', span };
  if (c.AUTH) return { kind: 'remove-auth', providers: stringList(one(c.stringListOrParameter), source), span };
  if (c.tagsClause) return { kind: 'remove-tags', tags: stringList(one(one(c.tagsClause).children.stringListOrParameter), source), span };
  return unexpectedAlternative('removeUserClause');
}

function passwordFormat(node: Cst.PasswordFormatCstNode[] | undefined): PasswordFormat {
  if (!node) return 'default';
  const c = one(node).children;
  if (c.ENCRYPTED) return 'encrypted';
  if (c.PLAINTEXT) return 'plaintext';
  return unexpectedAlternative('passwordFormat');
}

function changeRequired(node: Cst.PasswordChangeRequiredCstNode, source: Source): ChangeRequired {
  return { required: node.children.NOT === undefined, span: nodeSpan(node, source) };
}

function setUserClause(node: Cst.SetUserClauseCstNode, source: Source): SetUserClause {
  return buildAlternative('setUserClause', node.children, setUserClauses(nodeSpan(node, source), source));
}

/** One builder per alternative of `SET ...`: a clause added to the grammar does not compile until it is built. */
function setUserClauses(span: Span, source: Source): AlternativeBuilders<Cst.SetUserClauseCstChildren, SetUserClause> {
  return {
    setPassword: (node) => {
      const p = node.children;
      if (p.passwordExpression) {
        return {
          kind: 'set-password',
          format: passwordFormat(p.passwordFormat),
          password: password(one(p.passwordExpression), source),
          changeRequired: p.passwordChangeRequired ? changeRequired(one(p.passwordChangeRequired), source) : null,
          span,
        };
      }
      if (p.passwordChangeRequired)
        return { kind: 'set-password-change', changeRequired: changeRequired(one(p.passwordChangeRequired), source), span };
      return unexpectedAlternative('setPassword');
    },
    userStatus: (node) => ({ kind: 'set-status', status: userStatus(node), span }),
    homeDatabase: (node) => {
      const h = node.children;
      if (h.Parameter) return { kind: 'set-home-database', database: parameter(one(h.Parameter), source), span };
      if (h.databaseName) return { kind: 'set-home-database', database: databaseName(one(h.databaseName), source), span };
      return unexpectedAlternative('homeDatabase');
    },
    setAuth: (node) => {
      const a = node.children;
      return {
        kind: 'set-auth',
        provider: stringLiteral(one(a.StringLiteral), source),
        attributes: a.userAuthAttribute.map((attribute) => authAttribute(attribute, source)),
        span,
      };
    },
    tagsClause: (node) => ({ kind: 'set-tags', tags: stringList(one(node.children.stringListOrParameter), source), span }),
  };
}

function userStatus(node: Cst.UserStatusCstNode): 'ACTIVE' | 'SUSPENDED' {
  if (node.children.ACTIVE) return 'ACTIVE';
  if (node.children.SUSPENDED) return 'SUSPENDED';
  return unexpectedAlternative('userStatus');
}

function authAttribute(node: Cst.UserAuthAttributeCstNode, source: Source): AuthAttribute {
  const c = node.children;
  const span = nodeSpan(node, source);
  if (c.ID)
    return { kind: 'auth-id', id: c.Parameter ? parameter(one(c.Parameter), source) : stringLiteral(one(c.StringLiteral), source), span };
  if (c.passwordExpression) {
    return { kind: 'auth-password', format: passwordFormat(c.passwordFormat), password: password(one(c.passwordExpression), source), span };
  }
  if (c.passwordChangeRequired)
    return { kind: 'auth-password-change', changeRequired: changeRequired(one(c.passwordChangeRequired), source), span };
  return unexpectedAlternative('userAuthAttribute');
}

export function dropUser(node: Cst.DropUserCstNode, span: Span, source: Source): UserCommand {
  return {
    kind: 'drop-user',
    name: commandName(one(node.children.commandNameExpression), source),
    ifExists: node.children.ifExists !== undefined,
    span,
  };
}

export function renameUser(node: Cst.RenameUserCstNode, span: Span, source: Source): UserCommand {
  const c = node.children;
  return {
    kind: 'rename-user',
    from: commandName(one(c.from), source),
    to: commandName(one(c.to), source),
    ifExists: c.ifExists !== undefined,
    span,
  };
}

export function alterCurrentUser(node: Cst.AlterCurrentUserCstNode, span: Span, source: Source): UserCommand {
  const c = node.children;
  return {
    kind: 'alter-current-user-password',
    oldPassword: password(one(c.oldPassword), source),
    newPassword: password(one(c.newPassword), source),
    span,
  };
}

export function showCurrentUser(node: Cst.ShowCurrentUserCstNode, span: Span, source: Source): UserCommand {
  return { kind: 'show-current-user', pipeline: showPipeline(one(node.children.showCommandYield), source), span };
}

export function showUsersOrPrivileges(node: Cst.ShowUsersOrPrivilegesCstNode, span: Span, source: Source): UserCommand {
  const c = node.children;
  if (c.showPrivilegesTail) {
    const p = one(c.showPrivilegesTail).children;
    const output = p.AS ? (p.REVOKE ? 'revoke-commands' : 'commands') : 'table';
    return {
      kind: 'show-user-privileges',
      users: p.commandNameList ? commandNames(one(p.commandNameList), source) : [],
      output,
      pipeline: showPipeline(one(p.showCommandYield), source),
      span,
    };
  }
  if (c.showUsersTail) {
    const tail = one(c.showUsersTail).children;
    return { kind: 'show-users', withAuth: tail.WITH !== undefined, pipeline: showPipeline(one(tail.showCommandYield), source), span };
  }
  return unexpectedAlternative('showUsersOrPrivileges');
}
