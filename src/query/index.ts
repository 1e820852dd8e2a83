export { EntityNotFoundError, InvalidOptionError } from './errors.js';
export { findEntity, MAX_SEARCH_LIMIT, normaliseName, search } from './find.js';
export { DEFAULT_NEIGHBOUR_OPTIONS, MAX_DEPTH, neighbours, validateNeighbourOptions } from './neighbours.js';
export type { Direction, EntitySummary, Neighbour, NeighbourOptions, NeighbourResult } from './types.js';
