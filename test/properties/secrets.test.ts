/**
 * A password never reaches an output, whatever surrounds it: statements with a marker spliced into
 * a password position, written quoted, unquoted or half-quoted, with typos in the keywords and junk
 * around it, are linted, run and masked, and no output channel shows the marker.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { secretRunsOf } from '../../src/render/mask.js';
import { parse } from '../../src/parse.js';
import { format } from '../../src/render/printer.js';
import { arbitraryStatement } from '../support/arbitraries.js';
import { outputChannels } from '../support/secrets.js';

const MARKER = 'Zq7SECRETpw9';

/** Statements with a password position, `§`. */
const TEMPLATES = [
  'CREATE USER u SET PASSWORD §',
  'CREATE OR REPLACE USER u SET PLAINTEXT PASSWORD § CHANGE NOT REQUIRED SET STATUS ACTIVE',
  "CREATE USER u IF NOT EXISTS SET ENCRYPTED PASSWORD § SET TAGS 'ops'",
  'ALTER USER u SET PASSWORD § SET HOME DATABASE db',
  'ALTER USER u IF EXISTS SET PASSWORD § CHANGE REQUIRED',
  "ALTER CURRENT USER SET PASSWORD FROM § TO 'abcdefgh'",
  "ALTER CURRENT USER SET PASSWORD FROM 'abcdefgh' TO §",
  "CREATE USER u SET AUTH 'native' { SET PASSWORD § SET PASSWORD CHANGE REQUIRED }",
  ':param pw => §',
  ':params {pw: §, other: 1}',
  ':connect -u neo4j -p §',
];

/** The marker as a password might be written, deliberately or by mistake. */
const WRITTEN = [
  `'${MARKER}'`,
  `"${MARKER}"`,
  MARKER,
  `'${MARKER}`,
  `${MARKER}'`,
  `('${MARKER}')`,
  `= '${MARKER}'`,
  `'abc' + '${MARKER}'`,
  `'x\\'${MARKER}'`,
  `'${MARKER} with spaces'`,
  `${MARKER}-and!more`,
];

/** Junk a slip of the keyboard puts next to a password (never `;`, which ends the statement). */
const JUNK = [',', '(', ')', '+', '=', 'x', '42', "'junk'", '.', '"'];

/** One typo in a word: a letter dropped, doubled, swapped with the next, or replaced. */
const typo = (word: string, at: number, kind: number): string => {
  const i = at % word.length;
  switch (kind % 4) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1) || word;
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    case 2:
      return i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word;
    default:
      return `${word.slice(0, i)}${word[i] === 'O' ? '0' : 'X'}${word.slice(i + 1)}`;
  }
};

const arbitraryScript = fc
  .record({
    template: fc.constantFrom(...TEMPLATES),
    written: fc.constantFrom(...WRITTEN),
    before: fc.array(fc.constantFrom(...JUNK), { maxLength: 2 }),
    after: fc.array(fc.constantFrom(...JUNK), { maxLength: 2 }),
    // Which keyword gets a typo (none when past the end), where, and which kind.
    typoWord: fc.nat(12),
    typoAt: fc.nat(10),
    typoKind: fc.nat(3),
    prefix: fc.constantFrom('', 'SHOW USERS; ', 'SHOW USERS;\n', 'CYPHER 25 '),
  })
  .map(({ template, written, before, after, typoWord, typoAt, typoKind, prefix }) => {
    const password = [...before, written, ...after].join(' ');
    // Typos go into the keywords around the password: PASSWORD (up to two letters off), FROM, TO, SET, ...
    const words = template.split(' ');
    const keywordIndexes = words.flatMap((w, i) => (/^[A-Z]{2,}$/.test(w) ? [i] : []));
    const target = keywordIndexes[typoWord];
    if (target !== undefined) words[target] = typo(words[target]!, typoAt, typoKind);
    // CYPHER 25 only selects the version of a Cypher statement; client commands start with `:`.
    const shown = template.startsWith(':') && prefix === 'CYPHER 25 ' ? '' : prefix;
    return `${shown}${words.join(' ').replace('§', password)}`;
  });

describe('no output channel shows a password', () => {
  it('for passwords spliced into password positions, with typos and junk around them', () => {
    fc.assert(
      fc.property(arbitraryScript, (script) => {
        for (const channel of outputChannels(script)) {
          expect(channel.text.includes(MARKER), `${channel.name} shows the password of ${JSON.stringify(script)}:\n${channel.text}`).toBe(
            false,
          );
        }
      }),
      { numRuns: Number(process.env.SECRETS_RUNS ?? 250) },
    );
  }, 600_000);

  it('the masker covers every password the parser finds, in generated statements of every kind', () => {
    let passwords = 0;
    fc.assert(
      fc.property(arbitraryStatement, (statement) => {
        const text = format(statement, { revealPasswords: true });
        const runs = secretRunsOf(text);
        for (const span of passwordSpans(parse(text).statements)) {
          passwords += 1;
          const covered = runs.some((r) => r.start <= span.start && span.end <= r.end);
          expect(covered, `${text}: the password at ${span.start}-${span.end} is not masked`).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
    // The property says something only if the generated statements hold passwords. About one statement
    // in ten does (93 to 180 of 1,500 seen across seeds), so this floor holds for any seed but a broken generator.
    expect(passwords).toBeGreaterThan(25);
  });
});

/** The spans of every password string literal in the ASTs (whatever node holds it). */
function passwordSpans(statements: readonly unknown[]): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const pending: unknown[] = [...statements];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    for (const [key, value] of Object.entries(node)) {
      const v = value as { kind?: string; span?: { start: { offset: number }; end: { offset: number } } };
      if ((key === 'password' || key === 'oldPassword' || key === 'newPassword') && v?.kind === 'string' && v.span) {
        found.push({ start: v.span.start.offset, end: v.span.end.offset });
      }
      if (key !== 'span') pending.push(value);
    }
  }
  return found;
}
