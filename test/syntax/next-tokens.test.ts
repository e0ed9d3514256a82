/**
 * nextTokens over a small grammar: every kind of production, token categories, rule stacks, and the
 * cut of alternatives the parser would have decided within its lookahead.
 */
import { createToken, createTokenInstance, CstParser, type IToken, type TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { compactGrammar } from '../../scripts/grammar-data.js';
import { grammarOf } from '../../src/syntax/grammar.js';
import { nextTokens } from '../../src/syntax/next-tokens.js';

const Word = createToken({ name: 'Word', pattern: /[a-z]+/ });
const KeyA = createToken({ name: 'A', pattern: /A/, categories: [Word] });
const B = createToken({ name: 'B', pattern: /B/ });
const C = createToken({ name: 'C', pattern: /C/ });
const D = createToken({ name: 'D', pattern: /D/ });
const Comma = createToken({ name: 'Comma', pattern: /,/ });
const Semi = createToken({ name: 'Semi', pattern: /;/ });

class Tiny extends CstParser {
  constructor() {
    super([KeyA, Word, B, C, D, Comma, Semi], { maxLookahead: 1, skipValidations: true });
    this.performSelfAnalysis();
  }

  public top = this.RULE('top', () => {
    this.OR([{ ALT: () => this.SUBRULE(this.lists) }, { ALT: () => this.SUBRULE(this.ambiguous) }]);
  });

  public lists = this.RULE('lists', () => {
    this.CONSUME(B);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.item) });
    this.CONSUME(Semi);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(C) });
    this.OPTION(() => this.AT_LEAST_ONE(() => this.CONSUME(D)));
    this.MANY(() => this.CONSUME2(B));
  });

  public item = this.RULE('item', () => {
    this.CONSUME(Word);
  });

  // Both alternatives start with A B: an LL(1) parser never reaches the second one.
  public ambiguous = this.RULE('ambiguous', () => {
    this.OR2([
      {
        ALT: () => {
          this.CONSUME(KeyA);
          this.CONSUME3(B);
          this.CONSUME2(C);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(KeyA);
          this.CONSUME4(B);
          this.CONSUME2(D);
        },
      },
    ]);
  });
}

const tiny = new Tiny();
// Walked as the core walks its own grammar: as data, in the compact form `npm run gen:cst` writes.
const start = grammarOf(compactGrammar(tiny.getSerializedGastProductions()), [KeyA, Word, B, C, D, Comma, Semi]).get('top')!;
const tokens = (...types: TokenType[]): IToken[] => types.map((t) => createTokenInstance(t, t.name, 0, 0, 1, 1, 1, 1));
const after = (prefix: IToken[], maxLookahead = 1) =>
  nextTokens(start, prefix, { maxLookahead }).map((n) => `${n.nextTokenType.name} in ${n.ruleStack.join('/')}`);

describe('nextTokens', () => {
  it('lists the first terminals of every alternative, under the rules that hold them', () => {
    expect(after([])).toEqual(['B in top/lists', 'A in top/ambiguous', 'A in top/ambiguous']);
  });

  it('walks repetitions with separators: an empty list, a list going on, a mandatory one', () => {
    expect(after(tokens(B))).toEqual(['Word in top/lists/item', 'Semi in top/lists']);
    expect(after(tokens(B, Word))).toEqual(['Comma in top/lists', 'Semi in top/lists']);
    expect(after(tokens(B, Word, Comma))).toEqual(['Word in top/lists/item']);
    expect(after(tokens(B, Semi))).toEqual(['C in top/lists']);
    expect(after(tokens(B, Semi, C))).toEqual(['Comma in top/lists', 'D in top/lists', 'B in top/lists']);
    expect(after(tokens(B, Semi, C, D))).toEqual(['D in top/lists', 'B in top/lists']);
  });

  it('matches a token by its categories, as the parser does', () => {
    expect(after(tokens(B, KeyA))).toEqual(['Comma in top/lists', 'Semi in top/lists']);
  });

  it('has nothing after a prefix the grammar rejects, nor after the start rule ends', () => {
    expect(after(tokens(C))).toEqual([]);
    expect(after(tokens(B, Semi, C, B, B))).toEqual(['B in top/lists']);
  });

  it('drops a later alternative the parser decides on the prefix alone (its lookahead ends in it), once some path got through', () => {
    // LL(1) and LL(2) choose on `A` and on `A B`: the first alternative, always.
    expect(after(tokens(KeyA, B))).toEqual(['C in top/ambiguous']);
    expect(after(tokens(KeyA, B), 2)).toEqual(['C in top/ambiguous']);
    // LL(3) would look past the prefix: both stay.
    expect(after(tokens(KeyA, B), 3)).toEqual(['C in top/ambiguous', 'D in top/ambiguous']);
  });

  it('takes a custom matcher, which sees every match it makes', () => {
    let matches = 0;
    const found = nextTokens(start, tokens(B, Word), {
      maxLookahead: 1,
      match: (token, type) => (matches++, token.tokenType === type),
    });
    expect(found.map((n) => n.nextTokenType)).toEqual([Comma, Semi]);
    expect(matches).toBeGreaterThan(0);
  });
});

describe('nextTokens on grammars written as text', () => {
  const walk = (text: string, prefix: IToken[], options: Partial<Parameters<typeof nextTokens>[2]> = {}) => {
    const top = grammarOf(text, [KeyA, Word, B, C, D]).get('top')!;
    return nextTokens(top, prefix, { maxLookahead: 1, ...options }).map(
      (n) => `${n.nextTokenType.name} in ${n.ruleStack.join('/')} @${n.context}`,
    );
  };
  const word = (image: string) => createTokenInstance(Word, image, 0, 0, 1, 1, 1, 1);

  it("puts the error's context in the deepest rule that has read some of the prefix and cannot end there", () => {
    // `wrap` has read B and needs C.
    expect(walk('top = A wrap D\nwrap = B C', tokens(KeyA, B))).toEqual(['C in top/wrap @1']);
    // `wrap` may end after B, so the parser returns to `top`, where D is its own.
    expect(walk('top = A wrap D\nwrap = B [C]', tokens(KeyA, B))).toEqual(['C in top/wrap @0', 'D in top @0']);
    // A rule entered at the end of the prefix has read nothing of it: the context is where it was entered.
    expect(walk('top = A wrap\nwrap = inner\ninner = B', tokens(KeyA))).toEqual(['B in top/wrap/inner @0']);
    expect(walk('top = A', [])).toEqual(['A in top @0']);
  });

  it('puts it where paths still differ: two rules that both read the prefix leave the choice between them open', () => {
    expect(walk('top = (one | two)\none = A B C\ntwo = A B D', tokens(KeyA, B), { gatedLookahead: { top: 3 } })).toEqual([
      'C in top/one @0',
      'D in top/two @0',
    ]);
  });

  it('cuts an alternative only where an alternative of the same choice, tried before it, got through', () => {
    // The choice in `second` is older than the lookahead, but none of its own alternatives got through before B.
    expect(walk('top = (first | second)\nfirst = A B C\nsecond = A (D | B) D', tokens(KeyA, B), { gatedLookahead: { top: 3 } })).toEqual([
      'C in top/first @0',
      'D in top/second @0',
    ]);
  });

  it('enters a gated rule only where its first token passes the gate', () => {
    const text = 'top = (gated | plain)\ngated = Word C\nplain = Word D';
    const gates = { gated: (first: IToken) => first.image === 'count' };
    expect(walk(text, [word('size')], { gates, gatedLookahead: { top: 3 } })).toEqual(['D in top/plain @1']);
    expect(walk(text, [word('count')], { gates, gatedLookahead: { top: 3 } })).toEqual(['C in top/gated @0', 'D in top/plain @0']);
  });

  it('backs out of a rule of backOutOf to its first token where every path holds it open, and only there', () => {
    const text = 'top = A [tail] [last] [B] D\ntail = C D D\nlast = B C';
    const backTo = (prefix: IToken[]) =>
      nextTokens(grammarOf(text, [KeyA, B, C, D]).get('top')!, prefix, { maxLookahead: 2, backOutOf: new Set(['tail', 'last']) })[0]
        ?.backTo;
    // Inside `tail` on every path: back to its C, at index 1.
    expect(backTo(tokens(KeyA, C))).toBe(1);
    expect(backTo(tokens(KeyA, C, D))).toBe(1);
    // `tail` ended; `last` is open on one path, while the other read B alone (both within the lookahead): no backing out.
    expect(backTo(tokens(KeyA, C, D, D))).toBeUndefined();
    expect(backTo(tokens(KeyA, C, D, D, B))).toBeUndefined();
    // Entered at the end of the prefix: nothing of it read yet.
    expect(backTo(tokens(KeyA))).toBeUndefined();
    // A rule not in backOutOf is never backed out of.
    expect(walk(text, tokens(KeyA, C))).toEqual(['D in top/tail @1']);
  });
});

describe('grammarOf', () => {
  it('reads the text `npm run gen:cst` writes: one rule a line, every kind of production', () => {
    expect(compactGrammar(tiny.getSerializedGastProductions())).toBe(
      [
        'top = (lists | ambiguous)',
        'lists = B {item / Comma} Semi <C / Comma> [<D>] {B}',
        'item = Word',
        'ambiguous = (A B C | A B D)',
      ].join('\n'),
    );
  });

  it('refuses data that names a token type or a rule it does not have (a stale grammar/grammar-data.ts)', () => {
    expect(() => grammarOf('top = Nope', [B])).toThrow('the grammar names a token type it does not know: Nope');
    expect(() => grammarOf('top = missing', [B])).toThrow('the grammar names a rule it does not have: missing');
  });

  it('refuses text whose brackets do not close or that has a stray word', () => {
    expect(() => grammarOf('top = [B', [B])).toThrow("the grammar's rule top lacks a ']'");
    expect(() => grammarOf('top = (B | C', [B, C])).toThrow("the grammar's rule top lacks a ')'");
    expect(() => grammarOf('top = B ]', [B])).toThrow("the grammar's rule top has a stray ']'");
    expect(() => grammarOf('top B', [B])).toThrow("the grammar's rule top lacks its '='");
  });

  it('makes a repetition without a separator its own later rounds, and one with a separator repeat the separator first', () => {
    const rules = grammarOf('top = {B} {C / Comma}', [B, C, Comma]);
    const [plain, separated] = rules.get('top')?.body ?? [];
    expect(plain).toMatchObject({ kind: 'many', later: 'itself' });
    expect(separated).toMatchObject({ kind: 'many', later: { kind: 'many', body: [{ type: Comma }, { type: C }], later: 'itself' } });
  });
});
