#!/usr/bin/env node
// Runs the bundled CLI (built by `npm run build`, which `npm ci` runs through the prepare script).
let cli;
try {
  cli = await import('../dist/sysdb.mjs');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('sysdb: the CLI is not built yet; run `npm ci` (or `npm run build`) first\n');
  process.exit(2);
}
process.exitCode = cli.main(process.argv.slice(2));
