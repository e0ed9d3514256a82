/** Bytes written as hex, spaces anywhere (`hex('00 03 b1 70 a0 00 00')`), as bolt.md writes them. */
export function hex(text: string): Uint8Array {
  const digits = text.replace(/\s+/g, '');
  if (!/^([0-9a-f]{2})*$/i.test(digits)) throw new Error(`not hex bytes: ${text}`);
  return Uint8Array.from(digits.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/** Bytes as lower-case hex pairs separated by spaces, so a failing byte comparison reads like the spec. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** The UTF-8 bytes of a string, as hex (`utf8('neo4j')` = `6e 65 6f 34 6a`). */
export function utf8(text: string): string {
  return toHex(new TextEncoder().encode(text));
}
