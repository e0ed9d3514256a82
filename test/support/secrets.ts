/** Every place a user can see text cypher-sysdb produced for a script, for tests that a secret never reaches. */
import { SystemDatabase } from '../../src/database.js';
import { maskPasswords } from '../../src/render/mask.js';
import { parse } from '../../src/parse.js';
import { runCli } from './cli.js';

export interface Channel {
  readonly name: string;
  readonly text: string;
}

/** What each output channel shows for `script`, as a user (or a CI log) would see it. */
export function outputChannels(script: string, params: Record<string, unknown> = {}): Channel[] {
  const files = { 's.cypher': script, 'p.json': JSON.stringify(params) };
  const channels: Channel[] = [];
  for (const format of ['text', 'json', 'github']) {
    const run = runCli(['lint', '--format', format, 's.cypher'], files);
    channels.push({ name: `lint --format ${format}`, text: run.stdout + run.stderr });
  }
  for (const format of ['table', 'json']) {
    const run = runCli(['run', '--continue-on-error', '--format', format, 's.cypher', '--params', 'p.json'], files);
    channels.push({ name: `run --format ${format}`, text: run.stdout + run.stderr });
  }
  for (const format of ['text', 'json']) {
    for (const check of [[], ['--rerun']]) {
      const run = runCli(['plan', ...check, '--format', format, 's.cypher', '--params', 'p.json'], files);
      channels.push({ name: `plan ${check.join(' ')} --format ${format}`, text: run.stdout + run.stderr });
    }
  }
  const saved = runCli(['run', '--continue-on-error', 's.cypher', '--params', 'p.json', '--save', 'after.json'], files).written.get(
    'after.json',
  );
  const states = { ...files, 'before.json': JSON.stringify(SystemDatabase.create().toJSON()), 'after.json': saved ?? '' };
  for (const argv of [
    ['dump', '--state', 'after.json'],
    ['diff', 'before.json', 'after.json'],
    ['diff', '--format', 'json', 'before.json', 'after.json'],
  ]) {
    const run = runCli(argv, states);
    channels.push({ name: argv.slice(0, 3).join(' '), text: run.stdout + run.stderr });
  }
  const { statements } = SystemDatabase.create().runScript(script, { params, onError: 'continue' });
  channels.push({ name: 'runScript()', text: JSON.stringify(statements) });
  channels.push({ name: 'parse()', text: JSON.stringify(parse(script).diagnostics) });
  channels.push({ name: 'maskPasswords()', text: maskPasswords(script).text });
  return channels;
}

/** The channels that show `secret`. */
export function leaks(script: string, secret: string, params: Record<string, unknown> = {}): string[] {
  return outputChannels(script, params)
    .filter((c) => c.text.includes(secret))
    .map((c) => c.name);
}
