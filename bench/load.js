// Loading a saved database (`SystemDatabase.fromJSON`, what `sysdb run --state` does) with 100,000
// and with 1,000,000 users: the time per load and their ratio (target about 10: loading is linear;
// it was quadratic when the user map was built by one immutable insert per user, 79 s for 10^6).
// The snapshot is parsed from text outside the timing; every user has the same hash. Median of 3.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const { SystemDatabase } = await import(pathToFileURL(join(here, '..', 'dist/lib/index.js')).href);

function snapshotWith(count) {
  const fresh = SystemDatabase.create().toJSON();
  const neo4j = fresh.users[0];
  const users = Array.from({ length: count }, (_, i) => ({
    ...neo4j,
    name: `user${i}`,
    tags: [`team-${i % 7}`],
    roles: i % 3 ? ['reader'] : [],
    created: 7 + i,
  }));
  // Through text, as from a file: nothing in it is shared or frozen.
  return JSON.parse(JSON.stringify({ ...fresh, users: [...users, { ...neo4j, created: 7 + count }], nextSequence: 8 + count }));
}

function loadMs(count, runs) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const snapshot = snapshotWith(count);
    const start = performance.now();
    const db = SystemDatabase.fromJSON(snapshot);
    times.push(performance.now() - start);
    if (db.toJSON().users.length !== count + 1) throw new Error('lost users');
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

loadMs(10_000, 3); // warm-up
const at100k = loadMs(100_000, 3);
const at1m = loadMs(1_000_000, 3);
const results = {
  millisecondsToLoad: { users100k: Math.round(at100k), users1m: Math.round(at1m) },
  ratio1mTo100k: Number((at1m / at100k).toFixed(1)),
};
mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(join(here, 'out/load-results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('Loading a saved database (fromJSON)');
console.log(`  100,000 users:   ${results.millisecondsToLoad.users100k} ms (target < 1000 ms)`);
console.log(`  1,000,000 users: ${results.millisecondsToLoad.users1m} ms`);
console.log(`  ratio: ${results.ratio1mTo100k} (linear: about 10)`);
