/** Command-line arguments: `sysdb <command> [files...] [--option value] [--flag]`. */
export class UsageError extends Error {}

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
}

/** Options that take a value; every other `--name` is a flag. */
const VALUED = new Set([
  '--format',
  '--min-password-length',
  '--params',
  '--state',
  '--save',
  '--as',
  '--databases',
  '--auth-providers',
  '--max-steps',
  '--max-memory',
  '--bolt',
  '--http',
  '--data',
  '--initial-password',
  '--log-level',
  '--max-connections',
  '--max-message-bytes',
  '--max-diagnostics',
]);

export function parseArgs(argv: readonly string[], allowed: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  // One iterator for the loop and for option values: taking a value consumes the next argument.
  const rest = argv.values();
  for (const arg of rest) {
    if (arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!allowed.includes(name)) throw new UsageError(`unknown option '${name}'`);
    if (VALUED.has(name)) {
      const value = inline ?? rest.next().value;
      if (value === undefined) throw new UsageError(`option '${name}' needs a value`);
      options.set(name, value);
    } else {
      options.set(name, true);
    }
  }
  return { positional, options };
}

export function choice(args: ParsedArgs, name: string, values: readonly string[], fallback: string): string {
  const value = args.options.get(name);
  if (value === undefined) return fallback;
  if (value === true || !values.includes(value)) throw new UsageError(`option '${name}' must be one of ${values.join(', ')}`);
  return value;
}

export function positiveInteger(args: ParsedArgs, name: string): number | undefined {
  const value = args.options.get(name);
  if (value === undefined) return undefined;
  if (value === true || !/^[0-9]+$/.test(value)) throw new UsageError(`option '${name}' must be a non-negative integer`);
  return Number(value);
}

/** A comma-separated list option (`--databases a,b`), without empty items. */
export function listOption(value: string | true | undefined, option: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (value === true) throw new UsageError(`option '${option}' needs a comma-separated list`);
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
