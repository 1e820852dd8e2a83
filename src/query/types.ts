import type { EntityType, Source } from '../types.js';

export type Direction = 'out' | 'in' | 'both';

export interface NeighbourOptions {
  /** Hops from the entity; default 1. */
  depth?: number;
  /** Keep only edges with this normalised relation (case-insensitive). */
  relation?: string;
  /** 'out': entity is the subject; 'in': entity is the object; default 'both'. */
  direction?: Direction;
  /** Keep only neighbours of this type. */
  type?: EntityType;
}

export interface EntitySummary {
  id: string;
  label: string;
  type: EntityType;
  aliases: string[];
  mentions: number;
}

/** One edge crossed on the way out from the queried entity. */
export interface Neighbour extends EntitySummary {
  /** Hops from the queried entity (1 = direct). */
  depth: number;
  /** The node this hop starts from (the queried entity for depth 1). */
  from: string;
  relation: string;
  /** 'out': from –relation→ neighbour; 'in': neighbour –relation→ from. */
  direction: 'out' | 'in';
  weight: number;
  negated: boolean;
  sources: Source[];
}

export interface NeighbourResult {
  entity: EntitySummary;
  neighbours: Neighbour[];
}
