// GRANT ROLE and REVOKE ROLE with many roles and many users: the work is one sub-command per
// (role, user) pair, so 600 roles x 600 users must cost about what 60 roles x 6,000 users cost (the
// same 360,000 pairs), and 10x the pairs of 60 x 600. A cubic executor (a role lookup that scans the
// roles, a sort per pair) fails the first ratio by far: 600 x 600 took 10.7 s before. Each statement
// is run twice: the second time every pair only notifies (CommandHasNoEffect). Ratios, not times:
// the machine is shared and noisy.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { SystemDatabase } = await import(pathToFileURL(join(root, 'dist/lib/index.js')).href);

const names = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** Milliseconds of GRANT ROLE (changing), GRANT again (all notifications) and REVOKE ROLE, median of 3. */
function measure(roles, users) {
  const setup = [
    ...names('r', roles).map((r) => `CREATE ROLE ${r}`),
    ...names('u', users).map((u) => `CREATE USER ${u} SET ENCRYPTED PASSWORD '1,0123456789abcdef,0123'`),
  ];
  const base = SystemDatabase.create().runScript(setup.join(';\n')).db;
  const pairs = `${names('r', roles).join(',')} TO ${names('u', users).join(',')}`;
  const revoke = `REVOKE ROLE ${names('r', roles).join(',')} FROM ${names('u', users).join(',')}`;
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const granted = base.execute(`GRANT ROLE ${pairs}`).db;
    granted.execute(`GRANT ROLE ${pairs}`);
    granted.execute(revoke);
    runs.push(performance.now() - start);
  }
  return runs.sort((a, b) => a - b)[1];
}

const small = measure(60, 600);
const wide = measure(60, 6000);
const square = measure(600, 600);
const result = {
  'ms 60x600': Math.round(small),
  'ms 60x6000': Math.round(wide),
  'ms 600x600': Math.round(square),
  'ratio 600x600 / 60x6000 (same pairs; target <= 2)': Number((square / wide).toFixed(2)),
  'ratio 600x600 / 60x600 (10x the pairs; target <= 20)': Number((square / small).toFixed(2)),
};
console.log(JSON.stringify(result, null, 2));
