import Graph from 'graphology';
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { KnowledgeGraph } from './graph.js';

export interface LayoutOptions {
  /** How often the positions the worker found are copied to the drawn graph; between copies the page is free. */
  copyEveryMs: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = { copyEveryMs: 500 };

/**
 * ForceAtlas2 in a web worker on the nodes in view only (a copy of them, with their relations' weights summed), so
 * that hidden concepts and unconnected nodes cost nothing. The worker iterates on its own; the drawn graph (whose
 * attribute objects are the full graph's) takes its positions twice a second, and Stop ends the worker at once: the
 * page never waits on the layout.
 */
export function mountLayoutToggle(
  button: HTMLButtonElement,
  drawn: () => KnowledgeGraph,
  inView: () => { nodes: ReadonlySet<string>; edges: ReadonlySet<string> },
  options: LayoutOptions = DEFAULT_LAYOUT_OPTIONS,
): { stop(): void } {
  let layout: FA2Layout | null = null;
  let copy: Graph | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  const show = (running: boolean): void => {
    button.textContent = running ? 'Stop layout' : 'Start layout';
    button.setAttribute('aria-pressed', String(running));
    button.classList.toggle('running', running);
  };

  const apply = (): void => {
    const from = copy;
    if (from === null) return;
    drawn().updateEachNodeAttributes((node, attrs) => {
      if (!from.hasNode(node)) return attrs;
      attrs.x = from.getNodeAttribute(node, 'x');
      attrs.y = from.getNodeAttribute(node, 'y');
      return attrs;
    }, { attributes: ['x', 'y'] });
  };

  const stop = (): void => {
    show(false);
    clearInterval(timer);
    layout?.kill();
    apply();
    layout = null;
    copy = null;
  };

  const start = (): void => {
    const { nodes, edges } = inView();
    const graph = drawn();
    const g = new Graph({ type: 'undirected' });
    for (const node of nodes) if (graph.hasNode(node)) g.addNode(node, { x: graph.getNodeAttribute(node, 'x'), y: graph.getNodeAttribute(node, 'y') });
    for (const edge of edges) {
      if (!graph.hasEdge(edge)) continue;
      const [source, target] = graph.extremities(edge);
      if (source === target) continue;
      const weight = graph.getEdgeAttribute(edge, 'weight');
      g.updateUndirectedEdge(source, target, (attrs) => ({ weight: ((attrs as { weight?: number }).weight ?? 0) + weight }));
    }
    copy = g;
    layout = new FA2Layout(g, { settings: { ...inferSettings(g), barnesHutOptimize: g.order > 500 }, getEdgeWeight: 'weight' });
    layout.start();
    timer = setInterval(apply, options.copyEveryMs);
    show(true);
  };

  button.addEventListener('click', () => (layout ? stop() : start()));
  button.disabled = drawn().order === 0;
  show(false);
  return { stop };
}
