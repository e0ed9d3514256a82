import type { Expression, MapLiteral } from './expressions.js';
import type { Spanned } from './span.js';

/**
 * cypher-shell's client commands (`:use`, `:param`, `:params`): they are not Cypher, but real admin
 * scripts carry them, so a script is only understood if they are.
 */
export type ClientCommand =
  | ({ readonly kind: 'client-use'; readonly database: string } & Spanned)
  | ({ readonly kind: 'client-param'; readonly name: string; readonly value: Expression } & Spanned)
  | ({ readonly kind: 'client-params-map'; readonly map: MapLiteral } & Spanned)
  | ({ readonly kind: 'client-params-list' } & Spanned)
  | ({ readonly kind: 'client-params-clear' } & Spanned)
  | ({ readonly kind: 'client-other'; readonly command: string; readonly text: string } & Spanned);
