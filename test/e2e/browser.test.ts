import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, kg, serve } from '../helpers.js';

/** The user's path: build the seeds, `kg serve`, search Rubio in a real browser, read the panel. */
describe('end to end: the viewer on the seed graph', function () {
  this.timeout(120_000);
  let out: string;
  let server: { url: string; child: ChildProcess };
  let browser: Browser;

  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'kg-browser-'));
    const run = await kg(['build', 'seeds', '--out', out]);
    expect(run.code, run.stderr).to.equal(0);
    server = await serve(['--graph', join(out, 'graph.json')]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    server?.child.kill();
    await rm(out, { recursive: true, force: true });
  });

  /** The viewer loaded and "Rubio" searched, with the page's errors collected. */
  async function rubio(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('entities'));
    await page.fill('#search', 'Rubio');
    await page.press('#search', 'Enter');
    return { page, errors };
  }

  it('finds Rubio by search and shows Sheinbaum and a source sentence in the panel', async () => {
    const { page, errors } = await rubio();
    await page.waitForSelector('#panel [data-node-id]');
    expect(await page.textContent('#panel h2')).to.equal('Marco Rubio');
    const neighbours = await page.locator('#panel [data-node-id]').allTextContents();
    expect(neighbours.some((n) => n.includes('Claudia Sheinbaum'))).to.equal(true);
    // sentences are fetched for the selection, after the panel shows its relations
    await page.waitForSelector('#panel .source');
    const sources = await page.locator('#panel .source').allTextContents();
    expect(sources.some((s) => /Rubio met with Mexican President Claudia Sheinbaum/.test(s))).to.equal(true);
    await page.fill('#search', 'Sheinbaum');
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Claudia Sheinbaum');
    await page.waitForSelector('#panel .phrases');
    const written = await page.locator('#panel .phrases').allTextContents();
    expect(written.some((w) => w.includes('any U.S. military intervention')), written.join(' / ')).to.equal(true);
    await page.fill('#search', 'Rubio');
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Marco Rubio');
    if (process.env.KG_SCREENSHOT) await page.screenshot({ path: process.env.KG_SCREENSHOT });
    expect(errors).to.deep.equal([]);
  });

  it('opens the article a sentence was read from, served by kg serve, with the sentence marked', async () => {
    const { page, errors } = await rubio();
    await page.waitForSelector('#panel .source .doc');
    const source = page.locator('#panel .source').first();
    const sentence = (await source.locator('.sentence').textContent())!;
    await source.locator('.doc').click();
    await page.waitForSelector('#reader mark');
    expect(await page.textContent('#reader mark')).to.equal(sentence);
    expect((await page.textContent('#reader h2'))!.length).to.be.greaterThan(0);
    expect(errors).to.deep.equal([]);
  });
});
