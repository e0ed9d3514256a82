/**
 * The parser's cursor over the pattern, moved as java.util.regex moves its own: Java reports an error
 * at "cursor - 1" after whatever it last read, so the same reads give the same indices.
 */
import { notSupported } from '../../diagnostics/neo4j-error.js';
import { unquote } from './source.js';

/** java.util.regex.Pattern's flag bits, for the inline flags we model. */
export const CASE_INSENSITIVE = 0x02;
export const MULTILINE = 0x08;
export const DOTALL = 0x20;

/** Java's PatternSyntaxException: a description and the index it is "near" (-1 for none). */
export class PatternSyntaxError extends Error {
  constructor(
    readonly description: string,
    readonly index: number,
  ) {
    super(description);
  }
}

/** How deep groups and classes may nest: the parser recurses once per level. */
export const MAX_NESTING = 500;

export class Scanner {
  readonly chars: Int32Array;
  readonly length: number;
  cursor = 0;
  flags = 0;
  readonly groupNames = new Set<string>();
  /** Unions and intersections built by the class being read (klass.ts caps them). */
  weight = 0;
  /** The first Java feature met that we do not model: refused once the whole pattern is known valid. */
  unsupported: string | undefined;
  #depth = 0;

  /** The pattern as Java's parser reads it: `\Q...\E` rewritten, in code points (a pair is one, a lone surrogate itself). */
  constructor(pattern: string) {
    this.chars = Int32Array.from(unquote(pattern), (c) => c.codePointAt(0) ?? 0);
    this.length = this.chars.length;
  }

  /** Java ends the pattern with zeros, read past its end. */
  at(index: number): number {
    return this.chars[index] ?? 0;
  }
  peek(): number {
    return this.at(this.cursor);
  }
  read(): number {
    return this.at(this.cursor++);
  }
  next(): number {
    return this.at(++this.cursor);
  }
  /** Steps over the current character and reads the one after it. */
  skip(): number {
    const ch = this.at(this.cursor + 1);
    this.cursor += 2;
    return ch;
  }

  error(description: string): PatternSyntaxError {
    return new PatternSyntaxError(description, this.cursor - 1);
  }

  /** Notes a feature to refuse, going on parsing so that a later syntax error still wins, as in Java. */
  notModelled(feature: string): void {
    this.unsupported ??= feature;
  }

  enter(): void {
    this.#depth += 1;
    if (this.#depth > MAX_NESTING) throw notSupported(`A regular expression nested more than ${MAX_NESTING} levels deep`);
  }
  leave(): void {
    this.#depth -= 1;
  }
}
