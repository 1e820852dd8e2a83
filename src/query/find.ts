import type { KnowledgeGraph } from '../graph/types.js';
import { InvalidOptionError } from './errors.js';
import { summarise } from './summary.js';
import type { EntitySummary } from './types.js';

const EDGE_PUNCTUATION = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;
const POSSESSIVE = /['’]s$/u;
const LEADING_THE = /^the\s+/u;

export const MAX_SEARCH_LIMIT = 1000;

/** Lower case, NFKC, single spaces: the form every comparison is made in. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** "The White House's" → "white house", '"Rubio,"' → "rubio": how a name is compared in findEntity. */
export function normaliseName(name: string): string {
  const trimmed = fold(name).replace(EDGE_PUNCTUATION, '');
  return trimmed.replace(POSSESSIVE, '').replace(EDGE_PUNCTUATION, '').replace(LEADING_THE, '');
}

/** Higher is better; undefined when the node is not a match. */
type Rank = number | undefined;

/** The node each name (label or alias, normalised) picks: the most mentioned, its own label breaking ties. */
type NameIndex = Map<string, { id: string; mentions: number; label: boolean }>;

const indexes = new WeakMap<KnowledgeGraph, NameIndex>();

/** Built on the first look-up and dropped when the graph's nodes change, so a query costs one map look-up. */
function nameIndex(graph: KnowledgeGraph): NameIndex {
  let index = indexes.get(graph);
  if (index) return index;
  index = new Map();
  for (const { node: id, attributes: node } of graph.nodeEntries()) {
    const label = normaliseName(node.label);
    for (const name of new Set([label, ...node.aliases.map(normaliseName)])) {
      if (!name) continue;
      const candidate = { id, mentions: node.mentions, label: name === label };
      const old = index.get(name);
      if (!old || candidate.mentions > old.mentions || (candidate.mentions === old.mentions && candidate.label && !old.label)) index.set(name, candidate);
    }
  }
  indexes.set(graph, index);
  watch(graph);
  return index;
}

const watched = new WeakSet<KnowledgeGraph>();

/** Drops what was built from a graph's nodes when they change. */
function watch(graph: KnowledgeGraph): void {
  if (watched.has(graph)) return;
  watched.add(graph);
  const drop = (): void => {
    indexes.delete(graph);
    searchEntries.delete(graph);
  };
  for (const event of ['nodeAdded', 'nodeDropped', 'nodeAttributesUpdated', 'cleared', 'attributesUpdated'] as const) graph.on(event, drop);
}

/**
 * Node id named `name` by its label or one of its aliases: of several, the most mentioned ("Smith" finds the
 * 500-mention John Smith, not a one-mention "Smith"); the node whose label it is wins a tie.
 */
export function findEntity(graph: KnowledgeGraph, name: string): string | undefined {
  const wanted = normaliseName(name);
  return wanted ? nameIndex(graph).get(wanted)?.id : undefined;
}

/** Exact 3 > prefix 2 > prefix of a later word 1 > substring 0. */
function matchRank(text: string, query: string): Rank {
  if (text === query) return 3;
  if (text.startsWith(query)) return 2;
  let at = text.indexOf(query, 1);
  if (at < 0) return undefined;
  for (; at >= 0; at = text.indexOf(query, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[at - 1])) return 1;
  }
  return 0;
}

function bestRank(texts: readonly string[], query: string): Rank {
  let best: Rank;
  for (const text of texts) {
    const rank = matchRank(text, query);
    if (rank !== undefined && (best === undefined || rank > best)) best = rank;
  }
  return best;
}

/** Every node's label and aliases, folded once per graph for search (dropped, like the name index, on change). */
interface SearchEntry {
  id: string;
  label: string;
  mentions: number;
  texts: string[];
}
const searchEntries = new WeakMap<KnowledgeGraph, SearchEntry[]>();

function entriesOf(graph: KnowledgeGraph): SearchEntry[] {
  let entries = searchEntries.get(graph);
  if (!entries) {
    entries = graph.mapNodes((id, node) => ({ id, label: node.label, mentions: node.mentions, texts: [...new Set([node.label, ...node.aliases].map(fold))] }));
    searchEntries.set(graph, entries);
    watch(graph);
  }
  return entries;
}

function validateLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    throw new InvalidOptionError(`limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}, got ${limit}`);
  }
  return limit;
}

/** Entities whose label or an alias contains `q`, case-insensitively: exact, then prefix, word prefix, substring; then mentions. */
export function search(graph: KnowledgeGraph, q: string, limit = 20): EntitySummary[] {
  validateLimit(limit);
  const query = fold(q);
  if (!query) return [];
  const hits: { id: string; rank: number; mentions: number; label: string }[] = [];
  for (const { id, label, mentions, texts } of entriesOf(graph)) {
    const rank = bestRank(texts, query);
    if (rank !== undefined) hits.push({ id, rank, mentions, label });
  }
  hits.sort((a, b) => b.rank - a.rank || b.mentions - a.mentions || a.label.localeCompare(b.label));
  return hits.slice(0, limit).map((hit) => summarise(graph, hit.id));
}
