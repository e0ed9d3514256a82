/** Tokens -> AST for SHOW USERS, SHOW ROLES and SHOW CURRENT USER, with YIELD, WHERE and RETURN. */
import type { IToken, TokenType } from 'chevrotain';
import { TAIL_STARTS } from '../../grammar/parser.js';
import { Comma, DecimalInteger, Keyword as K, Star } from '../../grammar/tokens.js';
import type { IntegerArgument, ReturnClause, ReturnItem, ShowPipeline, SortItem, YieldClause, YieldItem } from '../ast/show.js';
import type { PrivilegeOutput, UserCommand } from '../ast/users.js';
import { tokenEnd } from '../diagnostics/token-offsets.js';
import { decodeName, joinSpans } from '../visitor/source.js';
import { readExpression } from './expressions.js';
import { TokenReader, giveUp, type Built } from './reader.js';
import { ROLE_WORDS, USER_WORDS } from './values.js';

const PRIVILEGE_WORDS: ReadonlySet<TokenType> = new Set([K.PRIVILEGE, K.PRIVILEGES]);

export function show(reader: TokenReader, tokens: readonly IToken[]): Built {
  if (reader.isOneOf(PRIVILEGE_WORDS) || (reader.is(K.ALL) && reader.isOneOf(PRIVILEGE_WORDS, 1))) return showPrivileges(reader);
  // SHOW USER|ROLE ... PRIVILEGES, and names that could begin one, are the parser's to decide.
  if (tokens.some((t) => PRIVILEGE_WORDS.has(t.tokenType))) giveUp();
  if (reader.accept(K.CURRENT)) {
    reader.expect(K.USER);
    const pipeline = showPipeline(reader);
    return (span) => ({ kind: 'show-current-user', pipeline, span });
  }
  if (reader.acceptOneOf(USER_WORDS)) {
    tailStarts(reader);
    const withAuth = reader.accept(K.WITH) !== undefined;
    if (withAuth) reader.expect(K.AUTH);
    const pipeline = showPipeline(reader);
    return (span): UserCommand => ({ kind: 'show-users', withAuth, pipeline, span });
  }
  const populatedOnly = reader.accept(K.POPULATED) !== undefined;
  if (!populatedOnly) reader.accept(K.ALL);
  if (!reader.acceptOneOf(ROLE_WORDS)) giveUp();
  tailStarts(reader);
  const withUsers = reader.accept(K.WITH) !== undefined;
  if (withUsers && !reader.acceptOneOf(USER_WORDS)) giveUp();
  const pipeline = showPipeline(reader);
  return (span) => ({ kind: 'show-roles', populatedOnly, withUsers, pipeline, span });
}

/** `SHOW [ALL] PRIVILEGE[S] [AS [REVOKE] COMMAND[S]]` and its YIELD, WHERE or RETURN. */
function showPrivileges(reader: TokenReader): Built {
  reader.accept(K.ALL);
  reader.next();
  let output: PrivilegeOutput = 'table';
  if (reader.accept(K.AS)) {
    output = reader.accept(K.REVOKE) ? 'revoke-commands' : 'commands';
    if (!reader.acceptOneOf(COMMAND_WORDS)) giveUp();
  }
  const pipeline = showPipeline(reader);
  return (span) => ({ kind: 'show-privileges', output, pipeline, span });
}

const COMMAND_WORDS: ReadonlySet<TokenType> = new Set([K.COMMAND, K.COMMANDS]);

/** After SHOW USERS or SHOW ROLES, a name other than WITH, YIELD or WHERE begins a list of names (a privileges command). */
function tailStarts(reader: TokenReader): void {
  const next = reader.peek();
  if (next !== undefined && reader.startsName() && !TAIL_STARTS.has(next.tokenType)) giveUp();
}

function showPipeline(reader: TokenReader): ShowPipeline {
  const where = reader.accept(K.WHERE);
  if (where) {
    const condition = readExpression(reader).expression;
    return { kind: 'where', where: condition, span: reader.spanFrom(where) };
  }
  if (!reader.is(K.YIELD)) return { kind: 'none' };
  const yieldClause = readYield(reader);
  const returnClause = reader.is(K.RETURN) ? readReturn(reader) : null;
  return {
    kind: 'yield',
    yield: yieldClause,
    return: returnClause,
    span: returnClause ? joinSpans(yieldClause.span, returnClause.span) : yieldClause.span,
  };
}

function readYield(reader: TokenReader): YieldClause {
  const start = reader.expect(K.YIELD);
  let items: '*' | YieldItem[] = '*';
  if (!reader.accept(Star)) {
    items = [];
    do {
      const column = reader.name();
      const alias = reader.accept(K.AS) ? reader.name() : undefined;
      const name = decodeName(column.image);
      items.push({
        column: name,
        alias: alias ? decodeName(alias.image) : name,
        aliased: alias !== undefined,
        span: reader.spanFrom(column),
      });
    } while (reader.accept(Comma));
  }
  const orderBy = reader.is(K.ORDER) ? sortItems(reader) : [];
  const skip = reader.accept(K.SKIP) || reader.accept(K.OFFSET) ? integerArgument(reader) : null;
  const limit = reader.accept(K.LIMIT) ? integerArgument(reader) : null;
  const where = reader.accept(K.WHERE) ? readExpression(reader).expression : null;
  return { items, orderBy, skip, limit, where, span: reader.spanFrom(start) };
}

/** YIELD's SKIP and LIMIT: a decimal literal as written (a sign or another form is left to the parser). */
function integerArgument(reader: TokenReader): IntegerArgument {
  const token = reader.expect(DecimalInteger);
  if (!/^(?:0|[1-9][0-9]*)$/.test(token.image)) giveUp();
  return { value: token.image, span: reader.tokenSpan(token) };
}

function sortItems(reader: TokenReader): SortItem[] {
  reader.expect(K.ORDER);
  reader.expect(K.BY);
  const items: SortItem[] = [];
  do {
    const { expression, first } = readExpression(reader);
    const direction = reader.acceptOneOf(DIRECTION_WORDS);
    const descending = direction !== undefined && (direction.tokenType === K.DESC || direction.tokenType === K.DESCENDING);
    items.push({ expression, descending, span: reader.spanFrom(first) });
  } while (reader.accept(Comma));
  return items;
}

const DIRECTION_WORDS: ReadonlySet<TokenType> = new Set([K.ASC, K.ASCENDING, K.DESC, K.DESCENDING]);

function readReturn(reader: TokenReader): ReturnClause {
  const start = reader.expect(K.RETURN);
  // `RETURN ALL` is a keyword or a name depending on what follows: the parser's to decide.
  if (reader.is(K.ALL)) giveUp();
  const distinct = reader.accept(K.DISTINCT) !== undefined;
  const star = reader.accept(Star) !== undefined;
  const items: ReturnItem[] = [];
  if (!star || reader.accept(Comma)) {
    do items.push(returnItem(reader));
    while (reader.accept(Comma));
  }
  const orderBy = reader.is(K.ORDER) ? sortItems(reader) : [];
  const skip = reader.accept(K.SKIP) || reader.accept(K.OFFSET) ? readExpression(reader).expression : null;
  const limit = reader.accept(K.LIMIT) ? readExpression(reader).expression : null;
  return { distinct, star, items, orderBy, skip, limit, span: reader.spanFrom(start) };
}

function returnItem(reader: TokenReader): ReturnItem {
  const { expression, first, last } = readExpression(reader);
  const alias = reader.accept(K.AS) ? reader.name() : undefined;
  // Neo4j names an unaliased column after the expression exactly as it was written.
  const name = alias ? decodeName(alias.image) : reader.source.text.slice(first.startOffset, tokenEnd(last));
  return { expression, name, aliased: alias !== undefined, span: reader.spanFrom(first) };
}
