/** Turning Chevrotain tokens and CST locations into AST spans and values, against the script's `Source`. */
import type { CstNode, IToken } from 'chevrotain';
import type { Span } from '../ast/span.js';
import type { FloatKeyword } from '../ast/expressions.js';
import type { Source } from '../syntax/lines.js';
import type { Parameter, StringLiteral, SymbolicName } from '../ast/values.js';
import { tokenEnd } from '../diagnostics/token-offsets.js';

/** Thrown while building an AST that cypher-sysdb refuses to process (e.g. absurd nesting). */
export class TooComplexError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

export function tokenSpan(token: IToken, source: Source): Span {
  return spanBetween(token, token, source);
}

export function spanBetween(first: IToken, last: IToken, source: Source): Span {
  return { start: source.position(first.startOffset), end: source.position(tokenEnd(last)) };
}

export function nodeSpan(node: CstNode, source: Source): Span {
  return { start: source.position(nodeStart(node)), end: source.position(nodeEnd(node)) };
}

/**
 * Where a CST node starts. The parser tracks node offsets (`nodeLocationTracking: 'onlyOffset'`), so
 * a node without them is a bug of ours.
 */
export function nodeStart(node: CstNode): number {
  if (node.location === undefined) throw new Error('CST node without a location: the parser tracks node offsets');
  return node.location.startOffset;
}

/** The offset just past a CST node's last character: the node covers `[nodeStart(node), nodeEnd(node))`. */
export function nodeEnd(node: CstNode): number {
  const last = node.location?.endOffset;
  if (last === undefined) throw new Error('CST node without an end offset: the parser tracks node offsets');
  return last + 1;
}

export function joinSpans(first: Span, last: Span): Span {
  return { start: first.start, end: last.end };
}

/**
 * The end of a chain over a rule's alternatives: reached only when the grammar gained an alternative
 * the visitor does not build, never by bad input. No alternative is the default.
 */
export function unexpectedAlternative(rule: string): never {
  throw new Error(`visitor: unexpected alternative in ${rule}`);
}

/** One builder per child of a rule whose alternatives are each a single subrule, keyed as the CST names them. */
export type AlternativeBuilders<Children, Result> = {
  readonly [K in keyof Children]-?: (node: NonNullable<Children[K]> extends readonly (infer N)[] ? N : never) => Result;
};

/** Builds the alternative the parser took: a new alternative does not compile until it has a builder. */
export function buildAlternative<Children extends object, Result>(
  rule: string,
  children: Children,
  builders: AlternativeBuilders<Children, Result>,
): Result {
  for (const key of Object.keys(builders) as (keyof Children)[]) {
    const node = (children[key] as readonly unknown[] | undefined)?.[0];
    if (node !== undefined) return (builders[key] as (node: unknown) => Result)(node);
  }
  return unexpectedAlternative(rule);
}

/** The one child a grammar rule guarantees: a missing one is a bug in the grammar, not bad input. */
export function one<T>(children: readonly T[] | undefined): T {
  const child = children?.[0];
  if (child === undefined) throw new Error('CST node lacks a child the grammar guarantees');
  return child;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Decodes a quoted Cypher string literal: both quote styles and Cypher's backslash escapes. */
function decodeStringLiteral(image: string): string {
  const body = image.slice(1, -1);
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body.charAt(i);
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[i + 1] ?? '';
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i += 1;
    } else if (
      (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6))) ||
      (next === 'U' && /^[0-9a-fA-F]{8}$/.test(body.slice(i + 2, i + 10)))
    ) {
      const width = next === 'u' ? 4 : 8;
      const codePoint = parseInt(body.slice(i + 2, i + 2 + width), 16);
      out += codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : body.slice(i, i + 2 + width);
      i += 1 + width;
    } else {
      // Neo4j keeps an unknown escape as written.
      out += ch;
    }
  }
  return out;
}

/** `` `a``b` `` -> ``a`b``; plain identifiers and keywords are returned as written. */
export function decodeName(image: string): string {
  return image.startsWith('`') ? image.slice(1, -1).replace(/``/g, '`') : image;
}

export function stringLiteral(token: IToken, source: Source): StringLiteral {
  return { kind: 'string', value: decodeStringLiteral(token.image), span: tokenSpan(token, source) };
}

export function parameter(token: IToken, source: Source): Parameter {
  return { kind: 'parameter', name: decodeName(token.image.slice(1)), span: tokenSpan(token, source) };
}

export function symbolicName(token: IToken, source: Source): SymbolicName {
  return { kind: 'name', value: decodeName(token.image), span: tokenSpan(token, source) };
}

const FLOAT_KEYWORDS: readonly FloatKeyword[] = ['INF', 'INFINITY', 'NAN'];

/** Neo4j's literals INF, INFINITY and NAN (any case), which our grammar reads as names; never written `quoted`. */
export function floatKeyword(image: string): FloatKeyword | undefined {
  const upper = image.toUpperCase();
  return FLOAT_KEYWORDS.find((k) => k === upper);
}

export function integerText(token: IToken): string {
  // `1_000`: the underscores only group digits.
  const image = token.image.replace(/_/g, '');
  if (/^0x/i.test(image)) return BigInt(image).toString();
  if (/^0o/i.test(image)) return BigInt(`0o${image.slice(2)}`).toString();
  return BigInt(image).toString();
}
