/**
 * YAML-style front matter, as static site generators and note tools put at the top of a markdown or text file:
 *
 *   ---
 *   title: Rubio meets Sheinbaum
 *   date: 2025-09-03
 *   ---
 *
 * Only the simple form is read: `key: value` lines (a value may be quoted, and lines indented or starting with "- "
 * continue a key), closed by `---` or `...`. Anything else between the fences means the first `---` is not front
 * matter but a rule, and nothing is taken. The block is metadata, not article text: cleaning blanks it (ingest/clean).
 */

export interface FrontMatter {
  /** Where the block ends in the text: just after the closing fence's line break (or the text's end). */
  end: number;
  /** The top-level keys in lower case with their one-line values, unquoted; continued keys have an empty value. */
  fields: ReadonlyMap<string, string>;
}

/** A block longer than this is not front matter: the fence was a rule. */
const MAX_LINES = 200;
const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;
const FIELD = /^([A-Za-z_][\w -]*?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
const CONTINUATION = /^(?:[ \t]+\S|-[ \t])/;
const BLOCK_INDICATOR = /^[|>][+-]?\d?(?:\s+#.*)?$/;

/** The front matter the text opens with, or undefined. */
export function frontMatter(text: string): FrontMatter | undefined {
  const lines = text.split('\n', MAX_LINES + 2);
  if (!FENCE.test(stripCr(lines[0]))) return undefined;
  const fields = new Map<string, string>();
  let offset = lines[0].length + 1;
  for (let i = 1; i < lines.length; i++) {
    const line = stripCr(lines[i]);
    offset += lines[i].length + 1;
    if (CLOSING_FENCE.test(line)) return fields.size > 0 ? { end: Math.min(offset, text.length), fields } : undefined;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const field = FIELD.exec(line);
    if (field) {
      const key = field[1].trim().toLowerCase();
      if (!fields.has(key)) fields.set(key, unquote(field[2] ?? ''));
    } else if (!(CONTINUATION.test(line) && fields.size > 0)) return undefined;
  }
  return undefined;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * A YAML scalar on one line: quotes taken off ("''" is a quote in single quotes), a trailing comment dropped; a block
 * scalar's indicator ("title: >-", the value on the lines below) is no value of its own.
 */
function unquote(value: string): string {
  if (BLOCK_INDICATOR.test(value)) return '';
  const double = /^"((?:[^"\\]|\\.)*)"/.exec(value);
  if (double) return double[1].replace(/\\(["\\/])/g, '$1').replace(/\\n/g, ' ').replace(/\\t/g, ' ');
  const single = /^'((?:[^']|'')*)'/.exec(value);
  if (single) return single[1].replace(/''/g, "'");
  return value.replace(/\s+#.*$/, '').trim();
}
