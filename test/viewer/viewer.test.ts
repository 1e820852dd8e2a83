import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import type { MultiDirectedGraph } from 'graphology';
import { chromium, type Browser, type Page } from 'playwright-core';
import type Sigma from 'sigma';
import { toMentionsJsonl } from '../../src/export/index.js';
import { createServer, type RunningServer } from '../../src/serve/index.js';
import { HOSTILE, sampleGraph, sampleMentions } from '../fixtures/graph.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/viewer.png';

/** What main.ts exposes for tests. */
type KgWindow = Window & {
  __kg: { sigma: Sigma; graph: MultiDirectedGraph; display: () => { selection: { node: string; members: Set<string>; edges: Set<string> } | null } };
};

async function searchFor(page: Page, text: string): Promise<void> {
  await page.fill('#search', text);
  await page.press('#search', 'Enter');
}

const panelTitle = (page: Page): Promise<string | null> => page.textContent('#panel h2');

describe('viewer (browser)', function () {
  this.timeout(60_000);

  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const dialogs: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package`);
    const started = Date.now();
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/bundle-viewer.mjs')], { cwd: ROOT });
    expect(Date.now() - started, 'bundling time (ms)').to.be.below(5_000);

    dir = await mkdtemp(join(tmpdir(), 'kg-viewer-'));
    const graphPath = join(dir, 'graph.json');
    await writeFile(graphPath, JSON.stringify(sampleGraph().export()));
    await writeFile(join(dir, 'mentions.jsonl'), toMentionsJsonl(sampleMentions()));
    server = await createServer({ graphPath, viewerDir: join(ROOT, 'viewer/dist'), host: '127.0.0.1', port: 0 });

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('entities'));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('draws the graph on sigma canvases and says how big it is', async () => {
    expect(await page.locator('#graph canvas').count()).to.be.at.least(2);
    expect(await page.textContent('#status')).to.equal('6 entities · 8 relations · 2 documents');
    expect(await page.evaluate(() => (window as unknown as KgWindow).__kg.graph.order)).to.equal(6);
    const labels = await page.locator('#legend li').allTextContents();
    expect(labels).to.deep.equal(['Person2', 'Organization1', 'Place2', 'Other1']);
  });

  it('finds an entity by its label and shows it, its neighbours and source sentences in the panel', async () => {
    await searchFor(page, 'Claudia Sheinbaum');
    await page.waitForSelector('#panel:not([hidden])');
    expect(await panelTitle(page)).to.equal('Claudia Sheinbaum');
    expect(await page.textContent('#panel .type-badge')).to.equal('Person');
    expect(await page.locator('#panel [data-node-id="marco-rubio"]').count()).to.be.at.least(1);
    await page.waitForSelector('#panel .source');
    const sources = await page.locator('#panel .source').allTextContents();
    expect(sources.some((s) => s.includes('Marco Rubio met with Claudia Sheinbaum in Mexico City on Thursday.'))).to.equal(true);
    expect(sources.some((s) => s.includes('news/rubio-visit.txt'))).to.equal(true);
    const relations = await page.locator('#panel .triple').allTextContents();
    expect(relations).to.include('Marco Rubio –met with→ Claudia Sheinbaum×2');
    expect(await page.textContent('#panel')).to.include('negated');
    await page.waitForFunction(() => !(window as unknown as KgWindow).__kg.sigma.getCamera().isAnimated());
    await page.screenshot({ path: SCREENSHOT });
  });

  it('shows where the entity is mentioned: documents, counts and the forms as written', async () => {
    await searchFor(page, 'Marco Rubio');
    await page.waitForSelector('#panel .mentions');
    expect(await page.textContent('#panel .mentions h3')).to.equal('Mentioned in 2 documents (5 times)');
    const docs = await page.locator('#panel .mention-doc .mention-head').allTextContents();
    expect(docs).to.deep.equal(['news/rubio-visit.txt×4', 'news/tariffs.txt×1']);
    const forms = await page.locator('#panel .mention-doc').first().locator('.forms li').allTextContents();
    expect(forms).to.deep.equal(['Rubio ×3', 'Marco Rubio']);
    // The section sits with the entity's facts, before its relations.
    expect(await page.evaluate(() => document.querySelector('#panel .facts')?.nextElementSibling?.className)).to.equal('mentions');
  });

  it('replaces the mentions when another entity is selected', async () => {
    await searchFor(page, 'Claudia Sheinbaum');
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Claudia Sheinbaum');
    await page.waitForSelector('#panel .mentions');
    expect(await page.locator('#panel .mentions').count()).to.equal(1);
    expect(await page.textContent('#panel .mentions h3')).to.equal('Mentioned in 2 documents (2 times)');
  });

  it('fades what is not the selected entity or a neighbour, and draws the neighbourhood above it, without touching the graph', async () => {
    const seen = await page.evaluate(() => {
      const { sigma, graph, display } = (window as unknown as KgWindow).__kg;
      const selection = display().selection!;
      return {
        selected: selection.node,
        members: [...selection.members].sort(),
        edges: [...selection.edges].sort(),
        stored: graph.getNodeAttribute('hostile', 'color'),
        shown: sigma.getNodeDisplayData('hostile')?.color,
        opacity: { nodes: sigma.getCanvases().nodes.style.opacity, focus: sigma.getCanvases().focus.style.opacity },
      };
    });
    expect(seen.selected).to.equal('claudia-sheinbaum');
    expect(seen.members).to.deep.equal(['claudia-sheinbaum', 'marco-rubio', 'mexico', 'white-house']);
    expect(seen.edges).to.deep.equal(['e1', 'e2', 'e4', 'e8']);
    expect(seen.stored).to.equal('#808080');
    expect(seen.shown).to.equal(seen.stored);
    expect(Number(seen.opacity.nodes)).to.be.below(0.5);
    expect(seen.opacity.focus).to.equal('');
  });

  it('matches any alias, case-insensitively, with suggestions', async () => {
    await page.fill('#search', 'secretary rub');
    const suggestions = await page.locator('#search-results [role="option"]').allTextContents();
    expect(suggestions).to.deep.equal(['Marco Rubio“Secretary Rubio”Person · 12 mentions · 2 docs']);
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Marco Rubio');
    await searchFor(page, 'WASHINGTON');
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'United States');
  });

  it('selects a neighbour clicked in the panel', async () => {
    await searchFor(page, 'Marco Rubio');
    await page.click('#panel button[data-node-id="mexico"]');
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Mexico');
    expect(await page.locator('#panel [data-node-id="white-house"]').count()).to.be.at.least(1);
  });

  it('shows hostile labels and sentences as text, creating no element from them', async () => {
    await searchFor(page, '<script>');
    await page.waitForFunction((label) => document.querySelector('#panel h2')?.textContent === label, HOSTILE);
    await page.waitForSelector('#panel .source');
    const sources = await page.locator('#panel .source').allTextContents();
    expect(sources.some((s) => s.includes(`The U.S. published ${HOSTILE} on its site.`))).to.equal(true);
    await page.waitForSelector('#panel .mentions');
    expect(await page.locator('#panel .mentions .forms li').allTextContents()).to.deep.equal([HOSTILE]);
    await page.fill('#search', 'script');
    expect(await page.locator('#search-results [role="option"] .label').allTextContents()).to.include(HOSTILE);
    await page.press('#search', 'Escape');
    expect(await page.locator('script').count()).to.equal(1);
    expect(await page.locator('img, iframe, object').count()).to.equal(0);
    expect(dialogs).to.deep.equal([]);
  });

  it('runs ForceAtlas2 in a worker from the layout button', async () => {
    const position = (): Promise<number[]> =>
      page.evaluate(() => {
        const { graph } = (window as unknown as KgWindow).__kg;
        return graph.mapNodes((_node, attrs) => attrs.x as number);
      });
    const before = await position();
    await page.click('#layout-toggle');
    expect(await page.getAttribute('#layout-toggle', 'aria-pressed')).to.equal('true');
    await page.waitForFunction(
      (xs) => (window as unknown as KgWindow).__kg.graph.mapNodes((_n, a) => a.x).some((x, i) => x !== xs[i]),
      before,
    );
    await page.click('#layout-toggle');
    expect(await page.getAttribute('#layout-toggle', 'aria-pressed')).to.equal('false');
    expect(await page.textContent('#layout-toggle')).to.equal('Start layout');
  });

  it('downloads the graph as GEXF', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#gexf-download')]);
    expect(download.suggestedFilename()).to.equal('graph.gexf');
    const gexf = await readFile(await download.path(), 'utf8');
    expect(gexf).to.include('<gexf');
    expect(gexf).to.include('Claudia Sheinbaum');
  });

  it('logged no console error', () => {
    expect(problems).to.deep.equal([]);
  });

  it('says clearly when the graph cannot be loaded', async () => {
    const broken = await browser.newPage();
    await broken.route('**/api/graph', (route) => route.fulfill({ status: 500, body: 'boom' }));
    await broken.goto(server.url);
    await broken.waitForSelector('#message:not([hidden])');
    expect(await broken.textContent('#message')).to.include('The graph could not be loaded');
    expect(await broken.textContent('#message')).to.include('500');
    expect(await broken.textContent('#status')).to.equal('The graph could not be loaded.');
    await broken.close();
  });
});
