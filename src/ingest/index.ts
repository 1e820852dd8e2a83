/** The ingest stage: input files → Documents with clean text mapped back to the original. */
export { clean, DEFAULT_CLEAN_OPTIONS, FURNITURE, longRunNote } from './clean.js';
export { boundRuns, DEFAULT_RUN_OPTIONS } from './runs.js';
export type { RunBounds, RunOptions } from './runs.js';
export type { Cleaned, CleanOptions } from './clean.js';
export { DEFAULT_READ_OPTIONS, documentFromSource, documentFromText, readDocuments, readSources } from './read.js';
export { DEFAULT_META_OPTIONS, documentMeta, metaFields } from './meta.js';
export type { MetaOptions, MetaSources } from './meta.js';
export { dateAt, fileDay, isoDay, parseDate } from './dates.js';
export { frontMatter } from './front-matter.js';
export type { FrontMatter } from './front-matter.js';
export type { Problem, ReadOptions, ReadResult, SourceText } from './read.js';
