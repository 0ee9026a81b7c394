export interface TextRecord {
  /** 1-based line number where the record starts (the header is line 1). */
  line: number;
  fields: string[];
  /** Set when the record could not be read as a whole (e.g. a quote never closed). */
  error?: string;
}

export interface TextTable {
  header: string[];
  records: TextRecord[];
}

/**
 * RFC 4180 CSV: fields separated by `,`, records by CRLF or LF, a field in
 * double quotes may hold commas, line breaks and `""` for a quote. Lenient
 * where files in the wild are: a stray quote inside an unquoted field is kept
 * as text, and a UTF-8 BOM is dropped. Blank lines are skipped. The first
 * record is the header.
 */
export function parseCsv(text: string): TextTable {
  const records: TextRecord[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (at < n) {
    const startLine = line;
    const fields: string[] = [];
    let error: string | undefined;
    let endOfRecord = false;
    while (!endOfRecord) {
      let value = '';
      if (text.charCodeAt(at) === 34 /* " */) {
        at++;
        let closed = false;
        let chunkStart = at;
        while (at < n) {
          const c = text.charCodeAt(at);
          if (c === 34) {
            if (text.charCodeAt(at + 1) === 34) {
              value += text.slice(chunkStart, at + 1);
              at += 2;
              chunkStart = at;
              continue;
            }
            value += text.slice(chunkStart, at);
            at++;
            closed = true;
            break;
          }
          if (c === 10) line++;
          at++;
        }
        if (!closed) {
          value += text.slice(chunkStart, at);
          error = 'a quoted field is never closed';
        }
        // Text between the closing quote and the next separator is kept (lenient).
        const tailStart = at;
        while (at < n && !isSeparator(text.charCodeAt(at))) at++;
        value += text.slice(tailStart, at);
      } else {
        const start = at;
        while (at < n && !isSeparator(text.charCodeAt(at))) at++;
        value = text.slice(start, at);
      }
      fields.push(value);
      if (at >= n) {
        endOfRecord = true;
      } else {
        const c = text.charCodeAt(at);
        if (c === 44 /* , */) {
          at++;
        } else {
          // \r\n, \n or a lone \r ends the record.
          if (c === 13 && text.charCodeAt(at + 1) === 10) at++;
          at++;
          line++;
          endOfRecord = true;
        }
      }
    }
    const blank = fields.length === 1 && fields[0] === '' && error === undefined;
    if (!blank) records.push(error ? { line: startLine, fields, error } : { line: startLine, fields });
  }
  const [head, ...rest] = records;
  return { header: head ? head.fields.map((name) => name.trim()) : [], records: rest };
}

function isSeparator(c: number): boolean {
  return c === 44 || c === 10 || c === 13;
}

/**
 * Tab-separated text without quoting (MusicOSet, HetRec): split each line on
 * `\t` and strip a trailing `\r`. Quotes are ordinary characters here
 * (`"Weird Al" Yankovic`). Blank lines are skipped; the first line is the header.
 */
export function parseTsv(text: string): TextTable {
  const lines = text.split('\n');
  const records: TextRecord[] = [];
  let header: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (i === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.length === 0) continue;
    if (i === 0) header = line.split('\t').map((name) => name.trim());
    else records.push({ line: i + 1, fields: line.split('\t') });
  }
  return { header, records };
}

/** Looks columns up by header name; a missing required column is an error naming it. */
export function columnIndex(
  table: TextTable,
  required: readonly string[],
  source: string,
): Record<string, number> {
  const index: Record<string, number> = {};
  table.header.forEach((name, at) => {
    if (!(name in index)) index[name] = at;
  });
  const missing = required.filter((name) => !(name in index));
  if (missing.length > 0)
    throw new Error(
      `${source}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (header: ${table.header.join(', ') || 'none'})`,
    );
  return index;
}
