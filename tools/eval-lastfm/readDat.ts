/**
 * The HetRec .dat format: tab-separated, one header row, never quoted (artist
 * names contain literal `"`, so no CSV parser), LF here but CRLF in the
 * original zip, hence the `\r` strip. Blank lines are skipped.
 */
export function readDat(text: string): string[][] {
  const rows: string[][] = [];
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line.length === 0) continue;
    rows.push(line.split('\t'));
  }
  return rows;
}
