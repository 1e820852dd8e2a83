import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { EdgeAttributes, NodeAttributes } from '../../src/types.js';
import type { KnowledgeGraph } from './graph.js';
import type { ViewerSettings } from './settings.js';

/** Everything the view shows beyond the data: the graph itself is never changed for display. */
export interface ViewState {
  /** The entity shown in the panel. */
  selected: string | null;
  /** The entity under the pointer; it takes the focus from the selection while hovered. */
  hovered: string | null;
  /** Neighbours of the focused entity (hovered, else selected). */
  neighbours: ReadonlySet<string>;
}

export const emptyView = (): ViewState => ({ selected: null, hovered: null, neighbours: new Set() });

export const focusOf = (view: ViewState): string | null => view.hovered ?? view.selected;

/** Returns the view with `change` applied and the focused entity's neighbourhood recomputed. */
export function updateView(graph: KnowledgeGraph, view: ViewState, change: Partial<Pick<ViewState, 'selected' | 'hovered'>>): ViewState {
  const next = { ...view, ...change };
  const focus = focusOf(next);
  return { ...next, neighbours: focus === null ? new Set() : new Set(graph.neighbors(focus)) };
}

export interface Reducers {
  nodeReducer: (node: string, data: NodeAttributes) => Partial<NodeDisplayData>;
  edgeReducer: (edge: string, data: EdgeAttributes) => Partial<EdgeDisplayData>;
}

/** Sigma reducers reading the current view through `getView`, so a view change needs only a refresh. */
export function createReducers(
  graph: KnowledgeGraph,
  getView: () => ViewState,
  curvatures: ReadonlyMap<string, number>,
  settings: Pick<ViewerSettings, 'fadedColor'>,
): Reducers {
  return {
    nodeReducer(node, data) {
      const view = getView();
      const focus = focusOf(view);
      // `type` in the data is the entity type; sigma reads `type` as its node program.
      const display: Partial<NodeDisplayData> = {
        x: data.x, y: data.y, size: data.size, color: data.color, label: data.label, type: 'circle', zIndex: 1,
      };
      if (node === view.selected) Object.assign(display, { highlighted: true, forceLabel: true, zIndex: 3 });
      if (focus === null) return display;
      if (node === focus) return { ...display, highlighted: true, forceLabel: true, zIndex: 3 };
      if (view.neighbours.has(node)) return { ...display, forceLabel: true, zIndex: 2 };
      return { ...display, color: settings.fadedColor, label: null, highlighted: false, zIndex: 0 };
    },
    edgeReducer(edge, data) {
      const focus = focusOf(getView());
      const curvature = curvatures.get(edge);
      const display: Partial<EdgeDisplayData> & { curvature?: number } = {
        size: data.size, color: data.color, label: data.label,
        type: curvature === undefined ? 'arrow' : 'curved', zIndex: 1,
      };
      if (curvature !== undefined) display.curvature = curvature;
      if (focus === null) return display;
      if (graph.source(edge) === focus || graph.target(edge) === focus) {
        return { ...display, forceLabel: true, zIndex: 2, size: Math.max(display.size ?? 1, 1.5) };
      }
      return { ...display, color: settings.fadedColor, label: null, zIndex: 0 };
    },
  };
}
