import { EDGE_COLOR, TYPE_COLORS } from '../../src/graph/style.js';
import type { EntityType } from '../../src/types.js';

/** Node colour per entity type: the graph builder's own palette, so the legend and the graph agree. */
export { TYPE_COLORS };

/** Legend order. */
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'other'];

export const TYPE_NAMES: Readonly<Record<EntityType, string>> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  other: 'Other',
};

export interface ViewerSettings {
  /** Where the graph (graphology JSON export) is fetched from. */
  graphUrl: string;
  /** Where an entity's mentions are fetched from (`?entity=<node key>`). */
  mentionsUrl: string;
  /** Colour of nodes and edges outside the highlighted neighbourhood. */
  fadedColor: string;
  /** Edge colour when the graph gives none. */
  edgeColor: string;
  /** Node size when the graph gives none. */
  nodeSize: number;
  /** Closest camera zoom ratio (smaller is closer) when moving to an entity. */
  focusMinRatio: number;
  /** Room left around an entity's neighbourhood when moving to it (1 = neighbours at the edge). */
  focusMargin: number;
  /** Camera animation duration, in milliseconds. */
  animationMs: number;
  /** Suggestions listed under the search box. */
  maxSuggestions: number;
  /** Source sentences shown per relation before a "more" button. */
  sourcesShown: number;
}

export const DEFAULT_SETTINGS: Readonly<ViewerSettings> = {
  graphUrl: '/api/graph',
  mentionsUrl: '/api/mentions',
  fadedColor: '#e3e6ea',
  edgeColor: EDGE_COLOR,
  nodeSize: 6,
  focusMinRatio: 0.08,
  focusMargin: 1.25,
  animationMs: 600,
  maxSuggestions: 8,
  sourcesShown: 2,
};
