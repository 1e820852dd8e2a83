/**
 * Penn-Treebank-tokenised text ("Barbara 's", "wo n't", "-LRB-", "`` … ''", "State - owned") read as
 * ordinary prose, so compromise tags it as it would tag news. The detokenised text keeps a map back
 * to the input: every character of it knows the input span it came from.
 */

/** Detokenised text and, per character, the input range [start, end) it stands for. */
export interface Detokenised {
  text: string;
  start: Int32Array;
  end: Int32Array;
}

const BRACKETS: Readonly<Record<string, string>> = {
  '-LRB-': '(', '-RRB-': ')', '-LSB-': '[', '-RSB-': ']', '-LCB-': '{', '-RCB-': '}',
  '``': '"', "''": '"', '`': "'",
};
/** Tokens written against the word before them. */
const CLOSING = new Set([',', '.', ';', ':', '!', '?', '%', ')', ']', '}', "''", "'", '...', '-RRB-', '-RSB-', '-RCB-']);
/** Tokens the next word is written against. */
const OPENING = new Set(['(', '[', '{', '``', '`', '$', '#', '-LRB-', '-LSB-', '-LCB-']);
/** Clitics PTB splits off: "'s", "n't", "'re". */
const CLITIC = /^(?:'s|'S|'re|'ve|'m|'ll|'d|n't|N'T|')$/;
const WORD_CHAR = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;
const TOKEN = /\S+/g;
/** Marks of PTB tokenisation that prose never shows. */
const PTB_SIGNS = /(?:^|\s)(?:``|''|-LRB-|-RRB-|n't|'s)(?=\s|$)|\s[,.;:]\s|\s\.\s*$/;

/** True when the text looks PTB-tokenised: news prose passes through untouched. */
export function looksTokenised(text: string): boolean {
  return PTB_SIGNS.test(text);
}

/**
 * Rejoins PTB tokens: clitics and closing punctuation to the word before, opening quotes and brackets
 * to the word after, split hyphens ("State - owned") into one word, escapes back to brackets.
 * Linear in the text; white space between kept tokens is kept as written.
 */
export function detokenise(input: string): Detokenised {
  const out: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let glueNext = false;
  let prevText = '';
  let prevEnd = 0;
  TOKEN.lastIndex = 0;
  const tokens: { text: string; at: number }[] = [];
  for (let m = TOKEN.exec(input); m; m = TOKEN.exec(input)) tokens.push({ text: m[0], at: m.index });
  for (let i = 0; i < tokens.length; i++) {
    const { text, at } = tokens[i];
    const next = tokens[i + 1]?.text ?? '';
    const hyphen: boolean = text === '-' && WORD_CHAR.test(prevText) && WORD_START.test(next) && !glueNext;
    const glue = out.length > 0 && (glueNext || CLOSING.has(text) || CLITIC.test(text) || hyphen);
    if (out.length > 0 && !glue) {
      // the white space as written, mapped to itself
      for (let c = prevEnd; c < at; c++) { out.push(input[c]); start.push(c); end.push(c + 1); }
    }
    const shown = BRACKETS[text];
    if (shown !== undefined) {
      out.push(shown); start.push(at); end.push(at + text.length);
    } else {
      for (let c = 0; c < text.length; c++) { out.push(text[c]); start.push(at + c); end.push(at + c + 1); }
    }
    glueNext = OPENING.has(text) || hyphen;
    prevText = text;
    prevEnd = at + text.length;
  }
  // trailing white space
  for (let c = prevEnd; c < input.length; c++) { out.push(input[c]); start.push(c); end.push(c + 1); }
  return { text: out.join(''), start: Int32Array.from(start), end: Int32Array.from(end) };
}
