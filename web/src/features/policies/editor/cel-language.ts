/**
 * CEL for CodeMirror: a small stream tokenizer, enough to colour what policy rules use —
 * literals, `in`, the macros, the two root objects and their fields. The server's checker
 * is the real parser; this only has to agree on where tokens start and end.
 */
import { StreamLanguage, type StringStream } from '@codemirror/language';

const ATOMS = new Set(['true', 'false', 'null']);
const KEYWORDS = new Set(['in']);
const MACROS = new Set(['has', 'exists', 'all', 'exists_one', 'filter', 'map', 'size', 'int', 'string', 'matches', 'startsWith', 'endsWith', 'contains']);
const ROOTS = new Set(['person', 'household']);

interface State {
  /** Inside a string that spans lines (triple quotes): its quote. */
  quote: string | null;
}

function readString(stream: StringStream, state: State): string {
  const quote = state.quote!;
  while (!stream.eol()) {
    if (stream.match(quote)) {
      state.quote = null;
      return 'string';
    }
    if (stream.next() === '\\') stream.next();
  }
  // A single-quoted string ends at the line's end even when unterminated; the checker reports it.
  if (quote.length === 1) state.quote = null;
  return 'string';
}

function token(stream: StringStream, state: State): string | null {
  if (state.quote) return readString(stream, state);
  if (stream.eatSpace()) return null;
  if (stream.match('//')) {
    stream.skipToEnd();
    return 'comment';
  }
  const quote = stream.match(/^[rRbB]*("""|'''|"|')/) as RegExpMatchArray | boolean;
  if (quote && typeof quote !== 'boolean') {
    state.quote = quote[1];
    return readString(stream, state);
  }
  if (stream.match(/^(0x[0-9a-fA-F]+|\d+(\.\d+)?([eE][+-]?\d+)?)[uU]?/)) return 'number';
  if (stream.match(/^(&&|\|\||==|!=|<=|>=|[-+*/%<>!?:])/)) return 'operator';
  const word = stream.match(/^[A-Za-z_][A-Za-z0-9_]*/) as RegExpMatchArray | boolean;
  if (word && typeof word !== 'boolean') {
    const text = word[0];
    const afterDot = stream.string.charAt(stream.start - 1) === '.';
    if (ATOMS.has(text)) return 'atom';
    if (KEYWORDS.has(text)) return 'keyword';
    if (MACROS.has(text) && stream.peek() === '(') return 'macroName';
    if (afterDot) return 'propertyName';
    if (ROOTS.has(text)) return 'namespace';
    return 'variableName';
  }
  stream.next();
  return 'punctuation';
}

export const celLanguage = StreamLanguage.define<State>({
  name: 'cel',
  startState: () => ({ quote: null }),
  copyState: (state) => ({ ...state }),
  token,
  languageData: { commentTokens: { line: '//' } },
});
