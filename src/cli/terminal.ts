/**
 * Text from documents and file names reaches the terminal: a newline in a file name would forge a second `kg:`
 * line, and an escape sequence could recolour, move the cursor or retitle the window. Everything that is not
 * plain printable text is shown as an escape instead.
 */

/** C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a line seems to say. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };
/** In JSON text these can only stand inside strings, where a \u escape means the same. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The text as one line of plain characters, controls shown as \n, \e, \u0007 … */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? (c.charCodeAt(0) < 0x100 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : hex(c)));
}

/** JSON for a terminal: the same value, with the characters JSON.stringify leaves raw escaped too. */
export function terminalJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(UNSAFE_IN_JSON, hex);
}
