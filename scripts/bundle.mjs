// Bundles the CLI into one file. Node resolves hundreds of small ESM files (Chevrotain's lodash-es)
// slowly; one bundle keeps `sysdb` start-up near 0.1 s, which matters for linting in editors and CI.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/sysdb.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
});
