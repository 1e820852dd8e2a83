import type { EntityType, Source, Span } from '../types.js';

export type Direction = 'out' | 'in' | 'both';

export interface NeighbourOptions {
  /** Hops from the entity; default 1. */
  depth?: number;
  /** Keep only edges with this normalised relation (case-insensitive) or of this kind in the relation vocabulary ("member of"). */
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
  /** The relation's kind in the relation vocabulary ("member of"), when it has one. */
  kind?: string;
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

/** Where an entity is named in one document. */
export interface DocumentMentions {
  doc: string;
  count: number;
  /** The forms as written, most frequent first. */
  forms: { text: string; count: number }[];
  /** The first mentions' offsets into the document's original text. */
  first: Span[];
}

/** Where an entity is named, bounded: `byDocument` lists at most a set number of documents, most mentions first. */
export interface MentionSummary {
  /** Named mentions in all documents. */
  total: number;
  /** Documents naming the entity, listed or not. */
  documents: number;
  byDocument: DocumentMentions[];
}

export interface EntityMentions extends MentionSummary {
  entity: EntitySummary;
}

export interface MentionSummaryOptions {
  /** Documents listed; default 20. */
  maxDocuments?: number;
  /** Offsets listed per document; default 5. */
  maxOffsets?: number;
}
