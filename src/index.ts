/** kg-news: news articles in, knowledge graph out. Each stage is usable on its own. */
export type * from './types.js';
export { readDocuments, documentFromText, clean, type Problem, type ReadOptions, type ReadResult } from './ingest/index.js';
export { extract, tokenize } from './extract/index.js';
export { findMentions } from './extract/entities.js';
export { resolveDocument, resolveCorpus, loadAliasFile, type AliasFile } from './resolve/index.js';
export { buildGraph, edgeKey, layout, nodeMentions, TYPE_COLORS, type BuildOptions, type KnowledgeGraph, type Resolution } from './graph/index.js';
export { writeGraph, toGexf, toJson, toMentionsJsonl, type WrittenGraph } from './export/index.js';
export { neighbours, findEntity, search, indexMentions, mentionSummary, entityMentions, EntityNotFoundError, InvalidOptionError } from './query/index.js';
export type { NeighbourOptions, NeighbourResult, Neighbour, EntitySummary, Direction, MentionIndex, MentionSummary, MentionSummaryOptions, DocumentMentions, EntityMentions } from './query/index.js';
export { createServer, type ServeOptions, type RunningServer } from './serve/index.js';
export { analyseDocument, buildKnowledgeGraph, resolveAnalyses, type PipelineOptions, type PipelineResult, type BuildStats, type DocumentAnalysis } from './pipeline.js';
