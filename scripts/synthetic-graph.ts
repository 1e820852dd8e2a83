/**
 * A synthetic news graph of any size, shaped like what `kg build` writes (graphology JSON with the sentence table),
 * for the viewer benchmark and the viewer's browser tests. Preferential attachment gives hubs as real corpora have;
 * about a third of the nodes are concepts ('other'), a fifth have no relation; documents carry titles and dates.
 * The traps of issue 10 are in it: one prominent "John Smith" (alias "Smith") and many one-mention "Smith" nodes.
 */
import { MultiDirectedGraph } from 'graphology';
import type { SerializedKnowledgeGraph } from '../src/export/json.js';
import { EDGE_COLOR, edgeSizeFor, sizeFor, TYPE_COLORS } from '../src/graph/style.js';
import type { KnowledgeGraph } from '../src/graph/types.js';
import type { EntityType, GraphAttributes, NodeMention, SourceRef } from '../src/types.js';

export interface SyntheticOptions {
  nodes: number;
  edges: number;
  documents: number;
  /** One-mention nodes labelled "Smith", beside the prominent John Smith. */
  smiths: number;
  /** Share of nodes left without any relation. */
  unconnected: number;
  /** Dates run from this day, one document a day or so. */
  firstDate: string;
  seed: number;
}

export const DEFAULT_SYNTHETIC_OPTIONS: SyntheticOptions = {
  nodes: 10_000,
  edges: 50_000,
  documents: 2_000,
  smiths: 40,
  unconnected: 0.2,
  firstDate: '2024-01-01',
  seed: 42,
};

const FIRST = ['Anna', 'Ben', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Marta', 'Nils', 'Omar', 'Priya', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Yusuf', 'Zara'];
const LAST = ['Brown', 'Garcia', 'Ivanova', 'Jensen', 'Khan', 'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zimmer'];
const ORGS = ['Ministry', 'Bank', 'Council', 'Party', 'Union', 'Agency', 'Institute', 'Group', 'Court', 'Commission'];
const PLACES = ['Port', 'Lake', 'Mount', 'New', 'North', 'South', 'East', 'West', 'Fort', 'San'];
const PLACE_ROOTS = ['Avalon', 'Brixton', 'Corvel', 'Dunmore', 'Elsin', 'Farrow', 'Galen', 'Harlow', 'Istra', 'Jorvik', 'Kell', 'Lorne'];
const CONCEPTS = ['job', 'film', 'there', 'tax', 'strike', 'deal', 'plan', 'vote', 'market', 'report', 'school', 'price', 'crisis', 'law', 'war', 'team', 'game', 'season', 'album', 'budget'];
const RELATIONS = ['say', 'be', 'be in', 'meet', 'visit', 'lead', 'member of', 'criticise', 'support', 'win', 'sign', 'announce', 'travel to', 'president of', 'sue', 'buy', 'attack', 'work for'];
const TYPES: readonly [EntityType, number][] = [['person', 0.3], ['organization', 0.2], ['place', 0.15], ['other', 0.35]];

/** Park–Miller: the same graph for the same seed, on any machine. */
function generator(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => ((state = (state * 16807) % 2147483647) - 1) / 2147483646;
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

function typeOf(random: () => number): EntityType {
  let r = random();
  for (const [type, share] of TYPES) if ((r -= share) < 0) return type;
  return 'other';
}

function labelOf(random: () => number, type: EntityType, i: number): { label: string; aliases: string[] } {
  switch (type) {
    case 'person': {
      const [first, last] = [pick(random, FIRST), pick(random, LAST)];
      const label = `${first} ${last} ${i}`;
      return { label, aliases: [label, `${last} ${i}`] };
    }
    case 'organization': {
      const label = `${pick(random, PLACE_ROOTS)} ${pick(random, ORGS)} ${i}`;
      return { label, aliases: [label] };
    }
    case 'place': {
      const label = `${pick(random, PLACES)} ${pick(random, PLACE_ROOTS)} ${i}`;
      return { label, aliases: [label] };
    }
    default: {
      const label = i % 7 === 0 ? pick(random, CONCEPTS) : `${pick(random, CONCEPTS)} ${i}`;
      return { label, aliases: [label] };
    }
  }
}

function isoDay(first: string, days: number): string {
  return new Date(Date.parse(`${first}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The graph; node 0 is John Smith, nodes 1…smiths the one-mention Smiths. */
export function syntheticGraph(options: Partial<SyntheticOptions> = {}): KnowledgeGraph {
  const o = { ...DEFAULT_SYNTHETIC_OPTIONS, ...options };
  const random = generator(o.seed);
  const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  const documents: GraphAttributes['documents'] = [];
  for (let d = 0; d < o.documents; d++) {
    const id = `news/article-${String(d).padStart(5, '0')}.txt`;
    documents.push({ id, path: id, title: `Article ${d}: ${pick(random, CONCEPTS)} ${pick(random, ['talks', 'row', 'vote', 'plan', 'report'])}`, date: isoDay(o.firstDate, Math.floor((d * 730) / o.documents)) });
  }
  const sentences: string[] = [];
  graph.replaceAttributes({ name: 'synthetic', documents, createdAt: '2025-01-01T00:00:00.000Z', sentences });

  const communities = Math.max(4, Math.round(Math.sqrt(o.nodes) / 4));
  const connectedCount = Math.round(o.nodes * (1 - o.unconnected));
  for (let i = 0; i < o.nodes; i++) {
    const smith = i >= 1 && i <= o.smiths;
    const type: EntityType = i === 0 || smith ? 'person' : typeOf(random);
    const { label, aliases } = i === 0
      ? { label: 'John Smith', aliases: ['John Smith', 'Smith', 'Mr Smith'] }
      : smith ? { label: 'Smith', aliases: ['Smith'] } : labelOf(random, type, i);
    const community = Math.floor(random() * communities);
    const angle = (community / communities) * 2 * Math.PI;
    // unconnected nodes sit on a ring, as a layout leaves them; the rest in their community's cloud
    const radius = i < connectedCount ? 400 : 1400;
    const spread = i < connectedCount ? 250 : 80;
    graph.addNode(`n${i}`, {
      label, type, aliases, mentions: 1, docs: [], centrality: 0, community,
      size: 1, color: TYPE_COLORS[type],
      x: Math.cos(angle) * radius + (random() - 0.5) * spread * 2,
      y: Math.sin(angle) * radius + (random() - 0.5) * spread * 2,
    });
  }

  // preferential attachment: an end is a node already at an edge's end (degree-weighted) four times in five
  const ends: number[] = [];
  const anyConnected = () => (random() < 0.8 && ends.length > 0 ? pick(random, ends) : Math.floor(random() * connectedCount));
  const smithsLeft = new Set(Array.from({ length: o.smiths }, (_, k) => k + 1));
  for (let k = 0; graph.size < o.edges; k++) {
    // John Smith is a hub from the start; each one-mention Smith gets a relation or so
    const smith = k % 97 === 1 ? smithsLeft.values().next().value : undefined;
    if (smith !== undefined) smithsLeft.delete(smith);
    const s = k < 200 ? 0 : (smith ?? anyConnected());
    const t = anyConnected();
    if (s === t) continue;
    const relation = pick(random, RELATIONS);
    const key = `n${s}|${relation}|n${t}`;
    if (graph.hasEdge(key)) continue;
    const weight = 1 + Math.floor(-Math.log(1 - random()) * 1.2);
    const sources: SourceRef[] = [];
    const [subject, object] = [graph.getNodeAttribute(`n${s}`, 'label'), graph.getNodeAttribute(`n${t}`, 'label')];
    for (let w = 0; w < weight; w++) {
      const doc = Math.floor(random() * o.documents);
      const text = `${subject} will ${relation} ${object}, officials said on ${pick(random, ['Monday', 'Tuesday', 'Friday'])} after talks about the ${pick(random, CONCEPTS)} (${k}.${w}).`;
      const start = Math.floor(random() * 2000);
      sources.push({ doc: documents[doc].id, start, end: start + text.length, sentence: sentences.push(text) - 1 });
    }
    graph.addDirectedEdgeWithKey(key, `n${s}`, `n${t}`, {
      relation, label: relation, weight, sources, negated: random() < 0.03, modality: [], attribution: [],
      subjectPhrases: [subject], objectPhrases: [object], size: edgeSizeFor(weight), color: EDGE_COLOR,
    });
    ends.push(s, t);
  }

  // mentions and documents follow the relations; a Smith is named once
  let maxDegree = 0;
  graph.forEachNode((node) => (maxDegree = Math.max(maxDegree, graph.degree(node))));
  graph.forEachNode((node) => {
    const i = Number(node.slice(1));
    const degree = graph.degree(node);
    const mentions = i === 0 ? 700 : i <= o.smiths ? 1 : 1 + degree * 2 + Math.floor(random() * 3);
    const docs = new Set<string>();
    // an entity is named in no more documents than it has mentions
    const most = Math.min(60, mentions);
    graph.forEachEdge(node, (_edge, { sources }) => sources.forEach((s) => docs.size < most && docs.add(s.doc)));
    if (docs.size === 0) docs.add(documents[Math.floor(random() * o.documents)].id);
    const centrality = (degree + 1) / (maxDegree + 1);
    graph.mergeNodeAttributes(node, { mentions, docs: [...docs], centrality, size: sizeFor(centrality, 0, 1) });
  });
  return graph;
}

export function syntheticExport(options: Partial<SyntheticOptions> = {}): SerializedKnowledgeGraph {
  return syntheticGraph(options).export();
}

/** Where each node is named, as mentions.jsonl has it: once in each of its documents, by its label. */
export function syntheticMentions(graph: KnowledgeGraph): NodeMention[] {
  const mentions: NodeMention[] = [];
  graph.forEachNode((entity, { label, type, docs }) => {
    for (const doc of docs) mentions.push({ doc, start: 0, end: label.length, text: label, entity, type, sentence: 0 });
  });
  return mentions;
}
