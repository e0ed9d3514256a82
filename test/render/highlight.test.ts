/** Highlighting classes come from the parser's own lexer: keywords in any case, names, strings, comments. */
import { describe, expect, it } from 'vitest';
import { highlight } from '../../src/index.js';

function classes(text: string) {
  return highlight(text).map((r) => [text.slice(r.from, r.to), r.kind]);
}

describe('highlight', () => {
  it('classifies each token as the parser reads it', () => {
    expect(classes("create USER `jake` SET PASSWORD $pw SET TAGS ['a'] // done")).toEqual([
      ['create', 'keyword'],
      ['USER', 'keyword'],
      ['`jake`', 'name'],
      ['SET', 'keyword'],
      ['PASSWORD', 'keyword'],
      ['$pw', 'parameter'],
      ['SET', 'keyword'],
      ['TAGS', 'keyword'],
      ["'a'", 'string'],
      ['// done', 'comment'],
    ]);
  });

  it('finds block comments between tokens, numbers, and characters the lexer does not know', () => {
    expect(classes('SHOW USERS /* all\nof them */ LIMIT 10 §')).toEqual([
      ['SHOW', 'keyword'],
      ['USERS', 'keyword'],
      ['/* all\nof them */', 'comment'],
      ['LIMIT', 'keyword'],
      ['10', 'number'],
      ['§', 'invalid'],
    ]);
  });
});
