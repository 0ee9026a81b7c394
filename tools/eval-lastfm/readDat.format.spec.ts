import { readDat } from './readDat';

describe('readDat: the HetRec .dat format', () => {
  it('skips the header, splits on tabs, strips \\r, keeps quotes literally, skips blank lines', () => {
    const text = 'id\tname\r\n1\t"Weird Al" Yankovic\r\n2\tRoyce da 5\'9"\r\n\n';
    expect(readDat(text)).toEqual([
      ['1', '"Weird Al" Yankovic'],
      ['2', 'Royce da 5\'9"'],
    ]);
  });
});
