/** Regenerates grammar/cst.ts, the CST node types, from the grammar. A test keeps the file current. */
import { writeFileSync } from 'node:fs';
import { cstTypesSource } from './cst-types.js';

const target = new URL('../grammar/cst.ts', import.meta.url);
writeFileSync(target, cstTypesSource());
console.log(`wrote ${target.pathname}`);
