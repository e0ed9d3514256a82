// `npm run bench`: every benchmark script, one Node process each, in order; the first that fails
// stops the run. Arguments (after `npm run bench --`):
//   NAME ...    only these scripts (`startup`, `executor`, ...: bench/NAME.js)
//   --profile   also write V8 CPU profiles to bench/out/profiles/NAME/: NAME.cpuprofile for the
//               script's own process, SCRIPT-PID.cpuprofile for every Node process it starts (the
//               cold parse, the CLI, the servers that exit cleanly), by bench/profile-preload.js.
//               Open them in Chrome DevTools (Performance > Load profile) or VS Code. The bundles
//               are rebuilt for it with our functions' names kept (and rebuilt as usual after), so
//               that the profiles name them. Profiling slows everything down: the figures of a
//               profiled run are not comparable with those of a plain one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const SCRIPTS = ['run', 'startup', 'hostile', 'executor', 'memberships', 'load', 'size', 'bolt', 'http'];

const args = process.argv.slice(2);
const profile = args.includes('--profile');
const unknownOption = args.find((a) => a.startsWith('-') && a !== '--profile');
const names = args.filter((a) => !a.startsWith('-'));
const unknownName = names.find((n) => !SCRIPTS.includes(n));
if (unknownOption || unknownName) {
  console.error(
    `bench: unknown ${unknownOption ? `option ${unknownOption}` : `benchmark ${unknownName}`}; benchmarks: ${SCRIPTS.join(', ')}`,
  );
  process.exit(2);
}

/** Rebuilds dist/ (scripts/bundle.mjs), with our functions' names kept when `readable`. */
function bundle(readable) {
  const env = { ...process.env, SYSDB_READABLE_BUNDLE: readable ? '1' : '0' };
  const { status } = spawnSync(process.execPath, [join(root, 'scripts/bundle.mjs')], { cwd: root, env, stdio: 'inherit' });
  if (status !== 0) {
    console.error('bench: scripts/bundle.mjs failed');
    process.exit(status ?? 1);
  }
}

if (profile) bundle(true);
process.on('exit', () => {
  if (profile) bundle(false);
});

for (const name of names.length > 0 ? SCRIPTS.filter((s) => names.includes(s)) : SCRIPTS) {
  const env = { ...process.env };
  let dir;
  if (profile) {
    dir = join(here, 'out/profiles', name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // NODE_OPTIONS reaches the script's process and every Node process it starts.
    env.BENCH_PROFILE_DIR = dir;
    env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--import=${pathToFileURL(join(here, 'profile-preload.js')).href}`]
      .filter(Boolean)
      .join(' ');
  }
  console.log(`\n== bench/${name}.js${profile ? ' (profiled)' : ''}`);
  const { status, signal, pid } = spawnSync(process.execPath, [join(here, `${name}.js`)], { cwd: root, env, stdio: 'inherit' });
  if (dir) {
    const own = `${name}-${pid}.cpuprofile`;
    if (readdirSync(dir).includes(own)) renameSync(join(dir, own), join(dir, `${name}.cpuprofile`));
    console.log(`profiles: ${readdirSync(dir).length} in ${relative(root, dir)}/ (${name}.cpuprofile is the script's own process)`);
  }
  if (status !== 0) {
    console.error(`bench/${name}.js failed (${signal ?? `exit status ${status}`})`);
    process.exit(status ?? 1);
  }
}
