/**
 * The grammar as data: what grammar/parser.ts accepts, rule by rule, for content assist to walk
 * (next-tokens.ts) without the parser. `npm run gen:cst` writes it to grammar/grammar-data.ts from
 * the parser's own productions, and a test keeps that file current.
 */
import type { TokenType } from 'chevrotain';

export interface GrammarRule {
  readonly name: string;
  readonly body: readonly Production[];
}

/**
 * A repetition's `later` is its rounds after the first: a repetition of the separator and the body,
 * or, without a separator, the same repetition again (`'itself'`).
 */
export type Production =
  | { readonly kind: 'terminal'; readonly type: TokenType }
  | { readonly kind: 'rule'; readonly rule: GrammarRule }
  | { readonly kind: 'option'; readonly body: readonly Production[] }
  | { readonly kind: 'many'; readonly body: readonly Production[]; readonly later: Production | 'itself' }
  | { readonly kind: 'atLeastOne'; readonly body: readonly Production[]; readonly later: Production }
  | { readonly kind: 'or'; readonly alternatives: readonly (readonly Production[])[] };

/**
 * The rules of `text`, their terminals resolved among `vocabulary` by name. The text has one rule a
 * line, `name = items`; an item is a token type's name (capitalised), a rule's name, `[items]`
 * (optional), `{items}` (zero or more), `<items>` (one or more), either of those two with
 * `/ Separator` before its closing bracket, or `(items | items ...)` (one of them).
 */
export function grammarOf(text: string, vocabulary: readonly TokenType[]): ReadonlyMap<string, GrammarRule> {
  const types = new Map(vocabulary.map((t) => [t.name, t]));
  const lines = text
    .trim()
    .split('\n')
    .map((line) => line.match(/\w+|\S/g) ?? []);
  // Every rule first, its body filled in after: rules refer to each other, and to themselves.
  const rules = new Map<string, { readonly name: string; readonly body: Production[] }>();
  for (const [name = ''] of lines) rules.set(name, { name, body: [] });
  const terminal = (name: string): Production => {
    const type = types.get(name);
    if (!type) throw new Error(`the grammar names a token type it does not know: ${name}`);
    return { kind: 'terminal', type };
  };
  /** Zero or more rounds of `body`, with `separator` between them if it has one. */
  const repetition = (body: Production[], separator: string | undefined): Production =>
    separator === undefined
      ? { kind: 'many', body, later: 'itself' }
      : { kind: 'many', body, later: repetition([terminal(separator), ...body], undefined) };
  for (const [name = '', equals, ...words] of lines) {
    if (equals !== '=') throw new Error(`the grammar's rule ${name} lacks its '='`);
    let at = 0;
    const expect = (word: string) => {
      if (words[at++] !== word) throw new Error(`the grammar's rule ${name} lacks a '${word}'`);
    };
    /** The items up to the next `|`, `/` or closing bracket (which it leaves to its caller). */
    const sequence = (): Production[] => {
      const items: Production[] = [];
      for (let word = words[at]; word !== undefined && !'|/)]}>'.includes(word); word = words[at]) {
        at++;
        items.push(production(word));
      }
      return items;
    };
    /** A repetition's body, and its separator, up to `close`. */
    const repeated = (close: string): [Production[], string | undefined] => {
      const body = sequence();
      let separator: string | undefined;
      if (words[at] === '/') {
        separator = words[at + 1];
        at += 2;
      }
      expect(close);
      return [body, separator];
    };
    const production = (word: string): Production => {
      if (word === '[') {
        const body = sequence();
        expect(']');
        return { kind: 'option', body };
      }
      if (word === '{') return repetition(...repeated('}'));
      if (word === '<') {
        const [body, separator] = repeated('>');
        return { kind: 'atLeastOne', body, later: repetition(separator === undefined ? body : [terminal(separator), ...body], undefined) };
      }
      if (word === '(') {
        const alternatives = [sequence()];
        while (words[at] === '|') {
          at++;
          alternatives.push(sequence());
        }
        expect(')');
        return { kind: 'or', alternatives };
      }
      if (/^[A-Z]/.test(word)) return terminal(word);
      const rule = rules.get(word);
      if (!rule) throw new Error(`the grammar names a rule it does not have: ${word}`);
      return { kind: 'rule', rule };
    };
    rules.get(name)?.body.push(...sequence());
    if (at < words.length) throw new Error(`the grammar's rule ${name} has a stray '${words[at] ?? ''}'`);
  }
  return rules;
}
