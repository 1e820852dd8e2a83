export { EntityNotFoundError, InvalidOptionError } from './errors.js';
export { findEntity, MAX_SEARCH_LIMIT, normaliseName, search } from './find.js';
export { DEFAULT_MENTION_SUMMARY_OPTIONS, MAX_MENTION_SUMMARY_LIMIT, entityMentions, indexMentions, mentionSummary, type MentionIndex } from './mentions.js';
export { DEFAULT_NEIGHBOUR_OPTIONS, MAX_DEPTH, neighbours, resolveEntity, validateNeighbourOptions } from './neighbours.js';
export type { Direction, DocumentMentions, EntityMentions, EntitySummary, MentionSummary, MentionSummaryOptions, Neighbour, NeighbourOptions, NeighbourResult } from './types.js';
export { AnswerCache, AnswerCacheOptionError, answerCacheOf, DEFAULT_ANSWER_CACHE_OPTIONS, neighbourQueryKey, neighboursJson, type AnswerCacheOptions } from './answers.js';
