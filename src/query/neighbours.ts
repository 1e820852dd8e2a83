import type { KnowledgeGraph } from '../graph/types.js';
import type { EdgeAttributes, EntityType } from '../types.js';
import { EntityNotFoundError, InvalidOptionError } from './errors.js';
import { findEntity } from './find.js';
import { edgeSources } from '../graph/sentences.js';
import { summarise } from './summary.js';
import type { Direction, Neighbour, NeighbourOptions, NeighbourResult } from './types.js';

export const MAX_DEPTH = 5;
const DIRECTIONS: readonly Direction[] = ['out', 'in', 'both'];
const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'other'];

interface ValidOptions {
  depth: number;
  relation?: string;
  direction: Direction;
  type?: EntityType;
}

export const DEFAULT_NEIGHBOUR_OPTIONS = { depth: 1, direction: 'both' } as const satisfies NeighbourOptions;

export function validateNeighbourOptions(options: NeighbourOptions): ValidOptions {
  const { depth = DEFAULT_NEIGHBOUR_OPTIONS.depth, direction = DEFAULT_NEIGHBOUR_OPTIONS.direction } = options;
  const { relation, type } = options;
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) {
    throw new InvalidOptionError(`depth must be an integer from 1 to ${MAX_DEPTH}, got ${depth}`);
  }
  if (!DIRECTIONS.includes(direction)) {
    throw new InvalidOptionError(`direction must be one of ${DIRECTIONS.join(', ')}, got "${direction}"`);
  }
  if (type !== undefined && !ENTITY_TYPES.includes(type)) {
    throw new InvalidOptionError(`type must be one of ${ENTITY_TYPES.join(', ')}, got "${type}"`);
  }
  if (relation !== undefined && (typeof relation !== 'string' || !relation.trim())) {
    throw new InvalidOptionError('relation must be a non-empty string');
  }
  return { depth, direction, type, relation: relation?.trim().toLowerCase() };
}

/** A node id as given, else the entity of that name. */
export function resolveEntity(graph: KnowledgeGraph, entity: string): string {
  const id = graph.hasNode(entity) ? entity : findEntity(graph, entity);
  if (id === undefined) throw new EntityNotFoundError(entity);
  return id;
}

/** Edges leaving `from` in the requested direction(s), with the node at their other end. */
function* hops(graph: KnowledgeGraph, from: string, options: ValidOptions) {
  // a relation as labelled ("footballer for") or its kind in the vocabulary ("member of")
  const wanted = (a: EdgeAttributes) => options.relation === undefined || a.relation.toLowerCase() === options.relation || a.kind === options.relation;
  if (options.direction !== 'in') {
    for (const { attributes, target } of graph.outEdgeEntries(from)) {
      if (wanted(attributes)) yield { attributes, node: target, direction: 'out' as const };
    }
  }
  if (options.direction !== 'out') {
    for (const { attributes, source } of graph.inEdgeEntries(from)) {
      if (wanted(attributes)) yield { attributes, node: source, direction: 'in' as const };
    }
  }
}

function byDepthWeightLabel(a: Neighbour, b: Neighbour): number {
  return a.depth - b.depth || b.weight - a.weight || a.label.localeCompare(b.label) || a.id.localeCompare(b.id);
}

/**
 * One hop's entry, built field by field in one fixed order: this runs for every edge of every answer, and spreading
 * objects into it made each entry several times over.
 */
function neighbourOf(graph: KnowledgeGraph, id: string, depth: number, from: string, direction: 'out' | 'in', edge: EdgeAttributes): Neighbour {
  const { label, type, aliases, mentions } = graph.getNodeAttributes(id);
  const { relation, kind, weight, negated } = edge;
  const sources = edgeSources(graph, edge);
  return kind
    ? { id, label, type, aliases: [...aliases], mentions, depth, from, relation, kind, direction, weight, negated, sources }
    : { id, label, type, aliases: [...aliases], mentions, depth, from, relation, direction, weight, negated, sources };
}

/**
 * Breadth-first from the entity (a node id or a name) up to `depth` hops: one entry per edge crossed into a node
 * not reached at a smaller depth. The type filter selects what is listed; the walk goes through nodes of any type.
 */
export function neighbours(graph: KnowledgeGraph, entity: string, options: NeighbourOptions = {}): NeighbourResult {
  const valid = validateNeighbourOptions(options);
  const start = resolveEntity(graph, entity);
  const reachedAt = new Map<string, number>([[start, 0]]);
  const found: Neighbour[] = [];
  let frontier = [start];
  for (let depth = 1; depth <= valid.depth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const from of frontier) {
      for (const hop of hops(graph, from, valid)) {
        const seen = reachedAt.get(hop.node);
        if (seen !== undefined && seen < depth) continue;
        if (seen === undefined) {
          reachedAt.set(hop.node, depth);
          next.push(hop.node);
        }
        if (valid.type !== undefined && graph.getNodeAttribute(hop.node, 'type') !== valid.type) continue;
        found.push(neighbourOf(graph, hop.node, depth, from, hop.direction, hop.attributes));
      }
    }
    frontier = next;
  }
  return { entity: summarise(graph, start), neighbours: found.sort(byDepthWeightLabel) };
}
