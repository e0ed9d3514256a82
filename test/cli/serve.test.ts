/**
 * `sysdb serve`: start-up as Neo4j's Docker image is configured (NEO4J_AUTH, flags winning over it),
 * the line it prints, the connection limit, logs, and a clean stop on SIGTERM or SIGINT.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SystemDatabase } from '../../src/index.js';
import type { CliIO } from '../../src/cli/io.js';
import { serve, SERVE_HELP } from '../../src/cli/serve.js';
import type { BoltServer } from '../../src/server/index.js';
import { runCli } from '../support/cli.js';
import { closed, connect, firstData } from '../support/server.js';
import { spawnSysdb, type Child } from '../support/spawn-cli.js';

const LISTENING = /^Bolt listening on bolt:\/\/127\.0\.0\.1:(\d+)$/;

let folder: string;
const children: Child[] = [];
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sysdb-serve-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.process.kill('SIGKILL');
    await child.exited;
  }
  rmSync(folder, { recursive: true, force: true });
});

function sysdb(args: string[], env: Record<string, string | undefined> = { NEO4J_AUTH: undefined }): Child {
  const child = spawnSysdb(args, env);
  children.push(child);
  return child;
}

async function port(child: Child): Promise<number> {
  return Number((await child.line(LISTENING))[1]);
}

describe('sysdb serve, as a process', () => {
  it('prints one line with its URL, accepts connections, and exits 0 on SIGTERM', async () => {
    const child = sysdb(['serve', '--bolt', '127.0.0.1:0']);
    const p = await port(child);
    const socket = await connect(p);
    // An open connection is ended by the server, not reset: the client reads an orderly end.
    const ended = new Promise<boolean>((resolve) => {
      socket.on('end', () => resolve(true));
      socket.on('error', () => resolve(false));
    });
    socket.resume();
    child.process.kill('SIGTERM');
    expect(await ended).toBe(true);
    socket.end();
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.stdout()).toBe(`Bolt listening on bolt://127.0.0.1:${p}\n`);
    expect(child.stderr()).toBe('');
  });

  it('exits 0 on SIGINT too', async () => {
    const child = sysdb(['serve', '--bolt', '127.0.0.1:0']);
    await port(child);
    child.process.kill('SIGINT');
    expect(await child.exited).toEqual({ code: 0, signal: null });
  });

  it('logs one line as each connection opens and closes with --log-level info', async () => {
    const child = sysdb(['serve', '--bolt', '127.0.0.1:0', '--log-level', 'info']);
    const socket = await connect(await port(child));
    const local = socket.localPort;
    socket.end();
    await closed(socket);
    await child.stderrContains('connection 1 closed');
    child.process.kill('SIGTERM');
    await child.exited;
    expect(child.stderr()).toBe(`INFO  connection 1 from 127.0.0.1:${local} opened\nINFO  connection 1 closed\n`);
  });

  it('closes a connection over --max-connections at once, with a warning even when quiet', async () => {
    const child = sysdb(['serve', '--bolt', '127.0.0.1:0', '--max-connections', '1']);
    const p = await port(child);
    const first = await connect(p);
    first.on('error', () => {});
    // The first is held open (its client has sent nothing yet); the second is one too many.
    await new Promise((r) => setTimeout(r, 100));
    const second = await connect(p);
    const local = second.localPort;
    await closed(second);
    await child.stderrContains('refused');
    expect(child.stderr()).toBe(`WARN  connection 2 from 127.0.0.1:${local} refused: 1 connection open, the most allowed\n`);
    expect(first.destroyed).toBe(false);
    first.destroy();
  });

  it('with --http, prints the HTTP URL as a second line and serves the Query API on the same database until SIGTERM', async () => {
    const child = sysdb(['serve', '--bolt', '127.0.0.1:0', '--http', '127.0.0.1:0'], { NEO4J_AUTH: 'neo4j/secret123' });
    const bolt = await port(child);
    const http = Number((await child.line(/^HTTP listening on http:\/\/127\.0\.0\.1:(\d+)$/))[1]);
    expect(child.stdout()).toBe(`Bolt listening on bolt://127.0.0.1:${bolt}\nHTTP listening on http://127.0.0.1:${http}\n`);
    const response = await fetch(`http://127.0.0.1:${http}/db/system/query/v2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('neo4j:secret123').toString('base64')}` },
      body: JSON.stringify({ statement: 'SHOW USERS YIELD user' }),
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ data: { fields: ['user'], values: [['neo4j']] }, bookmarks: ['FB:sysdb:0'] });
    child.process.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.stderr()).toBe('');
    await expect(fetch(`http://127.0.0.1:${http}/`)).rejects.toThrow();
  });

  it('says in one line that the HTTP address is taken, and exits 2', async () => {
    const first = sysdb(['serve', '--bolt', '127.0.0.1:0', '--http', '127.0.0.1:0']);
    await port(first);
    const taken = Number((await first.line(/^HTTP listening on http:\/\/127\.0\.0\.1:(\d+)$/))[1]);
    const second = sysdb(['serve', '--bolt', '127.0.0.1:0', '--http', `127.0.0.1:${taken}`]);
    expect((await second.exited).code).toBe(2);
    expect(second.stderr()).toBe(`sysdb: cannot listen on 127.0.0.1:${taken}: address already in use\n`);
    expect(second.stdout()).toBe('');
  });

  it('creates the --data file at start and keeps it after a stop', async () => {
    const path = join(folder, 'db.json');
    const child = sysdb(['serve', '--bolt', '127.0.0.1:0', '--data', path], { NEO4J_AUTH: 'neo4j/secret123' });
    await port(child);
    child.process.kill('SIGTERM');
    expect((await child.exited).code).toBe(0);
    const db = SystemDatabase.fromJSON(readFileSync(path, 'utf8'));
    expect(db.login('neo4j')?.passwordMatches('secret123')).toBe(true);
  });

  it('says in one line that the address is taken, and exits 2', async () => {
    const first = sysdb(['serve', '--bolt', '127.0.0.1:0']);
    const p = await port(first);
    const second = sysdb(['serve', '--bolt', `127.0.0.1:${p}`]);
    expect((await second.exited).code).toBe(2);
    expect(second.stderr()).toBe(`sysdb: cannot listen on 127.0.0.1:${p}: address already in use\n`);
    expect(second.stdout()).toBe('');
  });

  const PASSWORD = 'Sup3r/secret';
  it.each([
    ['neo4j', 'Invalid value for NEO4J_AUTH: expected none, neo4j/<password> or neo4j/<password>/true'],
    [`neo4j/${PASSWORD}`, 'Invalid value for NEO4J_AUTH: expected none, neo4j/<password> or neo4j/<password>/true'],
    [`admin/Sup3rsecret`, 'NEO4J_AUTH: Invalid admin username, it must be neo4j.'],
    ['neo4j/neo4j', "NEO4J_AUTH: Invalid value for password. It cannot be 'neo4j', which is the default."],
    ['neo4j/short', 'NEO4J_AUTH: A password must be at least 8 characters.'],
  ])('refuses NEO4J_AUTH=%s with a usage error that does not show the value', async (value, message) => {
    const child = sysdb(['serve', '--bolt', '127.0.0.1:0'], { NEO4J_AUTH: value });
    expect((await child.exited).code).toBe(2);
    expect(child.stderr()).toBe(`sysdb serve: ${message}\n${SERVE_HELP}`);
    expect(child.stdout()).toBe('');
    const password = value.split('/')[1];
    if (password !== undefined && password !== 'neo4j') expect(child.stderr()).not.toContain(password);
  });

  it('refuses a short --initial-password in the same words, naming the flag', async () => {
    const child = sysdb(['serve', '--bolt', '127.0.0.1:0', '--initial-password', 'abc']);
    expect((await child.exited).code).toBe(2);
    expect(child.stderr()).toBe(`sysdb serve: --initial-password: A password must be at least 8 characters.\n${SERVE_HELP}`);
  });
});

/** An io that collects what is printed. */
function capture() {
  const out = { stdout: '', stderr: '' };
  const io: CliIO = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    stderrIsTTY: false,
    readStdin: () => '',
    readFile: () => '',
    writeFile: () => {},
    expand: (p) => [p],
  };
  return { io, out };
}

/** `serve` in-process: what it prints, the server it started (to look at its DBMS), and its stop. */
async function serveInProcess(argv: readonly string[], env: Record<string, string> = {}) {
  const { io, out } = capture();
  let stop = () => {};
  const stopped = new Promise<void>((r) => (stop = r));
  let status: Promise<number> = Promise.resolve(-1);
  const server = await new Promise<BoltServer>((resolve, reject) => {
    status = serve(['--bolt', '127.0.0.1:0', ...argv], io, { env, stop: stopped, started: resolve });
    status.catch(reject);
  });
  return {
    server,
    out,
    stop: () => {
      stop();
      return status;
    },
  };
}

describe('sysdb serve: authentication, from flags and NEO4J_AUTH', () => {
  it('without either, neo4j/neo4j must change its password first', async () => {
    const run = await serveInProcess([]);
    expect(run.server.authEnabled).toBe(true);
    expect(run.server.dbms.authenticate('neo4j', 'neo4j')).toEqual({ user: 'neo4j', passwordChangeRequired: true });
    expect(run.out.stdout).toBe(`Bolt listening on ${run.server.boltUrl}\n`);
    expect(await run.stop()).toBe(0);
    expect(run.out.stderr).toBe('');
  });

  it.each([
    [{ NEO4J_AUTH: 'none' }, [], false, null],
    [{ NEO4J_AUTH: '' }, [], true, ['neo4j', true]],
    [{ NEO4J_AUTH: 'neo4j/secret123' }, [], true, ['secret123', false]],
    [{ NEO4J_AUTH: 'neo4j/secret123/true' }, [], true, ['secret123', true]],
    [{ NEO4J_AUTH: 'neo4j/secret123/TRUE' }, [], true, ['secret123', true]],
    [{}, ['--initial-password', 'secret123'], true, ['secret123', false]],
    [{}, ['--no-auth'], false, ['neo4j', true]],
    // Flags win over the environment, which is then not read at all.
    [{ NEO4J_AUTH: 'none' }, ['--initial-password', 'secret123'], true, ['secret123', false]],
    [{ NEO4J_AUTH: 'neo4j/secret123' }, ['--no-auth'], false, ['neo4j', true]],
    [{ NEO4J_AUTH: 'garbage' }, ['--no-auth'], false, ['neo4j', true]],
  ] as const)('env %j with %j: auth %s, neo4j logs in with %j', async (env, argv, auth, login) => {
    const run = await serveInProcess([...argv], env);
    expect(run.server.authEnabled).toBe(auth);
    if (login !== null) {
      const [password, changeRequired] = login;
      expect(run.server.dbms.authenticate('neo4j', password).passwordChangeRequired).toBe(changeRequired);
    }
    await run.stop();
  });

  it('never logs a password', async () => {
    const run = await serveInProcess(['--log-level', 'debug', '--data', join(folder, 'db.json')], { NEO4J_AUTH: 'neo4j/Hunter2secret' });
    const socket = await connect(run.server.port);
    // A Bolt handshake offering 5.0; whatever the answer, the client then goes.
    const reply = firstData(socket);
    socket.write(Buffer.from('6060b017' + '00000005' + '0'.repeat(24), 'hex'));
    await reply;
    socket.destroy();
    await new Promise((r) => setTimeout(r, 20));
    expect(await run.stop()).toBe(0);
    expect(run.out.stderr).toContain('connection 1 from');
    expect(`${run.out.stdout}${run.out.stderr}`).not.toContain('Hunter2secret');
  });
});

describe('sysdb serve: usage', () => {
  it('is listed in the help, and has its own', () => {
    expect(runCli(['--help']).stdout).toContain('  serve                 serve an in-memory system database over Bolt');
    expect(runCli(['help', 'serve']).stdout).toBe(SERVE_HELP);
    expect(runCli(['serve', '--help']).stdout).toBe(SERVE_HELP);
  });

  it.each([
    [['--bolt', '7687'], "option '--bolt' 7687: expected HOST:PORT"],
    [['--bolt', '[localhost]:7687'], "option '--bolt' [localhost]:7687: expected an IPv6 address between the brackets"],
    [['--http', 'x:y'], "option '--http' x:y: the port must be a number from 0 to 65535"],
    [['--log-level', 'loud'], "option '--log-level' must be one of quiet, info, debug"],
    [['--max-connections', '0'], "option '--max-connections' needs a positive integer"],
    [['--max-message-bytes', 'lots'], "option '--max-message-bytes' needs a positive integer"],
    [['extra'], 'takes no arguments, only options'],
    [['--bolt'], "option '--bolt' needs a value"],
  ])('refuses %j', async (argv, message) => {
    const io = {
      stdout: () => {},
      stderr: () => {},
      stderrIsTTY: false,
      readStdin: () => '',
      readFile: () => '',
      writeFile: () => {},
      expand: () => [],
    };
    await expect(serve(argv, io, { env: {}, stop: Promise.resolve() })).rejects.toThrow(message);
  });
});
