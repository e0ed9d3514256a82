/** What the CLI touches outside itself, injectable so tests can run it in-process. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic, type AtomicFs } from '../server/atomic-write.js';
import { describeSystemError } from '../server/system-errors.js';

export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Progress is only drawn on a terminal. */
  readonly stderrIsTTY: boolean;
  /** Standard output is a terminal and NO_COLOR is not set: plans may be coloured. */
  readonly stdoutColour?: boolean;
  readonly readStdin: () => string;
  readonly readFile: (path: string) => string;
  /** Replaces the file atomically: a crash leaves the old content or the new, never a part. */
  readonly writeFile: (path: string, text: string) => void;
  /** Files below a directory (recursively) or the path itself; throws if it does not exist. */
  readonly expand: (path: string) => string[];
}

export class FileError extends Error {}

/** Editors on Windows often start UTF-8 files with a byte order mark; it is not part of the text. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The CLI's write; a test passes a file system that fails. */
export function writeFileOrFail(path: string, text: string, fs?: AtomicFs): void {
  try {
    writeFileAtomic(path, text, fs);
  } catch (error) {
    throw new FileError(`cannot write '${path}': ${describeSystemError(error)}`);
  }
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

/** Status of a Unix tool stopped by SIGPIPE (128 + 13), which Node turns into an EPIPE error instead. */
export const CLOSED_PIPE_STATUS = 141;

let pipesWatched = false;

/**
 * A reader that stops early (`sysdb lint big.cypher | head`) closes the pipe: the CLI then stops
 * quietly with the status such a tool gets, rather than reporting the write error as a bug of its own.
 */
function watchPipes(): void {
  if (pipesWatched) return;
  pipesWatched = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(CLOSED_PIPE_STATUS);
      throw error;
    });
  }
}

export const nodeIO: CliIO = {
  stdout: (text) => {
    watchPipes();
    process.stdout.write(text);
  },
  stderr: (text) => {
    watchPipes();
    process.stderr.write(text);
  },
  stderrIsTTY: process.stderr.isTTY === true,
  // https://no-color.org: a NO_COLOR that is set and not empty turns colour off.
  stdoutColour: process.stdout.isTTY === true && !process.env['NO_COLOR'],
  readStdin: () => withoutBom(readFileSync(0, 'utf8')),
  readFile: (path) => {
    try {
      return withoutBom(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new FileError(`cannot read '${path}': ${describeSystemError(error)}`);
    }
  },
  writeFile: (path, text) => writeFileOrFail(path, text),
  expand: (path) => {
    try {
      return statSync(path).isDirectory() ? cypherFilesBelow(path) : [path];
    } catch (error) {
      throw new FileError(`cannot read '${path}': ${describeSystemError(error)}`);
    }
  },
};
