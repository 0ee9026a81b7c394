/** A value written as a Python literal: dicts, lists, tuples, strings, numbers, True/False/None. */
export type PythonValue = string | number | boolean | null | PythonValue[] | { [key: string]: PythonValue };

export class PythonLiteralError extends Error {
  override readonly name = 'PythonLiteralError';
}

/**
 * Reads the Python literals MusicOSet stores in its columns, e.g.
 * `{'66CXWjxzNUsdJxJ2JdwvnR': 'Ariana Grande'}` or
 * `["children's music", 'lullaby']`: single- or double-quoted strings with
 * backslash escapes (a name with an apostrophe is written in double quotes),
 * dicts (keys become strings, order kept), lists and tuples (both arrays).
 * Not JSON, and no `eval`.
 */
export function parsePythonLiteral(text: string): PythonValue {
  const reader = new LiteralReader(text);
  const value = reader.value();
  reader.skipSpace();
  if (!reader.done()) reader.fail('unexpected text after the value');
  return value;
}

class LiteralReader {
  private at = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  fail(message: string): never {
    throw new PythonLiteralError(
      `${message} at offset ${this.at} of ${JSON.stringify(this.text.slice(0, 80))}`,
    );
  }

  skipSpace(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at])) this.at++;
  }

  value(): PythonValue {
    this.skipSpace();
    const c = this.text[this.at];
    if (c === '{') return this.dict();
    if (c === '[') return this.sequence('[', ']');
    if (c === '(') return this.sequence('(', ')');
    if (c === "'" || c === '"') return this.string(false);
    // Python 2 and byte/raw prefixes: u'..', b'..', r'..', ur'..', rb'..'.
    const prefix = /^([uUbBrR]{1,2})['"]/.exec(this.text.slice(this.at));
    if (prefix) {
      this.at += prefix[1].length;
      return this.string(/r/i.test(prefix[1]));
    }
    const word = /^(True|False|None)\b/.exec(this.text.slice(this.at));
    if (word) {
      this.at += word[1].length;
      return word[1] === 'True' ? true : word[1] === 'False' ? false : null;
    }
    const number = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(this.text.slice(this.at));
    if (number) {
      this.at += number[0].length;
      return Number(number[0]);
    }
    return this.fail(c === undefined ? 'unexpected end' : `unexpected ${JSON.stringify(c)}`);
  }

  private expect(c: string): void {
    this.skipSpace();
    if (this.text[this.at] !== c) this.fail(`expected ${JSON.stringify(c)}`);
    this.at++;
  }

  /** After an item: `,` then maybe the closer, or the closer. Returns true when closed. */
  private next(close: string): boolean {
    this.skipSpace();
    const c = this.text[this.at];
    if (c === close) {
      this.at++;
      return true;
    }
    if (c !== ',') this.fail(`expected "," or ${JSON.stringify(close)}`);
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === close) {
      this.at++;
      return true;
    }
    return false;
  }

  private dict(): PythonValue {
    this.expect('{');
    const out: { [key: string]: PythonValue } = {};
    this.skipSpace();
    if (this.text[this.at] === '}') {
      this.at++;
      return out;
    }
    for (;;) {
      const key = this.value();
      if (typeof key === 'object' && key !== null) this.fail('a dict key must be a string or number');
      this.expect(':');
      out[String(key)] = this.value();
      if (this.next('}')) return out;
    }
  }

  private sequence(open: string, close: string): PythonValue {
    this.expect(open);
    const out: PythonValue[] = [];
    this.skipSpace();
    if (this.text[this.at] === close) {
      this.at++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      if (this.next(close)) return out;
    }
  }

  private string(raw: boolean): string {
    const quote = this.text[this.at++];
    let out = '';
    while (this.at < this.text.length) {
      const c = this.text[this.at++];
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      if (raw) {
        // A raw string keeps the backslash; it still cannot end on an escaped quote.
        out += c + (this.text[this.at++] ?? '');
        continue;
      }
      const e = this.text[this.at++];
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case '0':
          out += '\0';
          break;
        case 'x':
          out += this.hex(2);
          break;
        case 'u':
          out += this.hex(4);
          break;
        case 'U':
          out += this.hex(8);
          break;
        case '\\':
        case "'":
        case '"':
          out += e;
          break;
        case undefined:
          return this.fail('unterminated string');
        default:
          // Python keeps an unknown escape as written.
          out += '\\' + e;
      }
    }
    return this.fail('unterminated string');
  }

  private hex(digits: number): string {
    const code = this.text.slice(this.at, this.at + digits);
    if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(code)) this.fail(`bad \\x/\\u escape`);
    this.at += digits;
    return String.fromCodePoint(parseInt(code, 16));
  }
}
