/**
 * Finds where JSON text stops being valid, because Node's JSON.parse messages do not say
 * where on every version. A small recursive-descent checker over RFC 8259's grammar.
 */
export interface JsonSyntaxProblem {
  readonly offset: number;
  readonly message: string;
}

export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  let i = 0;
  const fail = (message: string): never => {
    throw { offset: i, message } satisfies JsonSyntaxProblem;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const describe = () => (i >= text.length ? 'end of file' : `"${shown(text[i] ?? '')}"`);
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe()}`);
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i] ?? '';
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        const e = text[i] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('invalid \\u escape');
          i += 5;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i++;
        else fail(e === '' ? 'a backslash at the end of the file' : `invalid escape "\\${shown(e)}"`);
        continue;
      }
      if (c < ' ') fail('unescaped control character in a string');
      i++;
    }
    fail('unterminated string');
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail(`unexpected ${describe()}`);
    i += match?.[0].length ?? 0;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail(`expected a value, found ${describe()}`);
  };
  const object = () => {
    i++;
    space();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      space();
      if (text[i] !== '"') fail(`expected a "quoted" key, found ${describe()}`);
      string();
      space();
      if (text[i] !== ':') fail(`expected ":", found ${describe()}`);
      i++;
      value();
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail(`expected "," or "}", found ${describe()}`);
    }
  };
  const array = () => {
    i++;
    space();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail(`expected "," or "]", found ${describe()}`);
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail(`unexpected ${describe()} after the document`);
    return undefined;
  } catch (problem) {
    return problem as JsonSyntaxProblem;
  }
}

/** A character as it can be shown on one line: control characters (a newline, a tab…) escaped. */
function shown(c: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  const code = c.codePointAt(0) ?? 0;
  if (named[c]) return named[c];
  return code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 ? `\\u${code.toString(16).padStart(4, '0')}` : c;
}
