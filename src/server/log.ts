/**
 * The server's log: one line per event (a connection opened or closed, a failed login, a problem).
 * Lines never hold a password: callers log names, addresses and reasons, never what a client sent.
 */
export interface ServerLog {
  /** Connections opening and closing, failed logins. */
  info(line: string): void;
  /** Detail for chasing a problem: socket errors, protocol steps. */
  debug(line: string): void;
  /** Something went wrong that an operator should see: a refused connection, a failed save. */
  warn(line: string): void;
}

/** `quiet` (the default) shows warnings only, `info` adds connections and logins, `debug` everything. */
export type LogLevel = 'quiet' | 'info' | 'debug';

export const LOG_LEVELS: readonly LogLevel[] = ['quiet', 'info', 'debug'];

/** Drops the lines below `level`; warnings always pass. */
export function filterLog(log: ServerLog, level: LogLevel): ServerLog {
  const info = level !== 'quiet';
  const debug = level === 'debug';
  return {
    info: (line) => {
      if (info) log.info(line);
    },
    debug: (line) => {
      if (debug) log.debug(line);
    },
    warn: (line) => log.warn(line),
  };
}

/**
 * Lines to standard error (or `write`), each tagged with its level. No timestamp: a container
 * runtime or a test runner adds its own.
 */
export function stderrLog(level: LogLevel = 'quiet', write: (text: string) => void = (text) => process.stderr.write(text)): ServerLog {
  return filterLog(
    {
      info: (line) => write(`INFO  ${line}\n`),
      debug: (line) => write(`DEBUG ${line}\n`),
      warn: (line) => write(`WARN  ${line}\n`),
    },
    level,
  );
}

/** Every line starting with `prefix`: what one connection logs carries its name. */
export function prefixedLog(log: ServerLog, prefix: string): ServerLog {
  return {
    info: (line) => log.info(`${prefix}${line}`),
    debug: (line) => log.debug(`${prefix}${line}`),
    warn: (line) => log.warn(`${prefix}${line}`),
  };
}
