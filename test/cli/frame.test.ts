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

  describe('at the end of the input, on a line of its own', () => {
    /** The frame of an error at the very end of `text`, as the parser places one there. */
    const atEnd = (text: string) => {
      const lines = text.split('\n');
      const at = { offset: text.length, line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
      return codeFrames(maskPasswords(text))({ start: at, end: at });
    };

    it("show the statement's last line above it, blank lines left out", () => {
      expect(atEnd('DROP ROLE\n')).toBe(['  |', '1 | DROP ROLE', '2 | ', '  | ^'].join('\n'));
      expect(atEnd("CREATE USER a SET PASSWORD 'x'\n  SET STATUS\n\n")).toBe(['  |', '2 |   SET STATUS', '4 | ', '  | ^'].join('\n'));
    });

    it('mask the passwords of that line too', () => {
      expect(atEnd("CREATE USER a SET PASSWORD 'secret1234' SET STATUS\n")).toBe(
        ['  |', "1 | CREATE USER a SET PASSWORD '******' SET STATUS", '2 | ', '  | ^'].join('\n'),
      );
    });

    it('show only the line itself where the statement ends on it, or nothing is near enough above', () => {
      expect(atEnd('DROP ROLE')).toBe(['  |', '1 | DROP ROLE', '  |          ^'].join('\n'));
      // Past a thousand characters of blank lines, no look further back.
      const far = atEnd(`DROP ROLE${'\n'.repeat(2000)}`);
      expect(far).toBe(['     |', '2001 | ', '     | ^'].join('\n'));
    });
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
