// `npm run bench`: the Bolt server (`sysdb serve`) against a canned Bolt stub (bench/bolt-stub.js: framing
// and prepared replies, no PackStream decoding, no Cypher, no store), both driven by the real neo4j-driver
// from this process, in one run: start-up (spawn to first answered query), round trips on one session
// (in rounds alternating between the two servers), and throughput and latency with 50 concurrent
// sessions. Ratios matter; the machine is shared and noisy.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, median, percentile, stop } from './servers.js';
import neo4j from 'neo4j-driver';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'bench-secret';
const QUERY = 'SHOW USERS';

const URL_PATTERN = /(bolt:\/\/[\d.]+:\d+)/;

const SERVERS = {
  sysdb: [join(root, 'bin/sysdb.js'), 'serve', '--bolt', '127.0.0.1:0', '--initial-password', PASSWORD],
  stub: [join(root, 'bench/bolt-stub.js')],
};

async function startup(args) {
  const start = performance.now();
  const { child, url } = await launch(args, URL_PATTERN);
  const driver = neo4j.driver(url, neo4j.auth.basic('neo4j', PASSWORD));
  await driver.executeQuery(QUERY, {}, { database: 'system' });
  const ms = performance.now() - start;
  await driver.close();
  await stop(child);
  return ms;
}

async function oneSession(driver, count) {
  const session = driver.session({ database: 'system' });
  const latencies = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await session.run(QUERY);
    latencies.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  await session.close();
  return { perSecond: count / seconds, latencies };
}

async function manySessions(driver, sessions, each) {
  const start = performance.now();
  const runs = await Promise.all(Array.from({ length: sessions }, () => oneSession(driver, each)));
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: (sessions * each) / seconds, latencies: runs.flatMap((r) => r.latencies) };
}

const ROUNDS = 10;
const ROUND_TRIPS = 200;

const startups = {};
for (const [name, args] of Object.entries(SERVERS)) {
  startups[name] = [];
  for (let i = 0; i < 5; i++) startups[name].push(await startup(args));
}
const running = {};
for (const [name, args] of Object.entries(SERVERS)) {
  const { child, url } = await launch(args, URL_PATTERN);
  running[name] = { child, driver: neo4j.driver(url, neo4j.auth.basic('neo4j', PASSWORD), { maxConnectionPoolSize: 100 }) };
}
for (const { driver } of Object.values(running)) await oneSession(driver, 200); // warm-up
// One session: 2000 round trips each, in rounds that alternate between the servers. The driver runs in
// this process, so whichever server went first in one block was measured on a colder driver (the
// sysdb-first order gave 0.26-0.89x, stub-first 1.32x, on the same build). The ratio is the median of
// the rounds' ratios: each pair of rounds ran back to back, so a burst of load elsewhere on the
// machine skews one pair, not the result.
const rounds = Object.fromEntries(Object.keys(running).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  // ABBA: each server goes first in half the pairs, so neither always follows the other's leftover work.
  const order = round % 2 === 0 ? Object.entries(running) : Object.entries(running).reverse();
  for (const [name, { driver }] of order) rounds[name].push(await oneSession(driver, ROUND_TRIPS));
}
const results = {};
for (const [name, { child, driver }] of Object.entries(running)) {
  const concurrent = await manySessions(driver, 50, 100);
  await driver.close();
  await stop(child);
  const seconds = rounds[name].reduce((sum, r) => sum + r.latencies.length / r.perSecond, 0);
  const single = { perSecond: (ROUNDS * ROUND_TRIPS) / seconds, latencies: rounds[name].flatMap((r) => r.latencies) };
  results[name] = { startup: median(startups[name]), single, concurrent };
}

const singleRatio = median(rounds.sysdb.map((r, i) => r.perSecond / rounds.stub[i].perSecond));
const ms = (v) => `${v.toFixed(2)} ms`;
const { sysdb, stub } = results;
console.log('\nBolt server: sysdb serve against a canned Bolt stub, both driven by neo4j-driver from this process');
console.log(`  start-up, spawn to first answered query   sysdb ${ms(sysdb.startup)}   stub ${ms(stub.startup)}   (target under 300 ms)`);
console.log(
  `  one session, round trips/s                 sysdb ${sysdb.single.perSecond.toFixed(0)}   stub ${stub.single.perSecond.toFixed(0)}   ratio ${singleRatio.toFixed(2)}x (median of ${ROUNDS} paired rounds; target at least 0.7x)`,
);
console.log(
  `  50 sessions, statements/s                  sysdb ${sysdb.concurrent.perSecond.toFixed(0)}   stub ${stub.concurrent.perSecond.toFixed(0)}   ratio ${(sysdb.concurrent.perSecond / stub.concurrent.perSecond).toFixed(2)}x; sysdb gains ${(sysdb.concurrent.perSecond / sysdb.single.perSecond).toFixed(2)}x over one session`,
);
for (const [name, r] of Object.entries(results)) {
  console.log(
    `  ${name.padEnd(5)} latency p50/p99: one session ${ms(percentile(r.single.latencies, 50))} / ${ms(percentile(r.single.latencies, 99))}, 50 sessions ${ms(percentile(r.concurrent.latencies, 50))} / ${ms(percentile(r.concurrent.latencies, 99))}`,
  );
}
