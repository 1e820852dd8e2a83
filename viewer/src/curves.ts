import type { KnowledgeGraph } from './graph.js';

/** Curvature of the outermost of many parallel edges; fewer edges bend less. */
const MAX_CURVATURE = 0.6;
const CURVATURE_STEP = 0.45;

/**
 * Curvature per edge so that edges between the same two nodes (in either direction) fan out
 * instead of drawing over each other. Edges alone between their nodes are absent from the map (straight).
 */
export function parallelCurvatures(graph: KnowledgeGraph): Map<string, number> {
  const byPair = new Map<string, string[]>();
  graph.forEachEdge((edge, _attrs, source, target) => {
    if (source === target) return;
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const edges = byPair.get(pair);
    if (edges) edges.push(edge);
    else byPair.set(pair, [edge]);
  });

  const curvatures = new Map<string, number>();
  for (const edges of byPair.values()) {
    if (edges.length < 2) continue;
    const middle = (edges.length - 1) / 2;
    const step = Math.min(CURVATURE_STEP, MAX_CURVATURE / middle);
    edges.forEach((edge, i) => {
      // Offsets are measured in the pair's own frame; a reversed edge's "left" is the other side.
      const forward = graph.source(edge) < graph.target(edge);
      const offset = (i - middle) * step;
      if (offset !== 0) curvatures.set(edge, forward ? offset : -offset);
    });
  }
  return curvatures;
}
