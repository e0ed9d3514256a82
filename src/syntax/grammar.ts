/**
 * The grammar as data: what grammar/parser.ts accepts, rule by rule, for content assist to walk
 * (next-tokens.ts) without the parser. `npm run gen:cst` writes it to grammar/grammar-data.ts from
 * the parser's own productions, and a test keeps that file current.
 */
import type { TokenType } from 'chevrotain';

/** One item of a rule's body as stored: a terminal is its token type's name. */
export type GrammarItem =
  | string
  | { readonly rule: string }
  | { readonly option: readonly GrammarItem[] }
  | { readonly many: readonly GrammarItem[]; readonly separator?: string }
  | { readonly atLeastOne: readonly GrammarItem[]; readonly separator?: string }
  | { readonly or: readonly (readonly GrammarItem[])[] };

/** Every rule's body, by rule name. */
export type SerializedGrammar = Readonly<Record<string, readonly GrammarItem[]>>;

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

/** The rules of `serialized`, their terminals resolved among `vocabulary` by name. */
export function grammarOf(serialized: SerializedGrammar, vocabulary: readonly TokenType[]): ReadonlyMap<string, GrammarRule> {
  const types = new Map(vocabulary.map((t) => [t.name, t]));
  // Every rule first, its body filled in after: rules refer to each other, and to themselves.
  const rules = new Map<string, { readonly name: string; readonly body: Production[] }>();
  for (const name of Object.keys(serialized)) rules.set(name, { name, body: [] });
  const terminal = (name: string): Production => {
    const type = types.get(name);
    if (!type) throw new Error(`the grammar names a token type it does not know: ${name}`);
    return { kind: 'terminal', type };
  };
  const productions = (items: readonly GrammarItem[]): Production[] => items.map(production);
  /** Zero or more rounds of `body`, with `separator` between them if it has one. */
  const repetition = (body: Production[], separator: string | undefined): Production =>
    separator === undefined
      ? { kind: 'many', body, later: 'itself' }
      : { kind: 'many', body, later: repetition([terminal(separator), ...body], undefined) };
  function production(item: GrammarItem): Production {
    if (typeof item === 'string') return terminal(item);
    if ('rule' in item) {
      const rule = rules.get(item.rule);
      if (!rule) throw new Error(`the grammar names a rule it does not have: ${item.rule}`);
      return { kind: 'rule', rule };
    }
    if ('option' in item) return { kind: 'option', body: productions(item.option) };
    if ('many' in item) return repetition(productions(item.many), item.separator);
    if ('atLeastOne' in item) {
      const body = productions(item.atLeastOne);
      const later = repetition(item.separator === undefined ? body : [terminal(item.separator), ...body], undefined);
      return { kind: 'atLeastOne', body, later };
    }
    return { kind: 'or', alternatives: item.or.map(productions) };
  }
  for (const [name, items] of Object.entries(serialized)) rules.get(name)?.body.push(...productions(items));
  return rules;
}
