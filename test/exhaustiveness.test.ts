/**
 * A forgotten case must not compile (issue 11). For a representative case of each exhaustive table
 * and switch, the test deletes it in a copy of the sources and expects `tsc` to fail in that file:
 * a clause missing from the privilege table, for one, would otherwise need no privilege at all.
 * One tsc run takes seconds, so the cases are few and run two at a time.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = promisify(execFile);

interface Deletion {
  readonly name: string;
  readonly file: string;
  /** Exact text that must occur once in `file`. */
  readonly find: string;
  /** What replaces it: the surrounding text `find` carries to be unique, without the deleted case. */
  readonly replaceWith?: string;
}

const DELETIONS: readonly Deletion[] = [
  {
    name: 'the set-home-database privilege of a user clause',
    file: 'src/exec/authorize.ts',
    find: "  'set-home-database': { alter: 'set_user_home_database', create: null },\n",
  },
  {
    name: 'the set-status case of the CREATE and ALTER USER executors',
    file: 'src/exec/commands/users.ts',
    find: "    case 'set-status':\n      return { ...user, suspended: clause.status === 'SUSPENDED' };\n",
  },
  {
    name: 'the setAuth builder of the visitor',
    file: 'src/visitor/users.ts',
    find: [
      '    setAuth: (node) => {',
      '      const a = node.children;',
      '      return {',
      "        kind: 'set-auth',",
      '        provider: stringLiteral(one(a.StringLiteral), source),',
      '        attributes: a.userAuthAttribute.map((attribute) => authAttribute(attribute, source)),',
      '        span,',
      '      };',
      '    },',
      '',
    ].join('\n'),
  },
  {
    name: 'the set-status entry of the duplicate-clause table',
    file: 'src/check/duplicates.ts',
    find: "  'set-status': 'Duplicate SET STATUS {SUSPENDED|ACTIVE} clause',\n",
  },
  {
    name: 'the printer of a user clause',
    file: 'src/render/printer.ts',
    find: "  'remove-all-auth': () => 'REMOVE ALL AUTH',\n",
  },
  {
    name: 'a statement kind of the executor',
    file: 'src/exec/execute.ts',
    find: "    case 'drop-role':\n      return dropRole(state, statement, context);\n",
  },
  {
    name: 'a statement kind of the semantic check',
    file: 'src/check/index.ts',
    find: "    case 'rename-role':\n      return newRoleName(statement.to);\n",
  },
  {
    name: 'a statement kind of the printer',
    file: 'src/render/printer.ts',
    find: "  'drop-role': (s) => `DROP ROLE ${nameOrParameter(s.name)}${ifExists(s.ifExists)}`,\n",
  },
  {
    name: 'a statement kind of the privilege requirements',
    file: 'src/exec/authorize.ts',
    find: "  'rename-role': () => ['rename_role'],\n",
  },
  {
    name: 'a comparison operator of the evaluator',
    file: 'src/exec/evaluate.ts',
    find: "    case '>=':\n      return c >= 0;\n",
  },
];

interface Outcome {
  /** Why the deletion could not be applied (the code moved): the case then fails loudly. */
  readonly notApplied: string | null;
  readonly failed: boolean;
  readonly output: string;
}

let workspace: string;

/** A copy of what `tsc` needs to check src/ and grammar/, with `deletion` applied. */
function copyWith(name: string, deletion: Deletion | null): { directory: string; notApplied: string | null } {
  const directory = join(workspace, name);
  for (const part of ['src', 'grammar', 'tsconfig.json']) cpSync(join(root, part), join(directory, part), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(directory, 'node_modules'), 'dir');
  writeFileSync(
    join(directory, 'tsconfig.case.json'),
    JSON.stringify({ extends: './tsconfig.json', include: ['src', 'grammar'], compilerOptions: { incremental: false } }),
  );
  if (!deletion) return { directory, notApplied: null };
  const path = join(directory, deletion.file);
  const text = readFileSync(path, 'utf8');
  const count = text.split(deletion.find).length - 1;
  if (count !== 1)
    return {
      directory,
      notApplied: `expected the text to delete once in ${deletion.file}, found it ${count} times: ${JSON.stringify(deletion.find)}`,
    };
  writeFileSync(
    path,
    text.replace(deletion.find, () => deletion.replaceWith ?? ''),
  );
  return { directory, notApplied: null };
}

async function typecheck(name: string, deletion: Deletion | null): Promise<Outcome> {
  const { directory, notApplied } = copyWith(name, deletion);
  if (notApplied) return { notApplied, failed: false, output: '' };
  try {
    await run(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', 'tsconfig.case.json'], { cwd: directory, timeout: 180_000 });
    return { notApplied: null, failed: false, output: '' };
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return { notApplied: null, failed: true, output: `${stdout ?? ''}${stderr ?? ''}` };
  }
}

/** Runs the jobs at most `limit` at a time: the machine's cores are shared. */
async function pooled<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

describe('a forgotten case does not compile', () => {
  let baseline: Outcome;
  let outcomes: Outcome[];

  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'sysdb-exhaustive-'));
    const jobs = [() => typecheck('baseline', null), ...DELETIONS.map((deletion, i) => () => typecheck(`case-${i}`, deletion))];
    [baseline, ...outcomes] = (await pooled(jobs, 2)) as [Outcome, ...Outcome[]];
  }, 600_000);

  afterAll(() => {
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('the unchanged copy compiles (so a failure below is the deletion)', () => {
    expect(baseline.output).toBe('');
    expect(baseline.failed).toBe(false);
  });

  DELETIONS.forEach((deletion, i) => {
    it(`without ${deletion.name}, tsc fails in ${deletion.file}`, () => {
      const outcome = outcomes[i]!;
      expect(outcome.notApplied).toBeNull();
      expect(outcome.failed).toBe(true);
      const escaped = deletion.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(outcome.output).toMatch(new RegExp(`^${escaped}\\(\\d+,\\d+\\): error TS\\d+`, 'm'));
    });
  });
});
