/** Tokens -> AST for SHOW USERS, ROLES, CURRENT USER and PRIVILEGES (of all, users or roles), with YIELD, WHERE and RETURN. */
import type { TokenType } from 'chevrotain';
import { AFTER_ALL_AS_NAME, numberRefusal, TAIL_STARTS } from '../../grammar/decisions.js';
import { Comma, DecimalInteger, Keyword as K, Minus, Star } from '../../grammar/tokens.js';
import type { IntegerArgument, ReturnClause, ReturnItem, ShowPipeline, SortItem, YieldClause, YieldItem } from '../ast/show.js';
import type { PrivilegeOutput, UserCommand } from '../ast/users.js';
import { tokenEnd } from '../diagnostics/token-offsets.js';
import { integerText } from '../visitor/source.js';
import { decodeName, joinSpans } from '../visitor/source.js';
import { readExpression } from './expressions.js';
import { GIVE_UP, TokenReader, giveUp, type Built } from './reader.js';
import { commandNames, ROLE_WORDS, USER_WORDS } from './values.js';

const PRIVILEGE_WORDS: ReadonlySet<TokenType> = new Set([K.PRIVILEGE, K.PRIVILEGES]);
const AUTH_WORD: ReadonlySet<TokenType> = new Set([K.AUTH]);

export function show(reader: TokenReader): Built {
  if (reader.isOneOf(PRIVILEGE_WORDS) || (reader.is(K.ALL) && reader.isOneOf(PRIVILEGE_WORDS, 1))) return showPrivileges(reader);
  if (reader.accept(K.CURRENT)) {
    reader.expect(K.USER);
    const pipeline = showPipeline(reader);
    return (span) => ({ kind: 'show-current-user', pipeline, span });
  }
  if (reader.acceptOneOf(USER_WORDS)) {
    if (readsPrivileges(reader, AUTH_WORD)) {
      const users = privilegeKeywordAhead(reader) ? [] : commandNames(reader);
      const { output, pipeline } = privilegesTail(reader);
      return (span) => ({ kind: 'show-user-privileges', users, output, pipeline, span });
    }
    const { withWord: withAuth, pipeline } = showTail(reader, AUTH_WORD);
    return (span): UserCommand => ({ kind: 'show-users', withAuth, pipeline, span });
  }
  const populatedOnly = reader.accept(K.POPULATED) !== undefined;
  const all = !populatedOnly && reader.accept(K.ALL) !== undefined;
  if (!reader.acceptOneOf(ROLE_WORDS)) giveUp();
  // SHOW POPULATED ROLES and SHOW ALL ROLES never name roles.
  if (!populatedOnly && !all && readsPrivileges(reader, USER_WORDS)) {
    const roles = commandNames(reader);
    const { output, pipeline } = privilegesTail(reader);
    return (span) => ({ kind: 'show-role-privileges', roles, output, pipeline, span });
  }
  const { withWord: withUsers, pipeline } = showTail(reader, USER_WORDS);
  return (span) => ({ kind: 'show-roles', populatedOnly, withUsers, pipeline, span });
}

/** SHOW USERS' `[WITH AUTH]` or SHOW ROLES' `[WITH USER[S]]` (`withWords`), then the pipeline. */
function showTail(reader: TokenReader, withWords: ReadonlySet<TokenType>): { withWord: boolean; pipeline: ShowPipeline } {
  const withWord = reader.accept(K.WITH) !== undefined;
  if (withWord && !reader.acceptOneOf(withWords)) giveUp();
  return { withWord, pipeline: showPipeline(reader) };
}

/**
 * After SHOW USER[S] or SHOW ROLE[S], the parser's choice between the SHOW USERS (ROLES) tail and a
 * privileges command, for names may be keywords (`SHOW USERS YIELD privileges` could be either):
 * where names then PRIVILEGES follow, the tail is tried first and wins if it reads to the end of the
 * statement; elsewhere any name but WITH, YIELD or WHERE begins the privileges command.
 */
function readsPrivileges(reader: TokenReader, withWords: ReadonlySet<TokenType>): boolean {
  if (!privilegesAhead(reader)) {
    const next = reader.peek();
    return next !== undefined && reader.startsName() && !TAIL_STARTS.has(next.tokenType);
  }
  // This reader gives up exactly where the parser fails, so a trial that gives up is the parser's failed trial.
  const mark = reader.mark();
  let readsToEnd = false;
  try {
    showTail(reader, withWords);
    readsToEnd = reader.atEnd();
  } catch (caught) {
    if (caught !== GIVE_UP) throw caught;
  }
  reader.reset(mark);
  return !readsToEnd;
}

/** Names (or parameters) then PRIVILEGE or PRIVILEGES: the parser's isPrivilegesAhead. */
function privilegesAhead(reader: TokenReader): boolean {
  if (privilegeKeywordAhead(reader)) return true;
  for (let ahead = 0; ; ahead += 2) {
    if (!reader.startsName(ahead)) return false;
    if (!reader.is(Comma, ahead + 1)) return reader.isOneOf(PRIVILEGE_WORDS, ahead + 1);
  }
}

/** PRIVILEGES as the keyword, not a name: not followed by another PRIVILEGE(S) or a comma. */
function privilegeKeywordAhead(reader: TokenReader): boolean {
  return reader.isOneOf(PRIVILEGE_WORDS) && !reader.isOneOf(PRIVILEGE_WORDS, 1) && !reader.is(Comma, 1);
}

/** `PRIVILEGE[S] [AS [REVOKE] COMMAND[S]]` and the pipeline. */
function privilegesTail(reader: TokenReader): { output: PrivilegeOutput; pipeline: ShowPipeline } {
  if (!reader.acceptOneOf(PRIVILEGE_WORDS)) giveUp();
  const output = privilegeOutput(reader);
  return { output, pipeline: showPipeline(reader) };
}

function privilegeOutput(reader: TokenReader): PrivilegeOutput {
  if (!reader.accept(K.AS)) return 'table';
  const output = reader.accept(K.REVOKE) ? 'revoke-commands' : 'commands';
  if (!reader.acceptOneOf(COMMAND_WORDS)) giveUp();
  return output;
}

/** `SHOW [ALL] PRIVILEGE[S] [AS [REVOKE] COMMAND[S]]` and its YIELD, WHERE or RETURN. */
function showPrivileges(reader: TokenReader): Built {
  reader.accept(K.ALL);
  const { output, pipeline } = privilegesTail(reader);
  return (span) => ({ kind: 'show-privileges', output, pipeline, span });
}

const COMMAND_WORDS: ReadonlySet<TokenType> = new Set([K.COMMAND, K.COMMANDS]);

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

/** YIELD's SKIP and LIMIT: a decimal literal, `-` allowed (Neo4j refuses it when it runs); a malformed one is refused. */
function integerArgument(reader: TokenReader): IntegerArgument {
  const sign = reader.accept(Minus);
  const token = reader.expect(DecimalInteger);
  const refusal = numberRefusal(token, sign !== undefined);
  if (refusal !== null) {
    reader.refuseLiteral(sign ?? token, refusal);
    // Never a statement: the value only has to be of the right kind.
    return { value: '0', span: reader.spanFrom(sign ?? token) };
  }
  const digits = integerText(token);
  return { value: sign && digits !== '0' ? `-${digits}` : digits, span: reader.spanFrom(sign ?? token) };
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
  const distinct = reader.accept(K.DISTINCT) !== undefined;
  // `RETURN ALL` keeps duplicates, as a bare RETURN does; ALL before `(`, `,`, AS, `.` or the end is a name.
  if (!distinct && reader.is(K.ALL)) {
    const after = reader.peek(1);
    if (after !== undefined && !AFTER_ALL_AS_NAME.has(after.tokenType)) reader.next();
  }
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
