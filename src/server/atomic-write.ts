/**
 * Replaces a file so that a crash, a kill or a full disk never leaves it half written: the text goes
 * to a new file beside it, is flushed to disk, and is then renamed over the target (a rename within
 * one folder is atomic). Readers see the old content or the new, never a mix. The CLI writes with the
 * synchronous form; the server with the asynchronous one, so that its connections go on meanwhile.
 */
import * as nodeFs from 'node:fs';
import * as nodeFsPromises from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The calls this makes, so a test can make one of them fail. */
export type AtomicFs = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'statSync' | 'fchmodSync' | 'realpathSync'
>;

/** `.<name>.<random>.tmp` in the target's folder: the same file system (so rename is atomic), and hidden. */
function temporaryPath(path: string): string {
  // Web Crypto (loaded on first use) rather than node:crypto, which the CLI would load at every start.
  const random = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(6))).toString('hex');
  return join(dirname(path), `.${basename(path)}.${random}.tmp`);
}

export function writeFileAtomic(written: string, text: string, fs: AtomicFs = nodeFs): void {
  // Through a symbolic link: replace the file it points at, not the link.
  const path = resolved(fs, written);
  const temporary = temporaryPath(path);
  // 'wx': never reuse an existing file, whoever made it.
  const fd = fs.openSync(temporary, 'wx', 0o666);
  try {
    try {
      // A state file holds password hashes: keep the permissions its owner gave it.
      fs.fchmodSync(fd, fs.statSync(path).mode & 0o777);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const bytes = Buffer.from(text, 'utf8');
    for (let written = 0; written < bytes.length;) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    fs.fsyncSync(fd);
  } catch (error) {
    closeQuietly(fs, fd);
    removeQuietly(fs, temporary);
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temporary, path);
  } catch (error) {
    removeQuietly(fs, temporary);
    throw error;
  }
  syncFolder(fs, dirname(path));
}

function resolved(fs: AtomicFs, path: string): string {
  try {
    return fs.realpathSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw error;
  }
}

function closeQuietly(fs: AtomicFs, fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // The write already failed; that is the error to report.
  }
}

function removeQuietly(fs: AtomicFs, path: string): void {
  try {
    fs.unlinkSync(path);
  } catch {
    // Already gone, or the folder refuses it: the original error is what the user needs to see.
  }
}

/** Makes the rename itself durable. Some platforms (Windows) cannot open a folder; the rename is still atomic there. */
function syncFolder(fs: AtomicFs, folder: string): void {
  let fd: number;
  try {
    fd = fs.openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // Not supported for folders here.
  } finally {
    fs.closeSync(fd);
  }
}

/** The calls the asynchronous form makes, so a test can make one of them fail or wait. */
export type AtomicFsAsync = Pick<typeof nodeFsPromises, 'open' | 'rename' | 'unlink' | 'stat' | 'realpath'>;

/** `writeFileAtomic`, the same steps without blocking the event loop. */
export async function writeFileAtomicAsync(written: string, text: string, fs: AtomicFsAsync = nodeFsPromises): Promise<void> {
  const path = await fs.realpath(written).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return written;
    throw error;
  });
  const temporary = temporaryPath(path);
  const file = await fs.open(temporary, 'wx', 0o666);
  try {
    const mode = await fs.stat(path).then(
      (stats) => stats.mode & 0o777,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      },
    );
    if (mode !== null) await file.chmod(mode);
    await file.writeFile(text, 'utf8');
    await file.sync();
  } catch (error) {
    await file.close().catch(() => undefined);
    await fs.unlink(temporary).catch(() => undefined);
    throw error;
  }
  await file.close();
  try {
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncFolderAsync(fs, dirname(path));
}

async function syncFolderAsync(fs: AtomicFsAsync, folder: string): Promise<void> {
  const handle = await fs.open(folder, 'r').catch(() => null);
  if (handle === null) return;
  // Not supported for folders on some platforms: the rename is still atomic there.
  await handle.sync().catch(() => undefined);
  await handle.close();
}
