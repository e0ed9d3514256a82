/** The core runs in browsers: nothing outside src/cli/ may import Node's built-in modules. */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const NODE_MODULES = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function sources(directory: string): string[] {
  return readdirSync(join(root, directory), { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return path === join('src', 'cli') ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the core (src/ except src/cli/, and grammar/)', () => {
  const files = [...sources('src'), ...sources('grammar')];

  it('imports no Node built-in module and uses no Node globals', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        if (NODE_MODULES.has(specifier!)) offenders.push(`${file}: ${specifier}`);
      }
      if (/\b(process|Buffer|require|__dirname)\b[.(]/.test(text)) offenders.push(`${file}: Node global`);
    }
    expect(files.length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
});
