// `npm run bench`: the HTTP Query API (`sysdb serve --http`) against the same run's floor, a plain
// node:http server answering a canned body (bench/http-floor.js), both driven by fetch from this
// process: auto-commit `SHOW USERS` requests per second with 1 and with 20 concurrent clients, each
// client sending one request after another. Target: at least 0.5x the floor. Ratios matter; the
// machine is shared and noisy.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, percentile, stop } from './servers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'bench-secret';
const AUTH = `Basic ${Buffer.from(`neo4j:${PASSWORD}`).toString('base64')}`;
const BODY = JSON.stringify({ statement: 'SHOW USERS' });

const URL_PATTERN = /HTTP listening on (http:\/\/[\d.]+:\d+)/;

const SERVERS = {
  sysdb: [join(root, 'bin/sysdb.js'), 'serve', '--bolt', '127.0.0.1:0', '--http', '127.0.0.1:0', '--initial-password', PASSWORD],
  floor: [join(root, 'bench/http-floor.js')],
};

async function oneClient(url, count) {
  const latencies = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const response = await fetch(`${url}/db/system/query/v2`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json', accept: 'application/json' },
      body: BODY,
    });
    await response.text();
    if (response.status !== 202) throw new Error(`answered ${response.status}`);
    latencies.push(performance.now() - t);
  }
  return latencies;
}

async function clients(url, concurrent, each) {
  const start = performance.now();
  const runs = await Promise.all(Array.from({ length: concurrent }, () => oneClient(url, each)));
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: (concurrent * each) / seconds, latencies: runs.flat() };
}

const results = {};
for (const [name, args] of Object.entries(SERVERS)) {
  const { child, url } = await launch(args, URL_PATTERN);
  await clients(url, 1, 300); // warm-up
  const single = await clients(url, 1, 3000);
  const many = await clients(url, 20, 300);
  await stop(child);
  results[name] = { single, many };
}

const ms = (v) => `${v.toFixed(2)} ms`;
const { sysdb, floor } = results;
const ratio = (a, b) => (a.perSecond / b.perSecond).toFixed(2);
console.log('\nHTTP Query API: sysdb serve --http against a canned node:http server, both driven by fetch from this process');
console.log(
  `  1 client, requests/s     sysdb ${sysdb.single.perSecond.toFixed(0)}   floor ${floor.single.perSecond.toFixed(0)}   ratio ${ratio(sysdb.single, floor.single)}x (target at least 0.5x)`,
);
console.log(
  `  20 clients, requests/s   sysdb ${sysdb.many.perSecond.toFixed(0)}   floor ${floor.many.perSecond.toFixed(0)}   ratio ${ratio(sysdb.many, floor.many)}x (target at least 0.5x)`,
);
for (const [name, r] of Object.entries(results)) {
  console.log(
    `  ${name.padEnd(5)} latency p50/p99: 1 client ${ms(percentile(r.single.latencies, 50))} / ${ms(percentile(r.single.latencies, 99))}, 20 clients ${ms(percentile(r.many.latencies, 50))} / ${ms(percentile(r.many.latencies, 99))}`,
  );
}
