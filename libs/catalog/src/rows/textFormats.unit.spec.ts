import { columnIndex, parseCsv, parseTsv } from './csv';
import { parsePythonLiteral, PythonLiteralError } from './pythonLiteral';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",z\n\n3,,\n';
    const table = parseCsv(text);
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(table.records).toEqual([
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'two\nlines', 'z'] },
      { line: 6, fields: ['3', '', ''] },
    ]);
  });

  it('drops a BOM, reads a last line without a newline, and keeps a stray quote in an unquoted field', () => {
    const table = parseCsv('\ufeffname,n\nRoyce da 5\'9",1');
    expect(table.header).toEqual(['name', 'n']);
    expect(table.records[0].fields).toEqual(['Royce da 5\'9"', '1']);
  });

  it('reports a quoted field that is never closed on its record', () => {
    const table = parseCsv('a,b\n1,"open\n2,3\n');
    expect(table.records).toHaveLength(1);
    expect(table.records[0]).toMatchObject({ line: 2, error: 'a quoted field is never closed' });
  });

  it('finds columns by header name and names the missing ones', () => {
    const table = parseCsv('b,a\n1,2\n');
    expect(columnIndex(table, ['a', 'b'], 'f.csv')).toEqual({ a: 1, b: 0 });
    expect(() => columnIndex(table, ['a', 'c', 'd'], 'f.csv')).toThrow('f.csv: missing columns c, d');
  });
});

describe('parseTsv', () => {
  it('splits on tabs, strips \\r, keeps quotes as text and skips blank lines', () => {
    const table = parseTsv('id\tname\r\n1\t"Weird Al" Yankovic\r\n\r\n2\tx\r\n');
    expect(table.header).toEqual(['id', 'name']);
    expect(table.records).toEqual([
      { line: 2, fields: ['1', '"Weird Al" Yankovic'] },
      { line: 4, fields: ['2', 'x'] },
    ]);
  });
});

describe('parsePythonLiteral', () => {
  it('reads dicts, lists and tuples with single-quoted strings, in order', () => {
    expect(parsePythonLiteral("{'66CX': 'Ariana Grande', 'x1': 'Other'}")).toEqual({
      '66CX': 'Ariana Grande',
      x1: 'Other',
    });
    expect(parsePythonLiteral("['dance pop', 'pop', 'post-teen pop']")).toEqual([
      'dance pop',
      'pop',
      'post-teen pop',
    ]);
    expect(parsePythonLiteral("('Thank U, Next', 'Ariana Grande')")).toEqual([
      'Thank U, Next',
      'Ariana Grande',
    ]);
    expect(parsePythonLiteral('[]')).toEqual([]);
    expect(parsePythonLiteral('{}')).toEqual({});
    expect(parsePythonLiteral('[1, -2.5, 1e3, True, False, None,]')).toEqual([
      1,
      -2.5,
      1000,
      true,
      false,
      null,
    ]);
  });

  it('reads apostrophes inside double quotes and escaped quotes', () => {
    expect(parsePythonLiteral(`["children's music", 'lullaby', "death 'n' roll"]`)).toEqual([
      "children's music",
      'lullaby',
      "death 'n' roll",
    ]);
    expect(
      parsePythonLiteral(`{'a': "Rag'n'Bone Man", 'b': 'Michael \\"5000\\" Watts', 'c': 'it\\'s'}`),
    ).toEqual({
      a: "Rag'n'Bone Man",
      b: 'Michael "5000" Watts',
      c: "it's",
    });
    expect(parsePythonLiteral(`'\\xe9\\u00e9\\n'`)).toBe('éé\n');
  });

  it('reads Python 2 u-prefixed and raw strings', () => {
    expect(parsePythonLiteral(`{'id': u"Lil' Flip"}`)).toEqual({ id: "Lil' Flip" });
    expect(parsePythonLiteral(`r'a\\d'`)).toBe('a\\d');
  });

  it('refuses what is not a literal, saying where', () => {
    expect(() => parsePythonLiteral("{'a': 'b'")).toThrow(PythonLiteralError);
    expect(() => parsePythonLiteral("['a' 1]")).toThrow(/expected "," or "\]" at offset/);
    expect(() => parsePythonLiteral('__import__("os")')).toThrow(PythonLiteralError);
    expect(() => parsePythonLiteral("'open")).toThrow('unterminated string');
  });
});
