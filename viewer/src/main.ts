import { createEdgeCurveProgram } from '@sigma/edge-curve';
import Sigma from 'sigma';
import { createEdgeArrowProgram, DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS } from 'sigma/rendering';
import type { EdgeAttributes, EntityType, GraphAttributes, NodeAttributes } from '../../src/types.js';
import { parallelCurvatures } from './curves.js';
import { el } from './dom.js';
import { loadGraph, type KnowledgeGraph } from './graph.js';
import { createReducers, emptyView, updateView, type ViewState } from './highlight.js';
import { mountLayoutToggle } from './layout.js';
import { legendEntries, renderLegend } from './legend.js';
import { showMentions } from './mentions.js';
import { hidePanel, showEntity } from './panel.js';
import { mountSearch } from './search.js';
import { DEFAULT_SETTINGS, type ViewerSettings } from './settings.js';

declare global {
  interface Window {
    /** For browser tests: the renderer and the graph it draws. */
    __kg?: { sigma: Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>; graph: KnowledgeGraph };
  }
}

function byId<T extends HTMLElement>(id: string, kind: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof kind)) throw new Error(`viewer: #${id} is missing from index.html`);
  return element;
}

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function start(graph: KnowledgeGraph, settings: ViewerSettings): void {
  const container = byId('graph', HTMLElement);
  const panel = byId('panel', HTMLElement);

  let view: ViewState = emptyView();
  const legend = legendEntries(graph);
  const colorOf = (type: EntityType): string => legend.find((entry) => entry.type === type)!.color;

  const sigma = new Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>(graph, container, {
    ...createReducers(graph, () => view, parallelCurvatures(graph), settings),
    renderEdgeLabels: true,
    defaultEdgeType: 'arrow',
    edgeProgramClasses: {
      arrow: createEdgeArrowProgram(),
      curved: createEdgeCurveProgram({ arrowHead: DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS }),
    },
    labelFont: 'Inter, "Segoe UI", system-ui, sans-serif',
    labelSize: 13,
    labelWeight: '600',
    labelColor: { color: '#212529' },
    labelRenderedSizeThreshold: 4,
    edgeLabelFont: 'Inter, "Segoe UI", system-ui, sans-serif',
    edgeLabelSize: 11,
    edgeLabelColor: { color: '#6c757d' },
    zIndex: true,
    stagePadding: 40,
  });

  const setView = (change: Partial<Pick<ViewState, 'selected' | 'hovered'>>): void => {
    view = updateView(graph, view, change);
    sigma.refresh({ skipIndexation: true });
  };

  /** Centres the entity in the area the panel leaves free, zoomed to keep its neighbours in view. */
  const moveTo = (node: string): void => {
    const centre = sigma.getNodeDisplayData(node);
    if (!centre) return;
    const camera = sigma.getCamera();
    const { width, height } = sigma.getDimensions();
    const panelBox = panel.getBoundingClientRect();
    const covered = !panel.hidden && panelBox.left > width / 2 ? width - panelBox.left : 0;

    // Distances on screen scale with 1 / ratio: measure them at the current ratio.
    const here = sigma.framedGraphToViewport(centre);
    let reach = 0;
    graph.forEachNeighbor(node, (neighbour) => {
      const other = sigma.getNodeDisplayData(neighbour);
      if (!other) return;
      const there = sigma.framedGraphToViewport(other);
      reach = Math.max(reach, Math.hypot(there.x - here.x, there.y - here.y));
    });
    const room = Math.min(width - covered, height) / 2;
    const ratio = Math.max(settings.focusMinRatio, (camera.ratio * reach * settings.focusMargin) / room);

    // Put the entity at the centre of the uncovered area: shift the camera by half the covered width.
    const origin = sigma.viewportToFramedGraph({ x: 0, y: 0 });
    const shifted = sigma.viewportToFramedGraph({ x: covered / 2, y: 0 });
    const scale = ratio / camera.ratio;
    void camera.animate(
      { x: centre.x + (shifted.x - origin.x) * scale, y: centre.y + (shifted.y - origin.y) * scale, ratio },
      { duration: settings.animationMs },
    );
  };

  const deselect = (): void => {
    hidePanel(panel);
    setView({ selected: null });
  };

  const select = (node: string, options: { move: boolean }): void => {
    showEntity(panel, graph, node, {
      sourcesShown: settings.sourcesShown,
      colorOf,
      onSelect: (next) => select(next, { move: true }),
      onClose: deselect,
    });
    void showMentions(panel, node, settings.mentionsUrl);
    setView({ selected: node, hovered: null });
    if (options.move) moveTo(node);
  };

  sigma.on('enterNode', ({ node }) => {
    setView({ hovered: node });
    container.classList.add('pointing');
  });
  sigma.on('leaveNode', () => {
    setView({ hovered: null });
    container.classList.remove('pointing');
  });
  sigma.on('clickNode', ({ node }) => select(node, { move: false }));
  sigma.on('clickStage', deselect);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && view.selected !== null && !(event.target instanceof HTMLInputElement)) deselect();
  });

  mountSearch(byId('search', HTMLInputElement), byId('search-results', HTMLUListElement), graph, {
    maxSuggestions: settings.maxSuggestions,
    colorOf,
    onChoose: (node) => select(node, { move: true }),
  });
  mountLayoutToggle(byId('layout-toggle', HTMLButtonElement), graph);
  renderLegend(byId('legend', HTMLElement), legend);

  const documents = graph.getAttribute('documents').length;
  byId('status', HTMLElement).textContent = [
    count(graph.order, 'entity', 'entities'),
    count(graph.size, 'relation', 'relations'),
    ...(documents > 0 ? [count(documents, 'document', 'documents')] : []),
  ].join(' · ');

  window.__kg = { sigma, graph };
}

function fail(error: unknown, settings: ViewerSettings): void {
  const reason = error instanceof Error ? error.message : String(error);
  const status = byId('status', HTMLElement);
  status.textContent = 'The graph could not be loaded.';
  status.classList.add('error');
  const message = byId('message', HTMLElement);
  message.replaceChildren(
    el('h2', { text: 'The graph could not be loaded' }),
    el('p', { text: `${settings.graphUrl}: ${reason}` }),
  );
  message.hidden = false;
  byId('layout-toggle', HTMLButtonElement).disabled = true;
  byId('search', HTMLInputElement).disabled = true;
}

async function main(settings: ViewerSettings = DEFAULT_SETTINGS): Promise<void> {
  try {
    start(await loadGraph(settings.graphUrl), settings);
  } catch (error) {
    fail(error, settings);
  }
}

void main();
