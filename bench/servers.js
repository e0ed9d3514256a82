// What the server benchmarks share: spawning a server process and waiting for the URL it prints,
// stopping it, and the statistics they report.
import { spawn } from 'node:child_process';

/** Spawns `node args` and resolves with the child and the first match of `urlPattern`'s group 1 in its stdout. */
export function launch(args, urlPattern) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (data) => {
      out += data;
      const url = urlPattern.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
}

export const stop = (child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
export const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
export const median = (values) => percentile(values, 50);
