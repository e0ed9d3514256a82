/**
 * What `import 'cypher-sysdb'` loads is esbuild's bundle of the library (dist/lib, built by
 * `npm run build`), not the sources the other tests import: it must behave as they do, stay
 * browser-safe, and share one copy of the core with `cypher-sysdb/server`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as source from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lib = join(root, 'dist/lib');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, { default: string }>;
};

/** The relative imports of a bundle file (its chunks). */
const chunksOf = (file: string): string[] => [...readFileSync(join(lib, file), 'utf8').matchAll(/from\s*"\.\/([^"]+)"/g)].map((m) => m[1]!);

describe.skipIf(!existsSync(join(lib, 'index.js')))('the bundled library', () => {
  it('is what the package exports', () => {
    expect(packageJson.exports['.']!.default).toBe('./dist/lib/index.js');
    expect(packageJson.exports['./server']!.default).toBe('./dist/lib/server.js');
  });

  it('exports what the sources export, and behaves as they do', async () => {
    const bundled = (await import(join(lib, 'index.js'))) as typeof source;
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(source).sort());
    const script =
      "CREATE USER alice SET PASSWORD 'secret12' CHANGE NOT REQUIRED; CREATE ROLE r; GRANT ROLE r TO alice; SHOW USERS YIELD user, roles";
    const run = (api: typeof source) => {
      const db = api.SystemDatabase.create({ randomBytes: (n: number) => new Uint8Array(n) });
      const run = db.runScript(script);
      const [statement] = api.parse('create user a set password $p').statements;
      return [run.statements, run.db.dump(), api.parse('CREATE USER ;').diagnostics, api.format(statement!)];
    };
    expect(run(bundled)).toEqual(run(source));
  });

  it('holds its entries and their chunks only, not the chunks of an earlier build (they would be packed too)', () => {
    const chunks = new Set([...chunksOf('index.js'), ...chunksOf('server.js')]);
    expect(readdirSync(lib).sort()).toEqual(['index.js', 'server.js', ...chunks].sort());
  });

  it('imports no package: Chevrotain and immer are bundled, so the package has no dependencies', () => {
    const bundles = [...readdirSync(lib).map((f) => join(lib, f)), join(root, 'dist/sysdb.cjs')];
    for (const file of bundles) {
      const text = readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/(?:from\s*|import\(\s*|require\(\s*)"([^"]+)"/g)].map((m) => m[1]!);
      expect(
        specifiers.filter((s) => !s.startsWith('node:') && !s.startsWith('./')),
        file,
      ).toEqual([]);
    }
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['dependencies']).toBeUndefined();
  });

  it('keeps node:* modules out of the core, and shares the core with the server entry', () => {
    const coreFiles = ['index.js', ...chunksOf('index.js')];
    for (const file of coreFiles) expect(readFileSync(join(lib, file), 'utf8')).not.toMatch(/from\s*"node:/);
    expect(chunksOf('server.js')).toEqual(chunksOf('index.js'));
  });
});
