import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { cjsDefault } from '../util/cjs.js';
import type { KnowledgeGraph } from './types.js';
import { seededRandom } from '../util/random.js';

const forceAtlas2 = cjsDefault(forceAtlas2Module);

export interface Position {
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** Most ForceAtlas2 iterations: what a small graph gets. */
  iterations: number;
  /**
   * Node-iterations a layout may spend: a graph of n connected nodes gets budget / n iterations (at most
   * `iterations`, at least `minIterations`), so the layout's cost stops growing with the graph.
   */
  budget: number;
  minIterations: number;
  /** Seed of the initial placement, so a build of the same input lays out the same. */
  seed: number;
  /** Positions from an earlier build (its graph.json): the nodes found there keep them, and only new nodes move. */
  previous?: ReadonlyMap<string, Position>;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = { iterations: 300, budget: 120_000, minIterations: 10, seed: 42 };

export class LayoutOptionError extends Error {
  override name = 'LayoutOptionError';
}

function validateLayoutOptions(options: LayoutOptions): LayoutOptions {
  for (const key of ['iterations', 'budget', 'minIterations'] as const) {
    if (!Number.isInteger(options[key]) || options[key] < 0) throw new LayoutOptionError(`${key} must be a non-negative integer, got ${options[key]}`);
  }
  return options;
}


type LayoutGraph = UndirectedGraph<{ x: number; y: number; fixed: boolean }, { weight: number }>;

/**
 * Lays the graph out so the exported file opens as a picture. Connected nodes are placed at random (seeded) and
 * moved by ForceAtlas2 for as many iterations as the budget allows for their number; nodes that take part in no
 * relation do not pull on anything, so they are set on a ring around the rest instead of costing iterations.
 * Given the positions of an earlier build, known nodes stay where they were: new nodes start beside their known
 * neighbours and only they move, so a rebuild after adding articles neither jumps nor pays for a full layout.
 */
export function layout(graph: KnowledgeGraph, options: Partial<LayoutOptions> = {}): void {
  const opts = validateLayoutOptions({ ...DEFAULT_LAYOUT_OPTIONS, ...options });
  const rand = seededRandom(opts.seed);
  const spread = Math.sqrt(Math.max(1, graph.order)) * 10;
  const previous = opts.previous ?? new Map<string, Position>();
  const known = (node: string) => previous.get(node);
  const light: LayoutGraph = new UndirectedGraph();
  const isolated: string[] = [];
  graph.forEachNode((node) => {
    if (graph.degree(node) === 0 && !known(node)) isolated.push(node);
    else light.addNode(node, { ...(known(node) ?? { x: (rand() - 0.5) * spread, y: (rand() - 0.5) * spread }), fixed: known(node) !== undefined });
  });
  graph.forEachEdge((_e, attrs, s, t) => light.updateEdge(s, t, (a) => ({ weight: (a.weight ?? 0) + attrs.weight })));
  if (previous.size > 0) placeBesideNeighbours(light, rand, spread);
  const moving = movingPart(light);
  const iterations = Math.min(opts.iterations, Math.max(opts.minIterations, Math.floor(opts.budget / Math.max(1, moving.order))));
  if (moving.order > 1 && moving.someNode((_n, a) => !a.fixed)) {
    // hubs (the story's main actor) pull dozens of single-mention concepts: distributing attraction spreads them out
    const settings = { ...forceAtlas2.inferSettings(moving), barnesHutOptimize: moving.order > 500, outboundAttractionDistribution: true };
    forceAtlas2.assign(moving, { iterations, settings, getEdgeWeight: 'weight' });
    moving.forEachNode((node, a) => light.mergeNodeAttributes(node, { x: a.x, y: a.y }));
  }
  light.forEachNode((node, a) => graph.mergeNodeAttributes(node, { x: round(a.x), y: round(a.y) }));
  onRing(graph, light, isolated);
}

/** New nodes with known neighbours start at their neighbours' centre, a little off it (seeded). */
function placeBesideNeighbours(light: LayoutGraph, rand: () => number, spread: number): void {
  light.forEachNode((node, a) => {
    if (a.fixed) return;
    let x = 0;
    let y = 0;
    let n = 0;
    light.forEachNeighbor(node, (_m, b) => {
      if (!b.fixed) return;
      x += b.x;
      y += b.y;
      n++;
    });
    if (n > 0) light.mergeNodeAttributes(node, { x: x / n + (rand() - 0.5) * spread * 0.01, y: y / n + (rand() - 0.5) * spread * 0.01 });
  });
}

/** The nodes ForceAtlas2 needs to see: all when none is fixed; else the new nodes and their neighbours, which hold them. */
function movingPart(light: LayoutGraph): LayoutGraph {
  if (!light.someNode((_n, a) => a.fixed)) return light;
  const part: LayoutGraph = new UndirectedGraph();
  light.forEachNode((node, a) => {
    if (a.fixed) return;
    part.mergeNode(node, a);
    light.forEachNeighbor(node, (m, b) => part.mergeNode(m, b));
  });
  part.forEachNode((node) => light.forEachEdge(node, (_e, w, s, t) => part.hasNode(s) && part.hasNode(t) && part.mergeEdge(s, t, w)));
  return part;
}

/**
 * Nodes with no relation, in a band just outside the laid-out nodes, each at a place drawn from its key: the
 * same for the same graph, and new ones on a rebuild never land on the old ones' places.
 */
function onRing(graph: KnowledgeGraph, light: LayoutGraph, isolated: string[]): void {
  let radius = 0;
  light.forEachNode((_n, a) => (radius = Math.max(radius, Math.hypot(a.x, a.y))));
  radius = Math.max(radius, Math.sqrt(isolated.length) * 10);
  for (const node of isolated) {
    const rand = seededRandom(hash(node));
    const r = radius * (1.1 + 0.3 * Math.sqrt(rand()));
    const angle = 2 * Math.PI * rand();
    graph.mergeNodeAttributes(node, { x: round(r * Math.cos(angle)), y: round(r * Math.sin(angle)) });
  }
}

/** FNV-1a: a seed from a node key. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function round(v: number): number {
  return Number.isFinite(v) ? Math.round(v * 1000) / 1000 : 0;
}
