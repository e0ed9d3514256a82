/** CST -> AST for names, passwords and string lists. */
import type { DatabaseName, NameOrParameter, PasswordValue, StringListOrParameter } from '../ast/values.js';
import type * as Cst from '../../grammar/cst.js';
import { decodeName, nodeSpan, one, parameter, stringLiteral, symbolicName, unexpectedAlternative } from './source.js';

export function commandName(node: Cst.CommandNameExpressionCstNode): NameOrParameter {
  const c = node.children;
  if (c.Parameter) return parameter(one(c.Parameter));
  if (c.Name) return symbolicName(one(c.Name));
  return unexpectedAlternative('commandNameExpression');
}

export function commandNames(node: Cst.CommandNameListCstNode): NameOrParameter[] {
  return node.children.commandNameExpression.map(commandName);
}

export function databaseName(node: Cst.DatabaseNameCstNode): DatabaseName {
  return {
    kind: 'database-name',
    parts: node.children.Name.map((part) => decodeName(part.image)),
    span: nodeSpan(node),
  };
}

export function password(node: Cst.PasswordExpressionCstNode): PasswordValue {
  const c = node.children;
  if (c.Parameter) return parameter(one(c.Parameter));
  if (c.StringLiteral) return stringLiteral(one(c.StringLiteral));
  return unexpectedAlternative('passwordExpression');
}

export function stringList(node: Cst.StringListOrParameterCstNode): StringListOrParameter {
  const c = node.children;
  if (c.Parameter) return parameter(one(c.Parameter));
  const tokens = c.bracketed ?? c.StringLiteral ?? [];
  return { kind: 'string-list', items: tokens.map(stringLiteral), span: nodeSpan(node) };
}
