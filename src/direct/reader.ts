/**
 * A cursor over one statement's tokens for the direct reader. Where the parser would refuse the text,
 * the direct reader gives up (`giveUp`), and the statement goes to the parser, which words its error:
 * giving up is never an error of its own. Where it gave up is known (`failedAt`): the furthest token it
 * had to judge at its cursor, which is the token the parser's syntax error names.
 */
import type { IToken, TokenType } from 'chevrotain';
import { isNameToken } from '../../grammar/parser.js';
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

/** The direct reader's refusal: the index of the token where it gave up (the tokens' length: at the end of input). */
export class GaveUp {
  constructor(readonly failedAt: number) {}
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

  /** The token just read. */
  previous(): IToken | undefined {
    return this.tokens[this.index - 1];
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
