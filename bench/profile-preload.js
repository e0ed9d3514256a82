// Preloaded into every Node process of a `npm run bench -- --profile` run (NODE_OPTIONS=--import,
// since Node refuses --cpu-prof there): V8's sampling profiler from the first line, its profile
// written to $BENCH_PROFILE_DIR/<script>-<pid>.cpuprofile when the process exits. A process killed
// by a signal writes none. The in-thread inspector session answers synchronously, so 'exit' can
// still write.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { basename, join } from 'node:path';

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      const script = process.argv[1] ? basename(process.argv[1]).replace(/\.[cm]?js$/, '') : 'eval';
      writeFileSync(join(dir, `${script}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
