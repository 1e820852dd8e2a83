/**
 * Reads the input articles: files, directories, glob patterns and "-" for standard input.
 * Bad input never aborts the rest; each one becomes a Problem and reading goes on.
 */
import { readdir, realpath, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { glob, hasMagic } from 'glob';
import type { Document, DocumentMeta } from '../types.js';
import { clean, longRunNote } from './clean.js';
import { htmlToText, looksLikeHtml } from './html.js';
import { documentMeta } from './meta.js';

/** Something wrong with one input, told in one line. */
export interface Problem {
  path: string;
  message: string;
  /** True when some of what the user named is not read (a file, a folder, part of a text): the exit code says so. */
  skipped: boolean;
}

export interface ReadOptions {
  /** Larger files are skipped, with a problem saying so. */
  maxBytes: number;
  /** Told about each problem as soon as it is found (the result lists them all as well). */
  onProblem: (problem: Problem) => void;
  /** Where "-" is read from; standard input when not given. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = {
  maxBytes: 20 * 1024 * 1024,
  onProblem: () => {},
};

export interface ReadResult {
  documents: Document[];
  problems: Problem[];
}

/** A file an input expanded to, and the id its document gets. */
interface Found {
  path: string;
  id: string;
}

interface Expansion {
  found: Found[];
  problem?: string;
  /** Folders below the input that could not be read, each a problem of its own. */
  unreadable?: Problem[];
}

/** Text decoded from bytes, with a note when it took a fallback, and the file's modification time; or why the bytes are not read. */
type Decoded = { text: string; note?: string; modified?: Date } | { skipped: string };

const EMPTY_FILE = 'empty file';
const STDIN = '-';
const STDIN_ID = 'stdin';
/** What a folder is searched for, compared case-insensitively. */
const ARTICLE_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md', '.html', '.htm']);
const HTML_EXTENSIONS: ReadonlySet<string> = new Set(['.html', '.htm']);
const IGNORED = ['**/node_modules/**'];
const IGNORED_FOLDER = 'node_modules';
/** Braces count as a pattern too ("{a,b}.txt"). */
const GLOB_MAGIC = { magicalBraces: true };
/** Share of control characters above which a file is taken for binary. */
const BINARY_CONTROL_RATIO = 0.1;
/** Windows-1252 characters for bytes 0x80–0x9F; the five undefined bytes keep their C1 code point. */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * One input article's text as read, before cleaning: what a build streams to its workers. Its title and date
 * (ingest/meta) are read here, in reading order, and never cached with its analysis: the file's time is no part of
 * its content, and a date taken from it must be the file's time now.
 */
export interface SourceText extends DocumentMeta {
  id: string;
  path: string;
  /** The article's text; of a web page, its main text (ingest/html), which offsets then point into. */
  text: string;
}

/** Files read ahead of the one being handed out. */
const READ_AHEAD = 8;

/**
 * Reads the inputs one article at a time, in input order (directories and globs sorted), so a build never holds
 * every text at once. Problems go to `onProblem`; reading goes on past them.
 */
export async function* readSources(inputs: string[], options: Partial<ReadOptions> = {}): AsyncGenerator<SourceText> {
  const settings = validateReadOptions({ ...DEFAULT_READ_OPTIONS, ...options });
  const report = (path: string, message: string, skipped = true): void => settings.onProblem({ path, message, skipped });
  const ids = new Set<string>();
  const readAs = new Map<string, string>();
  for (const input of inputs) {
    const { found, problem, unreadable } = await expand(input);
    if (problem !== undefined) report(input, problem);
    for (const p of unreadable ?? []) settings.onProblem(p);
    // the next files are opened and read while the caller works on this one (a rebuild from the cache waits on
    // little else); they are taken in order, and at most READ_AHEAD texts are held
    const ahead = new Map<number, Promise<[string, Decoded]>>();
    const fetch = (k: number) => {
      const { path } = found[k];
      const file = path === STDIN ? Promise.resolve(STDIN) : realpath(path).catch(() => resolve(path));
      const both = Promise.all([file, load(path, settings)]);
      both.catch(() => {}); // a failure is thrown where it is awaited; one never awaited (the caller stopped) is dropped
      ahead.set(k, both);
    };
    for (let k = 0; k < found.length; k++) {
      const { path, id } = found[k];
      // standard input is read only when its turn comes
      for (let j = k; j < Math.min(found.length, k + READ_AHEAD); j++) if (!ahead.has(j) && (j === k || found[j].path !== STDIN)) fetch(j);
      const [file, decoded] = await ahead.get(k)!;
      ahead.delete(k);
      const earlier = readAs.get(file);
      if (earlier !== undefined) {
        report(path, `already read as ${earlier}, skipped`, false);
        continue;
      }
      if ('skipped' in decoded) {
        // an empty file is read, and holds nothing: nothing of it is lost
        report(path, decoded.skipped, decoded.skipped !== EMPTY_FILE);
        continue;
      }
      if (decoded.note !== undefined) report(path, decoded.note, false);
      const named = HTML_EXTENSIONS.has(extname(path).toLowerCase());
      const page = named || looksLikeHtml(decoded.text) ? htmlToText(decoded.text) : undefined;
      if (page !== undefined && !named) report(path, 'HTML content; read as a web page, its main text extracted', false);
      if (page !== undefined && page.text === '') {
        report(path, 'web page without article text, skipped');
        continue;
      }
      const text = page?.text ?? decoded.text;
      const runs = longRunNote(text);
      if (runs !== undefined) report(path, runs.text, runs.skipped);
      const unique = uniqueId(id, ids);
      ids.add(unique);
      if (path !== STDIN) readAs.set(file, unique);
      yield { id: unique, path, text, ...documentMeta(text, { page, modified: decoded.modified }) };
    }
  }
}

/** Reads every input into documents, in input order (directories and globs sorted), collecting problems. */
export async function readDocuments(inputs: string[], options: Partial<ReadOptions> = {}): Promise<ReadResult> {
  const documents: Document[] = [];
  const problems: Problem[] = [];
  const onProblem = (problem: Problem): void => {
    problems.push(problem);
    (options.onProblem ?? DEFAULT_READ_OPTIONS.onProblem)(problem);
  };
  for await (const source of readSources(inputs, { ...options, onProblem })) documents.push(documentFromSource(source));
  return { documents, problems };
}

/** The document of an article as read, with its title and date. */
export function documentFromSource({ id, text, path, ...meta }: SourceText): Document {
  return documentFromText(id, text, path, meta);
}

/** A document from text already in memory; `path` defaults to the id. */
export function documentFromText(id: string, text: string, path: string = id, meta: DocumentMeta = {}): Document {
  return { id, path, text, ...meta, ...clean(text) };
}

function validateReadOptions(options: ReadOptions): ReadOptions {
  if (!(options.maxBytes > 0)) throw new RangeError(`maxBytes must be a positive number, got ${options.maxBytes}`);
  return options;
}

/** The files one input stands for. */
async function expand(input: string): Promise<Expansion> {
  if (input === STDIN) return { found: [{ path: STDIN, id: STDIN_ID }] };
  const stats = await stat(input).catch((error: NodeJS.ErrnoException) => error);
  if (stats instanceof Error) {
    if (stats.code !== 'ENOENT' && stats.code !== 'ENOTDIR') return { found: [], problem: `cannot read: ${reasonOf(stats)}, skipped` };
    if (hasMagic(input, GLOB_MAGIC)) return expandGlob(input);
    return { found: [], problem: `no such file or directory: ${input}` };
  }
  if (!stats.isDirectory()) return { found: [{ path: input, id: basename(input) }] };
  const { found, unreadable } = await articlesUnder(input);
  if (found.length > 0) return { found, unreadable };
  const top = unreadable.find((p) => p.path === input);
  if (top !== undefined) return { found, problem: top.message };
  return { found, problem: `no .txt, .md or .html files in ${input}`, unreadable };
}

/**
 * The article files under a folder, sorted by their path below it (their id); dot entries and node_modules left
 * out. Linked folders are followed once each, so a link loop ends. Each folder that cannot be read is a problem.
 */
async function articlesUnder(root: string): Promise<{ found: Found[]; unreadable: Problem[] }> {
  const found: Found[] = [];
  const unreadable: Problem[] = [];
  const visited = new Set<string>();
  const walk = async (dir: string, prefix: string): Promise<void> => {
    let entries;
    try {
      const real = await realpath(dir);
      if (visited.has(real)) return;
      visited.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: dir, message: `cannot read folder: ${reasonOf(error)}, skipped`, skipped: true });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === IGNORED_FOLDER) continue;
      const path = join(dir, entry.name);
      const id = prefix + entry.name;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => undefined);
        isDirectory = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isDirectory) await walk(path, `${id}/`);
      else if (isFile && ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push({ path, id });
    }
  };
  await walk(root, '');
  return { found: found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), unreadable };
}

/** A system error in a few words a user knows. */
function reasonOf(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENAMETOOLONG':
      return 'path too long';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENOENT':
      return 'it went away while being read';
    default:
      return oneLine(error);
  }
}

async function expandGlob(pattern: string): Promise<Expansion> {
  const parts = pattern.split('/');
  // A brace may span a slash ("{a/x,b}/*.txt"), so the fixed base ends at the first brace too.
  const wild = parts.findIndex((part) => hasMagic(part, GLOB_MAGIC) || /[{}]/.test(part));
  const base = wild === 0 ? '.' : parts.slice(0, wild).join('/') || '/';
  const found = await filesUnder(base, parts.slice(wild).join('/'), {});
  return found.length > 0 ? { found } : { found, problem: `no files match ${pattern}` };
}

/** Files matching `pattern` under `dir`, sorted, ids relative to `dir`; dotfiles and node_modules left out. */
async function filesUnder(dir: string, pattern: string, options: { nocase?: boolean }): Promise<Found[]> {
  const matches = await glob(pattern, { ...options, cwd: dir, nodir: true, dot: false, ignore: IGNORED, posix: true });
  return matches.sort().map((id) => ({ path: join(dir, id), id }));
}

function uniqueId(id: string, taken: ReadonlySet<string>): string {
  const extension = extname(id);
  const stem = id.slice(0, id.length - extension.length);
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${stem}-${n}${extension}`;
  return candidate;
}

async function load(path: string, options: ReadOptions): Promise<Decoded> {
  if (path === STDIN) {
    const bytes = await readStream(options.stdin ?? process.stdin, options.maxBytes);
    return typeof bytes === 'string' ? { skipped: bytes } : decode(bytes);
  }
  const file = await readPath(path, options.maxBytes);
  if (typeof file === 'string') return { skipped: file };
  const decoded = decode(file.bytes);
  return 'skipped' in decoded ? decoded : { ...decoded, modified: file.modified };
}

/** The file's bytes and modification time, or why they were not read. */
async function readPath(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; modified: Date } | string> {
  try {
    const { size, mtime } = await stat(path);
    if (size > maxBytes) return tooLarge(size, maxBytes);
    return { bytes: await readFile(path), modified: mtime };
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    return code === 'ENOENT' ? `no such file or directory: ${path}` : `cannot read: ${reasonOf(error)}, skipped`;
  }
}

async function readStream(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Uint8Array | string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.from(chunk);
    size += bytes.length;
    if (size > maxBytes) return tooLarge(size, maxBytes, 'more than ');
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function tooLarge(size: number, maxBytes: number, qualifier = ''): string {
  return `too large: ${qualifier}${formatBytes(size)}, limit ${formatBytes(maxBytes)}, skipped`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function oneLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).replace(/\s+/g, ' ').trim();
}

/**
 * Decodes a file's bytes. A byte-order mark is not part of the text: `text` starts after it, and all
 * offsets are into the decoded text, not into the file's bytes.
 */
function decode(bytes: Uint8Array): Decoded {
  const utf16 = utf16Encoding(bytes);
  const decoded =
    utf16 !== undefined ? { text: new TextDecoder(utf16).decode(bytes) } : isBinary(bytes) ? undefined : decodeUtf8(bytes);
  if (decoded === undefined || decoded.text.includes('\0')) return { skipped: 'binary file, skipped' };
  if (decoded.text.trim() === '') return { skipped: EMPTY_FILE };
  return decoded;
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** NUL bytes, or many control characters other than white space. */
function isBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) return true;
    if ((byte < 0x20 && (byte < 0x09 || byte > 0x0d)) || byte === 0x7f) controls++;
  }
  return controls > bytes.length * BINARY_CONTROL_RATIO;
}

/** UTF-8 (its BOM dropped); bytes that are not UTF-8 are read as Windows-1252, which loses nothing. */
function decodeUtf8(bytes: Uint8Array): { text: string; note?: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: decodeWindows1252(bytes), note: 'not UTF-8; decoded as Windows-1252' };
  }
}

/** Node's TextDecoder reads "windows-1252" as Latin-1, so the bytes 0x80–0x9F are mapped here. */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
}
