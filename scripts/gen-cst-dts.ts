/**
 * Regenerates what is derived from grammar/parser.ts: grammar/cst.ts (the CST node types) and
 * grammar/grammar-data.ts (the grammar as data, for content assist). A test keeps both current.
 */
import { writeFileSync } from 'node:fs';
import { cstTypesSource } from './cst-types.js';
import { grammarDataSource } from './grammar-data.js';

for (const [file, source] of [
  ['cst.ts', cstTypesSource()],
  ['grammar-data.ts', grammarDataSource()],
] as const) {
  const target = new URL(`../grammar/${file}`, import.meta.url);
  writeFileSync(target, source);
  console.log(`wrote ${target.pathname}`);
}
