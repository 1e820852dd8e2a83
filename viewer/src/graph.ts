import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { EdgeAttributes, EntityType, GraphAttributes, NodeAttributes } from '../../src/types.js';
import { edgeSizeFor } from '../../src/graph/style.js';
import { DEFAULT_SETTINGS, ENTITY_TYPES, TYPE_COLORS } from './settings.js';

/**
 * An edge as the viewer holds it: `/api/graph` leaves out the sentences and the phrases as written (the panel fetches
 * them for a selection) and gives the documents the edge is read in, for the date filter.
 */
export type ViewerEdge = Omit<EdgeAttributes, 'sources' | 'subjectPhrases' | 'objectPhrases'> & { docs: string[] };

/** A document of the graph: its title and date when ingest found them. */
export type GraphDocument = GraphAttributes['documents'][number];

export type ViewerGraphAttributes = Omit<GraphAttributes, 'sentences' | 'documents'> & { documents: GraphDocument[] };

export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, ViewerEdge, ViewerGraphAttributes>;

/** Raised when the graph cannot be fetched or is not a graphology export. */
export class GraphLoadError extends Error {
  override name = 'GraphLoadError';
}

type Loose<T> = { [K in keyof T]?: unknown };

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const entityType = (value: unknown): EntityType =>
  ENTITY_TYPES.includes(value as EntityType) ? (value as EntityType) : 'other';

/** The documents of an edge's sources, from a server that still sends them. */
const sourceDocs = (value: unknown): string[] =>
  Array.isArray(value) ? [...new Set(value.map((s) => (s as { doc?: unknown } | null)?.doc).filter((d): d is string => typeof d === 'string'))] : [];

/** Fills what a node may lack, so the rest of the viewer can trust NodeAttributes. Missing positions stay NaN here. */
export function normaliseNode(key: string, attrs: Loose<NodeAttributes> = {}): NodeAttributes {
  const type = entityType(attrs.type);
  const label = typeof attrs.label === 'string' && attrs.label !== '' ? attrs.label : key;
  const aliases = strings(attrs.aliases);
  return {
    label,
    type,
    aliases: aliases.includes(label) ? aliases : [label, ...aliases],
    mentions: finite(attrs.mentions) ? attrs.mentions : 0,
    docs: strings(attrs.docs),
    centrality: finite(attrs.centrality) ? attrs.centrality : 0,
    community: finite(attrs.community) ? attrs.community : 0,
    size: finite(attrs.size) && attrs.size > 0 ? attrs.size : DEFAULT_SETTINGS.nodeSize,
    color: typeof attrs.color === 'string' && attrs.color !== '' ? attrs.color : TYPE_COLORS[type],
    x: finite(attrs.x) ? attrs.x : NaN,
    y: finite(attrs.y) ? attrs.y : NaN,
  };
}

export function normaliseEdge(attrs: Loose<ViewerEdge & Pick<EdgeAttributes, 'sources'>> = {}): ViewerEdge {
  const relation = typeof attrs.relation === 'string' ? attrs.relation : '';
  const docs = Array.isArray(attrs.docs) ? strings(attrs.docs) : sourceDocs(attrs.sources);
  const weight = finite(attrs.weight) && attrs.weight > 0 ? attrs.weight : 1;
  return {
    relation,
    label: typeof attrs.label === 'string' && attrs.label !== '' ? attrs.label : relation,
    weight,
    docs,
    negated: attrs.negated === true,
    modality: strings(attrs.modality),
    attribution: strings(attrs.attribution),
    size: finite(attrs.size) && attrs.size > 0 ? attrs.size : edgeSizeFor(weight),
    color: typeof attrs.color === 'string' && attrs.color !== '' ? attrs.color : DEFAULT_SETTINGS.edgeColor,
  };
}

/** Places nodes without a position at random inside the box the positioned ones span. */
export function placeMissing(graph: KnowledgeGraph, random: () => number = Math.random): void {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  graph.forEachNode((_node, { x, y }) => {
    if (Number.isNaN(x) || Number.isNaN(y)) return;
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  });
  if (minX === Infinity) [minX, maxX, minY, maxY] = [0, 100, 0, 100];
  const width = maxX - minX || 100;
  const height = maxY - minY || 100;
  graph.forEachNode((node, { x, y }) => {
    if (!Number.isNaN(x) && !Number.isNaN(y)) return;
    graph.mergeNodeAttributes(node, { x: minX + random() * width, y: minY + random() * height });
  });
}

/** Builds the graph from a graphology JSON export, whatever options the export declares. */
export function graphFromExport(data: unknown): KnowledgeGraph {
  const exported = data as Partial<SerializedGraph>;
  if (typeof data !== 'object' || data === null || !Array.isArray(exported.nodes)) {
    throw new GraphLoadError('the response is not a graphology export (no "nodes" array)');
  }
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  const attributes = (exported.attributes ?? {}) as Partial<ViewerGraphAttributes>;
  graph.replaceAttributes({
    name: typeof attributes.name === 'string' ? attributes.name : '',
    createdAt: typeof attributes.createdAt === 'string' ? attributes.createdAt : '',
    documents: Array.isArray(attributes.documents) ? attributes.documents.filter((d) => typeof d?.id === 'string') : [],
  });
  for (const { key, attributes } of exported.nodes) {
    graph.addNode(String(key), normaliseNode(String(key), attributes));
  }
  for (const { key, source, target, attributes } of exported.edges ?? []) {
    const attrs = normaliseEdge(attributes);
    if (key === undefined) graph.addEdge(String(source), String(target), attrs);
    else graph.addEdgeWithKey(String(key), String(source), String(target), attrs);
  }
  placeMissing(graph);
  return graph;
}

export async function loadGraph(url: string): Promise<KnowledgeGraph> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new GraphLoadError(`the server could not be reached (${(error as Error).message})`);
  }
  if (!response.ok) throw new GraphLoadError(`the server answered ${response.status} ${response.statusText}`.trim());
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new GraphLoadError('the response is not valid JSON');
  }
  return graphFromExport(data);
}
