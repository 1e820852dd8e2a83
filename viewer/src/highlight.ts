import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { NodeAttributes } from '../../src/types.js';
import type { Visibility } from './filters.js';
import type { KnowledgeGraph, ViewerEdge } from './graph.js';
import type { ViewerSettings } from './settings.js';
import type { ColorBy, SizeBy } from './url.js';

/** An entity and what is drawn with it: its ego network, and the few neighbours whose labels are forced. */
export interface Focus {
  node: string;
  /** Nodes within the depth, the entity included. */
  members: Set<string>;
  edges: Set<string>;
  /** The strongest neighbours (most supporting sentences with the entity): only these are sure to be labelled. */
  labelled: Set<string>;
}

/** What the reducers read: the graph itself is never changed for display. */
export interface DisplayState {
  visibility: Visibility;
  /** The selection's focus, and the hovered entity's (which is drawn over the selection's). */
  selection: Focus | null;
  hover: Focus | null;
  /** Relation labels on every visible edge (few edges in view), or only on focused ones. */
  allEdgeLabels: boolean;
}

/**
 * The ego network of `node` to `depth` hops through the relations in view (the entity's own relations count when the
 * neighbour is in view, so that an entity the filters hide still shows its relations once selected).
 */
export function focusOn(graph: KnowledgeGraph, node: string, depth: number, visibility: Visibility, labelLimit: number): Focus {
  const members = new Set([node]);
  const edges = new Set<string>();
  const hidden = !visibility.nodes.has(node);
  const strength = new Map<string, number>();
  let frontier = [node];
  for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const from of frontier) {
      graph.forEachEdge(from, (edge, { weight }, source, target) => {
        const other = source === from ? target : source;
        if (!visibility.nodes.has(other) || !(visibility.edges.has(edge) || (hidden && from === node))) return;
        edges.add(edge);
        if (hop === 1) strength.set(other, (strength.get(other) ?? 0) + weight);
        if (!members.has(other)) {
          members.add(other);
          next.push(other);
        }
      });
    }
    frontier = next;
  }
  const strongest = [...strength].sort((a, b) => b[1] - a[1] || graph.getNodeAttribute(b[0], 'mentions') - graph.getNodeAttribute(a[0], 'mentions'));
  return { node, members, edges, labelled: new Set(strongest.slice(0, labelLimit).map(([n]) => n)) };
}

/** Colours of communities, largest first; the rest share the last, neutral one. */
const COMMUNITY_PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#800000', '#808000', '#000075', '#adb5bd'];

export interface Appearance {
  color(node: string, attrs: NodeAttributes): string;
  size(node: string, attrs: NodeAttributes): number;
}

/** Colour by type (the graph's own colours) or community, size by PageRank (the graph's sizes), mentions or degree. */
export function appearance(graph: KnowledgeGraph, colorBy: ColorBy, sizeBy: SizeBy, settings: Pick<ViewerSettings, 'minNodeSize' | 'maxNodeSize'>): Appearance {
  const communityColor = new Map<number, string>();
  if (colorBy === 'community') {
    const sizes = new Map<number, number>();
    graph.forEachNode((_n, { community }) => sizes.set(community, (sizes.get(community) ?? 0) + 1));
    [...sizes].sort((a, b) => b[1] - a[1]).forEach(([community], i) => communityColor.set(community, COMMUNITY_PALETTE[Math.min(i, COMMUNITY_PALETTE.length - 1)]));
  }
  const sizes = new Map<string, number>();
  if (sizeBy !== 'pagerank') {
    const value = (node: string, attrs: NodeAttributes) => (sizeBy === 'mentions' ? attrs.mentions : graph.degree(node));
    let max = 1;
    graph.forEachNode((node, attrs) => (max = Math.max(max, value(node, attrs))));
    graph.forEachNode((node, attrs) => {
      const t = Math.sqrt(value(node, attrs) / max);
      sizes.set(node, settings.minNodeSize + t * (settings.maxNodeSize - settings.minNodeSize));
    });
  }
  return {
    color: (_node, attrs) => (colorBy === 'community' ? communityColor.get(attrs.community) ?? COMMUNITY_PALETTE.at(-1)! : attrs.color),
    size: (node, attrs) => sizes.get(node) ?? attrs.size,
  };
}

export interface Reducers {
  nodeReducer: (node: string, data: NodeAttributes) => Partial<NodeDisplayData>;
  edgeReducer: (edge: string, data: ViewerEdge) => Partial<EdgeDisplayData>;
}

/**
 * Sigma reducers for colours, sizes and edge shapes. What is in view is the drawn graph's business (filters.drawnGraph),
 * and a hover or a selection is the focus overlay's (overlay.ts), so that neither passes over the whole graph.
 */
export function createReducers(getAppearance: () => Appearance, curvatures: ReadonlyMap<string, number>): Reducers {
  return {
    nodeReducer(node, data) {
      const look = getAppearance();
      // `type` in the data is the entity type; sigma reads `type` as its node program.
      return { x: data.x, y: data.y, size: look.size(node, data), color: look.color(node, data), label: data.label, type: 'circle' };
    },
    edgeReducer(edge, data) {
      const curvature = curvatures.get(edge);
      const display: Partial<EdgeDisplayData> & { curvature?: number } = {
        size: data.size, color: data.color, label: data.label, type: curvature === undefined ? 'arrow' : 'curved',
      };
      if (curvature !== undefined) display.curvature = curvature;
      return display;
    },
  };
}
