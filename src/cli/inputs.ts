/** The files a command works on: paths, directories (searched for *.cypher) or `-` for stdin. */
import { UsageError } from './args.js';
import type { CliIO } from './io.js';

export interface Input {
  /** As given on the command line; `<stdin>` for `-`. */
  readonly name: string;
  readonly path: string | null;
  readonly text: string;
}

export function readInputs(paths: readonly string[], io: CliIO): Input[] {
  if (paths.length === 0) throw new UsageError('no input files (give files, directories, or - for stdin)');
  const inputs: Input[] = [];
  for (const path of paths) {
    if (path === '-') {
      inputs.push({ name: '<stdin>', path: null, text: io.readStdin() });
      continue;
    }
    for (const file of io.expand(path)) inputs.push({ name: file, path: file, text: io.readFile(file) });
  }
  return inputs;
}
