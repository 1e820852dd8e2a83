/**
 * Prepares scraped news text for NLP while keeping every offset mappable to the original.
 * Each repair either replaces one UTF-16 code unit by one (quotes, odd spaces, blanked furniture)
 * or inserts characters (a missing space, a headline's full stop), so the map back is "subtract the
 * number of characters inserted before this clean offset".
 */

import { frontMatter } from './front-matter.js';
import { boundRuns, DEFAULT_RUN_OPTIONS, describeBounds, type RunOptions } from './runs.js';

/** The clean text and the way back to the original. */
export interface Cleaned {
  clean: string;
  /**
   * Maps an offset of `clean` (0..clean.length) to one of the original text. An inserted character
   * maps to the original offset it was inserted at, so a clean span [s, e) maps to the original span
   * [toOriginal(s), toOriginal(e)) covering the same characters.
   */
  toOriginal: (cleanOffset: number) => number;
}

export interface CleanOptions {
  /** Lines that are site furniture when they are the whole line, compared case-insensitively. */
  furniture: readonly string[];
  /** How long a run without a sentence end may grow before it is cut or skipped (ingest/runs). */
  runs: RunOptions;
}

/**
 * Whole lines that scraped pages carry around an article and that are not part of it.
 * Matched against the trimmed line, case-insensitively, ignoring a trailing ":", "…", "..." or "»".
 */
export const FURNITURE: readonly string[] = [
  // comment sections
  'Leave a Reply',
  'Leave a Comment',
  'Comments',
  'Post Comment',
  'Cancel reply',
  // links to other articles
  'You may also like',
  'You might also like',
  'Related',
  'Related Articles',
  'Related Posts',
  'Related Stories',
  'Read more',
  'Continue reading',
  'Recommended',
  'Most Read',
  'Trending',
  'Collection',
  // sharing
  'Share',
  'Share this',
  'Share this article',
  'Tweet',
  'Email',
  'Print',
  'Copy link',
  'Follow us',
  // advertising and calls to action
  'Advertisement',
  'Sponsored',
  'Subscribe',
  'Sign up for our newsletter',
  'Click here',
  'Skip to content',
  'Loading',
];

export const DEFAULT_CLEAN_OPTIONS: CleanOptions = { furniture: FURNITURE, runs: DEFAULT_RUN_OPTIONS };

/** One-for-one character repairs; every key and value is a single UTF-16 code unit. */
const CHARACTER_REPAIRS: Readonly<Record<string, string>> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'", // ‚
  '\u201B': "'", // ‛
  '\u2032': "'", // ′
  '\u2039': "'", // ‹
  '\u203A': "'", // ›
  '\u00B4': "'", // ´ used as an apostrophe
  '\u02BC': "'", // ʼ
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"', // „
  '\u201F': '"', // ‟
  '\u2033': '"', // ″
  '\u00AB': '"', // «
  '\u00BB': '"', // »
  '\u2028': '\n', // line separator
  '\u2029': '\n', // paragraph separator
  '\u0085': '\n', // next line
};

const REPAIRABLE_CHARACTER = new RegExp(`[${Object.keys(CHARACTER_REPAIRS).join('')}]|(?! )\\p{Zs}`, 'gu');

const LINE_BREAK = /\r\n|\r|\n/g;
/** A bullet glyph at the start of a line, followed by white space. */
const BULLET = /^\s*[•\-*–·▪●◦‣⁃▸►](?=\s)/;
const NO_LETTER_OR_DIGIT = /^[^\p{L}\p{N}]+$/u;
const FURNITURE_DECORATION = /[\s:.…»›>→]+$/u;
/** Punctuation that ends a sentence, possibly inside closing brackets. */
const ENDS_SENTENCE = /[.!?:"'…][)\]]*$/;
/** A line ending so is a sentence that continues on the next line (a hard-wrapped paragraph). */
const ENDS_UNFINISHED = /(?:[,;(\-–—/&+]|\b(?:a|an|the|of|to|in|on|at|by|for|from|with|into|and|or|but|nor|as|that|than))$/;
const STARTS_LOWERCASE = /^\s*\p{Ll}/u;
/** Lowercase words of one or two letters: a bullet ending in anything else of that size was cut mid-word. */
const SHORT_WORDS: ReadonlySet<string> = new Set(
  'a an as at be by do go he if in is it me my no of on or so to up us we'.split(' '),
);
/**
 * Short English words that follow a full stop whose space went missing ("cartels.the"): after a dot
 * they start a sentence, they are not a top-level domain.
 */
const SENTENCE_STARTERS: ReadonlySet<string> = new Set(
  ('the an and but in on at it its he she his her we our they this that as if so to of for by was is are ' +
    'has had not no all one two yet now then when who what how why some many most more also here with from ' +
    'into over once both each even only such than thus yes').split(' '),
);

const INNER_PUNCTUATION = /.[,;:.]./;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
/** What a word may end in before a comma, semicolon, colon or full stop whose space went missing. */
const WORD_END = /[\p{L})\]"']/u;
const HTML_ENTITY_START = /&#?\w+$/;
const LETTERS_BEFORE = /\p{L}+$/u;
const LETTERS_AFTER = /^\p{L}+/u;
const UPPERCASE = /^\p{Lu}+$/u;
const URL_START = /^[a-z][a-z\d+.-]*:\/\/|^www\./i;
const WRAPPING_PUNCTUATION = /^[("'[<]+|[)"'\]>.,;:!?]+$/g;
/** A host name in lowercase ("example.com", "gob.mx/news"): its last label decides. */
const LOWERCASE_HOST = /^[a-z\d-]+(?:\.[a-z\d-]+)*\.([a-z]{2,4})(?:[/?#]\S*)?$/;
/** A name ending in a well-known domain or file suffix, whatever its case ("Amazon.com", "Node.js"). */
const KNOWN_SUFFIX =
  /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|org|net|edu|gov|mil|int|io|info|biz|news|js|ts|html?|php|aspx?|pdf|txt|md|jpe?g|png|gif)(?:[/?#]\S*)?$/iu;

/** Text inserted into the clean text in front of the character at `at` of the original. */
interface Insertion {
  at: number;
  text: string;
}

/** A line of the text: its content [start, end) without the line break. */
interface Line {
  start: number;
  end: number;
}

/** Repairs scraped news text for NLP; see the module comment for what is guaranteed about offsets. */
export function clean(text: string, options: Partial<CleanOptions> = {}): Cleaned {
  const { furniture, runs } = { ...DEFAULT_CLEAN_OPTIONS, ...options };
  const furnitureLines = furnitureSet(furniture);
  const repaired = repairCharacters(text);
  const lines = splitLines(repaired);
  // front matter is the file's metadata (ingest/meta reads it), blanked like furniture so that no name in it is extracted
  const metadataEnd = frontMatter(text)?.end ?? 0;
  const contents = lines.map(({ start, end }) => {
    const line = repaired.slice(start, end);
    return start < metadataEnd ? blank(line) : blankLine(line, furnitureLines);
  });
  const insertions = lines.flatMap(({ start }, i) => lineInsertions(contents[i], contents[i + 1]).map(
    (insertion) => ({ at: start + insertion.at, text: insertion.text }),
  ));
  const base = lines.map(({ end }, i) => contents[i] + repaired.slice(end, lines[i + 1]?.start ?? repaired.length)).join('');
  const { cuts, skipped } = boundRuns(base, runs);
  const kept = insertions.filter(({ at }) => !skipped.some((s) => at > s.start && at <= s.end));
  return applyInsertions(blankSpans(base, skipped), [...kept, ...cuts.map((at) => ({ at, text: SENTENCE_BREAK }))]);
}

/** What a cut inserts: a blank line, which ends a sentence for the parser without adding a word or a full stop. */
const SENTENCE_BREAK = '\n\n';

function blankSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  if (spans.length === 0) return text;
  const pieces: string[] = [];
  let from = 0;
  for (const { start, end } of spans) {
    pieces.push(text.slice(from, start), ' '.repeat(end - start));
    from = end;
  }
  pieces.push(text.slice(from));
  return pieces.join('');
}

/**
 * What cleaning will cut or skip of the text's long runs without a sentence end, in one line for the user; undefined
 * when nothing. Furniture blanking is left out: a whole-line match never holds a long run's sentence end.
 */
export function longRunNote(text: string, runs: RunOptions = DEFAULT_RUN_OPTIONS): { text: string; skipped: boolean } | undefined {
  const bounds = boundRuns(repairCharacters(text), runs);
  const note = describeBounds(bounds, runs);
  return note === undefined ? undefined : { text: note, skipped: bounds.skipped.length > 0 };
}

/** The normalised furniture lines of each list, built once: a corpus of one-line documents cleans the same list many times. */
const furnitureSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function furnitureSet(furniture: readonly string[]): ReadonlySet<string> {
  let set = furnitureSets.get(furniture);
  if (set === undefined) {
    set = new Set(furniture.map(normaliseFurniture));
    furnitureSets.set(furniture, set);
  }
  return set;
}

/** Straightens quotes and turns odd spaces and Unicode line separators into plain ones, one for one. */
function repairCharacters(text: string): string {
  return text.replace(REPAIRABLE_CHARACTER, (c) => CHARACTER_REPAIRS[c] ?? ' ');
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    lines.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}

/** The line with furniture, a cut-off bullet or a bullet glyph replaced by spaces (same length). */
function blankLine(line: string, furniture: ReadonlySet<string>): string {
  if (isFurniture(line, furniture)) return blank(line);
  const bullet = BULLET.exec(line);
  if (bullet === null) return line;
  if (isCutOff(line.slice(bullet[0].length))) return blank(line);
  return line.slice(0, bullet[0].length - 1) + ' ' + line.slice(bullet[0].length);
}

function blank(line: string): string {
  return ' '.repeat(line.length);
}

function isFurniture(line: string, furniture: ReadonlySet<string>): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return false;
  return NO_LETTER_OR_DIGIT.test(trimmed) || furniture.has(normaliseFurniture(trimmed));
}

function normaliseFurniture(line: string): string {
  return line.trim().replace(FURNITURE_DECORATION, '').replace(/\s+/g, ' ').toLowerCase();
}

/** A bullet cut off mid-word: no final punctuation and a last "word" of one or two lowercase letters. */
function isCutOff(bulletText: string): boolean {
  const trimmed = bulletText.trimEnd();
  if (ENDS_SENTENCE.test(trimmed)) return false;
  const last = trimmed.slice(trimmed.search(/\S*$/));
  return /^[a-z]{1,2}$/.test(last) && !SHORT_WORDS.has(last);
}

/** Missing spaces and the headline full stop of one (already blanked) line, at offsets into the line. */
function lineInsertions(line: string, next: string | undefined): Insertion[] {
  const spaces = missingSpaces(line).map((at) => ({ at, text: ' ' }));
  const stop = headlineStop(line, next);
  return stop === undefined ? spaces : [...spaces, { at: stop, text: '.' }];
}

/**
 * Where a line that does not end a sentence ("Looking Ahead", "by Ethan Brooks") needs a full stop so
 * that sentence splitting does not glue it to the next line; undefined for a line that ends one, a blank
 * line, or a hard-wrapped line whose sentence plainly continues.
 */
function headlineStop(line: string, next?: string): number | undefined {
  const body = line.trimEnd();
  if (body.trim() === '' || ENDS_SENTENCE.test(body) || ENDS_UNFINISHED.test(body)) return undefined;
  if (next !== undefined && STARTS_LOWERCASE.test(next)) return undefined;
  return body.length;
}

/**
 * Offsets where a space is missing after a comma, semicolon, colon or full stop between words
 * ("meeting,held", "cartels.The"), leaving numbers, abbreviations, URLs, e-mail addresses and domains alone.
 */
function missingSpaces(line: string): number[] {
  const offsets: number[] = [];
  for (const token of line.matchAll(/\S+/g)) {
    // only a comma, semicolon, colon or full stop inside the token can want a space after it
    if (!INNER_PUNCTUATION.test(token[0]) || isAddress(token[0])) continue;
    for (let i = 1; i < token[0].length - 1; i++) {
      if (needsSpaceAfter(token[0], i)) offsets.push(token.index + i + 1);
    }
  }
  return offsets;
}

function needsSpaceAfter(token: string, i: number): boolean {
  const before = token[i - 1];
  if (!LETTER.test(token[i + 1])) return false;
  switch (token[i]) {
    case ',':
      return WORD_END.test(before) || DIGIT.test(before);
    case ';':
      return (WORD_END.test(before) || DIGIT.test(before)) && !HTML_ENTITY_START.test(token.slice(0, i));
    case ':':
      return WORD_END.test(before);
    case '.':
      return WORD_END.test(before) && !isAbbreviationDot(token, i);
    default:
      return false;
  }
}

/** "U.S.", "e.g.", "Ph.D.", "ASP.NET": a dot that belongs to the word. */
function isAbbreviationDot(token: string, i: number): boolean {
  const before = LETTERS_BEFORE.exec(token.slice(0, i))?.[0] ?? '';
  const after = LETTERS_AFTER.exec(token.slice(i + 1))?.[0] ?? '';
  if (before.length === 1) return true;
  if (after.length === 1 && token[i + 2] === '.') return true;
  return after.length > 1 && UPPERCASE.test(before) && UPPERCASE.test(after);
}

/** URLs, e-mail addresses and domain or file names, where punctuation without a space is meant. */
function isAddress(token: string): boolean {
  if (token.includes('@') || token.includes('://')) return true;
  const bare = token.replace(WRAPPING_PUNCTUATION, '');
  if (URL_START.test(bare) || KNOWN_SUFFIX.test(bare)) return true;
  const host = LOWERCASE_HOST.exec(bare);
  return host !== null && !SENTENCE_STARTERS.has(host[1]);
}

function applyInsertions(base: string, insertions: readonly Insertion[]): Cleaned {
  const pieces: string[] = [];
  const inserted: number[] = [];
  let from = 0;
  let length = 0;
  for (const { at, text } of [...insertions].sort((a, b) => a.at - b.at)) {
    pieces.push(base.slice(from, at), text);
    length += at - from;
    for (let k = 0; k < text.length; k++) inserted.push(length + k);
    length += text.length;
    from = at;
  }
  pieces.push(base.slice(from));
  const clean = pieces.join('');
  return { clean, toOriginal: offsetMap(inserted, clean.length) };
}

/** `inserted` holds the clean offsets of inserted characters, ascending. */
function offsetMap(inserted: readonly number[], cleanLength: number): (cleanOffset: number) => number {
  return (cleanOffset) => {
    if (!Number.isInteger(cleanOffset) || cleanOffset < 0 || cleanOffset > cleanLength) {
      throw new RangeError(`clean offset ${cleanOffset} is outside 0..${cleanLength}`);
    }
    return cleanOffset - countBelow(inserted, cleanOffset);
  };
}

/** How many of the ascending `values` are below `limit` (binary search). */
function countBelow(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}
