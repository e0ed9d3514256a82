/** CST -> AST for the pipeline after SHOW commands: YIELD, WHERE, RETURN. */
import type { IntegerArgument, ReturnClause, ShowPipeline, SortItem, YieldClause } from '../ast/show.js';
import type * as Cst from '../../grammar/cst.js';
import type { Source } from '../syntax/lines.js';
import { expression } from './expressions.js';
import { integerText } from './source.js';
import { decodeName, joinSpans, nodeEnd, nodeSpan, nodeStart, one } from './source.js';

export function showPipeline(node: Cst.ShowCommandYieldCstNode, source: Source): ShowPipeline {
  const c = node.children;
  if (c.whereClause) {
    const where = one(c.whereClause);
    return { kind: 'where', where: expression(one(where.children.expression), source), span: nodeSpan(where, source) };
  }
  if (c.yieldClause) {
    const yieldClause = buildYield(one(c.yieldClause), source);
    const returnClause = c.returnClause ? buildReturn(one(c.returnClause), source) : null;
    return {
      kind: 'yield',
      yield: yieldClause,
      return: returnClause,
      span: returnClause ? joinSpans(yieldClause.span, returnClause.span) : yieldClause.span,
    };
  }
  return { kind: 'none' };
}

function nameOf(node: Cst.SymbolicNameCstNode): string {
  return decodeName(one(node.children.Name).image);
}

function buildYield(node: Cst.YieldClauseCstNode, source: Source): YieldClause {
  const c = node.children;
  const items = c.Star
    ? ('*' as const)
    : (c.yieldItem ?? []).map((item) => {
        const column = nameOf(one(item.children.column));
        const alias = item.children.alias ? nameOf(one(item.children.alias)) : column;
        return { column, alias, aliased: item.children.alias !== undefined, span: nodeSpan(item, source) };
      });
  return {
    items,
    orderBy: c.orderBy ? sortItems(one(c.orderBy), source) : [],
    skip: c.yieldSkip ? integerArgument(one(one(c.yieldSkip).children.signedIntegerLiteral), source) : null,
    limit: c.yieldLimit ? integerArgument(one(one(c.yieldLimit).children.signedIntegerLiteral), source) : null,
    where: c.whereClause ? expression(one(one(c.whereClause).children.expression), source) : null,
    span: nodeSpan(node, source),
  };
}

function integerArgument(node: Cst.SignedIntegerLiteralCstNode, source: Source): IntegerArgument {
  const digits = integerText(one(node.children.DecimalInteger));
  const negative = node.children.Minus !== undefined && digits !== '0';
  return { value: negative ? `-${digits}` : digits, span: nodeSpan(node, source) };
}

function sortItems(node: Cst.OrderByCstNode, source: Source): SortItem[] {
  return node.children.sortItem.map((item) => ({
    expression: expression(one(item.children.expression), source),
    descending: item.children.DESC !== undefined || item.children.DESCENDING !== undefined,
    span: nodeSpan(item, source),
  }));
}

function buildReturn(node: Cst.ReturnClauseCstNode, source: Source): ReturnClause {
  const c = node.children;
  const items = (c.returnItem ?? []).map((item) => {
    const expr = expression(one(item.children.expression), source);
    const exprNode = one(item.children.expression);
    // Neo4j names an unaliased column after the expression exactly as it was written.
    const name = item.children.alias ? nameOf(one(item.children.alias)) : source.text.slice(nodeStart(exprNode), nodeEnd(exprNode));
    return { expression: expr, name, aliased: item.children.alias !== undefined, span: nodeSpan(item, source) };
  });
  return {
    distinct: c.DISTINCT !== undefined,
    star: c.Star !== undefined,
    items,
    orderBy: c.orderBy ? sortItems(one(c.orderBy), source) : [],
    skip: c.skip ? expression(one(one(c.skip).children.expression), source) : null,
    limit: c.limit ? expression(one(one(c.limit).children.expression), source) : null,
    span: nodeSpan(node, source),
  };
}
