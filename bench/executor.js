// The executor's benchmark: 100,000 statements (creates, alters of tags and status, renames, drops)
// against a store growing to 100,000 users. Reports statements/s, the per-statement time with
// 100,000 users against that with 1,000 (target: at most 1.2x), and password hashing on its own.
// Creates carry ENCRYPTED passwords (already hashed, as from a Neo4j backup) so that the store's
// cost is measured apart from hashing; hashing is measured separately below.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const { SystemDatabase, hashPassword } = await import(pathToFileURL(join(root, 'dist/lib/index.js')).href);

const TOTAL_USERS = Number(process.env.BENCH_USERS ?? 100_000);
const WINDOW = 2_000;
const HASH = hashPassword('bench-password-1');
const salt = (n) => new Uint8Array(n).fill(1);

let db = SystemDatabase.create({ randomBytes: salt });
let statements = 0;
let users = 1;
const run = (query) => {
  db = db.execute(query).db;
  statements += 1;
};
const create = (name) => {
  run(`CREATE USER ${name} SET ENCRYPTED PASSWORD '${HASH}' CHANGE NOT REQUIRED SET TAGS ['team-${name.length % 7}']`);
  users += 1;
};

/** A window of mixed statements against the current store; returns microseconds per statement. */
function mixedWindow(label) {
  const start = performance.now();
  for (let i = 0; i < WINDOW / 8; i++) {
    const name = `u${(i * 7919) % (users - 1)}`;
    run(`ALTER USER ${name} ADD TAGS ['w-${label}', 'x']`);
    run(`ALTER USER ${name} REMOVE TAG 'x' SET STATUS SUSPENDED`);
    run(`ALTER USER ${name} SET STATUS ACTIVE`);
    run(`RENAME USER ${name} TO tmp_${label}_${i}`);
    run(`RENAME USER tmp_${label}_${i} TO ${name}`);
    run(`CREATE USER extra_${label}_${i} SET ENCRYPTED PASSWORD '${HASH}'`);
    run(`ALTER USERS ${name}, extra_${label}_${i} SET TAGS 'y'`);
    run(`DROP USER extra_${label}_${i}`);
  }
  return ((performance.now() - start) * 1000) / WINDOW;
}

const overallStart = performance.now();
let next = 0;
const growTo = (count) => {
  while (users < count) create(`u${next++}`);
};
growTo(1_000);
mixedWindow('warmup');
const at1k = [mixedWindow('a'), mixedWindow('b'), mixedWindow('c')].sort((a, b) => a - b)[1];
growTo(TOTAL_USERS);
const at100k = [mixedWindow('d'), mixedWindow('e'), mixedWindow('f')].sort((a, b) => a - b)[1];
const overallMs = performance.now() - overallStart;

// Hashing: Neo4j's version-1 credential (SHA-256, 1024 rounds) per plaintext password.
const hashSamples = 200;
let t = performance.now();
for (let i = 0; i < hashSamples; i++) hashPassword(`password-${i}`);
const hashMs = (performance.now() - t) / hashSamples;
t = performance.now();
let plain = db;
for (let i = 0; i < hashSamples; i++) plain = plain.execute(`CREATE USER plain${i} SET PASSWORD 'password-${i}'`).db;
const plaintextCreateMs = (performance.now() - t) / hashSamples;

const results = {
  statements,
  users: db.execute('SHOW USERS YIELD user RETURN count(*) AS n').result.rows[0][0],
  statementsPerSecond: Math.round(statements / (overallMs / 1000)),
  microsecondsPerStatement: { at1kUsers: Number(at1k.toFixed(1)), at100kUsers: Number(at100k.toFixed(1)) },
  ratio100kTo1k: Number((at100k / at1k).toFixed(2)),
  hashing: { millisecondsPerPassword: Number(hashMs.toFixed(2)), createWithPlaintextPasswordMs: Number(plaintextCreateMs.toFixed(2)) },
};
mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(join(here, 'out/executor-results.json'), `${JSON.stringify(results, null, 2)}\n`);
const rows = [
  ['statements run', `${results.statements} (store grew to ${results.users} users)`],
  ['throughput', `${results.statementsPerSecond} statements/s (parse + check + execute, no hashing; target >= 50000)`],
  ['per statement, 1,000 users', `${results.microsecondsPerStatement.at1kUsers} µs`],
  ['per statement, 100,000 users', `${results.microsecondsPerStatement.at100kUsers} µs`],
  ['ratio 100k / 1k users', `${results.ratio100kTo1k} (target <= 1.2)`],
  ['password hashing', `${results.hashing.millisecondsPerPassword} ms per password (SHA-256 x 1024, Neo4j's version 1)`],
  ['CREATE USER with a plaintext password', `${results.hashing.createWithPlaintextPasswordMs} ms`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(40)} ${v}`);
