/** What the CLI touches outside itself, injectable so tests can run it in-process. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Progress is only drawn on a terminal. */
  readonly stderrIsTTY: boolean;
  readonly readStdin: () => string;
  readonly readFile: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
  /** Files below a directory (recursively) or the path itself; throws if it does not exist. */
  readonly expand: (path: string) => string[];
}

export class FileError extends Error {}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (error as Error).message;
}

function cypherFilesBelow(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...cypherFilesBelow(path));
    else if (entry.name.endsWith('.cypher')) found.push(path);
  }
  return found;
}

export const nodeIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  readStdin: () => readFileSync(0, 'utf8'),
  readFile: (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      throw new FileError(`cannot read '${path}': ${describe(error)}`);
    }
  },
  writeFile: (path, text) => {
    try {
      writeFileSync(path, text);
    } catch (error) {
      throw new FileError(`cannot write '${path}': ${describe(error)}`);
    }
  },
  expand: (path) => {
    try {
      return statSync(path).isDirectory() ? cypherFilesBelow(path) : [path];
    } catch (error) {
      throw new FileError(`cannot read '${path}': ${describe(error)}`);
    }
  },
};
