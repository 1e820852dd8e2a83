import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { KnowledgeGraph } from './graph.js';

/**
 * Start/Stop button for ForceAtlas2 running in a web worker. The worker moves nodes by writing
 * x/y on the graph (positions are the layout's to own); it is spawned on the first start only.
 */
export function mountLayoutToggle(button: HTMLButtonElement, graph: KnowledgeGraph): { stop(): void } {
  let layout: FA2Layout | null = null;

  const show = (running: boolean): void => {
    button.textContent = running ? 'Stop layout' : 'Start layout';
    button.setAttribute('aria-pressed', String(running));
    button.classList.toggle('running', running);
  };

  const stop = (): void => {
    layout?.stop();
    show(false);
  };

  button.addEventListener('click', () => {
    if (layout?.isRunning()) return stop();
    layout ??= new FA2Layout(graph, { settings: inferSettings(graph), getEdgeWeight: 'weight' });
    layout.start();
    show(true);
  });
  button.disabled = graph.order === 0;
  show(false);
  return { stop };
}
