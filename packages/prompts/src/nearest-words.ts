/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each cost 1 ("teh" → "the" is 1, "balls" → "ball" is 1).
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    const above = rows[i - 1]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
      }
    }
  }
  return rows[a.length]![b.length]!;
}

/** How far a misspelling may be from the word it meant: one edit up to four letters, then two. */
const maxDistance = (word: string) => (word.length <= 4 ? 1 : 2);

const sharedPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
};

/**
 * The known words closest to `word`: those at the smallest edit distance found and, among them, with
 * the longest shared start ("balls" → "ball", not "falls"), in `known`'s order, at most `limit`.
 * Words shorter than three letters are never suggested: "cat" is not a typo of "at".
 */
export function nearestWords(word: string, known: Iterable<string>, limit = 3): string[] {
  const within = maxDistance(word);
  const scored: { word: string; distance: number; prefix: number }[] = [];
  for (const candidate of known) {
    if (candidate.length < 3 || Math.abs(candidate.length - word.length) > within) continue;
    const distance = editDistance(word, candidate);
    if (distance <= within) scored.push({ word: candidate, distance, prefix: sharedPrefix(word, candidate) });
  }
  const distance = Math.min(...scored.map((s) => s.distance));
  const prefix = Math.max(...scored.filter((s) => s.distance === distance).map((s) => s.prefix));
  return scored
    .filter((s) => s.distance === distance && s.prefix === prefix)
    .slice(0, limit)
    .map((s) => s.word);
}
