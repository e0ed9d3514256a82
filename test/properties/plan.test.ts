/**
 * Over databases built by random admin scripts: a snapshot loads back as it was; the dump recreates the database (diff(state,
 * run(dump(state))) is empty, every statement of the dump runs), unless it says in a comment what it
 * could not; and no plan, diff, dump or re-run report, library or CLI, shows a password.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Neo4jError, planLines, SystemDatabase } from '../../src/index.js';
import { adminScript } from '../support/admin-scripts.js';
import { runCli } from '../support/cli.js';

const MARKER = 'Qx7MARKERpw';

type Script =
  fc.Arbitrary<{ statement: { query: string; password: string | null }; asRoot: boolean }[]> extends fc.Arbitrary<infer T> ? T : never;

function build(script: Script): SystemDatabase {
  let db = SystemDatabase.create();
  for (const { statement, asRoot } of script) {
    try {
      db = db.execute(statement.query, { pw: statement.password }, { user: asRoot ? null : 'neo4j' }).db;
    } catch (error) {
      if (!(error instanceof Neo4jError)) throw error;
    }
  }
  return db;
}

describe('the snapshot round trip', () => {
  it('loads every generated database back as it was (toJSON, then fromJSON)', () => {
    fc.assert(
      fc.property(adminScript(MARKER), (script) => {
        const saved = JSON.stringify(build(script).toJSON());
        expect(JSON.stringify(SystemDatabase.fromJSON(saved).toJSON())).toEqual(saved);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the dump round trip', () => {
  it('recreates every generated database, or says in a comment what it could not', () => {
    let complete = 0;
    let immutable = 0;
    fc.assert(
      fc.property(adminScript(MARKER), (script) => {
        const db = build(script);
        const notes: string[] = [];
        const dump = db.dump({ onNote: (n) => notes.push(n) });
        const user = dump.includes('dbms.security.auth_enabled=false') ? null : 'neo4j';
        if (user === null) immutable += 1;
        const replay = SystemDatabase.create().runScript(dump, { onError: 'continue', user });
        const errors = replay.statements.filter((s) => s.error).map((s) => `${s.query}: ${s.error?.message}`);
        expect(errors, dump).toEqual([]);
        const changes = planLines(db.diff(replay.db));
        if (notes.length === 0) {
          expect(changes, dump).toEqual([]);
          complete += 1;
        } else expect(dump).toContain('\n// Not replayed: ');
        // Every privilege is replayed by its command: none is left to a comment.
        expect(
          notes.filter((n) => n.includes('no command gives back')),
          dump,
        ).toEqual([]);
        expect(dump).not.toContain(MARKER);
      }),
      { numRuns: 300 },
    );
    // Comments are for what neo4j may not do to itself (suspend, drop): most databases need none.
    expect(complete).toBeGreaterThan(200);
    // Immutable roles and privileges, which only a replay with authentication disabled recreates, are among them.
    // How many varies with the seed: 9 to 24 of 300 across 30 seeds (mean 16), and CI once saw 5, so a floor
    // of 5 failed by chance. Two or more holds for all but about two seeds in a million (Poisson, mean 16)
    // and still fails if the generator stops producing them.
    expect(immutable).toBeGreaterThan(1);
  }, 120_000);
});

describe('no plan, diff, dump or re-run report shows a password', () => {
  it('in the library and in every CLI format', () => {
    fc.assert(
      fc.property(adminScript(MARKER, 10), adminScript(MARKER, 10), (setup, next) => {
        const before = build(setup);
        const text = next.map(({ statement }) => statement.query.replace('$pw', `'${statement.password ?? 'unused-pw'}'`)).join(';\n');
        const after = before.runScript(text, { onError: 'continue' }).db;
        const files = { 'a.json': JSON.stringify(before.toJSON()), 'b.json': JSON.stringify(after.toJSON()), 's.cypher': text };
        const outputs = [
          JSON.stringify(before.plan(text, { onError: 'continue' })),
          JSON.stringify(before.rerun(text)),
          JSON.stringify(before.diff(after)),
          after.dump(),
          ...[
            ['plan', 's.cypher', '--state', 'a.json'],
            ['plan', 's.cypher', '--state', 'a.json', '--format', 'json'],
            ['plan', 's.cypher', '--state', 'a.json', '--rerun'],
            ['plan', 's.cypher', '--state', 'a.json', '--rerun', '--format', 'json'],
            ['diff', 'a.json', 'b.json'],
            ['diff', 'a.json', 'b.json', '--format', 'json'],
            ['dump', '--state', 'b.json'],
          ].map((argv) => {
            const run = runCli(argv, files);
            return run.stdout + run.stderr;
          }),
        ];
        for (const output of outputs) expect(output.includes(MARKER), output).toBe(false);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
