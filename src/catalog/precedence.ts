/** Cypher's operator precedence, shared by the parser's visitor (to build trees) and the printer (to parenthesise). */
import type { BinaryOperator } from '../ast/expressions.js';

/** Binding strength, loosest first. */
export const Precedence = {
  Or: 1,
  Xor: 2,
  And: 3,
  Not: 4,
  Comparison: 5,
  Predicate: 6,
  Additive: 7,
  Multiplicative: 8,
  Power: 9,
  Unary: 10,
  Postfix: 11,
  Atom: 12,
} as const;

export type Precedence = (typeof Precedence)[keyof typeof Precedence];

export const BINARY_PRECEDENCE: Record<BinaryOperator, Precedence> = {
  OR: Precedence.Or,
  XOR: Precedence.Xor,
  AND: Precedence.And,
  IN: Precedence.Predicate,
  'STARTS WITH': Precedence.Predicate,
  'ENDS WITH': Precedence.Predicate,
  CONTAINS: Precedence.Predicate,
  '=~': Precedence.Predicate,
  '+': Precedence.Additive,
  '||': Precedence.Additive,
  '-': Precedence.Additive,
  '*': Precedence.Multiplicative,
  '/': Precedence.Multiplicative,
  '%': Precedence.Multiplicative,
  '^': Precedence.Power,
};
