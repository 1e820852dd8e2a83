export { buildGraph, edgeKey, DEFAULT_BUILD_OPTIONS, type BuildOptions, type DocumentTriples, type Resolution } from './build.js';
export { layout, DEFAULT_LAYOUT_OPTIONS, LayoutOptionError, type LayoutOptions, type Position } from './layout.js';
export { nodeMentions } from './mentions.js';
export { edgeSources, SentenceTable, sentenceText } from './sentences.js';
export { TYPE_COLORS } from './style.js';
export type { KnowledgeGraph } from './types.js';
