/** A point in the source text. `offset` is 0-based; `line` and `column` are 1-based. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A half-open source range: `start` is the first character, `end` the position just after the last. */
export interface Span {
  readonly start: Position;
  readonly end: Position;
}

export interface Spanned {
  readonly span: Span;
}
