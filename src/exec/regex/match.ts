/**
 * Whole-string matching by Pike's simulation of the NFA: the set of live instructions advances one code
 * point at a time, each instruction at most once per position, so the work is at most
 * |text| x |program| steps whatever the pattern (no backtracking, no recursion). The caller's budget is
 * charged for those steps as they happen, so a costly pattern on a long text times the statement out.
 */
import { assertNever } from '../../diagnostics/assert-never.js';
import { isLineTerminator } from './chars.js';
import type { Anchor, Fragment } from './program.js';
import { codePoints, wordBoundaries } from './text.js';

/** Where the matcher's work is counted (StatementBudget.step). */
export type Charge = (steps: number) => void;

const LF = 0x0a;
const CR = 0x0d;

/** `code` ends in a match instruction. */
export function matchesWhole(code: Fragment, text: string, charge: Charge): boolean {
  const cps = codePoints(text);
  const n = cps.length;
  let boundaries: Uint8Array | undefined; // classified on the first `\b` or `\B` asked
  // seen[pc] is the last position `pc` was added at: once per position, in either list.
  const seen = new Int32Array(code.length).fill(-1);
  let steps = 0;
  let matched = false;

  const holds = (anchor: Anchor, p: number): boolean => {
    const here = cps[p] ?? -1;
    const prev = cps[p - 1] ?? -1;
    switch (anchor) {
      case 'input-start':
        return p === 0;
      case 'input-end':
        return p === n;
      case 'final-terminator':
        // Java's `$` without MULTILINE: the end, or before a final \r\n or final line terminator.
        return (
          p === n ||
          (p === n - 2 ? here === CR && cps[p + 1] === LF : p === n - 1 && isLineTerminator(here) && !(here === LF && prev === CR))
        );
      case 'line-end':
        return p === n || (isLineTerminator(here) && !(here === LF && prev === CR));
      case 'line-start':
        // Java's multiline `^`: never at the very end; after a terminator, but not between \r and \n.
        return p < n && (p === 0 || (isLineTerminator(prev) && !(prev === CR && here === LF)));
      case 'word-boundary':
      case 'not-word-boundary':
        return ((boundaries ??= wordBoundaries(cps))[p] === 1) === (anchor === 'word-boundary');
      default:
        return assertNever(anchor, 'regex anchor');
    }
  };

  /** Adds `start` and all it reaches without consuming, at position `p`, to `list`. */
  const stack: number[] = [];
  const follow = (list: number[], start: number, p: number): void => {
    stack.push(start);
    for (let pc = stack.pop(); pc !== undefined; pc = stack.pop()) {
      const instruction = code[pc];
      if (!instruction || seen[pc] === p) continue;
      seen[pc] = p;
      steps += 1;
      switch (instruction.op) {
        case 'char':
          list.push(pc);
          break;
        case 'match':
          if (p === n) matched = true;
          break;
        case 'jump':
          stack.push(pc + instruction.by);
          break;
        case 'split':
          stack.push(pc + instruction.alt, pc + instruction.next);
          break;
        case 'assert':
          if (holds(instruction.anchor, p)) stack.push(pc + 1);
          break;
        default:
          assertNever(instruction, 'regex instruction');
      }
    }
  };

  let live: number[] = [];
  follow(live, 0, 0);
  for (let p = 0; p < n && live.length > 0; p++) {
    const c = cps[p] ?? 0;
    const next: number[] = [];
    for (const pc of live) {
      const instruction = code[pc];
      if (instruction?.op !== 'char') continue;
      steps += instruction.weight;
      if (instruction.test(c)) follow(next, pc + 1, p + 1);
    }
    charge(steps);
    steps = 0;
    live = next;
  }
  charge(steps);
  return matched;
}
