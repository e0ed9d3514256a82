/** CST -> AST for names, passwords and string lists. */
import type { DatabaseName, NameOrParameter, PasswordValue, StringListOrParameter } from '../ast/values.js';
import type * as Cst from '../../grammar/cst.js';
import type { Source } from '../syntax/lines.js';
import { decodeName, nodeSpan, one, parameter, stringLiteral, symbolicName, unexpectedAlternative } from './source.js';

export function commandName(node: Cst.CommandNameExpressionCstNode, source: Source): NameOrParameter {
  const c = node.children;
  if (c.Parameter) return parameter(one(c.Parameter), source);
  if (c.Name) return symbolicName(one(c.Name), source);
  return unexpectedAlternative('commandNameExpression');
}

export function commandNames(node: Cst.CommandNameListCstNode, source: Source): NameOrParameter[] {
  return node.children.commandNameExpression.map((name) => commandName(name, source));
}

/** Database or graph names of a privilege's target, in source order: a dotted name is one name (`sales.eu`). */
export function databaseNames(node: Cst.DatabaseNameListCstNode, source: Source): NameOrParameter[] {
  const c = node.children;
  const names: NameOrParameter[] = [
    ...(c.Parameter ?? []).map((token) => parameter(token, source)),
    ...(c.databaseName ?? []).map((name): NameOrParameter => {
      const { parts, span } = databaseName(name, source);
      return { kind: 'name', value: parts.join('.'), span };
    }),
  ];
  return names.sort((a, b) => a.span.start.offset - b.span.start.offset);
}

export function databaseName(node: Cst.DatabaseNameCstNode, source: Source): DatabaseName {
  return {
    kind: 'database-name',
    parts: node.children.Name.map((part) => decodeName(part.image)),
    span: nodeSpan(node, source),
  };
}

export function password(node: Cst.PasswordExpressionCstNode, source: Source): PasswordValue {
  const c = node.children;
  if (c.Parameter) return parameter(one(c.Parameter), source);
  if (c.StringLiteral) return stringLiteral(one(c.StringLiteral), source);
  return unexpectedAlternative('passwordExpression');
}

export function stringList(node: Cst.StringListOrParameterCstNode, source: Source): StringListOrParameter {
  const c = node.children;
  if (c.Parameter) return parameter(one(c.Parameter), source);
  const tokens = c.bracketed ?? c.StringLiteral ?? [];
  return { kind: 'string-list', items: tokens.map((token) => stringLiteral(token, source)), span: nodeSpan(node, source) };
}
