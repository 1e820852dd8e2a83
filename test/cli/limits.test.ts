import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ROOT, kg } from '../helpers.js';

/** Words of the sample articles without their sentence ends: prose the parser works hard on, that never stops. */
async function endlessWords(): Promise<string[]> {
  const seeds = await readdir(join(ROOT, 'seeds'));
  const text = (await Promise.all(seeds.map((f) => readFile(join(ROOT, 'seeds', f), 'utf8')))).join(' ');
  return text.replace(/[.!?:;"'…]/g, ' ').split(/\s+/).filter(Boolean);
}

function run(words: string[], count: number): string {
  return Array.from({ length: count }, (_, i) => words[i % words.length]).join(' ');
}

async function sizeOf(dir: string, file: string): Promise<number> {
  return (await stat(join(dir, file))).size;
}

describe('kg build: bounded work per sentence', function () {
  this.timeout(60_000);
  let dir: string;
  let words: string[];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-limits-'));
    words = await endlessWords();
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('builds a 5 MB file with no sentence end in under 30 s, saying in one line what it split and skipped', async () => {
    const file = join(dir, 'one-line.txt');
    let text = run(words, 1000);
    while (text.length < 5 * 1024 * 1024) text += ' ' + text;
    await writeFile(file, text);
    const started = performance.now();
    const out = join(dir, 'one-line');
    const result = await kg(['build', file, '--out', out, '--workers', '1', '--no-cache', '--no-progress']);
    expect(result.code, `text was skipped: ${result.stderr}`).to.equal(3);
    expect((performance.now() - started) / 1000).to.be.below(30);
    const lines = result.stderr.trim().split('\n');
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(/^kg: .*one-line\.txt: text without a sentence end split at \d+ places.*; [\d,]+ characters .* skipped$/);
    for (const f of ['graph.json', 'graph.gexf']) expect(await sizeOf(out, f)).to.be.below(3 * text.length);
  });

  it('builds a 20,000-word sentence in under 30 s, in parts no longer than the bound, into graph files under 3× its size', async () => {
    const file = join(dir, 'long-sentence.txt');
    const text = run(words, 20_000) + '.\n';
    await writeFile(file, text);
    const started = performance.now();
    const out = join(dir, 'long-sentence');
    const result = await kg(['build', file, '--out', out, '--workers', '1', '--no-cache', '--no-progress']);
    expect(result.code, result.stderr).to.equal(0);
    expect((performance.now() - started) / 1000).to.be.below(30);
    expect(result.stderr.trim().split('\n')).to.have.length(1);
    expect(result.stderr).to.match(/long-sentence\.txt: text without a sentence end split at \d+ places into parts of at most 1,000 characters\n$/);
    const graph = JSON.parse(await readFile(join(out, 'graph.json'), 'utf8'));
    for (const edge of graph.edges) for (const s of edge.attributes.sources ?? []) expect(text.slice(s.start, s.end).length).to.be.at.most(1000);
    // each sentence's text is stored once, not copied into each edge it supports
    for (const f of ['graph.json', 'graph.gexf']) expect(await sizeOf(out, f), f).to.be.below(3 * text.length);
  });
});
