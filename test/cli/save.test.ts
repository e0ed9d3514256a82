/**
 * Writing files (`--save`, `fmt --write`) on a real file system: a failed or killed write never
 * loses what the file held before.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtomicFs } from '../../src/server/atomic-write.js';
import { FileError, writeFileOrFail } from '../../src/cli/io.js';
import { SystemDatabase } from '../../src/index.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sysdb-save-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const OLD = '{"old": "state"}\n';

function failing(code: string, call: keyof AtomicFs, afterCalls = 0): AtomicFs {
  let calls = 0;
  return {
    ...nodeFs,
    // A short first write, as a nearly full disk gives, then the failure.
    writeSync: ((fd: number, buffer: Buffer, offset: number, length: number) => {
      if (call === 'writeSync' && calls++ >= afterCalls) throw Object.assign(new Error(`${code}: failed, write`), { code });
      return nodeFs.writeSync(fd, buffer, offset, Math.min(length, 5));
    }) as AtomicFs['writeSync'],
    ...(call === 'writeSync'
      ? {}
      : {
          [call]: () => {
            throw Object.assign(new Error(`${code}: failed, ${call}`), { code });
          },
        }),
  };
}

describe('writing a file', () => {
  it.each([
    ['the disk fills up midway', failing('ENOSPC', 'writeSync', 1), 'no space left on device'],
    ['flushing fails', failing('EIO', 'fsyncSync'), 'EIO: failed, fsyncSync'],
    ['the rename is refused', failing('EACCES', 'renameSync'), 'permission denied'],
  ])('keeps the old file byte for byte and leaves nothing behind when %s', (_, fs, reason) => {
    const target = join(folder, 'db.json');
    writeFileSync(target, OLD);
    expect(() => writeFileOrFail(target, 'x'.repeat(100), fs)).toThrow(new FileError(`cannot write '${target}': ${reason}`));
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(folder)).toEqual(['db.json']);
  });

  it('reports a folder as the target in one line, and leaves nothing behind', () => {
    const target = join(folder, 'db.json');
    mkdirSync(target);
    expect(() => writeFileOrFail(target, OLD)).toThrow(new FileError(`cannot write '${target}': is a directory`));
    expect(readdirSync(folder)).toEqual(['db.json']);
  });

  it('reports a missing folder', () => {
    const target = join(folder, 'missing', 'db.json');
    expect(() => writeFileOrFail(target, OLD)).toThrow(new FileError(`cannot write '${target}': no such file or directory`));
  });

  it('flushes the new content before the rename, and the folder after it', () => {
    const target = join(folder, 'db.json');
    const calls: string[] = [];
    const fds = new Map<number, string>();
    const recording: AtomicFs = {
      ...nodeFs,
      openSync: ((path: string, flags: string, mode?: number) => {
        const fd = nodeFs.openSync(path, flags, mode);
        fds.set(fd, path === folder ? 'folder' : 'file');
        return fd;
      }) as AtomicFs['openSync'],
      fsyncSync: (fd) => {
        calls.push(`fsync ${fds.get(fd)}`);
        nodeFs.fsyncSync(fd);
      },
      renameSync: (from, to) => {
        calls.push('rename');
        nodeFs.renameSync(from, to);
      },
    };
    writeFileOrFail(target, OLD, recording);
    expect(calls).toEqual(['fsync file', 'rename', 'fsync folder']);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
  });

  it('replaces the file a symbolic link points at, and keeps the link', () => {
    const target = join(folder, 'real.json');
    const link = join(folder, 'db.json');
    writeFileSync(target, OLD);
    symlinkSync(target, link);
    writeFileOrFail(link, '{}\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('{}\n');
  });

  it('keeps the permissions of the file it replaces (a state file holds password hashes)', () => {
    const target = join(folder, 'db.json');
    writeFileSync(target, OLD);
    chmodSync(target, 0o600);
    writeFileOrFail(target, '{}\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, 'utf8')).toBe('{}\n');
  });
});

const root = new URL('../..', import.meta.url).pathname;
const built = existsSync(join(root, 'dist/sysdb.cjs'));

/** A saved database with `count` users (all with neo4j's hash: hashing is not what this tests). */
function bigState(count: number): string {
  const snapshot = SystemDatabase.create().toJSON();
  const neo4j = snapshot.users[0]!;
  const users = Array.from({ length: count }, (_, i) => ({ ...neo4j, name: `user${String(i).padStart(7, '0')}`, created: 7 + i }));
  return `${JSON.stringify({ ...snapshot, users: [...users, { ...neo4j, created: 7 + count }], nextSequence: 8 + count }, null, 2)}\n`;
}

describe.skipIf(!built)('sysdb run --save killed with SIGKILL mid-save', () => {
  it('leaves the old database or the new one, never a part', async () => {
    const target = join(folder, 'db.json');
    const old = bigState(40_000);
    writeFileSync(join(folder, 's.cypher'), 'CREATE ROLE extra;\n');
    // What a save that is not killed writes: the script is deterministic (no password, no salt).
    writeFileSync(join(folder, 'expected.json'), old);
    const done = spawnSync(
      process.execPath,
      ['bin/sysdb.js', 'run', join(folder, 's.cypher'), '--state', join(folder, 'expected.json'), '--save', join(folder, 'expected.json')],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(done.stderr).toBe('');
    const expected = readFileSync(join(folder, 'expected.json'), 'utf8');
    expect(expected).not.toBe(old);

    for (let attempt = 0; attempt < 4; attempt++) {
      writeFileSync(target, old);
      const before = statSync(target);
      const child = spawn(process.execPath, ['bin/sysdb.js', 'run', join(folder, 's.cypher'), '--state', target, '--save', target], {
        cwd: root,
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      // Kill as soon as the save shows on disk (a new file in the folder, or the target changing),
      // later on each attempt (0, 10, 80, 270 ms).
      const deadline = Date.now() + 30_000;
      let seenAt = 0;
      while (Date.now() < deadline) {
        const now = statSync(target, { throwIfNoEntry: false });
        const changed =
          readdirSync(folder).length > 3 || !now || now.size !== before.size || now.mtimeMs !== before.mtimeMs || now.ino !== before.ino;
        if (changed && seenAt === 0) seenAt = Date.now();
        if (seenAt !== 0 && Date.now() - seenAt >= 10 * attempt ** 3) break;
      }
      expect(seenAt, `attempt ${attempt}: the save never started`).not.toBe(0);
      child.kill('SIGKILL');
      await exited;
      const content = readFileSync(target, 'utf8');
      expect(
        content === old || content === expected,
        `attempt ${attempt}: ${content.length} bytes, neither the old nor the new database`,
      ).toBe(true);
      for (const name of readdirSync(folder)) if (name.endsWith('.tmp')) rmSync(join(folder, name));
    }
  }, 120_000);
});
