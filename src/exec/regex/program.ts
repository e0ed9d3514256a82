/**
 * The NFA program the Pike VM in match.ts runs, built directly by the parser from fragments. Offsets
 * in a fragment are relative, so a fragment can be copied or nested as it is: counted repetition
 * (`a{3}`) is three copies. The program's size is capped, since the matcher's cost is
 * |text| x |program| and the cache keeps compiled programs.
 */
import type { CharTest } from './chars.js';
import { notSupported } from '../../diagnostics/neo4j-error.js';

/**
 * Zero-width assertions, as java.util.regex places them. `final-terminator` is `$` without (?m) and
 * `\Z`: the end, or before a line terminator that ends the input. The `line-` pair is (?m)'s `^`/`$`.
 */
export type Anchor = 'input-start' | 'input-end' | 'final-terminator' | 'line-start' | 'line-end' | 'word-boundary' | 'not-word-boundary';

type Instruction =
  /** `weight`: the steps one test of the character costs. */
  | { readonly op: 'char'; readonly test: CharTest; readonly weight: number }
  /** Go on at both pc + next and pc + alt. */
  | { readonly op: 'split'; readonly next: number; readonly alt: number }
  | { readonly op: 'jump'; readonly by: number }
  | { readonly op: 'assert'; readonly anchor: Anchor }
  | { readonly op: 'match' };

export type Fragment = readonly Instruction[];

export const MAX_INSTRUCTIONS = 10_000;

const TOO_LARGE = 'A regular expression this large';

/** A running total of the parts of a program, checked as each is parsed, before they are joined. */
export function grown(size: number, part: Fragment): number {
  if (size + part.length > MAX_INSTRUCTIONS) throw notSupported(TOO_LARGE);
  return size + part.length;
}

export const char = (test: CharTest, weight = 1): Fragment => [{ op: 'char', test, weight }];
export const assertion = (anchor: Anchor): Fragment => [{ op: 'assert', anchor }];
/** `parts` one after the other; the parser has checked their size with `grown`. */
export const sequence = (parts: readonly Fragment[]): Fragment => parts.flat();

/** `a|b|c`: each branch but the last is tried by a split and jumps to the end when done. */
export function alternation(branches: readonly Fragment[]): Fragment {
  const size = branches.reduce((n, branch) => n + branch.length + 2, -2);
  if (size > MAX_INSTRUCTIONS) throw notSupported(TOO_LARGE);
  const out: Instruction[] = [];
  branches.forEach((branch, i) => {
    if (i === branches.length - 1) return out.push(...branch);
    out.push({ op: 'split', next: 1, alt: branch.length + 2 }, ...branch);
    out.push({ op: 'jump', by: size - out.length });
  });
  return out;
}

/** `f{min,max}` (max may be Infinity): min copies, then a loop or max - min optional copies. */
export function repeat(f: Fragment, min: number, max: number): Fragment {
  const size = f.length;
  if (size === 0) return f;
  const optional = max === Infinity ? 1 : max - min;
  if (min * size + optional * (size + 2) > MAX_INSTRUCTIONS) throw notSupported(TOO_LARGE);
  const out: Instruction[] = [];
  for (let i = 0; i < min; i++) out.push(...f);
  if (max === Infinity) out.push({ op: 'split', next: 1, alt: size + 2 }, ...f, { op: 'jump', by: -size - 1 });
  // Each optional copy may be skipped, straight to the end.
  else for (let i = optional; i > 0; i--) out.push({ op: 'split', next: 1, alt: i * (size + 1) }, ...f);
  return out;
}
