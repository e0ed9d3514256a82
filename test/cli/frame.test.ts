/** Code frames: a bounded window of the line, found through a line index. */
import { describe, expect, it } from 'vitest';
import { codeFrames } from '../../src/cli/frame.js';
import { maskPasswords } from '../../src/index.js';

/** Frames for one error on every line of `lines` lines, and how long they took. */
function frameEveryLine(lines: number): { frames: string[]; ms: number } {
  const text = 'x;\n'.repeat(lines);
  const frame = codeFrames(maskPasswords(text));
  const start = performance.now();
  const frames: string[] = [];
  for (let line = 0; line < lines; line++) {
    const offset = line * 3;
    frames.push(frame({ start: { offset, line: line + 1, column: 1 }, end: { offset: offset + 1, line: line + 1, column: 2 } }));
  }
  return { frames, ms: performance.now() - start };
}

describe('code frames', () => {
  it('show the line of the error under its number', () => {
    expect(frameEveryLine(3).frames[2]).toBe(['  |', '3 | x;', '  | ^'].join('\n'));
  });

  it('regression: each frame scanned back to the start of the file (one error per line at 1 MB took 125 s)', () => {
    frameEveryLine(20_000); // warm-up
    const small = Math.min(...[1, 2, 3].map(() => frameEveryLine(30_000).ms));
    const large = Math.min(...[1, 2].map(() => frameEveryLine(300_000).ms));
    // Ten times the lines: about ten times the time when each frame is found through the index; a
    // scan back to the start of the file makes it a hundred.
    expect(large / Math.max(5, small)).toBeLessThan(35);
  }, 120_000);
});
