/**
 * The boundaries of the core: it runs in browsers (nothing outside src/cli/ and src/server/ imports
 * Node), and the CLI, the server, the playground and the benchmarks use it only through its public
 * API (src/index.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const NODE_MODULES = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

const NODE_ONLY = [join('src', 'cli'), join('src', 'server')];

function sources(directory: string, skip: readonly string[] = NODE_ONLY, extension = '.ts'): string[] {
  return readdirSync(join(root, directory), { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return skip.includes(path) ? [] : sources(path, skip, extension);
    return entry.name.endsWith(extension) ? [path] : [];
  });
}

/** Every module specifier a file imports (static, dynamic, re-exports). */
function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/** The file a relative specifier names, from the repository root (`src/index.ts` for `../index.js` in src/cli/). */
function target(file: string, specifier: string): string {
  return normalize(join(dirname(file), specifier)).replace(/\.js$/, '.ts');
}

describe('the core (src/ except src/cli/ and src/server/, and grammar/)', () => {
  const files = [...sources('src'), ...sources('grammar')];

  it('imports no Node built-in module and uses no Node globals', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const specifier of specifiers(text)) if (NODE_MODULES.has(specifier)) offenders.push(`${file}: ${specifier}`);
      if (/\b(process|Buffer|require|__dirname)\b[.(]/.test(text)) offenders.push(`${file}: Node global`);
    }
    expect(files.length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
});

describe('the CLI, the server, the playground and the benchmarks', () => {
  it('reach the core only through src/index.ts', () => {
    const offenders: string[] = [];
    const check = (files: string[], allowed: (specifier: string) => boolean) => {
      for (const file of files) {
        for (const specifier of specifiers(readFileSync(join(root, file), 'utf8')))
          if (!allowed(specifier)) offenders.push(`${file}: ${specifier}`);
      }
    };
    const cli = sources(join('src', 'cli'), []);
    const server = sources(join('src', 'server'), []);
    const playground = sources(join('playground', 'src'), []);
    const bench = sources('bench', [], '.js');
    // Within their own folder anything goes; into the core, only the door. The CLI reaches the server
    // only for \`serve\` (its public API), and for the atomic write and system-error wording both use.
    const cliIntoServer = new Set([
      `${join('src', 'cli', 'serve.ts')} -> ${join('src', 'server', 'index.ts')}`,
      `${join('src', 'cli', 'io.ts')} -> ${join('src', 'server', 'atomic-write.ts')}`,
      `${join('src', 'cli', 'io.ts')} -> ${join('src', 'server', 'system-errors.ts')}`,
    ]);
    for (const file of cli) {
      for (const specifier of specifiers(readFileSync(join(root, file), 'utf8'))) {
        if (!specifier.startsWith('.')) continue;
        const to = target(file, specifier);
        const allowed = to.startsWith(join('src', 'cli') + '/') || to === join('src', 'index.ts') || cliIntoServer.has(`${file} -> ${to}`);
        if (!allowed) offenders.push(`${file}: ${specifier}`);
      }
    }
    // The server runs on Node alone: node:* modules, its own files and the door, no package.
    for (const file of server) {
      for (const specifier of specifiers(readFileSync(join(root, file), 'utf8'))) {
        if (!specifier.startsWith('.')) {
          if (!specifier.startsWith('node:')) offenders.push(`${file}: ${specifier}`);
          continue;
        }
        const to = target(file, specifier);
        if (!to.startsWith(join('src', 'server') + '/') && to !== join('src', 'index.ts')) offenders.push(`${file}: ${specifier}`);
      }
    }
    check(playground, (s) => !s.startsWith('../') || s === '../../src/index.js');
    const benchText = bench.map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
    // The benches load the library as it ships (package.json's exports: the bundle), through its door.
    for (const [path] of benchText.matchAll(/dist\/(?:src|lib)\/[\w/.-]+/g))
      if (path !== 'dist/lib/index.js') offenders.push(`bench: ${path}`);
    expect(cli.length).toBeGreaterThan(5);
    expect(server.length).toBeGreaterThan(5);
    expect(playground.length).toBeGreaterThan(3);
    expect(offenders).toEqual([]);
  });
});
