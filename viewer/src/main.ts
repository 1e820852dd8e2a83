import { createEdgeCurveProgram } from '@sigma/edge-curve';
import Sigma from 'sigma';
import { createEdgeArrowProgram, DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS } from 'sigma/rendering';
import type { EntityType, NodeAttributes } from '../../src/types.js';
import { mountControls } from './controls.js';
import { parallelCurvatures } from './curves.js';
import { el } from './dom.js';
import { viewToGexf, viewToPng } from './exports.js';
import { applyFilters, defaultFilters, documentDates, drawnGraph, type Filters } from './filters.js';
import { loadGraph, type KnowledgeGraph, type ViewerEdge, type ViewerGraphAttributes } from './graph.js';
import { appearance, createReducers, focusOn, type DisplayState } from './highlight.js';
import { mountLayoutToggle } from './layout.js';
import { legendEntries, renderLegend } from './legend.js';
import { showMentions } from './mentions.js';
import { mountFocusOverlay } from './overlay.js';
import { hidePanel, showEdge, showEntity } from './panel.js';
import { openDocument } from './reader.js';
import { mountSearch } from './search.js';
import { DEFAULT_SETTINGS, LABEL_DENSITIES, type ViewerSettings } from './settings.js';
import { download, showTable } from './table.js';
import { fromQuery, toQuery, type ViewState } from './url.js';

type ViewerSigma = Sigma<NodeAttributes, ViewerEdge, ViewerGraphAttributes>;

declare global {
  interface Window {
    /** For tests and the benchmark: the renderer, the graph it draws, and the view state. */
    __kg?: { sigma: ViewerSigma; graph: KnowledgeGraph; view: () => ViewState; display: () => DisplayState };
  }
}

function byId<T extends HTMLElement>(id: string, kind: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof kind)) throw new Error(`viewer: #${id} is missing from index.html`);
  return element;
}

const LABEL_FONT = 'Inter, "Segoe UI", system-ui, sans-serif';

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function start(graph: KnowledgeGraph, settings: ViewerSettings): void {
  const container = byId('graph', HTMLElement);
  const panel = byId('panel', HTMLElement);
  const reader = byId('reader', HTMLElement);
  const table = byId('table', HTMLElement);
  const dates = documentDates(graph);
  const legend = legendEntries(graph);
  const colorOf = (type: EntityType): string => legend.find((entry) => entry.type === type)!.color;

  const defaults: ViewState = { selected: null, depth: 1, filters: defaultFilters(graph, settings, dates), colorBy: 'type', sizeBy: 'pagerank', labels: 'some', camera: null };
  const state = fromQuery(location.search, defaults);
  if (state.selected !== null && !graph.hasNode(state.selected)) state.selected = null;
  const visibility = applyFilters(graph, state.filters, dates);
  const display: DisplayState = { visibility, selection: null, hover: null, allEdgeLabels: visibility.edges.size <= settings.edgeLabelLimit };
  let look = appearance(graph, state.colorBy, state.sizeBy, settings);
  const focus = (node: string, depth: number) => focusOn(graph, node, depth, display.visibility, settings.labelledNeighbours);
  if (state.selected !== null) display.selection = focus(state.selected, state.depth);

  const curvatures = parallelCurvatures(graph);
  const sigma: ViewerSigma = new Sigma(drawnGraph(graph, visibility, state.selected), container, {
    ...createReducers(() => look, curvatures),
    // relation labels are the focus overlay's: sigma's own pass looks at every edge of the graph on each frame
    renderEdgeLabels: false,
    // edge events draw every edge a second time, into the picking layer: only where few edges are in view
    enableEdgeEvents: visibility.edges.size <= settings.edgeEventLimit,
    // a large graph's edges are not redrawn while the camera moves; labels are
    hideEdgesOnMove: graph.size > 5000,
    defaultEdgeType: 'arrow',
    edgeProgramClasses: {
      arrow: createEdgeArrowProgram(),
      curved: createEdgeCurveProgram({ arrowHead: DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS }),
    },
    labelFont: LABEL_FONT,
    labelSize: 13,
    labelWeight: '600',
    labelColor: { color: '#212529' },
    ...LABEL_DENSITIES[state.labels],
    stagePadding: 40,
  });
  const overlay = mountFocusOverlay(sigma, graph, () => display, curvatures, {
    focusEdgeColor: settings.focusEdgeColor, fadedOpacity: settings.fadedOpacity, labelFont: LABEL_FONT, labelSize: 13, edgeLabelSize: 11,
  });
  if (state.camera) sigma.getCamera().setState(state.camera);
  else overlay.draw();

  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const saveUrl = (): void => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      const { x, y, ratio } = sigma.getCamera().getState();
      history.replaceState(null, '', `?${toQuery({ ...state, camera: { x, y, ratio } })}`);
    }, 200);
  };
  sigma.getCamera().on('updated', saveUrl);

  /** A hover redraws the focus overlay, nothing else. */
  const setHover = (node: string | null): void => {
    display.hover = node === null ? null : focus(node, 1);
    overlay.draw();
  };

  /** Centres the entity in the area the panel leaves free, zoomed to keep its highlighted neighbours in view. */
  const moveTo = (node: string): void => {
    const centre = sigma.getNodeDisplayData(node);
    if (!centre) return;
    const camera = sigma.getCamera();
    const { width, height } = sigma.getDimensions();
    const panelBox = panel.getBoundingClientRect();
    const covered = !panel.hidden && panelBox.left > width / 2 ? width - panelBox.left : 0;
    const here = sigma.framedGraphToViewport(centre);
    let reach = 0;
    for (const neighbour of display.selection?.labelled ?? []) {
      const other = sigma.getNodeDisplayData(neighbour);
      if (!other) continue;
      const there = sigma.framedGraphToViewport(other);
      reach = Math.max(reach, Math.hypot(there.x - here.x, there.y - here.y));
    }
    const room = Math.min(width - covered, height) / 2;
    const ratio = Math.max(settings.focusMinRatio, (camera.ratio * reach * settings.focusMargin) / room);
    const origin = sigma.viewportToFramedGraph({ x: 0, y: 0 });
    const shifted = sigma.viewportToFramedGraph({ x: covered / 2, y: 0 });
    const scale = ratio / camera.ratio;
    void camera.animate(
      { x: centre.x + (shifted.x - origin.x) * scale, y: centre.y + (shifted.y - origin.y) * scale, ratio },
      { duration: settings.animationMs },
    );
  };

  const panelOptions = {
    sourcesShown: settings.sourcesShown,
    relationsShown: settings.relationsShown,
    relationsPerGroup: settings.relationsPerGroup,
    relationsUrl: settings.relationsUrl,
    edgeUrl: settings.edgeUrl,
    colorOf,
    onSelect: (next: string) => select(next, { move: true }),
    onOpenDocument: (doc: string, span: { start: number; end: number } | null) => void openDocument(reader, settings.documentUrl, doc, span),
    onClose: () => deselect(),
  };

  /** A selection is drawn by the overlay; only an entity the filters hide is added to what sigma draws, while selected. */
  const setSelection = (node: string | null): void => {
    const before = display.selection?.node;
    state.selected = node;
    display.selection = node === null ? null : focus(node, state.depth);
    display.hover = null;
    if ([before, node].some((n) => n != null && !display.visibility.nodes.has(n))) sigma.setGraph(drawnGraph(graph, display.visibility, node));
    overlay.draw();
    saveUrl();
  };

  const deselect = (): void => {
    hidePanel(panel);
    setSelection(null);
  };

  function select(node: string, options: { move: boolean }): void {
    setSelection(node);
    showEntity(panel, graph, node, panelOptions);
    void showMentions(panel, node, settings.mentionsUrl);
    if (options.move) moveTo(node);
  }

  sigma.on('enterNode', ({ node }) => {
    setHover(node);
    container.classList.add('pointing');
  });
  sigma.on('leaveNode', () => {
    setHover(null);
    container.classList.remove('pointing');
  });
  sigma.on('clickNode', ({ node }) => select(node, { move: false }));
  sigma.on('enterEdge', () => container.classList.add('pointing'));
  sigma.on('leaveEdge', () => container.classList.remove('pointing'));
  sigma.on('clickEdge', ({ edge }) => showEdge(panel, graph, edge, panelOptions));
  sigma.on('clickStage', deselect);
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.target instanceof HTMLInputElement) return;
    if (!reader.hidden) reader.hidden = true;
    else if (!table.hidden) table.hidden = true;
    else if (state.selected !== null) deselect();
  });

  mountSearch(byId('search', HTMLInputElement), byId('search-results', HTMLUListElement), graph, {
    maxSuggestions: settings.maxSuggestions,
    colorOf,
    onChoose: (node) => select(node, { move: true }),
  });
  mountLayoutToggle(byId('layout-toggle', HTMLButtonElement), () => sigma.getGraph(), () => display.visibility);

  const status = byId('status', HTMLElement);
  const documents = graph.getAttribute('documents').length;
  const showCounts = (): void => {
    const { nodes, edges } = display.visibility;
    const shown = (n: number, total: number, one: string, many: string) => (n === total ? count(total, one, many) : `${n.toLocaleString('en')} of ${count(total, one, many)}`);
    status.textContent = [
      shown(nodes.size, graph.order, 'entity', 'entities'),
      shown(edges.size, graph.size, 'relation', 'relations'),
      ...(documents > 0 ? [count(documents, 'document', 'documents')] : []),
    ].join(' · ');
    const byType = new Map<EntityType, number>();
    for (const node of nodes) {
      const type = graph.getNodeAttribute(node, 'type');
      byType.set(type, (byType.get(type) ?? 0) + 1);
    }
    renderLegend(byId('legend', HTMLElement), legend, byType, state.filters.hiddenTypes, (type) => {
      const hidden = state.filters.hiddenTypes.includes(type) ? state.filters.hiddenTypes.filter((t) => t !== type) : [...state.filters.hiddenTypes, type];
      setFilters({ ...state.filters, hiddenTypes: hidden });
    });
  };

  const controls = mountControls(graph, state, dates, {
    onFilters: (filters) => setFilters(filters),
    onDepth: (depth) => {
      state.depth = depth;
      if (state.selected !== null) select(state.selected, { move: false });
      else saveUrl();
    },
    onLabels: (labels) => {
      state.labels = labels;
      for (const [name, value] of Object.entries(LABEL_DENSITIES[labels])) sigma.setSetting(name as keyof typeof LABEL_DENSITIES.some, value);
      saveUrl();
    },
    onAppearance: (colorBy, sizeBy) => {
      state.colorBy = colorBy;
      state.sizeBy = sizeBy;
      look = appearance(graph, colorBy, sizeBy, settings);
      sigma.refresh();
      saveUrl();
    },
  });

  function setFilters(filters: Filters): void {
    state.filters = filters;
    display.visibility = applyFilters(graph, filters, dates);
    display.allEdgeLabels = display.visibility.edges.size <= settings.edgeLabelLimit;
    display.hover = null;
    sigma.setSetting('enableEdgeEvents', display.visibility.edges.size <= settings.edgeEventLimit);
    if (state.selected !== null) display.selection = focus(state.selected, state.depth);
    sigma.setGraph(drawnGraph(graph, display.visibility, state.selected));
    showCounts();
    controls.show(filters, display.visibility);
    saveUrl();
  }

  const camera = sigma.getCamera();
  byId('zoom-in', HTMLButtonElement).addEventListener('click', () => void camera.animatedZoom({ duration: settings.animationMs / 2 }));
  byId('zoom-out', HTMLButtonElement).addEventListener('click', () => void camera.animatedUnzoom({ duration: settings.animationMs / 2 }));
  byId('zoom-reset', HTMLButtonElement).addEventListener('click', () => void camera.animatedReset({ duration: settings.animationMs / 2 }));
  byId('fullscreen', HTMLButtonElement).addEventListener('click', () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  });
  byId('png-export', HTMLButtonElement).addEventListener('click', async () => download('graph.png', 'image/png', await viewToPng(sigma)));
  const gexfButton = byId('gexf-view', HTMLButtonElement);
  gexfButton.addEventListener('click', async () => {
    gexfButton.disabled = true;
    try {
      download('graph-view.gexf', 'application/gexf+xml', await viewToGexf(settings.gexfViewUrl, display.visibility, state.selected));
    } catch (error) {
      status.textContent = `The GEXF could not be made: ${(error as Error).message}`;
    } finally {
      gexfButton.disabled = false;
    }
  });
  const tableButton = byId('table-toggle', HTMLButtonElement);
  tableButton.addEventListener('click', () => {
    if (!table.hidden) {
      table.hidden = true;
      return;
    }
    showTable(table, graph, display.visibility.nodes, {
      rowsShown: settings.tableRows,
      onSelect: (node) => select(node, { move: true }),
      onClose: () => (table.hidden = true),
    });
  });

  showCounts();
  controls.show(state.filters, display.visibility);
  if (state.selected !== null) {
    showEntity(panel, graph, state.selected, panelOptions);
    void showMentions(panel, state.selected, settings.mentionsUrl);
  }
  window.__kg = { sigma, graph, view: () => state, display: () => display };
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
