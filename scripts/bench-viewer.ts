/**
 * The viewer benchmark (issue 10): the viewer in headless Chromium on a synthetic graph served by `kg serve`'s app.
 * Prints, per round and as medians: the payload of /api/graph as sent (compressed), JS ready (the viewer set up,
 * graph drawn once), first frame, JS per hover (the handlers and the renders they cause), search to painted
 * ("Smith" + Enter until the frame with the selection is drawn), the main thread's share while ForceAtlas2 runs, and
 * how long the Stop button takes to answer while it runs (from the click event's time to its handlers done, in the
 * page; and the wall-clock time until the driver sees the button change).
 *
 *   npm run bench:viewer [-- --nodes 10000 --edges 50000 --rounds 2 --graph FILE]
 *
 * Software WebGL on a shared 2-core machine: frame figures are a floor; compare runs made side by side.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { MultiDirectedGraph } from 'graphology';
import { chromium, type Browser } from 'playwright-core';
import type Sigma from 'sigma';
import { createServer } from '../src/serve/index.js';
import { syntheticExport } from './synthetic-graph.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking'];

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const graphAt = args.indexOf('--graph');
const nodes = option('nodes', 10_000);
const edges = option('edges', 50_000);
const rounds = option('rounds', 2);
const root = join(import.meta.dirname, '..');

/**
 * Set in the page before any script runs, as text (the bench runs under tsx, whose helpers do not exist in the page):
 * marks when the viewer exposes itself and the frame after, collects long tasks, and holds the in-page measurements.
 */
const PROBE = `
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  const bench = window.__bench = { longTasks: [], clicks: [] };
  // after the target's own handlers (bubbling): from the input event's time to its handling done, in the page
  document.addEventListener('click', (event) => bench.clicks.push([event.target.id, performance.now() - event.timeStamp]));
  new PerformanceObserver((list) => { for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  let kg;
  Object.defineProperty(window, '__kg', {
    configurable: true,
    get: () => kg,
    set: (value) => {
      kg = value;
      performance.mark('kg:ready');
      requestAnimationFrame(() => setTimeout(() => performance.mark('kg:first-frame'), 0));
    },
  });

  // The work a hover costs on the main thread: the enter and leave handlers plus every render they schedule.
  bench.hover = async (node) => {
    const { sigma } = kg;
    let rendering = 0, began = 0;
    const before = () => (began = performance.now());
    const after = () => (rendering += performance.now() - began);
    await frame();
    let cost = 0;
    for (const event of ['enterNode', 'leaveNode']) {
      const t = performance.now();
      sigma.emit(event, { node });
      cost += performance.now() - t;
      rendering = 0;
      sigma.on('beforeRender', before);
      sigma.on('afterRender', after);
      await frame();
      sigma.off('beforeRender', before);
      sigma.off('afterRender', after);
      cost += rendering;
    }
    return cost;
  };

  // From typing the query and Enter to the frame that shows the selection.
  bench.search = async (query) => {
    const input = document.getElementById('search');
    const t = performance.now();
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    const picked = () => document.querySelector('#panel h2')?.textContent ?? '';
    while (picked() === '') await new Promise((done) => setTimeout(done, 5));
    await frame();
    return { ms: performance.now() - t, picked: picked() };
  };

  // The main thread's share spent in long tasks, and the frames drawn, over the next ms milliseconds.
  bench.load = async (ms) => {
    const from = performance.now();
    let frames = 0;
    const count = () => { frames++; if (performance.now() - from < ms) requestAnimationFrame(count); };
    requestAnimationFrame(count);
    await new Promise((done) => setTimeout(done, ms));
    const to = performance.now();
    const busy = bench.longTasks.reduce((sum, [start, duration]) => sum + Math.max(0, Math.min(to, start + duration) - Math.max(from, start)), 0);
    return { busy: busy / (to - from), fps: frames / ((to - from) / 1000) };
  };`;

/** What the viewer exposes for tests (viewer/src/main.ts), and what PROBE adds. */
type BenchWindow = Window & {
  __kg: { sigma: Sigma; graph: MultiDirectedGraph };
  __bench: {
    hover(node: string): Promise<number>;
    search(query: string): Promise<{ ms: number; picked: string }>;
    load(ms: number): Promise<{ busy: number; fps: number }>;
  };
};

interface Round {
  payloadBytes: number;
  readyMs: number;
  firstFrameMs: number;
  hoverMs: number;
  hubHoverMs: number;
  searchMs: number;
  searchPicked: string;
  layoutBusyShare: number;
  layoutFps: number;
  stopMs: number;
  stopWallMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function round(browser: Browser, url: string): Promise<Round> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  let payloadBytes = 0;
  page.on('requestfinished', async (request) => {
    if (!new URL(request.url()).pathname.startsWith('/api/graph')) return;
    const sizes = await request.sizes();
    payloadBytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('kg:first-frame').length > 0, undefined, { timeout: 120_000, polling: 100 });
  const [readyMs, firstFrameMs] = await page.evaluate(() => ['kg:ready', 'kg:first-frame'].map((m) => performance.getEntriesByName(m)[0].startTime));

  // hovers: the five largest hubs, and five nodes spread over the rest
  const [hubs, ordinary] = await page.evaluate(() => {
    const { graph } = (window as unknown as BenchWindow).__kg;
    const byDegree = graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a));
    const step = Math.max(1, Math.floor(byDegree.length / 7));
    return [byDegree.slice(0, 5), [1, 2, 3, 4, 5].map((k) => byDegree[k * step])];
  });
  const hubCosts: number[] = [];
  const costs: number[] = [];
  for (const node of hubs) hubCosts.push(await page.evaluate((n) => (window as unknown as BenchWindow).__bench.hover(n), node));
  for (const node of ordinary) costs.push(await page.evaluate((n) => (window as unknown as BenchWindow).__bench.hover(n), node));
  const search = await page.evaluate(() => (window as unknown as BenchWindow).__bench.search('Smith'));
  await page.keyboard.press('Escape');

  // the layout: run it for three seconds, read the main thread's load, then time the Stop button's answer
  const box = (await page.locator('#layout-toggle').boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.click(centre.x, centre.y);
  const { busy, fps } = await page.evaluate(() => (window as unknown as BenchWindow).__bench.load(3000));
  const t = performance.now();
  await page.mouse.click(centre.x, centre.y);
  await page.waitForFunction(() => document.getElementById('layout-toggle')?.getAttribute('aria-pressed') === 'false', undefined, { timeout: 120_000, polling: 10 });
  const stopWallMs = performance.now() - t;
  const stopMs = await page.evaluate(() => (window as unknown as { __bench: { clicks: [string, number][] } }).__bench.clicks.filter(([id]) => id === 'layout-toggle').at(-1)![1]);
  await context.close();
  return {
    payloadBytes, readyMs, firstFrameMs, hoverMs: median(costs), hubHoverMs: median(hubCosts),
    searchMs: search.ms, searchPicked: search.picked, layoutBusyShare: busy, layoutFps: fps, stopMs, stopWallMs,
  };
}

const dir = await mkdtemp(join(tmpdir(), 'kg-bench-viewer-'));
let browser: Browser | undefined;
let server: Awaited<ReturnType<typeof createServer>> | undefined;
try {
  const graphPath = graphAt >= 0 ? args[graphAt + 1] : join(dir, 'graph.json');
  if (graphAt < 0) {
    await writeFile(graphPath, JSON.stringify(syntheticExport({ nodes, edges, documents: Math.max(10, Math.round(nodes / 5)) })));
  }
  await promisify(execFile)(process.execPath, [join(root, 'scripts', 'bundle-viewer.mjs')], { cwd: root });
  server = await createServer({ graphPath, viewerDir: join(root, 'viewer', 'dist'), port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  console.log(`graph: ${graphAt >= 0 ? graphPath : `synthetic, ${nodes.toLocaleString('en')} nodes, ${edges.toLocaleString('en')} edges`}; ${rounds} round(s)`);
  const results: Round[] = [];
  for (let r = 0; r < rounds; r++) {
    const result = await round(browser, server.url);
    results.push(result);
    console.log(`round ${r + 1}: ${JSON.stringify(result, (_k, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v))}`);
  }
  const of = (pick: (r: Round) => number) => median(results.map(pick));
  const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
  console.log(`payload as sent            ${(of((r) => r.payloadBytes) / 1e6).toFixed(2)} MB`);
  console.log(`JS ready                   ${ms(of((r) => r.readyMs))}`);
  console.log(`first frame                ${ms(of((r) => r.firstFrameMs))}`);
  console.log(`JS per hover               ${of((r) => r.hoverMs).toFixed(1)} ms (a hub: ${of((r) => r.hubHoverMs).toFixed(1)} ms)`);
  console.log(`search → painted           ${ms(of((r) => r.searchMs))} ("Smith" + Enter picked ${results[0].searchPicked})`);
  console.log(`layout: main thread busy   ${(of((r) => r.layoutBusyShare) * 100).toFixed(0)}% (${of((r) => r.layoutFps).toFixed(1)} frames/s)`);
  console.log(`Stop answers in            ${ms(of((r) => r.stopMs))} in the page (${ms(of((r) => r.stopWallMs))} through the browser and the driver)`);
} finally {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
}
