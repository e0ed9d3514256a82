/**
 * Splits a script into statements: Cypher statements end at `;`, cypher-shell client commands
 * (`:param`, `:use`, ...) at the end of their line. A small scanner finds the boundaries (it knows
 * strings, quoted names and comments, exactly as the lexer does), then each statement is lexed on its
 * own: tokens live only as long as their statement, which keeps memory flat on large scripts, and one
 * broken statement cannot hide the errors of the others.
 */
import type { IToken } from 'chevrotain';
import { backtickedEnd, blockCommentEnd, ClosingScanner, stringEnd } from '../../grammar/quoted.js';
import { lex } from '../../grammar/lexer.js';
import { Semicolon } from '../../grammar/tokens.js';
import { tokenEnd } from '../diagnostics/token-offsets.js';

export interface RawSegment {
  readonly kind: 'cypher' | 'client';
  /** The statement's tokens, positioned in the whole script. Never empty. */
  readonly tokens: readonly IToken[];
  /**
   * Where the statement's text ends: at its `;`, or at the end of the script. cypher-shell sends a
   * statement's trailing spaces and comments with it, so Neo4j's end of input is here, not at the
   * last token (ShellStatementParserTest: `return\n1\n;` is sent as `return\n1\n`). A client
   * command's ends with its line.
   */
  readonly end: number;
}

export function tokenize(text: string): IToken[] {
  return lex(text);
}

/** Lexes `text.slice(start, end)`, with offsets counted from the start of the script. */
function tokenizeRange(text: string, start: number, end: number): IToken[] {
  const tokens = tokenize(text.slice(start, end));
  if (start === 0) return tokens;
  for (const token of tokens) {
    // Chevrotain's endOffset is the token's last character, one before its end.
    token.endOffset = tokenEnd(token) - 1 + start;
    token.startOffset += start;
  }
  return tokens;
}

const LF = 10;
const CR = 13;
const SLASH = 47;
const STAR = 42;
const COLON = 58;
const SEMICOLON = 59;
const BACKTICK = 96;

/** What the scanner must look at; most characters are `Plain` and skipped in one step. */
const enum Char {
  Plain,
  Space,
  LineBreak,
  /** `/`, `;`, `:`: may start a comment, end a statement or start a client command. */
  Special,
  Quote,
}

const ASCII_KIND = new Uint8Array(128);
for (const code of [9, 11, 12, 32]) ASCII_KIND[code] = Char.Space;
ASCII_KIND[LF] = Char.LineBreak;
ASCII_KIND[CR] = Char.LineBreak;
for (const code of [SLASH, SEMICOLON, COLON]) ASCII_KIND[code] = Char.Special;
for (const code of [39, 34, BACKTICK]) ASCII_KIND[code] = Char.Quote;

/** The kind of an ASCII character (`code` below 128). */
function asciiKind(code: number): Char {
  const kind = ASCII_KIND[code];
  if (kind === undefined) throw new Error(`Not an ASCII character code: ${code}`);
  return kind;
}

/** Calls `onSegment` with each statement of the script, in order. */
export function forEachSegment(text: string, onSegment: (segment: RawSegment) => void): void {
  if (isOneStatement(text)) {
    const tokens = tokenize(text);
    if (tokens.length > 0) onSegment({ kind: 'cypher', tokens, end: text.length });
    return;
  }
  let segmentStart = 0;
  let atStatementStart = true;
  // Strings and comments end where the lexer ends them (the same scanners), each found once.
  const closing = new ClosingScanner(text);
  let clientCommand = false;

  const emit = (end: number) => {
    const tokens = tokenizeRange(text, segmentStart, end);
    // A client command may end in `;` (cypher-shell ignores it).
    if (clientCommand) while (tokens.at(-1)?.tokenType === Semicolon) tokens.pop();
    if (tokens.length > 0) onSegment({ kind: clientCommand ? 'client' : 'cypher', tokens, end });
  };
  const startSegmentAt = (offset: number) => {
    segmentStart = offset;
    atStatementStart = true;
    clientCommand = false;
  };

  /**
   * Skips a comment or quoted run. A client command ends with its line, so when the run crosses a
   * line break, what follows it starts a new statement.
   */
  const skipTo = (end: number): number => {
    if (clientCommand && /[\r\n]/.test(text.slice(i, end))) {
      emit(end);
      startSegmentAt(end);
    }
    return end;
  };

  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? asciiKind(code) : /\s/.test(text.charAt(i)) ? Char.Space : Char.Plain;
    if (kind === Char.Plain && !atStatementStart) {
      i += 1;
      continue;
    }
    if (kind === Char.LineBreak) {
      if (code === CR && text.charCodeAt(i + 1) === LF) i += 1;
      i += 1;
      if (clientCommand) {
        emit(i);
        startSegmentAt(i);
      }
      continue;
    }
    if (kind === Char.Space) {
      i += 1;
      continue;
    }
    if (code === SLASH && text.charCodeAt(i + 1) === SLASH) {
      while (i < text.length && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i += 1;
      continue;
    }
    if (code === SLASH && text.charCodeAt(i + 1) === STAR) {
      const end = closing.end(i, blockCommentEnd);
      if (end !== -1) {
        i = skipTo(end);
        continue;
      }
    }
    if (atStatementStart) {
      atStatementStart = false;
      clientCommand = code === COLON;
    }
    if (code === SEMICOLON && !clientCommand) {
      emit(i);
      startSegmentAt(i + 1);
      i += 1;
      continue;
    }
    if (kind === Char.Quote) {
      const close = closing.end(i, code === BACKTICK ? backtickedEnd : stringEnd);
      if (close !== -1) {
        i = skipTo(close);
        continue;
      }
    }
    i += 1;
  }
  emit(text.length);
}

/**
 * No `;` anywhere and a letter first: one Cypher statement (no client command, which opens with `:`),
 * so there is no boundary to scan for. Most `execute()` calls are given such a text.
 */
function isOneStatement(text: string): boolean {
  return !text.includes(';') && STARTS_WITH_LETTER.test(text);
}

const STARTS_WITH_LETTER = /^\s*[A-Za-z]/;

export function splitScript(text: string): RawSegment[] {
  const segments: RawSegment[] = [];
  forEachSegment(text, (segment) => segments.push(segment));
  return segments;
}
