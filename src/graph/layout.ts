import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { cjsDefault } from '../util/cjs.js';
import type { KnowledgeGraph } from './types.js';

const forceAtlas2 = cjsDefault(forceAtlas2Module);

export interface LayoutOptions {
  iterations: number;
  /** Seed of the initial placement, so a build of the same input lays out the same. */
  seed: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = { iterations: 300, seed: 42 };

/** A small deterministic generator (mulberry32) for the initial placement. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Places nodes at random (seeded), then runs ForceAtlas2 so the exported graph opens laid out. */
export function layout(graph: KnowledgeGraph, options: Partial<LayoutOptions> = {}): void {
  const { iterations, seed } = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const rand = random(seed);
  const spread = Math.sqrt(Math.max(1, graph.order)) * 10;
  graph.forEachNode((node) => {
    graph.mergeNodeAttributes(node, { x: (rand() - 0.5) * spread, y: (rand() - 0.5) * spread });
  });
  if (graph.order < 2) return;
  // hubs (the story's main actor) pull dozens of single-mention concepts: distributing attraction spreads them out
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, outboundAttractionDistribution: true };
  forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: 'weight' });
  graph.forEachNode((node, attrs) => {
    graph.mergeNodeAttributes(node, { x: round(attrs.x), y: round(attrs.y) });
  });
}

function round(v: number): number {
  return Number.isFinite(v) ? Math.round(v * 1000) / 1000 : 0;
}
