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
// Whatever escapes the CLI (even while loading it) is one line on stderr and exit status 2, never
// a stack trace with a snippet of the minified bundle.
const fail = (error) => {
  const message = error instanceof Error ? error.message : String(error);
  const line = message
    .split(/\r\n|\r|\n/, 1)[0]
    // Terminal control bytes are shown escaped, never sent to the terminal.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  process.stderr.write(`sysdb: internal error: ${line.slice(0, 500)} (please report)\n`);
  process.exit(2);
};
process.on('uncaughtException', fail);
try {
  const cache = existsSync(cachePath) ? readFileSync(cachePath) : null;
  const { exports: cli } = compileBundle(bundlePath, createRequire(bundlePath), cache);
  const status = cli.main(process.argv.slice(2));
  // `serve` gives a promise of its status: the process ends once it resolves and nothing is left open.
  if (typeof status === 'number') process.exitCode = status;
  else status.then((code) => (process.exitCode = code), fail);
} catch (error) {
  fail(error);
}
