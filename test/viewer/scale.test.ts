import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import type { MultiDirectedGraph } from 'graphology';
import { chromium, type Browser, type Page } from 'playwright-core';
import { syntheticGraph, syntheticMentions } from '../../scripts/synthetic-graph.js';
import { toMentionsJsonl } from '../../src/export/index.js';
import { createServer, type RunningServer } from '../../src/serve/index.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What main.ts exposes for tests. */
interface Exposed {
  graph: MultiDirectedGraph;
  sigma: { getSetting(name: string): unknown };
  view: () => { selected: string | null; filters: { hiddenTypes: string[]; largestComponent: boolean; from: string | null; to: string | null; hiddenRelations: string[] } };
  display: () => { visibility: { nodes: Set<string>; edges: Set<string> }; selection: { node: string; members: Set<string> } | null };
}
type KgWindow = Window & { __kg: Exposed };

/** Counts of what is in view: nodes by type, edges by relation. */
function inView(page: Page): Promise<{ nodes: number; edges: number; types: Record<string, number>; relations: string[] }> {
  return page.evaluate(() => {
    const { graph, display } = (window as unknown as KgWindow).__kg;
    const { nodes, edges } = display().visibility;
    const types: Record<string, number> = {};
    for (const node of nodes) {
      const type = graph.getNodeAttribute(node, 'type') as string;
      types[type] = (types[type] ?? 0) + 1;
    }
    return { nodes: nodes.size, edges: edges.size, types, relations: [...new Set([...edges].map((e) => graph.getEdgeAttribute(e, 'relation') as string))] };
  });
}

const ready = (page: Page) => page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('entities'));
const panelTitle = (page: Page) => page.textContent('#panel h2');

describe('viewer (browser) on a generated graph of 3,000 entities with the Smith traps', function () {
  this.timeout(90_000);

  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/bundle-viewer.mjs')], { cwd: ROOT });
    dir = await mkdtemp(join(tmpdir(), 'kg-viewer-scale-'));
    const graphPath = join(dir, 'graph.json');
    const graph = syntheticGraph({ nodes: 3000, edges: 9000, documents: 300, smiths: 30, seed: 7 });
    await writeFile(graphPath, JSON.stringify(graph.export()));
    await writeFile(join(dir, 'mentions.jsonl'), toMentionsJsonl(syntheticMentions(graph)));
    server = await createServer({ graphPath, viewerDir: join(ROOT, 'viewer/dist'), host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1500, height: 900 }, acceptDownloads: true });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.goto(server.url);
    await ready(page);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens on the named, connected entities: concepts and entities without relations are hidden, one click shows them', async () => {
    const first = await inView(page);
    expect(first.types.other ?? 0).to.equal(0);
    expect(first.types.person).to.be.above(100);
    expect(await page.getAttribute('#legend li[data-type="other"] button', 'aria-pressed')).to.equal('false');
    expect(await page.textContent('#status')).to.match(/^[\d,]+ of 3,000 entities/);
    expect(await page.textContent('#hidden-note')).to.match(/entities are hidden by the filters/);
    await page.click('#show-all');
    const all = await inView(page);
    expect(all.nodes).to.equal(3000);
    expect(all.types.other).to.be.above(500);
    await page.goto(server.url);
    await ready(page);
  });

  it('hides a type from the legend, and shows it again', async () => {
    const before = await inView(page);
    await page.click('#legend li[data-type="person"] button');
    const without = await inView(page);
    expect(without.types.person ?? 0).to.equal(0);
    expect(without.types.place).to.be.above(0);
    expect(await page.getAttribute('#legend li[data-type="person"] button', 'aria-pressed')).to.equal('false');
    await page.click('#legend li[data-type="person"] button');
    expect((await inView(page)).nodes).to.equal(before.nodes);
  });

  it('"Smith" + Enter selects the prominent John Smith, and the suggestions tell the Smiths apart', async () => {
    await page.fill('#search', 'Smith');
    const options = page.locator('#search-results [role="option"]');
    expect(await options.first().locator('.label').textContent()).to.equal('John Smith');
    expect(await options.first().locator('.meta').textContent()).to.equal('Person · 700 mentions · 60 docs');
    expect(await options.nth(1).locator('.meta').textContent()).to.match(/^Person · 1 mention · 1 doc$/);
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'John Smith');
    expect(await page.evaluate(() => (window as unknown as KgWindow).__kg.view().selected)).to.equal('n0');
  });

  it('groups the panel by relation, filters it, and lists documents by title and date', async () => {
    const groups = await page.locator('#panel .relations h3').allTextContents();
    expect(groups.length).to.be.above(3);
    await page.fill('#panel .relation-filter', 'travel to');
    await page.waitForFunction(() => [...document.querySelectorAll('#panel .relations')].every((g) => g.getAttribute('data-relation') === 'travel to'));
    expect(await page.locator('#panel .relations').count()).to.equal(1);
    const docs = await page.locator('#panel .documents li').allTextContents();
    expect(docs[0]).to.match(/^Article \d+: .+\d{4}-\d{2}-\d{2}$/);
    const dates = docs.map((d) => /\d{4}-\d{2}-\d{2}$/.exec(d)![0]);
    expect(dates).to.deep.equal([...dates].sort().reverse());
  });

  it('opens a document from a sentence with that sentence marked, as text', async () => {
    await page.waitForSelector('#panel .source .doc');
    const source = page.locator('#panel .source').first();
    const sentence = (await source.locator('.sentence').textContent())!;
    const { relations } = await (await fetch(`${server.url}/api/relations?entity=n0&sentences=3`)).json();
    const cited = relations.flatMap((r: { sources: { doc: string; start: number; end: number; text: string }[] }) => r.sources).find((s: { text: string }) => s.text === sentence);
    const text = `${'Filler words. '.repeat(400).slice(0, cited.start)}${sentence} And more text after it.`;
    const requested: string[] = [];
    // stubbed with a hostile title and a known text; test/e2e/browser.test.ts opens a real one
    await page.route('**/api/document?*', (route) => {
      requested.push(new URL(route.request().url()).searchParams.get('id')!);
      return route.fulfill({ json: { id: cited.doc, path: cited.doc, title: '<img src=x onerror=alert(1)> Budget talks', date: '2024-03-05', dateSource: 'dateline', text } });
    });
    await source.locator('.doc').click();
    await page.waitForSelector('#reader mark');
    expect(requested).to.deep.equal([cited.doc]);
    expect(await page.textContent('#reader mark')).to.equal(sentence);
    expect(await page.textContent('#reader h2')).to.equal('<img src=x onerror=alert(1)> Budget talks');
    expect(await page.textContent('#reader .doc-meta')).to.equal(`2024-03-05 · ${cited.doc}`);
    expect(await page.locator('img').count()).to.equal(0);
    await page.click('#reader .close');
    await page.unroute('**/api/document?*');
  });

  it('restores the selection, the filters and the camera from the URL on reload', async () => {
    await page.check('#largest-component');
    await page.selectOption('#depth', '2');
    await page.selectOption('#label-density', 'few');
    await page.waitForFunction(() => location.search.includes('largest=1') && location.search.includes('depth=2') && location.search.includes('node=n0') && location.search.includes('labels=few'));
    const before = await page.evaluate(() => ({ search: location.search, members: (window as unknown as KgWindow).__kg.display().selection!.members.size }));
    expect(before.members).to.be.above(1);
    await page.reload();
    await ready(page);
    expect(await panelTitle(page)).to.equal('John Smith');
    expect(await page.isChecked('#largest-component')).to.equal(true);
    expect(await page.inputValue('#depth')).to.equal('2');
    expect(await page.inputValue('#label-density')).to.equal('few');
    expect(await page.evaluate(() => (window as unknown as KgWindow).__kg.sigma.getSetting('labelDensity'))).to.equal(0.3);
    const after = await page.evaluate(() => {
      const { view, display } = (window as unknown as KgWindow).__kg;
      return { filters: view().filters, members: display().selection!.members.size, search: location.search };
    });
    expect(after.filters.largestComponent).to.equal(true);
    expect(after.filters.hiddenTypes).to.deep.equal(['other']);
    expect(after.members).to.equal(before.members);
    expect(new URLSearchParams(after.search).get('camera')).to.equal(new URLSearchParams(before.search).get('camera'));
  });

  it('narrows the graph to the articles of a period with the date filter', async () => {
    await page.uncheck('#largest-component');
    const all = await inView(page);
    await page.fill('#date-from', '2024-03-01');
    await page.dispatchEvent('#date-from', 'change');
    await page.fill('#date-to', '2024-03-31');
    await page.dispatchEvent('#date-to', 'change');
    const march = await inView(page);
    expect(march.nodes).to.be.above(0);
    expect(march.nodes).to.be.below(all.nodes / 3);
    const outside = await page.evaluate(() => {
      const { graph, display } = (window as unknown as KgWindow).__kg;
      const dates = new Map((graph.getAttribute('documents') as { id: string; date: string }[]).map((d) => [d.id, d.date]));
      return [...display().visibility.edges].filter((e) => !(graph.getEdgeAttribute(e, 'docs') as string[]).some((d) => dates.get(d)! >= '2024-03-01' && dates.get(d)! <= '2024-03-31')).length;
    });
    expect(outside).to.equal(0);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('to') === '2024-03-31');
    expect(new URL(page.url()).searchParams.get('from')).to.equal('2024-03-01');
    await page.fill('#date-from', '');
    await page.dispatchEvent('#date-from', 'change');
    await page.fill('#date-to', '');
    await page.dispatchEvent('#date-to', 'change');
    expect((await inView(page)).nodes).to.equal(all.nodes);
  });

  it('hides "be" and "be in" in one click', async () => {
    expect((await inView(page)).relations).to.include('be');
    await page.check('#hide-be');
    const relations = (await inView(page)).relations;
    expect(relations).to.not.include('be');
    expect(relations).to.not.include('be in');
    await page.uncheck('#hide-be');
  });

  it('downloads a PNG of the view', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#png-export')]);
    expect(download.suggestedFilename()).to.equal('graph.png');
    const png = await readFile((await download.path())!);
    expect(png.subarray(1, 4).toString('latin1')).to.equal('PNG');
    expect(png.length).to.be.above(10_000);
  });

  it('downloads the GEXF of what is in view', async () => {
    await page.click('#legend li[data-type="place"] button');
    const shown = await inView(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#gexf-view')]);
    expect(download.suggestedFilename()).to.equal('graph-view.gexf');
    const gexf = await readFile((await download.path())!, 'utf8');
    expect(gexf).to.include('<gexf');
    expect(gexf.match(/<node /g)?.length).to.equal(shown.nodes);
    expect(gexf.match(/<edge /g)?.length).to.equal(shown.edges);
    expect(gexf).to.not.include('value="place"');
    await page.click('#legend li[data-type="place"] button');
  });

  it('lists the entities in view in a sortable table, with a CSV download', async () => {
    expect(await page.evaluate(() => (window as unknown as KgWindow).__kg.display().visibility.nodes.has('n0'))).to.equal(true);
    await page.click('#table-toggle');
    const mentions = (await page.locator('#table tbody tr td:nth-child(3)').allTextContents()).map((m) => Number(m.replace(/,/g, '')));
    expect(mentions.length).to.equal(200);
    expect(mentions).to.deep.equal([...mentions].sort((a, b) => b - a));
    expect(await page.locator('#table tbody tr td:first-child', { hasText: 'John Smith' }).count()).to.equal(1);
    await page.click('#table th button[data-column="label"]');
    const labels = await page.locator('#table tbody tr td:first-child').allTextContents();
    expect(labels.slice(0, 20)).to.deep.equal([...labels.slice(0, 20)].sort((a, b) => a.localeCompare(b)));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-download')]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).to.equal('"id","entity","type","mentions","relations","pagerank","documents"');
    expect(csv).to.include('"n0","John Smith","person","700"');
    await page.click('#table .close');
  });

  it('logged no error', () => {
    expect(problems).to.deep.equal([]);
  });
});
