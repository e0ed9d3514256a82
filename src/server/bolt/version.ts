/** A Bolt protocol version, as the handshake negotiates it. */
export interface BoltVersion {
  readonly major: number;
  readonly minor: number;
}

/** Negative when `a` is older than `b`, zero when equal, positive when newer: a sort comparator. */
export function compareVersions(a: BoltVersion, b: BoltVersion): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

/** Whether `version` is `major.minor` or newer: how a feature gate reads (`atLeast(v, 5, 7)`). */
export function atLeast(version: BoltVersion, major: number, minor: number): boolean {
  return compareVersions(version, { major, minor }) >= 0;
}

/** `"5.8"`: the form of HELLO SUCCESS's `protocol_version`. */
export function versionText(version: BoltVersion): string {
  return `${version.major}.${version.minor}`;
}
