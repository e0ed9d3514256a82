/** CST -> AST for names, passwords and string lists. */
import type { DatabaseName, NameOrParameter, PasswordValue, StringListOrParameter } from '../ast/values.js';
import type * as Cst from '../../grammar/cst.js';
import { decodeName, nodeSpan, one, parameter, stringLiteral, symbolicName } from './source.js';

export function commandName(node: Cst.CommandNameExpressionCstNode): NameOrParameter {
  const c = node.children;
  if (c.Parameter) return parameter(one(c.Parameter));
  return symbolicName(one(c.Name));
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
  return c.Parameter ? parameter(one(c.Parameter)) : stringLiteral(one(c.StringLiteral));
}

export function stringList(node: Cst.StringListOrParameterCstNode): StringListOrParameter {
  const c = node.children;
  if (c.Parameter) return parameter(one(c.Parameter));
  const tokens = c.bracketed ?? c.StringLiteral ?? [];
  return { kind: 'string-list', items: tokens.map(stringLiteral), span: nodeSpan(node) };
}
