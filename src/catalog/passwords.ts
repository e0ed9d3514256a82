/**
 * Neo4j's rules for passwords given to CREATE/ALTER USER and ALTER CURRENT USER, with its messages:
 * lint applies them to literals, run to the values of parameters. Messages never echo the value.
 */
import { parseEncrypted, type Credential } from '../crypto/password.js';

/** Why Neo4j refuses a plaintext password, or null. Length counts code points, as Java's does. */
export function plaintextPasswordProblem(value: string, minimumLength: number): string | null {
  if (value === '') return 'A password cannot be empty.';
  if ([...value].length < minimumLength) return `A password must be at least ${minimumLength} characters.`;
  return null;
}

/** An `ENCRYPTED` value (`<version>,<hash>,<salt>`) as a stored credential, or why Neo4j refuses it. */
export function encryptedPassword(value: string): { readonly credential: Credential } | { readonly problem: string } {
  const parsed = parseEncrypted(value);
  if (parsed === 'format')
    return { problem: "Incorrect format of encrypted password. Correct format is '<encryption-version>,<hash>,<salt>'." };
  if (parsed === 'version') return { problem: 'The encryption version specified is not available.' };
  return { credential: parsed };
}
