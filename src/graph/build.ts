import { MultiDirectedGraph, UndirectedGraph } from 'graphology';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import louvainModule from 'graphology-communities-louvain';
import { cjsDefault } from '../util/cjs.js';
import type { DocumentInfo, Entity, Mention, SourceRef, Triple } from '../types.js';
import { metaFields } from '../ingest/meta.js';
import { SentenceTable } from './sentences.js';
import type { KnowledgeGraph } from './types.js';
import type { MergeReview } from '../resolve/index.js';
import { isGraphWorthy } from './filter.js';
import { layout, type LayoutOptions } from './layout.js';
import { DEFAULT_SIZE_OPTIONS, EDGE_COLOR, TYPE_COLORS, edgeSizeFor, sizeFor, type SizeOptions } from './style.js';

const pagerank = cjsDefault(pagerankModule);
const louvain = cjsDefault(louvainModule);

/** Which entity each mention was resolved to: the resolve stage's answer. */
export interface Resolution {
  entities: Entity[];
  entityOf: (mention: Mention) => string | undefined;
  /** Entities a user may want to confirm or undo (resolve/MergeReview). */
  review?: MergeReview[];
}

export interface BuildOptions {
  name: string;
  layout: Partial<LayoutOptions>;
  size: SizeOptions;
  /** Keep named entities that take part in no relation (they stay searchable). */
  keepIsolated: boolean;
  /** The graph's `createdAt` (ISO 8601); the build's own time when absent. */
  createdAt?: string;
}

export const DEFAULT_BUILD_OPTIONS: BuildOptions = { name: 'knowledge graph', layout: {}, size: DEFAULT_SIZE_OPTIONS, keepIsolated: true };

/** What the graph needs of each document: its name and the triples read from it. */
export interface DocumentTriples {
  doc: DocumentInfo;
  triples: Triple[];
}

/** An edge's key: one edge per (subject, relation, object). */
export function edgeKey(subject: string, relation: string, object: string): string {
  return `${subject}|${relation}|${object}`;
}

/**
 * Builds the knowledge graph: an entity node for each resolved entity, one edge per
 * (subject, relation, object) carrying every sentence that supports it; then centrality,
 * communities, sizes, colours and a ForceAtlas2 layout.
 */
export function buildGraph(documents: DocumentTriples[], resolution: Resolution, options: Partial<BuildOptions> = {}): KnowledgeGraph {
  const opts = { ...DEFAULT_BUILD_OPTIONS, ...options };
  const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({
    name: opts.name,
    documents: documents.map(({ doc: { id, path, ...meta } }) => ({ id, path, ...metaFields(meta) })),
    createdAt: opts.createdAt ?? new Date().toISOString(),
    sentences: [],
  });
  const byId = new Map(resolution.entities.map((e) => [e.id, e]));
  const sentences = new SentenceTable(graph.getAttribute('sentences'));
  for (const document of documents) {
    for (const triple of document.triples) addTriple(graph, triple, resolution, byId, sentences);
  }
  if (opts.keepIsolated) {
    for (const entity of resolution.entities) if (entity.type !== 'other' && entity.mentions.some((m) => m.named)) addEntity(graph, entity);
  }
  style(graph, opts.size);
  layout(graph, opts.layout);
  return graph;
}

function addEntity(graph: KnowledgeGraph, entity: Entity): void {
  if (graph.hasNode(entity.id)) return;
  graph.addNode(entity.id, {
    label: entity.label,
    type: entity.type,
    aliases: entity.aliases,
    mentions: entity.mentions.length,
    docs: [...new Set(entity.mentions.map((m) => m.doc))].sort(),
    centrality: 0,
    community: 0,
    size: 1,
    color: TYPE_COLORS[entity.type],
    x: 0,
    y: 0,
  });
}

function addTriple(graph: KnowledgeGraph, triple: Triple, resolution: Resolution, byId: Map<string, Entity>, sentences: SentenceTable): void {
  const s = triple.subject.head && resolution.entityOf(triple.subject.head);
  const o = triple.object.head && resolution.entityOf(triple.object.head);
  if (!s || !o || s === o) return;
  const subject = byId.get(s);
  const object = byId.get(o);
  if (!subject || !object || !isGraphWorthy(triple, subject, object)) return;
  addEntity(graph, subject);
  addEntity(graph, object);
  const key = edgeKey(s, triple.relation, o);
  if (!graph.hasEdge(key)) {
    graph.addDirectedEdgeWithKey(key, s, o, {
      relation: triple.relation,
      label: triple.relation,
      ...(triple.kind ? { kind: triple.kind } : {}),
      ...(triple.basis ? { basis: triple.basis } : {}),
      weight: 0,
      sources: [],
      negated: true,
      modality: [],
      attribution: [],
      subjectPhrases: [],
      objectPhrases: [],
      size: 1,
      color: EDGE_COLOR,
    });
  }
  const attrs = graph.getEdgeAttributes(key);
  if (!attrs.sources.some((x) => sameSource(x, triple.source))) {
    attrs.sources.push(sentences.ref(triple.source));
    attrs.weight = attrs.sources.length;
  }
  attrs.negated = attrs.negated && triple.negated;
  addOnce(attrs.modality, triple.modality);
  addOnce(attrs.attribution, triple.attribution);
  addOnce(attrs.subjectPhrases, triple.subject.text);
  addOnce(attrs.objectPhrases, triple.object.text);
}

function addOnce(list: string[], value: string | undefined): void {
  if (value && !list.includes(value)) list.push(value);
}

function sameSource(a: SourceRef, b: Pick<SourceRef, 'doc' | 'start' | 'end'>): boolean {
  return a.doc === b.doc && a.start === b.start && a.end === b.end;
}

/**
 * Centrality → size, Louvain community, edge thickness by support (colour by type is set as nodes are added). PageRank runs on the
 * undirected projection: on the directed graph an actor that is only ever a subject ("Rubio met …",
 * "Rubio visited …") would rank lowest, since rank flows to objects.
 */
function style(graph: KnowledgeGraph, size: SizeOptions): void {
  if (graph.order === 0) return;
  const simple = undirectedProjection(graph);
  const ranks = simple.size > 0 ? pagerank(simple, { getEdgeWeight: 'weight' }) : {};
  const values = graph.mapNodes((n) => ranks[n] ?? 0);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const communities = simple.size > 0 ? louvain(simple, { getEdgeWeight: 'weight', rng: seeded(7) }) : {};
  graph.forEachNode((node) => {
    const centrality = ranks[node] ?? 0;
    graph.mergeNodeAttributes(node, {
      centrality: Math.round(centrality * 1e6) / 1e6,
      size: sizeFor(centrality, min, max, size),
      community: communities[node] ?? 0,
    });
  });
  graph.forEachEdge((edge, attrs) => graph.setEdgeAttribute(edge, 'size', edgeSizeFor(attrs.weight)));
}

/** Parallel and opposite edges collapsed into one undirected edge weighted by their support. */
function undirectedProjection(graph: KnowledgeGraph): UndirectedGraph<Record<string, never>, { weight: number }> {
  const simple = new UndirectedGraph<Record<string, never>, { weight: number }>();
  graph.forEachNode((n) => simple.addNode(n));
  graph.forEachEdge((_e, attrs, s, t) => {
    simple.updateEdge(s, t, (a) => ({ weight: (a.weight ?? 0) + attrs.weight }));
  });
  return simple;
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}
