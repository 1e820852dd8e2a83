import type Sigma from 'sigma';
import type { Visibility } from './filters.js';

/**
 * The current view as one PNG: sigma's layers (WebGL and 2D canvases) drawn in their order onto a white canvas,
 * right after a render, while the WebGL drawing buffers still hold the frame.
 */
export function viewToPng(sigma: Sigma<any, any, any>): Promise<Blob> {
  sigma.refresh({ skipIndexation: true });
  const layers = Object.values(sigma.getCanvases()) as HTMLCanvasElement[];
  const [first] = layers;
  const out = document.createElement('canvas');
  out.width = first.width;
  out.height = first.height;
  const context = out.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, out.width, out.height);
  const ordered = [...layers].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  for (const layer of ordered) context.drawImage(layer, 0, 0, out.width, out.height);
  return new Promise((done, fail) => out.toBlob((blob) => (blob ? done(blob) : fail(new Error('the image could not be made'))), 'image/png'));
}

/** Asks the server for the GEXF of what is in view: its nodes and the relations drawn between them. */
export async function viewToGexf(url: string, visibility: Visibility, selected: string | null): Promise<string> {
  const nodes = [...visibility.nodes];
  if (selected !== null && !visibility.nodes.has(selected)) nodes.push(selected);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/gexf+xml' },
    body: JSON.stringify({ nodes, edges: [...visibility.edges] }),
  });
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return response.text();
}
