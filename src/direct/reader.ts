/**
 * A cursor over one statement's tokens for the direct reader. Where the text is not Cypher, the reader
 * gives up (`giveUp`) and knows where (`failedAt`): the furthest token it had to judge at its cursor,
 * which is the token Neo4j's syntax error names. What Neo4j refuses only once a construct has been
 * read (`a != b`, a malformed number) is a refusal: recorded, and the reading goes on, for a syntax
 * error further on may still decide what is reported (parse.ts).
 */
import type { IToken, TokenType } from 'chevrotain';
import { isNameToken } from '../../grammar/decisions.js';
import { Parameter } from '../../grammar/tokens.js';
import type { AdminCommand } from '../ast/index.js';
import type { Span } from '../ast/span.js';
import type { Source } from '../syntax/lines.js';
import { spanBetween, tokenSpan } from '../visitor/source.js';

/** Thrown to leave the direct reader: one object, no stack trace to capture. */
export const GIVE_UP: unique symbol = Symbol('the direct reader gives up');

export function giveUp(): never {
  throw GIVE_UP;
}

/** Neo4j's words for a construct it refuses once read, and the token they are said at. */
export interface Refusal {
  readonly token: IToken;
  readonly message: string;
}

/**
 * The refusals of a reading, each the first of its kind. `checker`: Neo4j's SyntaxChecker and parser
 * (`a != b`, `list[..]`, a glob block partly escaped, ALL on another type's target), which win over any
 * syntax error after them. `literal`: a number its AST builder refuses, which a syntax error anywhere wins over.
 */
export interface Refusals {
  readonly checker: Refusal | undefined;
  readonly literal: Refusal | undefined;
}

const NO_REFUSALS: Refusals = Object.freeze({ checker: undefined, literal: undefined });

/** Where the direct reader gave up: the index of the token (the tokens' length: at the end of input), and what it had refused before. */
export class GaveUp {
  constructor(
    readonly failedAt: number,
    readonly refusals: Refusals,
  ) {}
}

/** Where a trial read started, to come back to as if it had never been made. */
export interface Mark {
  readonly index: number;
  readonly furthest: number;
}

export class TokenReader {
  private index = 0;
  /** The furthest index judged at the cursor (not by lookahead past it): where a syntax error is. */
  private furthest = 0;
  /** The last IN read as an infix operator: NOT right after it is a name, not a prefix (grammar/parser.ts, operand). */
  infixIn: IToken | undefined;
  /** The last reduce's `=`: an expression follows it whole, NOT and all (`reduce(s = NOT x, ...)`). */
  reduceEquals: IToken | undefined;
  /** The last `-` read as a prefix operator: with a number right after it, Neo4j's literal is signed. */
  prefixMinus: IToken | undefined;
  /**
   * The first refusal of each kind. A trial read that is undone keeps them, as Neo4j's (and the parser's)
   * probes do: they are set where a construct has been read, whichever reading then wins.
   */
  private checker: Refusal | undefined;
  private literal: Refusal | undefined;

  constructor(
    private readonly tokens: readonly IToken[],
    readonly source: Source,
  ) {}

  /** The token `ahead` places on (0: the next one), or undefined past the end. */
  peek(ahead = 0): IToken | undefined {
    if (ahead === 0) this.judged();
    return this.tokens[this.index + ahead];
  }

  /** Whether the token `ahead` places on is of `type`. */
  is(type: TokenType, ahead = 0): boolean {
    if (ahead === 0) this.judged();
    return this.tokens[this.index + ahead]?.tokenType === type;
  }

  isOneOf(types: ReadonlySet<TokenType>, ahead = 0): boolean {
    if (ahead === 0) this.judged();
    const token = this.tokens[this.index + ahead];
    return token !== undefined && types.has(token.tokenType);
  }

  atEnd(): boolean {
    this.judged();
    return this.index >= this.tokens.length;
  }

  /** Where the reader is, to come back to (a trial read). */
  mark(): Mark {
    return { index: this.index, furthest: this.furthest };
  }

  reset(mark: Mark): void {
    this.index = mark.index;
    this.furthest = mark.furthest;
  }

  /**
   * The index of the token where the reader gave up (the tokens' length: at the end of input). Each
   * branch judges the token at the cursor before it gives up, so it is the furthest one judged.
   */
  failedAt(): number {
    return this.furthest;
  }

  private judged(): void {
    if (this.index > this.furthest) this.furthest = this.index;
  }

  /** The token just read (`back`: that many before it). */
  previous(back = 0): IToken | undefined {
    return this.tokens[this.index - 1 - back];
  }

  /** Records a refusal of Neo4j's checker or parser, unless one came before it. */
  refuse(token: IToken, message: string): void {
    this.checker ??= { token, message };
  }

  /** Records a refusal of a number literal, unless one came before it. */
  refuseLiteral(token: IToken, message: string): void {
    this.literal ??= { token, message };
  }

  refusals(): Refusals {
    // Most statements have none, and share one record of it.
    return this.checker === undefined && this.literal === undefined ? NO_REFUSALS : { checker: this.checker, literal: this.literal };
  }

  next(): IToken {
    this.judged();
    const token = this.tokens[this.index];
    if (token === undefined) return giveUp();
    this.index += 1;
    return token;
  }

  /** The next token, which must be of `type`. */
  expect(type: TokenType): IToken {
    this.judged();
    const token = this.tokens[this.index];
    if (token?.tokenType !== type) return giveUp();
    this.index += 1;
    return token;
  }

  /** The next token if it is of `type` (read), else undefined (not read). */
  accept(type: TokenType): IToken | undefined {
    this.judged();
    const token = this.tokens[this.index];
    if (token?.tokenType !== type) return undefined;
    this.index += 1;
    return token;
  }

  /** The next token if it is one of `types`. */
  acceptOneOf(types: ReadonlySet<TokenType>): IToken | undefined {
    this.judged();
    const token = this.tokens[this.index];
    if (token === undefined || !types.has(token.tokenType)) return undefined;
    this.index += 1;
    return token;
  }

  /** A name: an identifier, a `quoted` name or any keyword, as Neo4j takes them. */
  name(): IToken {
    this.judged();
    const token = this.tokens[this.index];
    if (token === undefined || !isNameToken(token)) return giveUp();
    this.index += 1;
    return token;
  }

  /**
   * A decision of grammar/decisions.ts about the token `ahead` places on (-1: the one just read), which the parser
   * makes at the same token: reduce or a call, trim's FROM form, USE's GRAPH.
   */
  decides(decision: (tokens: readonly IToken[], at: number) => boolean, ahead = 0): boolean {
    if (ahead === 0) this.judged();
    return decision(this.tokens, this.index + ahead);
  }

  /** Whether the token `ahead` places on begins a name or is a parameter. */
  startsName(ahead = 0): boolean {
    if (ahead === 0) this.judged();
    const token = this.tokens[this.index + ahead];
    return token !== undefined && (isNameToken(token) || token.tokenType === Parameter);
  }

  span(first: IToken, last: IToken): Span {
    return spanBetween(first, last, this.source);
  }

  tokenSpan(token: IToken): Span {
    return tokenSpan(token, this.source);
  }

  /** The span from `first` to the token just read. */
  spanFrom(first: IToken): Span {
    return spanBetween(first, this.tokens[this.index - 1] ?? first, this.source);
  }
}

/** A command waits for its span (the whole statement's), known once it has been read to the end. */
export type Built = (span: Span) => AdminCommand;
