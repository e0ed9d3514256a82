/**
 * Share links: the script, password literals masked, deflated and base64url-encoded after `#z=`.
 * Deflating lets a 1 MB migration fit in a URL (Chromium takes at most 2 MB); a script that still
 * does not fit is refused with a message rather than cut. Opening a link inflates at most 16 MB, so a
 * small link cannot expand into gigabytes.
 */
import { maskPasswords } from '../../src/index.js';

/** Chromium's limit is 2 * 1024 * 1024 characters; a little is left for the page's own address. */
const MAX_LINK_LENGTH = 2_000_000;
const MAX_SCRIPT_BYTES = 16 * 1024 * 1024;

export type Shared = { readonly url: string } | { readonly refused: string };

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export async function shareLink(page: string, script: string): Promise<Shared> {
  // URLs end up in histories and logs: no password literal may travel in one.
  const bytes = new TextEncoder().encode(maskPasswords(script).text);
  if (bytes.length > MAX_SCRIPT_BYTES)
    return { refused: `Not shared: the script is ${megabytes(bytes.length)}; links hold scripts of up to ${megabytes(MAX_SCRIPT_BYTES)}.` };
  const compressed = new Uint8Array(
    await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer(),
  );
  const url = `${page}#z=${toBase64Url(compressed)}`;
  if (url.length > MAX_LINK_LENGTH) {
    return {
      refused: `Not shared: even compressed, this script needs a ${megabytes(url.length)} link, and browsers take links of up to 2 MB.`,
    };
  }
  return { url };
}

/** The script a link carries, null when it carries none, or why it cannot be opened. */
export async function scriptFromHash(hash: string): Promise<string | null | { readonly refused: string }> {
  const link = /^#(z|script)=([A-Za-z0-9_-]*)$/.exec(hash);
  if (!link) return null;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(link[2]!);
  } catch {
    return { refused: 'This link is damaged: its script could not be read.' };
  }
  // `#script=` links (before compression) hold the UTF-8 text itself.
  if (link[1] === 'script') return new TextDecoder().decode(bytes);
  const inflated = await inflate(bytes);
  if (inflated === 'too large') return { refused: `This link's script is over ${megabytes(MAX_SCRIPT_BYTES)}; it was not opened.` };
  if (inflated === 'damaged') return { refused: 'This link is damaged: its script could not be read.' };
  return new TextDecoder().decode(inflated);
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array | 'too large' | 'damaged'> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_SCRIPT_BYTES) {
        await reader.cancel();
        return 'too large';
      }
      chunks.push(value);
    }
  } catch {
    return 'damaged';
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  // In slices: spreading a megabyte into one call overflows the stack.
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return btoa(parts.join('')).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
}
