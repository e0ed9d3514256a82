/**
 * A system error (file or network) in a few words, for one-line messages. Node only; the CLI uses
 * it for its files too.
 */
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
