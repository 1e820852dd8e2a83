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

/** Sigma's label settings for each label density the user can pick: how many labels the grid lets through. */
export const LABEL_DENSITIES = {
  few: { labelDensity: 0.3, labelRenderedSizeThreshold: 8 },
  some: { labelDensity: 1, labelRenderedSizeThreshold: 4 },
  many: { labelDensity: 3, labelRenderedSizeThreshold: 1 },
} as const;

export interface ViewerSettings {
  /** Where the graph (graphology JSON export) is fetched from. */
  graphUrl: string;
  /** Where an entity's mentions are fetched from (`?entity=<node key>`). */
  mentionsUrl: string;
  /** An entity's relations with their first sentences (`?entity=<node key>`). */
  relationsUrl: string;
  /** Every sentence of one relation (`?id=<edge key>`). */
  edgeUrl: string;
  /** A document's text, title and date (`?id=<document id>`). */
  documentUrl: string;
  /** The GEXF of the nodes and edges in view (POST {nodes, edges}). */
  gexfViewUrl: string;
  /** Opacity of everything outside a selection's neighbourhood. */
  fadedOpacity: number;
  focusEdgeColor: string;
  /** Above this many nodes the graph opens on named, connected entities only… */
  largeGraph: number;
  /** …and on at most this many of them, the most mentioned, with at most `firstScreenRelations` relations between them. */
  firstScreen: number;
  firstScreenRelations: number;
  /** Relation labels are drawn on every edge in view only when there are at most this many. */
  edgeLabelLimit: number;
  /** Edges can be hovered and clicked only when at most this many are in view (each is drawn again for picking). */
  edgeEventLimit: number;
  /** Neighbours of a focused entity whose labels are always drawn: the strongest. */
  labelledNeighbours: number;
  minNodeSize: number;
  maxNodeSize: number;
  /** Relation groups (one relation label each) in the panel before a "more" button… */
  relationsShown: number;
  /** …and relations of each group before its own. */
  relationsPerGroup: number;
  /** Rows of the entity table before a "more" button. */
  tableRows: number;
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
  relationsUrl: '/api/relations',
  edgeUrl: '/api/edge',
  documentUrl: '/api/document',
  gexfViewUrl: '/api/gexf',
  fadedOpacity: 0.2,
  focusEdgeColor: '#495057',
  largeGraph: 1000,
  firstScreen: 2000,
  firstScreenRelations: 5000,
  edgeLabelLimit: 300,
  edgeEventLimit: 5000,
  labelledNeighbours: 12,
  minNodeSize: 3,
  maxNodeSize: 22,
  relationsShown: 30,
  relationsPerGroup: 5,
  tableRows: 200,
  edgeColor: EDGE_COLOR,
  nodeSize: 6,
  focusMinRatio: 0.08,
  focusMargin: 1.25,
  animationMs: 600,
  maxSuggestions: 8,
  sourcesShown: 2,
};
