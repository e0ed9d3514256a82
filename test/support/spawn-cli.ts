/**
 * `sysdb` as a child process: the bundled CLI (bin/sysdb.js) once `npm run build` has made it, else
 * the sources through tsx, so that tests of long-running commands run either way.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const built = existsSync(join(root, 'dist/sysdb.cjs'));

const FROM_SOURCE = `
const { main } = await import(${JSON.stringify(join(root, 'src/cli/main.ts'))});
const status = main(process.argv.slice(1));
process.exitCode = typeof status === 'number' ? status : await status;`;

export interface Child {
  readonly process: ChildProcessWithoutNullStreams;
  /** Everything written so far. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the first line of standard output that matches. */
  readonly line: (pattern: RegExp) => Promise<RegExpExecArray>;
  /** Resolves once `text` appears on standard error. */
  readonly stderrContains: (text: string) => Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnSysdb(args: readonly string[], env: Record<string, string | undefined> = {}): Child {
  const argv = built ? ['bin/sysdb.js', ...args] : ['--import', 'tsx', '--input-type=module', '--eval', FROM_SOURCE, ...args];
  const environment = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete environment[key];
  const child = spawn(process.execPath, argv, { cwd: root, env: environment });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += String(chunk);
    changed();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += String(chunk);
    changed();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      changed();
      resolve({ code, signal });
    }),
  );
  const until = <T>(check: () => T | null): Promise<T> =>
    new Promise((resolve, reject) => {
      const test = () => {
        const found = check();
        if (found !== null) {
          listeners.delete(test);
          resolve(found);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          listeners.delete(test);
          reject(new Error(`sysdb exited first; stdout: ${stdout} stderr: ${stderr}`));
        }
      };
      listeners.add(test);
      test();
    });
  return {
    process: child,
    stdout: () => stdout,
    stderr: () => stderr,
    line: (pattern) => until(() => stdout.split('\n').reduce<RegExpExecArray | null>((found, l) => found ?? pattern.exec(l), null)),
    stderrContains: (text) => until(() => (stderr.includes(text) ? true : null)).then(() => undefined),
    exited,
  };
}
