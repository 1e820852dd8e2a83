/** The ingest stage: input files → Documents with clean text mapped back to the original. */
export { clean, DEFAULT_CLEAN_OPTIONS, FURNITURE } from './clean.js';
export type { Cleaned, CleanOptions } from './clean.js';
export { DEFAULT_READ_OPTIONS, documentFromText, readDocuments, readSources } from './read.js';
export type { Problem, ReadOptions, ReadResult, SourceText } from './read.js';
