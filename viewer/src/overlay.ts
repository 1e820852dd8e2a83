import type Sigma from 'sigma';
import type { Coordinates } from 'sigma/types';
import type { KnowledgeGraph } from './graph.js';
import type { DisplayState, Focus } from './highlight.js';
import type { ViewerSettings } from './settings.js';

export interface OverlayOptions extends Pick<ViewerSettings, 'focusEdgeColor' | 'fadedOpacity'> {
  labelFont: string;
  labelSize: number;
  edgeLabelSize: number;
}

/** The layers a selection fades; the focus overlay is drawn above them all. */
const FADED_LAYERS = ['edges', 'nodes', 'edgeLabels', 'labels'];

/**
 * The focus of a hover or a selection, drawn on a canvas of its own above sigma's layers: the ego network's edges (so
 * they are never under faded nodes), its nodes, the labels of the strongest neighbours only, and the labels of the
 * relations between the entity and those neighbours. A selection fades sigma's layers with CSS opacity. A hover or a
 * selection therefore costs a redraw of its neighbourhood, never a pass of the reducers over the whole graph.
 * On small graphs (`allEdgeLabels`) every relation in view is labelled here too.
 */
export function mountFocusOverlay(
  sigma: Sigma<any, any, any>,
  graph: KnowledgeGraph,
  getState: () => DisplayState,
  curvatures: ReadonlyMap<string, number>,
  options: OverlayOptions,
): { draw(): void } {
  // sigma passes the layer position on to createCanvas, though its type for createCanvasContext omits it
  sigma.createCanvasContext('focus', { beforeLayer: 'mouse' } as { style?: Partial<CSSStyleDeclaration> });
  sigma.resize(true);
  const canvas = sigma.getCanvases().focus;
  const context = canvas.getContext('2d')!;
  let faded = false;

  const at = (node: string): (Coordinates & { r: number; color: string; label: string | null }) | null => {
    const data = sigma.getNodeDisplayData(node);
    if (!data || data.hidden) return null;
    const { x, y } = sigma.framedGraphToViewport(data);
    return { x, y, r: sigma.scaleSize(data.size), color: data.color, label: data.label };
  };

  /** The point of a quadratic curve bent by `curvature` (sigma's parallel edges), or the middle of a straight line. */
  const control = (a: Coordinates, b: Coordinates, curvature: number): Coordinates => {
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    return { x: (a.x + b.x) / 2 + ((a.y - b.y) / (length || 1)) * curvature * length * 0.5, y: (a.y + b.y) / 2 + ((b.x - a.x) / (length || 1)) * curvature * length * 0.5 };
  };

  const label = (text: string, x: number, y: number, size: number, weight: string, color: string): void => {
    context.font = `${weight} ${size}px ${options.labelFont}`;
    context.lineWidth = 3;
    context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
    context.fillStyle = color;
    context.strokeText(text, x, y);
    context.fillText(text, x, y);
  };

  const drawEdge = (edge: string, withLabel: boolean): void => {
    const [source, target] = graph.extremities(edge);
    const a = at(source);
    const b = at(target);
    if (!a || !b || source === target) return;
    const curvature = curvatures.get(edge) ?? 0;
    const c = control(a, b, curvature);
    // the arrow ends at the target's rim
    const angle = Math.atan2(b.y - c.y, b.x - c.x);
    const end = { x: b.x - Math.cos(angle) * b.r, y: b.y - Math.sin(angle) * b.r };
    const head = 7;
    context.strokeStyle = options.focusEdgeColor;
    context.fillStyle = options.focusEdgeColor;
    context.lineWidth = Math.max(1.5, Math.min(5, sigma.scaleSize(graph.getEdgeAttribute(edge, 'size'))));
    context.beginPath();
    context.moveTo(a.x, a.y);
    context.quadraticCurveTo(c.x, c.y, end.x - Math.cos(angle) * head * 0.8, end.y - Math.sin(angle) * head * 0.8);
    context.stroke();
    context.beginPath();
    context.moveTo(end.x, end.y);
    context.lineTo(end.x - head * Math.cos(angle - 0.4), end.y - head * Math.sin(angle - 0.4));
    context.lineTo(end.x - head * Math.cos(angle + 0.4), end.y - head * Math.sin(angle + 0.4));
    context.closePath();
    context.fill();
    if (withLabel) {
      // the middle of the curve
      const mx = 0.25 * a.x + 0.5 * c.x + 0.25 * b.x;
      const my = 0.25 * a.y + 0.5 * c.y + 0.25 * b.y;
      context.textAlign = 'center';
      label(graph.getEdgeAttribute(edge, 'label'), mx, my - 3, options.edgeLabelSize, '500', '#343a40');
      context.textAlign = 'left';
    }
  };

  const drawFocus = (focus: Focus): void => {
    for (const edge of focus.edges) {
      const [source, target] = graph.extremities(edge);
      const readable = (source === focus.node && focus.labelled.has(target)) || (target === focus.node && focus.labelled.has(source));
      drawEdge(edge, readable);
    }
    const labels: [string, number, number, number, boolean][] = [];
    for (const node of focus.members) {
      const p = at(node);
      if (!p) continue;
      context.beginPath();
      context.arc(p.x, p.y, Math.max(2, p.r), 0, 2 * Math.PI);
      context.fillStyle = p.color;
      context.fill();
      context.lineWidth = node === focus.node ? 3 : 1.5;
      context.strokeStyle = '#ffffff';
      context.stroke();
      if (p.label && (node === focus.node || focus.labelled.has(node))) labels.push([p.label, p.x, p.y, p.r, node === focus.node]);
    }
    for (const [text, x, y, r, main] of labels) label(text, x + r + 4, y + options.labelSize / 3, main ? options.labelSize + 2 : options.labelSize, main ? '700' : '600', '#212529');
  };

  const draw = (): void => {
    const { width, height } = sigma.getDimensions();
    context.clearRect(0, 0, width, height);
    const { selection, hover, allEdgeLabels, visibility } = getState();
    const fade = selection !== null;
    if (fade !== faded) {
      faded = fade;
      const canvases = sigma.getCanvases();
      for (const layer of FADED_LAYERS) if (canvases[layer]) canvases[layer].style.opacity = fade ? String(options.fadedOpacity) : '';
    }
    if (allEdgeLabels && selection === null && hover === null) {
      context.textAlign = 'center';
      for (const edge of visibility.edges) {
        const [source, target] = graph.extremities(edge);
        const a = at(source);
        const b = at(target);
        if (!a || !b || source === target) continue;
        const c = control(a, b, curvatures.get(edge) ?? 0);
        label(graph.getEdgeAttribute(edge, 'label'), 0.25 * a.x + 0.5 * c.x + 0.25 * b.x, 0.25 * a.y + 0.5 * c.y + 0.25 * b.y - 3, options.edgeLabelSize, '500', '#6c757d');
      }
      context.textAlign = 'left';
    }
    if (selection) drawFocus(selection);
    if (hover && hover.node !== selection?.node) drawFocus(hover);
  };

  sigma.on('afterRender', draw);
  return { draw };
}
