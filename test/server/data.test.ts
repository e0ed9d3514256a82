/**
 * `--data FILE`: loaded at start, saved atomically after every commit, saves coalesced, and no reply
 * leaves the server before the commit it reports is on disk.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dbms, SystemDatabase } from '../../src/index.js';
import { writeFileAtomicAsync } from '../../src/server/atomic-write.js';
import type { BoltConnection } from '../../src/server/bolt/connection.js';
import { DataFile, loadDataFile, savedText } from '../../src/server/data-file.js';
import { ServerStartError } from '../../src/server/errors.js';
import { startServerWith, type BoltServer } from '../../src/server/start.js';
import { collectingLog, connect, echoHandler, firstData } from '../support/server.js';

let folder: string;
const running: BoltServer[] = [];
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sysdb-data-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  rmSync(folder, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startServerWith>[0], handler = echoHandler()): Promise<BoltServer> {
  const server = await startServerWith({ bolt: '127.0.0.1:0', log: collectingLog().log, ...options }, handler);
  running.push(server);
  return server;
}

const admin = (server: BoltServer) => server.dbms.session({ user: null });
const userNames = (db: SystemDatabase) => db.execute('SHOW USERS YIELD user').result.rows.map((r) => r[0]);
const roleCount = (db: SystemDatabase) => db.execute('SHOW ROLES YIELD role').result.rows.length;
const onDisk = (path: string) => SystemDatabase.fromJSON(readFileSync(path, 'utf8'));

describe('startServer({ data })', () => {
  it('loads the file `sysdb run --save` wrote, and saves every commit to it', async () => {
    const path = join(folder, 'db.json');
    const saved = SystemDatabase.create().execute("CREATE USER jake SET PASSWORD 'abcd1234' CHANGE NOT REQUIRED").db;
    writeFileSync(path, savedText(saved));
    const server = await start({ data: path });
    expect(server.snapshot().toJSON()).toEqual(saved.toJSON());
    expect(server.dbms.authenticate('jake', 'abcd1234').passwordChangeRequired).toBe(false);
    admin(server).run("CREATE USER amy SET PASSWORD 'abcd1234'");
    await server.saved();
    expect(readFileSync(path, 'utf8')).toBe(savedText(server.snapshot()));
    expect(userNames(onDisk(path))).toEqual(['amy', 'jake', 'neo4j']);
  });

  it('creates the file at start when there is none, with the initial password in it', async () => {
    const path = join(folder, 'db.json');
    const server = await start({ data: path, initialPassword: 'secret123' });
    expect(existsSync(path)).toBe(true);
    expect(new Dbms(onDisk(path)).authenticate('neo4j', 'secret123')).toEqual({ user: 'neo4j', passwordChangeRequired: false });
    await server.close();
    // A second start finds it: the database is the one saved, not a new one.
    const again = await start({ data: path });
    expect(again.dbms.authenticate('neo4j', 'secret123').passwordChangeRequired).toBe(false);
  });

  it('serves the file, not a new database, when an initial password is given too (as neo4j-admin set-initial-password does)', async () => {
    const path = join(folder, 'db.json');
    writeFileSync(path, savedText(SystemDatabase.create()));
    const { log, lines } = collectingLog();
    const server = await start({ data: path, initialPassword: 'secret123', log });
    expect(server.dbms.authenticate('neo4j', 'neo4j').passwordChangeRequired).toBe(true);
    expect(lines).toEqual([`warn: '${path}' holds a database: it is served, and the initial password is not used`]);
  });

  it('saves restore() and reset() as it saves commits', async () => {
    const path = join(folder, 'db.json');
    const server = await start({ data: path });
    const initial = readFileSync(path, 'utf8');
    admin(server).run('CREATE ROLE a');
    const withA = server.snapshot();
    admin(server).run('CREATE ROLE b');
    server.restore(withA);
    await server.saved();
    expect(readFileSync(path, 'utf8')).toBe(savedText(withA));
    server.reset();
    await server.close();
    expect(readFileSync(path, 'utf8')).toBe(initial);
  });

  it.each([
    ['not JSON', '{"users": [', 'is not a saved database: not valid JSON'],
    ['JSON, not a database', '{"hello": 1}', 'is not a saved database: Not a cypher-sysdb snapshot'],
  ])('refuses a file that is %s, in one line that quotes none of it', async (_, text, message) => {
    const path = join(folder, 'db.json');
    writeFileSync(path, text);
    const failure = startServerWith({ bolt: '127.0.0.1:0', data: path, log: collectingLog().log }, echoHandler());
    await expect(failure).rejects.toBeInstanceOf(ServerStartError);
    await expect(failure).rejects.toThrow(`'${path}' ${message}`);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('refuses a file it cannot write at start, and frees the port', async () => {
    const path = join(folder, 'missing', 'db.json');
    const { log } = collectingLog();
    await expect(startServerWith({ bolt: '127.0.0.1:0', data: path, log }, echoHandler())).rejects.toThrow(
      new ServerStartError(`cannot write '${path}': no such file or directory`),
    );
    const directory = join(folder, 'dir.json');
    mkdirSync(directory);
    await expect(startServerWith({ bolt: '127.0.0.1:0', data: directory, log }, echoHandler())).rejects.toThrow(
      new ServerStartError(`cannot read '${directory}': is a directory`),
    );
  });

  it('sends no reply before the commit it follows is in the file', async () => {
    const path = join(folder, 'db.json');
    // Each message commits a role, then answers: the answer must find the role on disk.
    let server: BoltServer | null = null;
    const committing = (socket: Socket): BoltConnection => {
      socket.on('data', (chunk) => {
        server?.dbms.session({ user: null }).run(`CREATE ROLE ${String(chunk)}`);
        socket.write(`done ${String(chunk)}`);
      });
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      return { closed, close: () => (socket.end(), closed) };
    };
    server = await start({ data: path }, committing);
    const client = await connect(server.port);
    for (const role of ['r1', 'r2', 'r3']) {
      const reply = firstData(client);
      client.write(role);
      expect(String(await reply)).toBe(`done ${role}`);
      const roles = onDisk(path)
        .execute('SHOW ROLES YIELD role')
        .result.rows.map((r) => r[0]);
      expect(roles).toContain(role);
    }
    client.destroy();
  });
});

describe('DataFile', () => {
  const db1 = SystemDatabase.create();
  const db2 = db1.execute('CREATE ROLE two').db;
  const db3 = db2.execute('CREATE ROLE three').db;

  function controlledWrites() {
    const writes: { text: string; done: () => void; fail: (error: Error) => void }[] = [];
    const write = (_: string, text: string) => new Promise<void>((resolve, reject) => writes.push({ text, done: resolve, fail: reject }));
    return { writes, write };
  }

  it('writes commits that land while a save is under way once, as the latest state, when it ends', async () => {
    const { writes, write } = controlledWrites();
    const events: string[] = [];
    const file = new DataFile('db.json', collectingLog().log, {
      write,
      hooks: { busy: () => events.push('busy'), idle: () => events.push('idle') },
    });
    file.save(db1);
    expect(writes.map((w) => w.text)).toEqual([savedText(db1)]);
    file.save(db2);
    file.save(db3);
    expect(writes).toHaveLength(1);
    writes[0]?.done();
    await new Promise((r) => setImmediate(r));
    expect(writes.map((w) => w.text)).toEqual([savedText(db1), savedText(db3)]);
    let saved = false;
    const whenSaved = file.saved().then(() => (saved = true));
    await new Promise((r) => setImmediate(r));
    expect(saved).toBe(false);
    expect(events).toEqual(['busy']);
    writes[1]?.done();
    await whenSaved;
    expect(writes).toHaveLength(2);
    expect(events).toEqual(['busy', 'idle']);
  });

  it('logs a failed save and tries again at the next commit', async () => {
    const { writes, write } = controlledWrites();
    const { log, lines } = collectingLog();
    const file = new DataFile('db.json', log, { write });
    file.save(db1);
    writes[0]?.fail(Object.assign(new Error('ENOSPC: no space'), { code: 'ENOSPC' }));
    await file.saved();
    expect(lines).toEqual(["warn: cannot save the database to 'db.json': no space left on device"]);
    file.save(db2);
    writes[1]?.done();
    await file.saved();
    expect(writes.map((w) => w.text)).toEqual([savedText(db1), savedText(db2)]);
  });

  it('turns a burst of commits into two saves, the last holding the latest state', async () => {
    const path = join(folder, 'db.json');
    let count = 0;
    const file = new DataFile(path, collectingLog().log, {
      write: (p, text) => {
        count++;
        return writeFileAtomicAsync(p, text);
      },
    });
    const dbms = new Dbms();
    dbms.onCommit((db) => file.save(db));
    const session = dbms.session({ user: null });
    for (let i = 0; i < 100; i++) session.run(`CREATE ROLE r${i}`);
    await file.saved();
    expect(count).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe(savedText(dbms.current));
    expect(roleCount(onDisk(path))).toBe(106);
  });

  it('loads nothing from a file that is not there', async () => {
    expect(await loadDataFile(join(folder, 'none.json'))).toBeNull();
  });
});

describe('a server killed with SIGKILL while it saves', () => {
  const root = new URL('../..', import.meta.url).pathname;

  /** A saved database with `count` users (all with neo4j's hash), so that each save takes a while. */
  function bigState(count: number): string {
    const snapshot = SystemDatabase.create().toJSON();
    const neo4j = snapshot.users[0];
    if (neo4j === undefined) throw new Error('no initial user');
    const users = Array.from({ length: count }, (_, i) => ({ ...neo4j, name: `user${String(i).padStart(7, '0')}`, created: 7 + i }));
    return `${JSON.stringify({ ...snapshot, users: [...users, { ...neo4j, created: 7 + count }], nextSequence: 8 + count }, null, 2)}\n`;
  }

  // The child commits a role at a time and prints its number once saved() says it is on disk.
  const child = (path: string) => `
    const { startServer } = await import(${JSON.stringify(join(root, 'src/server/index.ts'))});
    const server = await startServer({ bolt: '127.0.0.1:0', data: ${JSON.stringify(path)} });
    const session = server.dbms.session({ user: null });
    for (let i = 0; ; i++) {
      session.run('CREATE ROLE r' + i);
      await server.saved();
      process.stdout.write(i + '\\n');
    }`;

  it('leaves a whole database holding every commit it reported saved', async () => {
    const path = join(folder, 'db.json');
    for (let attempt = 0; attempt < 4; attempt++) {
      writeFileSync(path, bigState(20_000));
      const process_ = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', child(path)], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let reported = -1;
      let output = '';
      const killAfter = 1 + attempt * 3;
      await new Promise<void>((resolve) => {
        process_.stdout.on('data', (chunk: Buffer) => {
          output += String(chunk);
          const lines = output.split('\n').filter((l) => l !== '');
          reported = Number(lines[lines.length - 1]);
          if (lines.length >= killAfter) resolve();
        });
      });
      // Later on each attempt (0, 20, 40, 60 ms): while the next commit is serialised, or written.
      await new Promise((resolve) => setTimeout(resolve, attempt * 20));
      process_.kill('SIGKILL');
      await new Promise((resolve) => process_.on('exit', resolve));
      const roles = onDisk(path)
        .execute('SHOW ROLES YIELD role')
        .result.rows.map((r) => String(r[0]));
      for (let i = 0; i <= reported; i++) expect(roles, `attempt ${attempt}: role r${i}`).toContain(`r${i}`);
      for (const name of readdirSync(folder)) if (name.endsWith('.tmp')) rmSync(join(folder, name));
    }
  }, 120_000);
});
