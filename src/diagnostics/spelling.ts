/** Near-miss suggestions ("Did you mean ...?") for keywords and function names. */

/** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
export function editDistance(a: string, b: string): number {
  // One row of the table, updated in place: row[j] is the distance between a's first i - 1
  // characters and b's first j, until pass i overwrites it. The cells to the left and up-left are
  // kept in locals, so each step reads the row once.
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  let distance = b.length;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = i - 1;
    let left = i;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      if (above === undefined) throw new Error(`editDistance: the row has ${row.length} cells, not ${j + 1}`);
      left = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      row[j] = left;
      diagonal = above;
    }
    distance = left;
  }
  return distance;
}

/**
 * The candidate `word` most likely stands for, compared without case: a small typo (`sizee`), or a
 * longer or shorter spelling from another language (`toLowerCase` for `toLower`, `toInt` for `toInteger`).
 */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  const written = word.toLowerCase();
  let best: { name: string; rank: number } | undefined;
  for (const name of candidates) {
    const candidate = name.toLowerCase();
    if (candidate === written) return undefined;
    const shorter = Math.min(written.length, candidate.length);
    const prefix = shorter >= 4 && (written.startsWith(candidate) || candidate.startsWith(written));
    const distance = editDistance(written, candidate);
    const typo = distance <= (candidate.length <= 5 ? 1 : 2);
    // A longer or shorter spelling of the same name beats a typo; among typos, the nearest wins.
    const rank = prefix ? 0 : typo ? distance : Infinity;
    if (rank !== Infinity && (!best || rank < best.rank)) best = { name, rank };
  }
  return best?.name;
}
