import type { Document, Entity, Extraction, Mention } from './types.js';
import { extract } from './extract/index.js';
import { resolveCorpus, resolveDocument, type AliasFile } from './resolve/index.js';
import { buildGraph, type BuildOptions, type KnowledgeGraph, type Resolution } from './graph/index.js';

/**
 * The pipeline wired in one place: ingest → extract → resolve → graph. Reading files and writing
 * outputs stay with the CLI; everything here is pure and synchronous per document.
 */

export interface PipelineOptions {
  aliases?: AliasFile;
  build?: Partial<BuildOptions>;
  /** Called after each document is extracted, for progress reporting. */
  onDocument?: (done: number, total: number, doc: Document) => void;
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
  extractions: Extraction[];
  /** Which entity each mention resolved to: where the graph's nodes are named (see nodeMentions). */
  resolution: Resolution;
  stats: BuildStats;
}

/** One document extracted and resolved on its own: what `kg extract` prints. */
export interface DocumentAnalysis {
  extraction: Extraction;
  entities: Entity[];
}

export function analyseDocument(doc: Document): DocumentAnalysis {
  const extraction = extract(doc);
  return { extraction, entities: resolveDocument(doc, extraction.mentions) };
}

function mentionKey(m: Mention): string {
  return `${m.doc}\u0000${m.start}\u0000${m.end}`;
}

/** Resolves every document's mentions, then merges entities across documents. */
export function resolveAnalyses(analyses: DocumentAnalysis[], aliases?: AliasFile): Resolution {
  const { entities, idOf, review } = resolveCorpus(analyses.map((a) => a.entities), { aliases });
  const entityOfMention = new Map<string, string>();
  for (const a of analyses) {
    for (const e of a.entities) {
      const id = idOf.get(e.id) ?? e.id;
      for (const m of e.mentions) entityOfMention.set(mentionKey(m), id);
    }
  }
  return { entities, entityOf: (m) => entityOfMention.get(mentionKey(m)), review };
}

/** Documents in, knowledge graph out. */
export function buildKnowledgeGraph(documents: Document[], options: PipelineOptions = {}): PipelineResult {
  const started = performance.now();
  const analyses: DocumentAnalysis[] = [];
  documents.forEach((doc, i) => {
    analyses.push(analyseDocument(doc));
    options.onDocument?.(i + 1, documents.length, doc);
  });
  const resolution = resolveAnalyses(analyses, options.aliases);
  const extractions = analyses.map((a) => a.extraction);
  const graph = buildGraph(extractions, resolution, options.build);
  const stats: BuildStats = {
    documents: documents.length,
    sentences: extractions.reduce((n, e) => n + e.sentences.length, 0),
    entities: graph.order,
    relations: graph.size,
    seconds: (performance.now() - started) / 1000,
  };
  return { graph, extractions, resolution, stats };
}
