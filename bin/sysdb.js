#!/usr/bin/env node
// Runs the bundled CLI (built by `npm run build`, which `npm ci` runs through the prepare script).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { compileBundle } from './load-bundle.js';

const bundlePath = fileURLToPath(new URL('../dist/sysdb.cjs', import.meta.url));
const cachePath = fileURLToPath(new URL('../dist/sysdb.cache', import.meta.url));
if (!existsSync(bundlePath)) {
  process.stderr.write('sysdb: the CLI is not built yet; run `npm ci` (or `npm run build`) first\n');
  process.exit(2);
}
const cache = existsSync(cachePath) ? readFileSync(cachePath) : null;
const { exports: cli } = compileBundle(bundlePath, createRequire(bundlePath), cache);
process.exitCode = cli.main(process.argv.slice(2));
