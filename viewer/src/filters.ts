import { MultiDirectedGraph } from 'graphology';
import type { EntityType } from '../../src/types.js';
import type { KnowledgeGraph } from './graph.js';
import type { ViewerSettings } from './settings.js';

/** What the user narrowed the graph to; everything here lives in the URL too. */
export interface Filters {
  hiddenTypes: EntityType[];
  /** Nodes with fewer mentions are hidden. */
  minMentions: number;
  /** Nodes with no relation left in view are shown. */
  showUnconnected: boolean;
  /** Only the largest connected part of what the other filters leave. */
  largestComponent: boolean;
  /** Inclusive ISO dates (YYYY-MM-DD); a relation or entity is kept when one of its documents is dated in the range. */
  from: string | null;
  to: string | null;
  hiddenRelations: string[];
}

export const NO_FILTERS: Readonly<Filters> = {
  hiddenTypes: [], minMentions: 1, showUnconnected: true, largestComponent: false, from: null, to: null, hiddenRelations: [],
};

/** Steps of the mentions slider: every count up to 10, then 20, 50, 100, 200, 500… up to the largest. */
export function mentionSteps(max: number): number[] {
  const steps: number[] = [];
  for (let n = 1; n <= Math.min(10, max); n++) steps.push(n);
  for (let base = 10; base <= max; base *= 10) for (const m of [2, 5, 10]) if (base * m <= max) steps.push(base * m);
  return steps;
}

/**
 * A large graph opens on its named entities: concepts ('other') and entities without relations are hidden until asked
 * for, as a first screen of a thousand concept words and a ring of unconnected nodes tells nothing; and on its most
 * mentioned ones: the fewest mentions, a step of the slider, that leaves at most `firstScreen` entities and
 * `firstScreenRelations` relations in view (found by bisection, the counts falling as the step rises).
 */
export function defaultFilters(
  graph: KnowledgeGraph,
  settings: Pick<ViewerSettings, 'largeGraph' | 'firstScreen' | 'firstScreenRelations'>,
  dates: ReadonlyMap<string, string> = new Map(),
): Filters {
  if (graph.order <= settings.largeGraph) return { ...NO_FILTERS };
  let max = 1;
  graph.forEachNode((_node, { mentions }) => (max = Math.max(max, mentions)));
  const steps = mentionSteps(max);
  const filters = (minMentions: number): Filters => ({ ...NO_FILTERS, hiddenTypes: ['other'], showUnconnected: false, minMentions });
  const fits = (minMentions: number): boolean => {
    const { nodes, edges } = applyFilters(graph, filters(minMentions), dates);
    return nodes.size <= settings.firstScreen && edges.size <= settings.firstScreenRelations;
  };
  let [low, high] = [0, steps.length - 1];
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (fits(steps[middle])) high = middle;
    else low = middle + 1;
  }
  return filters(steps[low]);
}

/** What the filters leave in view. */
export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
}

/** Each document's date (the first ten characters, YYYY-MM-DD), for the date filter. */
export function documentDates(graph: KnowledgeGraph): Map<string, string> {
  const dates = new Map<string, string>();
  for (const { id, date } of graph.getAttribute('documents')) if (typeof date === 'string' && date.length >= 10) dates.set(id, date.slice(0, 10));
  return dates;
}

/** The first and last document date, or null when no document has one. */
export function dateRange(dates: ReadonlyMap<string, string>): { first: string; last: string } | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const date of dates.values()) {
    if (first === null || date < first) first = date;
    if (last === null || date > last) last = date;
  }
  return first === null || last === null ? null : { first, last };
}

function inRange(docs: readonly string[], dates: ReadonlyMap<string, string>, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true;
  return docs.some((doc) => {
    const date = dates.get(doc);
    return date !== undefined && (from === null || date >= from) && (to === null || date <= to);
  });
}

/** The nodes of the largest connected part of `nodes` through `edges`. */
function largestComponent(graph: KnowledgeGraph, nodes: ReadonlySet<string>, edges: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  let best = new Set<string>();
  for (const start of nodes) {
    if (seen.has(start)) continue;
    const component = new Set([start]);
    seen.add(start);
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.pop()!;
      graph.forEachEdge(node, (edge, _attrs, source, target) => {
        if (!edges.has(edge)) return;
        const other = source === node ? target : source;
        if (seen.has(other)) return;
        seen.add(other);
        component.add(other);
        queue.push(other);
      });
    }
    if (component.size > best.size) best = component;
  }
  return best;
}

/** Applies the filters: node filters first, then the relations between what is left, then connectedness. */
export function applyFilters(graph: KnowledgeGraph, filters: Filters, dates: ReadonlyMap<string, string>): Visibility {
  const hiddenTypes = new Set(filters.hiddenTypes);
  const hiddenRelations = new Set(filters.hiddenRelations);
  let nodes = new Set<string>();
  graph.forEachNode((node, { type, mentions, docs }) => {
    if (!hiddenTypes.has(type) && mentions >= filters.minMentions && inRange(docs, dates, filters.from, filters.to)) nodes.add(node);
  });
  const edges = new Set<string>();
  graph.forEachEdge((edge, { relation, docs }, source, target) => {
    if (nodes.has(source) && nodes.has(target) && !hiddenRelations.has(relation) && inRange(docs, dates, filters.from, filters.to)) edges.add(edge);
  });
  if (!filters.showUnconnected) {
    const connected = new Set<string>();
    for (const edge of edges) {
      connected.add(graph.source(edge));
      connected.add(graph.target(edge));
    }
    nodes = connected;
  }
  if (filters.largestComponent) {
    nodes = largestComponent(graph, nodes, edges);
    for (const edge of edges) if (!nodes.has(graph.source(edge))) edges.delete(edge);
  }
  return { nodes, edges };
}

/** Every relation of the graph with its count, most frequent first: the relation filter's list. */
export function relationCounts(graph: KnowledgeGraph): [string, number][] {
  const counts = new Map<string, number>();
  graph.forEachEdge((_edge, { relation }) => counts.set(relation, (counts.get(relation) ?? 0) + 1));
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * What sigma draws: the nodes and edges in view, and an entity the filters hide while it is selected. The attribute
 * objects are the full graph's own (graphology keeps what it is given), so positions the layout writes reach both.
 * Sigma then processes, indexes and draws only what is in view: a first screen of 2,000 of 10,000 entities costs
 * what 2,000 do.
 */
export function drawnGraph(graph: KnowledgeGraph, visibility: Visibility, selected: string | null): KnowledgeGraph {
  const drawn: KnowledgeGraph = new MultiDirectedGraph();
  drawn.replaceAttributes(graph.getAttributes());
  for (const node of visibility.nodes) drawn.addNode(node, graph.getNodeAttributes(node));
  if (selected !== null && !drawn.hasNode(selected)) drawn.addNode(selected, graph.getNodeAttributes(selected));
  for (const edge of visibility.edges) {
    const [source, target] = graph.extremities(edge);
    drawn.addEdgeWithKey(edge, source, target, graph.getEdgeAttributes(edge));
  }
  return drawn;
}
