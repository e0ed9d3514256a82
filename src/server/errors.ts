/** The server's own errors: what a caller of `startServer` (or the CLI) is told, in one line each. */

/** An option with a value the server cannot use; `option` names it as `startServer` does. */
export class ServerOptionError extends Error {
  readonly option: string;
  /** What is wrong, without the option's name (the CLI names its flag or environment variable instead). */
  readonly reason: string;

  constructor(option: string, reason: string) {
    super(`${option}: ${reason}`);
    this.name = 'ServerOptionError';
    this.option = option;
    this.reason = reason;
  }
}

/** The server could not start: the address is taken, the data file cannot be read or written. */
export class ServerStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerStartError';
  }
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EADDRINUSE: 'address already in use',
  EADDRNOTAVAIL: 'address not available',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'no such host',
};

/** A system error (file or network) as a short reason ("permission denied"), else its message. */
export function describeSystemError(error: unknown): string {
  return REASONS[(error as NodeJS.ErrnoException).code ?? ''] ?? (error instanceof Error ? error.message : String(error));
}
