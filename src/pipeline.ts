import type { Document, DocumentInfo, Entity, Mention, Sentence, Triple } from './types.js';
import { extract } from './extract/index.js';
import { documentFromText, metaFields, type SourceText } from './ingest/index.js';
import { resolveCorpus, resolveDocument, type AliasFile } from './resolve/index.js';
import { buildGraph, type BuildOptions, type KnowledgeGraph, type Resolution } from './graph/index.js';
import { AnalysisPool } from './worker/pool.js';
import type { AnalysisCache } from './cache/index.js';

/**
 * The pipeline wired in one place: ingest → extract → resolve → graph. Each document is analysed on its own
 * (analyseDocument: extract, then resolve within the document), which is what workers and the analysis cache
 * deal in; the corpus is then merged in one place (graphFromAnalyses: resolve across documents, build the graph).
 * A corpus build (buildCorpus) streams articles through the analysis cache and a pool of worker threads.
 * Reading files and writing outputs stay with the CLI.
 */

export interface PipelineOptions {
  aliases?: AliasFile;
  build?: Partial<BuildOptions>;
  /** Called after each document is analysed, for progress reporting. */
  onDocument?: (done: number, total: number, doc: DocumentRef) => void;
}

export interface BuildStats {
  documents: number;
  sentences: number;
  entities: number;
  relations: number;
  seconds: number;
}

export interface PipelineResult {
  graph: KnowledgeGraph;
  analyses: DocumentAnalysis[];
  /** Which entity each mention resolved to: where the graph's nodes are named (see nodeMentions). */
  resolution: Resolution;
  stats: BuildStats;
}

/** A document named without its text, as the graph lists it: id, path, title and date (ingest/meta). */
export type DocumentRef = DocumentInfo;

/**
 * One document extracted and resolved on its own, as plain data: no functions, and no object is relied upon
 * being shared, so it goes through JSON unchanged. It is what a worker hands back, what the analysis cache
 * stores (src/cache), and what `kg extract` prints from. Offsets are into the document's original text.
 *
 * - `doc`: the document's id and path, without its text, and its title and date when the document carries them;
 * - `sentences`: its non-blank sentences;
 * - `triples`: the relations read from them, each carrying its source sentence;
 * - `entities`: the document's own entities (in-document resolution) with every mention, before any merging
 *   across documents; mention `doc` fields hold `doc.id`.
 */
export interface DocumentAnalysis {
  doc: DocumentRef;
  sentences: Sentence[];
  triples: Triple[];
  entities: Entity[];
}

export function analyseDocument(doc: Document): DocumentAnalysis {
  const extraction = extract(doc);
  const entities = resolveDocument(doc, extraction.mentions);
  return { doc: { id: doc.id, path: doc.path, ...metaFields(doc) }, sentences: extraction.sentences, triples: extraction.triples, entities };
}


/**
 * An article's analysis as JSON text, the one form in which analyses travel (from a worker, to and from the
 * cache): every build merges analyses read back from it, so one thread or many, cold or cached, build alike.
 * It depends on the article's id and text alone, as the cache's key does: the title and date are the build's to set.
 */
export function analyseSource(source: SourceText): string {
  return JSON.stringify(analyseDocument(documentFromText(source.id, source.text, source.path)));
}

/** Mentions by document, start and end (offsets, not strings built per lookup: the graph asks for every triple's ends). */
class ByMentionOffsets<T> {
  private readonly byDoc = new Map<string, Map<number, Map<number, T>>>();

  set(m: Mention, value: T): void {
    let starts = this.byDoc.get(m.doc);
    if (!starts) this.byDoc.set(m.doc, (starts = new Map()));
    let ends = starts.get(m.start);
    if (!ends) starts.set(m.start, (ends = new Map()));
    ends.set(m.end, value);
  }

  get(m: Mention): T | undefined {
    return this.byDoc.get(m.doc)?.get(m.start)?.get(m.end);
  }
}

/** Merges the documents' entities across documents. */
export function resolveAnalyses(analyses: DocumentAnalysis[], aliases?: AliasFile): Resolution {
  const { entities, idOf, review } = resolveCorpus(analyses.map((a) => a.entities), { aliases });
  const entityOfMention = new ByMentionOffsets<string>();
  for (const a of analyses) {
    for (const e of a.entities) {
      const id = idOf.get(e.id) ?? e.id;
      for (const m of e.mentions) entityOfMention.set(m, id);
    }
  }
  return { entities, entityOf: (m) => entityOfMention.get(m), review };
}

/** Analysed documents in, knowledge graph out: the main thread's share of a build. */
export function graphFromAnalyses(analyses: DocumentAnalysis[], options: Omit<PipelineOptions, 'onDocument'> = {}, started = performance.now()): PipelineResult {
  const resolution = resolveAnalyses(analyses, options.aliases);
  const graph = buildGraph(analyses, resolution, options.build);
  const stats: BuildStats = {
    documents: analyses.length,
    sentences: analyses.reduce((n, a) => n + a.sentences.length, 0),
    entities: graph.order,
    relations: graph.size,
    seconds: (performance.now() - started) / 1000,
  };
  return { graph, analyses, resolution, stats };
}

/** Documents in, knowledge graph out, in this thread (the library's one-call build; `kg build` runs buildCorpus). */
export function buildKnowledgeGraph(documents: Document[], options: PipelineOptions = {}): PipelineResult {
  const started = performance.now();
  const analyses = documents.map((doc, i) => {
    const analysis = analyseDocument(doc);
    options.onDocument?.(i + 1, documents.length, analysis.doc);
    return analysis;
  });
  return graphFromAnalyses(analyses, options, started);
}

export interface CorpusOptions extends PipelineOptions {
  /** Threads analysing articles; 1 analyses in this thread. */
  workers: number;
  /** Where analyses are kept between builds; none when absent. */
  cache?: AnalysisCache;
}

export interface CorpusResult extends PipelineResult {
  /** Documents whose analysis came from the cache rather than from extraction. */
  reused: number;
}

/** Articles waiting for or in analysis per worker: enough that no worker idles, few enough that texts do not pile up. */
const IN_FLIGHT_PER_WORKER = 4;

/**
 * Articles in, knowledge graph out, as `kg build` runs it: each article is read, looked up in the cache, and
 * analysed by the pool when missing, while the next ones are read; only analyses are kept, never texts or parses.
 * Analyses are merged in reading order, so the graph is the same whatever the number of workers.
 */
export async function buildCorpus(sources: AsyncIterable<SourceText>, options: CorpusOptions): Promise<CorpusResult> {
  const started = performance.now();
  const { cache } = options;
  const pool = new AnalysisPool({ workers: options.workers, analyseInThread: analyseSource });
  const analyses: DocumentAnalysis[] = [];
  const inFlight = new Set<Promise<void>>();
  let read = 0;
  let done = 0;
  let reused = 0;
  const analyse = async (source: SourceText, index: number): Promise<void> => {
    const key = cache?.key(source);
    let json = key === undefined ? undefined : await cache!.read(key);
    let analysis = json === undefined ? undefined : parseAnalysis(json);
    if (analysis) reused++;
    else {
      json = await pool.analyse(source);
      if (key !== undefined) await cache!.write(key, json);
      analysis = JSON.parse(json) as DocumentAnalysis;
    }
    // read now, never from the cache: a date taken from the file's time is the file's time of this build
    analysis.doc = { id: analysis.doc.id, path: source.path, ...metaFields(source) };
    analyses[index] = analysis;
    options.onDocument?.(++done, read, analysis.doc);
  };
  try {
    for await (const source of sources) {
      const task = analyse(source, read++).finally(() => inFlight.delete(task));
      task.catch(() => {}); // a failure is thrown by the race or the final wait, not reported as unhandled
      inFlight.add(task);
      if (inFlight.size >= pool.size * IN_FLIGHT_PER_WORKER) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  if (read > 0) await cache?.prune(); // an empty build (every input bad) keeps the cache for the next good one
  return { ...graphFromAnalyses(analyses, options, started), reused };
}

/** A cached analysis, or undefined when the entry is damaged (it is then analysed again). */
function parseAnalysis(json: string): DocumentAnalysis | undefined {
  try {
    const analysis = JSON.parse(json) as DocumentAnalysis;
    return analysis && typeof analysis.doc?.id === 'string' ? analysis : undefined;
  } catch {
    return undefined;
  }
}
