/** The server's atomic write (the asynchronous form of the CLI's): a failed write never loses the old file. */
import * as fsPromises from 'node:fs/promises';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomicAsync, type AtomicFsAsync } from '../../src/server/atomic-write.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sysdb-atomic-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('writeFileAtomicAsync', () => {
  const OLD = '{"old": "state"}\n';

  /** An fs whose file handles (for the temporary file) fail at `call`. */
  function failingHandle(call: 'writeFile' | 'sync', code: string): AtomicFsAsync {
    return {
      ...fsPromises,
      open: (async (path: string, flags: string, mode?: number) => {
        const handle = await fsPromises.open(path, flags, mode);
        if (flags !== 'wx') return handle;
        return new Proxy(handle, {
          get(target, key) {
            if (key === call)
              return async (...args: unknown[]) => {
                // A short write first, as a nearly full disk gives.
                if (call === 'writeFile') await target.writeFile(String(args[0]).slice(0, 5));
                throw Object.assign(new Error(`${code}: failed`), { code });
              };
            const value: unknown = Reflect.get(target, key);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }) as FileHandle;
      }) as AtomicFsAsync['open'],
    };
  }

  it.each([
    ['the disk fills up midway', failingHandle('writeFile', 'ENOSPC'), 'ENOSPC: failed'],
    ['flushing fails', failingHandle('sync', 'EIO'), 'EIO: failed'],
    [
      'the rename is refused',
      {
        ...fsPromises,
        rename: async () => {
          throw Object.assign(new Error('EACCES: failed'), { code: 'EACCES' });
        },
      },
      'EACCES: failed',
    ],
  ])('keeps the old file byte for byte and leaves nothing behind when %s', async (_, fs, message) => {
    const target = join(folder, 'db.json');
    writeFileSync(target, OLD);
    await expect(writeFileAtomicAsync(target, 'x'.repeat(100), fs as AtomicFsAsync)).rejects.toThrow(message);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(folder)).toEqual(['db.json']);
  });

  it('keeps the permissions of the file it replaces, and replaces the file a link points at', async () => {
    const target = join(folder, 'real.json');
    const link = join(folder, 'db.json');
    writeFileSync(target, OLD);
    chmodSync(target, 0o600);
    symlinkSync(target, link);
    await writeFileAtomicAsync(link, '{}\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('{}\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });
});
