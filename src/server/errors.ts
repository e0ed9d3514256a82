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
