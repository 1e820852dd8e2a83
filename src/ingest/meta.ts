/**
 * A document's title and date, read from the top of its text (and from what a web page or the file system says of
 * it). Reading them changes nothing of the text: offsets stay true, and only front matter is kept out of extraction.
 *
 * Title: the page's own title; else the front matter's `title`; else a first line that is a markdown heading
 * ("# …") or reads as a headline: short, not ending in a full stop, not a date or a byline, with text after it.
 *
 * Date: the page's own date; else the front matter's `date`; else a dateline near the top: a line that is a date
 * ("September 3, 2025", "2025-09-03"), perhaps "Published …" or "Updated …" (a publication date is preferred to an
 * update), a place and a date opening a line ("WASHINGTON, Sept. 3, 2025 (Reuters) -"), a line opening with a
 * weekday and a date, or a byline ending in one; else the file's modification day. Only the top lines are read, so
 * a date the article talks about ("born 8 February 1700") is never taken for its own.
 */
import type { DateSource, DocumentMeta } from '../types.js';
import { dateAt, fileDay, parseDate } from './dates.js';
import { frontMatter } from './front-matter.js';

export interface MetaOptions {
  /** Non-blank lines at the top of the text searched for a dateline. */
  datelineLines: number;
  /** A dateline must start within this many characters of the text's start (after any front matter). */
  datelineChars: number;
  /** A first line longer than this (in characters or words) is a paragraph, not a headline. */
  titleChars: number;
  titleWords: number;
}

export const DEFAULT_META_OPTIONS: MetaOptions = { datelineLines: 8, datelineChars: 1500, titleChars: 200, titleWords: 25 };

/** What is known of a document besides its text. */
export interface MetaSources {
  /** The title and date a web page gives itself (ingest/html), the date as the page writes it. */
  page?: { title?: string; date?: string };
  /** The file's modification time; none for standard input. */
  modified?: Date;
}

/** Front matter keys naming the title and the date, in order of trust. */
const TITLE_KEYS = ['title', 'headline'];
const DATE_KEYS = ['date', 'published', 'pubdate', 'publishdate', 'published_at', 'created'];

const LABEL = /^(?:(?:first\s+)?published|(?:last\s+)?(?:updated|modified)|posted|dated?|filed)(?:\s+on)?\s*[:-]?\s*/i;
const UPDATE = /^(?:last\s+)?(?:updated|modified)/i;
/** What may follow a date on a line of its own: a time, a zone. */
const TIME_REST = /^\s*(?:[,|·•–—-]\s*)?(?:(?:at\s+)?\d{1,2}(?:[:.]\d{2}){1,2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?(?:[A-Z]{2,5}|UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?)?\s*$/i;
/** A dateline's place: up to five capitalised words, and a region after a comma ("Preston, Victoria"). */
const PLACE = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|del|la|el|of|upon|on)){0,4}(?:,\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}){0,2},\s+/u;
/** What ends a dateline after its date: the line's end, an agency in brackets, a dash or a colon. */
const DATELINE_END = /^\s*(?:\([^()]{1,40}\)\s*)?(?:$|[-–—:])/;
const BYLINE = /^by\s+\S/i;
const BYLINE_DATE = /\s(?:[|·•–—-]|,)\s*/g;
const MARKDOWN_HEADING = /^#{1,3}\s+(.*?)(?:\s+#+)?\s*$/;
const LETTER = /\p{L}/u;
const HEADLINE_START = /^[\p{Lu}\p{N}"'“‘(]/u;
const URL = /^(?:[a-z][a-z\d+.-]*:\/\/|www\.)/i;

/** The document's title and date, and where the date was read. */
export function documentMeta(text: string, sources: MetaSources = {}, options: Partial<MetaOptions> = {}): DocumentMeta {
  const settings = validateMetaOptions({ ...DEFAULT_META_OPTIONS, ...options });
  const front = frontMatter(text);
  const body = front === undefined ? text : text.slice(front.end);
  const title = clip(sources.page?.title) ?? clip(field(front?.fields, TITLE_KEYS)) ?? headline(body, settings);
  const dated = datedBy('page', sources.page?.date && parseDate(sources.page.date)) ??
    datedBy('front matter', front && field(front.fields, DATE_KEYS, parseDate)) ??
    datedBy('dateline', dateline(body, settings)) ??
    datedBy('file', sources.modified && fileDay(sources.modified));
  return { ...(title ? { title } : {}), ...dated };
}

/** Only the fields of `meta` that are set, in one order: a date source only with its date. */
export function metaFields({ title, date, dateSource }: DocumentMeta): DocumentMeta {
  return { ...(title ? { title } : {}), ...(date ? { date } : {}), ...(date && dateSource ? { dateSource } : {}) };
}

function validateMetaOptions(options: MetaOptions): MetaOptions {
  for (const [name, value] of Object.entries(options)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number, got ${value}`);
  }
  return options;
}

function datedBy(dateSource: DateSource, date: string | undefined): DocumentMeta | undefined {
  return date ? { date, dateSource } : undefined;
}

/** The first of `keys` with a value (that `read` reads, when given). */
function field(fields: ReadonlyMap<string, string> | undefined, keys: readonly string[], read: (value: string) => string | undefined = (v) => v): string | undefined {
  for (const key of keys) {
    const value = fields?.get(key);
    const result = value ? read(value) : undefined;
    if (result) return result;
  }
  return undefined;
}

/** One line of text, white space made single; undefined when nothing is left. */
function clip(title: string | undefined): string | undefined {
  const line = title?.replace(/\s+/g, ' ').trim();
  return line || undefined;
}

/** The non-blank lines of the top of the text, trimmed, with where each starts. */
function topLines(text: string, count: number, chars: number): { line: string; start: number }[] {
  const lines: { line: string; start: number }[] = [];
  const pattern = /[^\r\n]+/g;
  for (let match = pattern.exec(text); match !== null && lines.length < count && match.index < chars; match = pattern.exec(text)) {
    const line = match[0].trim();
    if (line !== '') lines.push({ line, start: match.index });
  }
  return lines;
}

/** The first line as a headline: a markdown heading, or a line that reads as one; undefined otherwise. */
function headline(text: string, options: MetaOptions): string | undefined {
  const [first, next] = topLines(text, 2, Infinity);
  if (first === undefined || next === undefined) return undefined; // a text of one line is all body
  const heading = MARKDOWN_HEADING.exec(first.line);
  if (heading) return clip(heading[1].replace(/[*_]{1,2}(.+?)[*_]{1,2}/g, '$1'));
  const line = first.line.replace(/[,;:]$/, '');
  if (line.length > options.titleChars || line.split(/\s+/).length > options.titleWords) return undefined;
  if (/[.…]$/.test(line) || !HEADLINE_START.test(line) || !LETTER.test(line)) return undefined;
  if (BYLINE.test(line) || URL.test(line) || datelineOf(line) !== undefined) return undefined;
  return clip(line);
}

/** The date of the first dateline among the top lines; a "Published" line wins over an "Updated" one above it. */
function dateline(text: string, options: MetaOptions): string | undefined {
  let updated: string | undefined;
  for (const { line } of topLines(text, options.datelineLines, options.datelineChars)) {
    const found = datelineOf(line);
    if (found === undefined) continue;
    if (!found.update) return found.date;
    updated ??= found.date;
  }
  return updated;
}

/** The date a line gives as a dateline, and whether it is an update's; undefined when the line is no dateline. */
function datelineOf(line: string): { date: string; update: boolean } | undefined {
  const label = LABEL.exec(line);
  const rest = label ? line.slice(label[0].length) : line;
  const update = label !== null && UPDATE.test(label[0]);
  const date = dateAt(rest);
  if (date && (TIME_REST.test(rest.slice(date.length)) || date.weekday)) return { date: date.date, update };
  if (label) return undefined;
  const place = PLACE.exec(line);
  if (place) {
    const placed = dateAt(line.slice(place[0].length));
    if (placed && DATELINE_END.test(line.slice(place[0].length + placed.length))) return { date: placed.date, update: false };
  }
  if (BYLINE.test(line)) {
    for (const separator of line.matchAll(BYLINE_DATE)) {
      const after = line.slice(separator.index + separator[0].length);
      const dated = dateAt(after);
      if (dated && TIME_REST.test(after.slice(dated.length))) return { date: dated.date, update: false };
    }
  }
  return undefined;
}
