/** Bolt versions: ordering and the feature gates the message encoders use. */
import { describe, expect, it } from 'vitest';
import { atLeast, compareVersions, versionText, type BoltVersion } from '../../../src/server/bolt/version.js';

const V5_0: BoltVersion = { major: 5, minor: 0 };
const V5_6: BoltVersion = { major: 5, minor: 6 };
const V5_7: BoltVersion = { major: 5, minor: 7 };
const V5_8: BoltVersion = { major: 5, minor: 8 };
const V6_0: BoltVersion = { major: 6, minor: 0 };

describe('BoltVersion', () => {
  it.each([
    [V5_0, V5_8, -1],
    [V5_8, V5_8, 0],
    [V6_0, V5_8, 1],
    [{ major: 4, minor: 4 }, V5_0, -1],
  ])('compareVersions(%j, %j) has the sign %i', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });

  it('atLeast reads as a feature gate', () => {
    expect(atLeast(V5_7, 5, 7)).toBe(true);
    expect(atLeast(V5_6, 5, 7)).toBe(false);
    expect(atLeast(V6_0, 5, 7)).toBe(true);
  });

  it('sorts newest first with compareVersions', () => {
    expect([V5_0, V6_0, V5_7].sort((a, b) => compareVersions(b, a))).toEqual([V6_0, V5_7, V5_0]);
  });

  it('versionText is the protocol_version form', () => {
    expect(versionText(V5_8)).toBe('5.8');
    expect(versionText(V6_0)).toBe('6.0');
  });
});
