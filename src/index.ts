/** kg-news: news articles in, knowledge graph out. Each stage is usable on its own. */
export type * from './types.js';
export { readDocuments, readSources, documentFromText, documentMeta, parseDate, clean, type Problem, type ReadOptions, type ReadResult, type SourceText } from './ingest/index.js';
export { extract, tokenize } from './extract/index.js';
export { findMentions } from './extract/entities.js';
export { resolveDocument, resolveCorpus, loadAliasFile, type AliasFile } from './resolve/index.js';
export { buildGraph, edgeKey, layout, nodeMentions, TYPE_COLORS, type BuildOptions, type KnowledgeGraph, type Resolution } from './graph/index.js';
export { writeGraph, toGexf, toJson, toMentionsJsonl, toDocumentsJsonl, DocumentsWriter, type DocumentText, type WrittenGraph } from './export/index.js';
export { neighbours, findEntity, search, indexMentions, mentionSummary, entityMentions, EntityNotFoundError, InvalidOptionError } from './query/index.js';
export type { NeighbourOptions, NeighbourResult, Neighbour, EntitySummary, Direction, MentionIndex, MentionSummary, MentionSummaryOptions, DocumentMentions, EntityMentions } from './query/index.js';
export { createServer, type ServeOptions, type RunningServer } from './serve/index.js';
export { analyseDocument, analyseSource, buildCorpus, buildKnowledgeGraph, graphFromAnalyses, resolveAnalyses, type PipelineOptions, type PipelineResult, type BuildStats, type CorpusOptions, type CorpusResult, type DocumentAnalysis, type DocumentRef } from './pipeline.js';
export { AnalysisCache, analysisVersion } from './cache/index.js';
export { AnalysisPool, defaultWorkers } from './worker/pool.js';
