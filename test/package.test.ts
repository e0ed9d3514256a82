/**
 * The package as a user installs it: `npm pack`, then `npm install` of the tarball into an empty
 * project. It has no dependencies (Chevrotain's token module and immer are bundled into dist/), so the
 * install needs no registry and brings nothing else; the library, the CLI and the published types work
 * from it alone, the types under `skipLibCheck: false`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const built = existsSync(join(root, 'dist/lib/index.js')) && existsSync(join(root, 'dist/src/index.d.ts'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe.skipIf(!built)('the installed package', () => {
  let project = '';

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'sysdb-package-'));
    // --ignore-scripts: pack what `npm run build` made, without building again.
    const [packed] = JSON.parse(
      execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', project], { cwd: root, encoding: 'utf8' }),
    ) as { filename: string }[];
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(project, packed?.filename ?? '')], {
      cwd: project,
      encoding: 'utf8',
    });
  }, 120_000);

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('installs nothing but itself', () => {
    expect(readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['cypher-sysdb']);
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/cypher-sysdb/package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['dependencies']).toBeUndefined();
  });

  it('runs a statement through the library, and lints through the CLI', () => {
    const script = `const { SystemDatabase } = await import('cypher-sysdb');
const { result } = SystemDatabase.create().execute('SHOW USERS YIELD user');
console.log(JSON.stringify(result.rows));`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' })).toBe('[["neo4j"]]\n');
    writeFileSync(join(project, 'bad.cypher'), 'CREATE USR bob;\n');
    const lint = spawnSync(process.execPath, [join(project, 'node_modules/.bin/sysdb'), 'lint', 'bad.cypher'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain("bad.cypher:1:8: error: Invalid input 'USR': expected 'IMMUTABLE', 'OR', 'ROLE' or 'USER'");
  });

  it('has types that check without any other package, library checks on', () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      `import { parse, SystemDatabase, type Diagnostic } from 'cypher-sysdb';
const diagnostics: readonly Diagnostic[] = parse('CREATE USER bob SET PASSWORD $p').diagnostics;
const rows: readonly (readonly unknown[])[] = SystemDatabase.create().execute('SHOW USERS').result.rows;
export const summary = [diagnostics.length, rows.length];
`,
    );
    // No @types/node either: the core's types stand alone.
    const compilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      types: [],
    };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const checked = spawnSync(process.execPath, [tsc, '-p', project], { cwd: project, encoding: 'utf8' });
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  }, 60_000);
});
