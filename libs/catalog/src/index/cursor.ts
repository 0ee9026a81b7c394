import { CatalogQueryError } from './catalogQueryError';

const PREFIX = 'r';

/** Opaque to clients: base64url of the row the next page starts at. */
export function encodeCursor(row: number): string {
  return Buffer.from(`${PREFIX}${row}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^r(\d{1,10})$/.exec(text);
  if (!match || encodeCursor(Number(match[1])) !== cursor)
    throw new CatalogQueryError('cursor: not a cursor this catalog handed out', 'INVALID_ARGUMENT');
  return Number(match[1]);
}
