/** Resolution stage: mentions → entities within a document, then entities across documents. */
export { resolveDocument, DEFAULT_DOCUMENT_OPTIONS } from './document.js';
export type { DocumentResolveOptions } from './document.js';
export { resolveCorpus, DEFAULT_CORPUS_OPTIONS } from './corpus.js';
export type { CorpusResolveOptions, CorpusResolution, MergeReview } from './corpus.js';
export { loadAliasFile, validateAliasFile, AliasFileError } from './aliases.js';
export type { AliasFile } from './aliases.js';
