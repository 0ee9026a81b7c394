/**
 * Optimal-string-alignment Damerau-Levenshtein distance: insertions,
 * deletions, substitutions and swaps of two neighbours each cost 1, which is
 * how people mistype on a phone ("reggeaton", "metalica"). Stops early once
 * the distance must exceed `max`, since callers only ask "within budget?".
 */
export function damerauLevenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j += 1) rows[0][j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2][j - 2] + 1);
      }
      rows[i][j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/**
 * How many typos a name of this many letters tolerates. Short names get none:
 * one edit turns "rock" into "rick" or "jazz" into "jam", and a wrong genre is
 * worse than a missed one.
 */
export function typoBudget(letters: number): number {
  if (letters >= 9) return 2;
  if (letters >= 5) return 1;
  return 0;
}
