import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { readDocuments, readSources, documentFromSource, documentFromText, type Problem, type SourceText } from '../ingest/index.js';
import { DocumentsWriter, lockOutput, mentionsPathOf, OutputError, writeGraph } from '../export/index.js';
import { nodeMentions } from '../graph/mentions.js';
import { loadGraph, loadMentions } from '../serve/load.js';
import { indexMentions, mentionSummary, neighbours, search, type Direction, type MentionSummary, type NeighbourResult } from '../query/index.js';
import { loadAliasFile, type AliasFile } from '../resolve/aliases.js';
import type { CorpusResult, DocumentRef } from '../pipeline.js';
import { defaultWorkers } from '../worker/pool.js';
import { DEFAULT_LAYOUT_OPTIONS, type Position } from '../graph/layout.js';
import type { DateSource, Document, EntityType } from '../types.js';
import { progressReporter } from './progress.js';
import { terminalJson, terminalSafe } from './terminal.js';
import { packagePath } from './paths.js';

/** A one-line message for the user; the process exits with `code`. */
export class CliError extends Error {
  constructor(message: string, readonly code = 1) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * The modules that extract, loaded by the commands that extract (build, extract) when they run: compromise and its
 * models take about half a second to load, which a command that reads a built graph (neighbours, search, serve)
 * should not pay.
 */
function extraction() {
  return Promise.all([import('../pipeline.js'), import('../cache/index.js'), import('./format.js')]).then(([pipeline, cache, format]) => ({ ...pipeline, ...cache, ...format }));
}

const TYPES: EntityType[] = ['person', 'organization', 'place', 'other'];
const DIRECTIONS: Direction[] = ['out', 'in', 'both'];

function integer(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    return n;
  };
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Exit code of a command that did its work but left some of what the user named unread (each told on stderr). */
export const SKIPPED_EXIT_CODE = 3;

function warn(problem: Problem): void {
  process.stderr.write(`kg: ${terminalSafe(problem.path)}: ${terminalSafe(problem.message)}\n`);
}

/** Tells each problem as it comes, and whether any input, or part of one, was skipped. */
function problemCounter(): { onProblem: (problem: Problem) => void; settle: () => void } {
  let skipped = 0;
  return {
    onProblem: (problem) => {
      warn(problem);
      if (problem.skipped) skipped++;
    },
    settle: () => {
      if (skipped > 0 && !process.exitCode) process.exitCode = SKIPPED_EXIT_CODE;
    },
  };
}

interface BuildCommandOptions {
  out: string;
  aliases?: string;
  progress: boolean;
  workers: number;
  /** A folder, or false for --no-cache. */
  cache: string | boolean;
}

async function build(inputs: string[], opts: BuildCommandOptions): Promise<void> {
  const started = performance.now();
  const aliases = opts.aliases ? await loadAliasFile(opts.aliases) : undefined;
  const lock = await lockOutput(opts.out).catch((error) => {
    throw error instanceof OutputError ? new CliError(error.message) : error;
  });
  try {
    await buildInto(inputs, opts, started, aliases);
  } finally {
    await lock.release();
  }
}

async function buildInto(inputs: string[], opts: BuildCommandOptions, started: number, aliases: AliasFile | undefined): Promise<void> {
  const graphPath = join(opts.out, 'graph.json');
  const previous = await previousPositions(graphPath);
  const { AnalysisCache, buildCorpus } = await extraction();
  const cache = opts.cache === false ? undefined : new AnalysisCache(typeof opts.cache === 'string' ? opts.cache : join(opts.out, '.cache'));
  const progress = progressReporter(opts.progress);
  const problems = problemCounter();
  const sources = readSources(inputs.length ? inputs : [packagePath('seeds')], { onProblem: problems.onProblem });
  // the texts go to the documents file as they are read, in reading order, never all held at once
  const texts = await DocumentsWriter.open(opts.out);
  try {
    const built = await graphToWrite(
      buildCorpus(writtenAsRead(relativePaths(sources, process.cwd()), texts), {
        aliases,
        workers: opts.workers,
        cache,
        onDocument: progress.update,
        build: { createdAt: buildTime(), layout: { previous } },
      }).finally(progress.stop),
    );
    const written = await writeGraph(built.graph, opts.out, { mentions: built.mentions, merges: built.merges, documents: await texts.finish() });
    problems.settle();
    const s = built.stats;
    const seconds = (performance.now() - started) / 1000;
    const extracted = s.documents - built.reused;
    const files = [written.json, written.gexf, written.mentions ?? '', written.merges ?? '', written.documents ?? ''].map(terminalSafe);
    process.stdout.write(
      `built ${files.slice(0, -1).join(', ')} and ${files.at(-1)}: ${count(s.documents, 'document')} (${built.titlesAndDates}), ${count(s.sentences, 'sentence')}, ${count(s.entities, 'entity', 'entities')}, ${count(s.relations, 'relation')} in ${seconds.toFixed(2)} s (${extracted} extracted, ${built.reused} from the cache; peak RSS ${peakRssMb()} MB)\n`,
    );
  } finally {
    await texts.discard();
  }
}

/**
 * What writing and the summary need of a build: the graph, its mentions and merges, and counts. The analyses and
 * the resolution, a few hundred bytes per word of text, are left behind here, so that they can be collected
 * before the files are serialised rather than held through the build's last and largest allocations.
 */
async function graphToWrite(building: Promise<CorpusResult>) {
  const result = await building;
  if (!result.stats.documents) throw new CliError('no documents to build: every input was missing, empty or unreadable');
  return {
    graph: result.graph,
    stats: result.stats,
    reused: result.reused,
    mentions: nodeMentions(result.graph, result.resolution),
    merges: (result.resolution.review ?? []).filter((r) => result.graph.hasNode(r.entity)),
    titlesAndDates: titlesAndDates(result.analyses.map((a) => a.doc)),
  };
}

/** The sources as they pass, each text appended to the documents file first. */
async function* writtenAsRead(sources: AsyncIterable<SourceText>, texts: DocumentsWriter): AsyncGenerator<SourceText> {
  for await (const source of sources) {
    await texts.add(source);
    yield source;
  }
}

/** Where dates were read, in the summary's words: the file's time is a fallback, and the user should know how often it was taken. */
const DATE_SOURCES: [DateSource, string][] = [['page', 'page'], ['front matter', 'front matter'], ['dateline', 'dateline'], ['file', 'file time']];

/** "2 titled; dates: 1 dateline, 4 file time": how many documents have a title, and where their dates come from. */
function titlesAndDates(docs: readonly DocumentRef[]): string {
  const dates = DATE_SOURCES.map(([source, words]) => [docs.filter((d) => d.date && d.dateSource === source).length, words] as const)
    .filter(([n]) => n > 0)
    .map(([n, words]) => `${n} ${words}`);
  const undated = docs.filter((d) => !d.date).length;
  if (undated > 0) dates.push(`${undated} none`);
  return `${docs.filter((d) => d.title).length} titled; dates: ${dates.join(', ')}`;
}

/**
 * The graph names each document by its path relative to where the build ran: an absolute path would tell whoever
 * reads the graph (the server hands it out) how this machine's folders are laid out.
 */
async function* relativePaths(sources: AsyncIterable<SourceText>, from: string): AsyncGenerator<SourceText> {
  for await (const source of sources) yield { ...source, path: relativePath(source.path, from) };
}

function relativePath(path: string, from: string): string {
  if (path === '-') return path;
  const rel = relative(from, resolve(from, path));
  return rel === '' || isAbsolute(rel) ? path : rel.split('\\').join('/');
}

/** Peak resident memory of the process, worker threads included. */
function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** SOURCE_DATE_EPOCH (reproducible-builds.org) fixes the graph's createdAt, so two builds can be compared byte for byte. */
function buildTime(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date().toISOString();
  if (!/^\d+$/.test(epoch)) throw new CliError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`, 2);
  return new Date(Number(epoch) * 1000).toISOString();
}

/** Node positions of the graph an earlier build left in the output folder, if any: known nodes keep them. */
async function previousPositions(path: string): Promise<Map<string, Position>> {
  const positions = new Map<string, Position>();
  try {
    const { nodes } = JSON.parse(await readFile(path, 'utf8')) as { nodes?: { key: string; attributes?: Partial<Position> }[] };
    for (const { key, attributes: a } of nodes ?? []) {
      if (typeof a?.x === 'number' && typeof a.y === 'number') positions.set(key, { x: a.x, y: a.y });
    }
  } catch {
    // no earlier graph, or not one of ours: lay out from scratch
  }
  return positions;
}

/** Documents the text output names an entity in; --json lists the query stage's default. */
const TEXT_MENTION_DOCUMENTS = 5;

function printNeighbours(result: NeighbourResult, mentions: MentionSummary | undefined): void {
  const e = result.entity;
  const out = (line: string) => process.stdout.write(`${terminalSafe(line)}\n`);
  out(`${e.label} (${e.type}) — ${result.neighbours.length} relation(s)`);
  if (mentions !== undefined && mentions.total > 0) {
    const docs = mentions.byDocument.map((d) => `${d.doc} ×${d.count} (${d.forms.map((f) => f.text).join(' | ')})`);
    const rest = mentions.documents - mentions.byDocument.length;
    out(`  named ${mentions.total} time(s) in ${docs.join(', ')}${rest > 0 ? ` and ${count(rest, 'more document')}` : ''}`);
  }
  for (const n of result.neighbours) {
    const arrow = n.direction === 'out' ? `–${n.relation}→` : `←${n.relation}–`;
    const kind = n.kind && n.kind !== n.relation ? ` [${n.kind}]` : '';
    const indent = '  '.repeat(n.depth);
    out(`${indent}${arrow} ${n.label} (${n.type})${kind}${n.negated ? ' [negated]' : ''} ×${n.weight}`);
    for (const s of n.sources) out(`${indent}    ${s.doc}: ${s.text.replace(/\s+/g, ' ')}`);
  }
}

async function neighboursCommand(entity: string, opts: { graph: string; depth: number; relation?: string; direction: Direction; type?: EntityType; json: boolean }): Promise<void> {
  const graph = await loadGraph(opts.graph);
  const result = neighbours(graph, entity, { depth: opts.depth, relation: opts.relation, direction: opts.direction, type: opts.type });
  const named = await loadMentions(mentionsPathOf(opts.graph), graph);
  const mentions = named && mentionSummary(indexMentions(named), result.entity.id, opts.json ? {} : { maxDocuments: TEXT_MENTION_DOCUMENTS });
  if (opts.json) process.stdout.write(terminalJson(mentions ? { ...result, mentions } : result, 2) + '\n');
  else printNeighbours(result, mentions);
}

async function searchCommand(q: string, opts: { graph: string; limit: number; json: boolean }): Promise<void> {
  // as /api/search answers 400 to an empty q: an empty query finds nothing, which is not an answer
  if (q.trim() === '') throw new CliError('search needs a query: a name or part of one', 2);
  const graph = await loadGraph(opts.graph);
  const hits = search(graph, q, opts.limit);
  if (opts.json) process.stdout.write(terminalJson(hits, 2) + '\n');
  else for (const h of hits) process.stdout.write(`${terminalSafe(`${h.label} (${h.type}, ${h.mentions} mentions) ${h.aliases.filter((a) => a !== h.label).join(' | ')}`)}\n`);
}

type Format = 'json' | 'jsonl' | 'carb';

async function extractCommand(files: string[], opts: { lines: boolean; format?: Format; out?: string }): Promise<void> {
  const format = opts.format ?? (opts.lines ? 'jsonl' : 'json');
  if (opts.out) return extractMany(files, opts.out, format, opts.lines);
  if (files.length > 1) throw new CliError('several files need --out DIR: each is written to DIR/<name>.json', 2);
  const doc = await readOne(files[0] ?? '-');
  const { analyseDocument, carbLines, documentJson, lineJson } = await extraction();
  const text = doc.text;
  if (opts.lines) {
    if (format === 'json') throw new CliError('--lines prints one result per line: use --format jsonl or carb', 2);
    const out: string[] = [];
    text.split(/\r?\n/).forEach((line, n) => {
      if (!line.trim()) return;
      const analysis = analyseDocument(documentFromText(`line-${n + 1}`, line));
      if (format === 'jsonl') out.push(JSON.stringify(lineJson(line, analysis)));
      else out.push(...carbLines(line, analysis));
    });
    process.stdout.write(out.length ? out.join('\n') + '\n' : '');
    return;
  }
  const analysis = analyseDocument(doc);
  if (format === 'carb') {
    const lines = analysis.sentences.flatMap((s) => carbLines(s.text, analysis, s.start, s.end));
    process.stdout.write(lines.length ? lines.join('\n') + '\n' : '');
  } else if (format === 'jsonl') {
    for (const s of analysis.sentences) process.stdout.write(JSON.stringify(lineJson(s.text, analysis, s.start, s.end)) + '\n');
  } else {
    process.stdout.write(JSON.stringify(documentJson(analysis)) + '\n');
  }
}

/**
 * Many documents in one run (start-up, loading compromise, costs more than extracting a short document): files
 * and folders as `kg build` reads them, each document written to DIR/<its id without .txt or .md>.json (or .jsonl
 * / .carb), subfolders kept, as `kg extract FILE` prints it.
 */
async function extractMany(files: string[], out: string, format: Format, lines: boolean): Promise<void> {
  if (lines) throw new CliError('--lines reads one input: leave out --out', 2);
  if (!files.length) throw new CliError('--out needs the files to extract', 2);
  await mkdir(out, { recursive: true }).catch((error: Error) => {
    throw new CliError(`cannot write to ${out}: ${error.message}`);
  });
  const problems = problemCounter();
  const { analyseDocument, carbLines, documentJson, lineJson } = await extraction();
  let extracted = 0;
  for await (const source of readSources(files, { onProblem: problems.onProblem })) {
    const analysis = analyseDocument(documentFromSource(source));
    let text: string;
    if (format === 'carb') text = analysis.sentences.flatMap((s) => carbLines(s.text, analysis, s.start, s.end)).map((l) => l + '\n').join('');
    else if (format === 'jsonl') text = analysis.sentences.map((s) => JSON.stringify(lineJson(s.text, analysis, s.start, s.end)) + '\n').join('');
    else text = JSON.stringify(documentJson(analysis)) + '\n';
    const target = join(out, `${source.id.replace(/\.(?:txt|md)$/i, '')}.${format}`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    extracted++;
  }
  if (extracted === 0) throw new CliError('nothing to extract: every input was missing, empty or unreadable');
  problems.settle();
}

/**
 * The one document to extract; unreadable input is one line of error, a readable one with a note gets the note.
 * A folder of several documents needs --out: printing only its first would drop the rest without a word.
 */
async function readOne(file: string): Promise<Document> {
  const { documents, problems } = await readDocuments([file]);
  if (documents.length > 1) throw new CliError(`${file} holds ${documents.length} documents: give --out DIR to write each to DIR/<name>.json`, 2);
  const [doc] = documents;
  if (!doc) throw new CliError(problems.map((p) => `${p.path}: ${p.message}`)[0] ?? `nothing to extract from ${file}`);
  const counter = problemCounter();
  problems.forEach(counter.onProblem);
  counter.settle();
  return doc;
}

async function serveCommand(opts: { graph: string; gexf?: string; documents?: string; port: number; host: string }): Promise<void> {
  // the server (fastify and its plugins) is loaded only by the command that serves
  const { createServer } = await import('../serve/index.js');
  const server = await createServer({
    graphPath: opts.graph,
    gexfPath: opts.gexf,
    documentsPath: opts.documents,
    viewerDir: packagePath('viewer', 'dist'),
    host: opts.host,
    port: opts.port,
  });
  process.stdout.write(`kg: serving ${terminalSafe(opts.graph)} at ${server.url}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The `kg` command line. */
export function program(): Command {
  const cli = new Command('kg')
    .description('Builds a knowledge graph of who did what to whom from news articles, and queries it.')
    .showHelpAfterError();
  const graphOption = () => new Option('-g, --graph <file>', 'graph.json written by kg build').default('graph-out/graph.json');

  cli
    .command('build')
    .description('read articles (.txt, .md, .html: files, folders, globs, "-" for stdin) and write graph.json, graph.gexf, mentions.jsonl, merges.tsv (the merges worth a look) and documents.jsonl (the texts)')
    .argument('[inputs...]', 'files, folders or glob patterns (default: the sample articles in seeds/)')
    .option('-o, --out <dir>', 'output folder', 'graph-out')
    .option('-a, --aliases <file>', 'alias file: {"merge": [[names...]], "separate": [[names...]]}')
    .option('-w, --workers <n>', 'threads analysing articles (1: all in the main thread)', integer(1, 256), defaultWorkers())
    .option('--cache <dir>', 'where each article\'s analysis is kept, so a rebuild re-extracts only new and changed articles (default: <out>/.cache)')
    .option('--no-cache', 'extract every article, keep nothing')
    .option('--no-progress', 'no progress bar')
    .addHelpText(
      'after',
      `
Layout: connected nodes are placed by ForceAtlas2, for at most ${DEFAULT_LAYOUT_OPTIONS.iterations} iterations and fewer on large graphs
(about ${DEFAULT_LAYOUT_OPTIONS.budget.toLocaleString('en')} node-iterations in all, at least ${DEFAULT_LAYOUT_OPTIONS.minIterations}); nodes in no relation sit on a ring around them.
When the output folder holds a graph.json from an earlier build, its nodes keep their positions and only new
nodes are placed, beside their neighbours. Set SOURCE_DATE_EPOCH to fix the graph's createdAt.

Titles and dates: each document's title is a web page's own, a front matter "title:", a "# Heading", or a first
line that reads as a headline; its date (YYYY-MM-DD) is a web page's own, a front matter "date:", a dateline near
the top ("WASHINGTON, Sept. 3, 2025 (Reuters) -", "Published September 3, 2025"), else the file's modification
day in UTC. The graph's documents say which (dateSource: page, front matter, dateline or file); the summary counts them.`,
    )
    .action(build);

  cli
    .command('neighbours')
    .alias('neighbors')
    .description("an entity's relations and the entities they lead to, with their source sentences, and where it is named (from mentions.jsonl beside the graph)")
    .argument('<entity>', 'a name or alias, any case ("Rubio", "the United States")')
    .addOption(graphOption())
    .option('-d, --depth <n>', 'hops from the entity', integer(1, 5), 1)
    .option('-r, --relation <relation>', 'only this relation (e.g. meet) or kind of relation (member of, works for, leads, located in, born in, citizen of, meets, attacks, sues, …)')
    .addOption(new Option('--direction <direction>', 'out: entity is the subject; in: the object').choices(DIRECTIONS).default('both'))
    .addOption(new Option('-t, --type <type>', 'only neighbours of this type').choices(TYPES))
    .option('--json', 'print JSON', false)
    .action(neighboursCommand);

  cli
    .command('search')
    .description('entities whose name or alias matches a query')
    .argument('<query>')
    .addOption(graphOption())
    .option('-l, --limit <n>', 'most results', integer(1, 1000), 20)
    .option('--json', 'print JSON', false)
    .action(searchCommand);

  cli
    .command('extract')
    .description('extract entities and triples without building a graph')
    .argument('[files...]', 'documents; "-" or nothing reads standard input; several need --out')
    .option('--lines', 'each input line is an independent sentence', false)
    .option('-o, --out <dir>', 'write each file\'s result to DIR/<name without .txt>.json (.jsonl, .carb) instead of printing it')
    .addOption(new Option('-f, --format <format>', 'json (document), jsonl (a line per sentence) or carb (CaRB predictions)').choices(['json', 'jsonl', 'carb']))
    .action(extractCommand);

  cli
    .command('serve')
    .description('serve the viewer and the JSON API (GET /api/graph, /api/neighbours?entity=&depth=, /api/search?q=, /api/mentions?entity=, /api/relations?entity=, /api/edge?id=, /api/document?id=; POST /api/gexf)')
    .addOption(graphOption())
    .option('--gexf <file>', 'GEXF offered for download (default: graph.gexf beside the graph as the build wrote it, else generated)')
    .option('--documents <file>', "the documents' texts for /api/document (default: documents.jsonl beside the graph)")
    .option('-p, --port <port>', 'port (0: any free port)', integer(0, 65535), 8080)
    .option('-H, --host <host>', 'address to bind', '127.0.0.1')
    .action(serveCommand);

  return cli;
}

/** Runs the CLI; every failure is one line on stderr and a non-zero exit. */
export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (err) {
    const e = err as Error & { code?: unknown };
    process.stderr.write(`kg: ${terminalSafe(e.message.split('\n')[0])}\n`);
    process.exitCode = err instanceof CliError ? err.code : 1;
  }
}
