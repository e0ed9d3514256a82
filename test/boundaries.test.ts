/**
 * The boundaries of the core: it runs in browsers (nothing outside src/cli/ and src/server/ imports
 * Node), and the CLI, the Bolt server, the playground and the benchmarks use it only through its
 * public API (src/index.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const NODE_MODULES = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function sources(directory: string, skip: readonly string[] = [join('src', 'cli'), join('src', 'server')], extension = '.ts'): string[] {
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

describe('the CLI, the Bolt server, the playground and the benchmarks', () => {
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
    // Within their own folder anything goes; into the core, only the door.
    check(cli, (s) => !s.startsWith('../') || s === '../index.js');
    // The server also runs on Node alone: node:* modules, its own files and the door, nothing else.
    for (const file of server) {
      for (const specifier of specifiers(readFileSync(join(root, file), 'utf8'))) {
        const target = specifier.startsWith('.') ? relative(root, join(root, dirname(file), specifier)) : specifier;
        const allowed =
          specifier.startsWith('node:') || target === join('src', 'index.js') || target.startsWith(join('src', 'server') + '/');
        if (!allowed) offenders.push(`${file}: ${specifier}`);
      }
    }
    check(playground, (s) => !s.startsWith('../') || s === '../../src/index.js');
    const benchText = bench.map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
    for (const [path] of benchText.matchAll(/dist\/src\/[\w/.-]+/g)) if (path !== 'dist/src/index.js') offenders.push(`bench: ${path}`);
    expect(cli.length).toBeGreaterThan(5);
    expect(server).not.toHaveLength(0);
    expect(playground.length).toBeGreaterThan(3);
    expect(offenders).toEqual([]);
  });
});
