import type { SerializedKnowledgeGraph } from '../export/json.js';
import { edgeSources } from '../graph/sentences.js';
import type { KnowledgeGraph } from '../graph/types.js';
import { resolveEntity } from '../query/index.js';
import { EDGE_COLOR, edgeSizeFor, TYPE_COLORS } from '../graph/style.js';
import type { EdgeAttributes, GraphAttributes, NodeAttributes, Source } from '../types.js';

/**
 * What the viewer draws and filters by, without what it reads only for a selection: an edge keeps its relation,
 * weight, qualifiers and the documents its sentences are in (for the date filter), not the sentences, the phrases as
 * written or the sentence table, which the viewer fetches per entity or per edge. What the viewer can derive is left
 * out when it has its usual value (an edge's label that is its relation, its size from its weight, the edge colour,
 * a node's type colour, a node's label among its aliases, false and empty qualifiers): the browser parses a third
 * less. On the synthetic 50,000-edge graph of `npm run bench:viewer` it is a fifth of the full graph's bytes.
 */
export type ViewerEdgeAttributes = Pick<EdgeAttributes, 'relation' | 'weight' | 'kind' | 'basis'> &
  Partial<Pick<EdgeAttributes, 'label' | 'negated' | 'modality' | 'attribution' | 'size' | 'color'>> & {
    /** Distinct documents of the edge's sentences. */
    docs: string[];
  };

export type ViewerNodeAttributes = Omit<NodeAttributes, 'color'> & { color?: string };

export interface ViewerGraph {
  attributes: Omit<GraphAttributes, 'sentences'>;
  options: SerializedKnowledgeGraph['options'];
  nodes: { key: string; attributes: ViewerNodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: ViewerEdgeAttributes }[];
}

export function viewerGraph(graph: KnowledgeGraph): ViewerGraph {
  const { sentences: _sentences, ...attributes } = graph.getAttributes();
  const edges: ViewerGraph['edges'] = [];
  graph.forEachEdge((key, attrs, source, target) => {
    const { relation, weight, kind, basis, label, negated, modality, attribution, size, color, sources } = attrs;
    const slim: ViewerEdgeAttributes = { relation, weight, docs: [...new Set(sources.map((s) => s.doc))] };
    if (kind !== undefined) slim.kind = kind;
    if (basis !== undefined) slim.basis = basis;
    if (label !== relation) slim.label = label;
    if (negated) slim.negated = true;
    if (modality.length > 0) slim.modality = modality;
    if (attribution.length > 0) slim.attribution = attribution;
    if (size !== edgeSizeFor(weight)) slim.size = size;
    if (color !== EDGE_COLOR) slim.color = color;
    edges.push({ key, source, target, attributes: slim });
  });
  const nodes: ViewerGraph['nodes'] = graph.mapNodes((key, attrs) => {
    const { color, aliases, ...rest } = attrs;
    const slim: ViewerNodeAttributes = { ...rest, aliases: aliases.filter((a) => a !== attrs.label) };
    if (color !== TYPE_COLORS[attrs.type]) slim.color = color;
    return { key, attributes: slim };
  });
  return { attributes, options: graph.export().options, nodes, edges };
}

/** One edge's evidence: its sentences with their texts (the first `limit`, and how many there are). */
export interface EdgeEvidence {
  edge: string;
  source: string;
  target: string;
  relation: string;
  label: string;
  weight: number;
  total: number;
  sources: Source[];
  subjectPhrases: string[];
  objectPhrases: string[];
}

export class EdgeNotFoundError extends Error {
  override name = 'EdgeNotFoundError';
  readonly statusCode = 404;
}

export const MAX_SENTENCES = 1000;

function evidence(graph: KnowledgeGraph, edge: string, limit: number): EdgeEvidence {
  const attrs = graph.getEdgeAttributes(edge);
  return {
    edge, source: graph.source(edge), target: graph.target(edge), relation: attrs.relation, label: attrs.label, weight: attrs.weight,
    total: attrs.sources.length,
    sources: edgeSources(graph, { sources: attrs.sources.slice(0, limit) }),
    subjectPhrases: attrs.subjectPhrases ?? [], objectPhrases: attrs.objectPhrases ?? [],
  };
}

/** An edge's sentences, up to `limit`. */
export function edgeEvidence(graph: KnowledgeGraph, edge: string, limit = MAX_SENTENCES): EdgeEvidence {
  if (!graph.hasEdge(edge)) throw new EdgeNotFoundError(`no edge ${JSON.stringify(edge)} in the graph`);
  return evidence(graph, edge, limit);
}

/** Every relation of an entity (by key or name) with its first `limit` sentences: what the panel shows of a selection. */
export function entityEvidence(graph: KnowledgeGraph, entity: string, limit: number): { entity: string; relations: EdgeEvidence[] } {
  const id = resolveEntity(graph, entity);
  const relations: EdgeEvidence[] = [];
  graph.forEachEdge(id, (edge) => relations.push(evidence(graph, edge, limit)));
  return { entity: id, relations };
}


/** The part of the graph a viewer has in view: the nodes named and the edges named between them (unknown keys are skipped). */
export function subgraph(graph: KnowledgeGraph, nodes: readonly unknown[], edges: readonly unknown[]): KnowledgeGraph {
  const part = graph.nullCopy() as KnowledgeGraph;
  for (const node of nodes) if (typeof node === 'string' && graph.hasNode(node) && !part.hasNode(node)) part.addNode(node, graph.getNodeAttributes(node));
  for (const edge of edges) {
    if (typeof edge !== 'string' || !graph.hasEdge(edge) || part.hasEdge(edge)) continue;
    const [source, target] = graph.extremities(edge);
    if (part.hasNode(source) && part.hasNode(target)) part.addEdgeWithKey(edge, source, target, graph.getEdgeAttributes(edge));
  }
  return part;
}
