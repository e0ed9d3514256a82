import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { FileError } from '../../src/cli/io.js';

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly written: Map<string, string>;
}

/** Runs `sysdb` in-process over an in-memory file system. */
export function runCli(argv: string[], files: Record<string, string> = {}, stdin = '', stderrIsTTY = false, stdoutColour = false): CliRun {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stderrIsTTY,
    stdoutColour,
    readStdin: () => stdin,
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new FileError(`cannot read '${path}': no such file or directory`);
      return text;
    },
    writeFile: (path, text) => void written.set(path, text),
    expand: (path) => {
      if (files[path] !== undefined) return [path];
      const directory = path.replace(/\/+$/, '');
      const below = Object.keys(files)
        .filter((f) => f.startsWith(`${directory}/`) && f.endsWith('.cypher'))
        .sort();
      if (below.length === 0) throw new FileError(`cannot read '${path}': no such file or directory`);
      return below;
    },
  };
  const status = main(argv, io);
  if (typeof status !== 'number') throw new Error('runCli runs the commands that finish at once; test serve with serve() itself');
  return { status, stdout, stderr, written };
}
