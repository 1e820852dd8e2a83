import { cp, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ROOT, kg } from '../helpers.js';

/** What `kg build` writes; all of it must match byte for byte where the builds should agree. */
const OUTPUTS = ['graph.json', 'graph.gexf', 'mentions.jsonl', 'merges.tsv', 'documents.jsonl'];
/** Builds compared byte for byte share a creation time. */
const env = { SOURCE_DATE_EPOCH: '1700000000' };

async function outputs(dir: string): Promise<Map<string, string>> {
  return new Map(await Promise.all(OUTPUTS.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as [string, string])));
}

/** graph.json without positions: what a warm rebuild must share with a cold one. */
async function graphWithoutPositions(dir: string): Promise<unknown> {
  const graph = JSON.parse(await readFile(join(dir, 'graph.json'), 'utf8'));
  for (const node of graph.nodes) {
    delete node.attributes.x;
    delete node.attributes.y;
  }
  return graph;
}

async function cacheEntries(out: string): Promise<string[]> {
  const [version, ...others] = await readdir(join(out, '.cache'));
  expect(others, 'one analysis version').to.deep.equal([]);
  return readdir(join(out, '.cache', version));
}

describe('kg build: workers and the analysis cache', function () {
  this.timeout(120_000);
  let dir: string;
  let seeds: string[];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-build-'));
    seeds = (await readdir(join(ROOT, 'seeds'))).sort();
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes the same files, byte for byte, with one worker and with two', async () => {
    const runs = await Promise.all(
      [1, 2].map((workers) => kg(['build', 'seeds', '--out', join(dir, `w${workers}`), '--workers', String(workers), '--no-cache'], { env })),
    );
    for (const run of runs) expect(run.code, run.stderr).to.equal(0);
    expect(await outputs(join(dir, 'w2'))).to.deep.equal(await outputs(join(dir, 'w1')));
  });

  it('re-extracts only an added article, and builds what a cold build of the new corpus builds, positions aside', async () => {
    const corpus = join(dir, 'corpus');
    const warm = join(dir, 'warm');
    for (const f of seeds.slice(0, -1)) await cp(join(ROOT, 'seeds', f), join(corpus, f));
    const first = await kg(['build', corpus, '--out', warm], { env });
    expect(first.stdout).to.contain(`(${seeds.length - 1} extracted, 0 from the cache;`);
    await cp(join(ROOT, 'seeds', seeds.at(-1)!), join(corpus, seeds.at(-1)!));
    const second = await kg(['build', corpus, '--out', warm], { env });
    expect(second.code, second.stderr).to.equal(0);
    expect(second.stdout).to.contain(`(1 extracted, ${seeds.length - 1} from the cache;`);
    const cold = await kg(['build', corpus, '--out', join(dir, 'cold'), '--no-cache'], { env });
    expect(cold.code, cold.stderr).to.equal(0);
    expect(await graphWithoutPositions(warm)).to.deep.equal(await graphWithoutPositions(join(dir, 'cold')));
    for (const f of ['mentions.jsonl', 'merges.tsv', 'documents.jsonl']) expect(await readFile(join(warm, f), 'utf8'), f).to.equal(await readFile(join(dir, 'cold', f), 'utf8'));
    expect(await cacheEntries(warm)).to.have.length(seeds.length);
  });

  it('keeps the positions of the nodes an earlier build placed', async () => {
    const positions = async (out: string) =>
      new Map<string, [number, number]>(JSON.parse(await readFile(join(out, 'graph.json'), 'utf8')).nodes.map((n: { key: string; attributes: { x: number; y: number } }) => [n.key, [n.attributes.x, n.attributes.y]]));
    const before = await positions(join(dir, 'warm'));
    const run = await kg(['build', join(dir, 'corpus'), '--out', join(dir, 'warm')], { env });
    expect(run.stdout).to.contain(`(0 extracted, ${seeds.length} from the cache;`);
    expect(await positions(join(dir, 'warm'))).to.deep.equal(before);
  });

  it('leaves nothing of a removed article: no node, edge or mention, no cache entry', async () => {
    const removed = seeds[0];
    await rm(join(dir, 'corpus', removed));
    const run = await kg(['build', join(dir, 'corpus'), '--out', join(dir, 'warm')], { env });
    expect(run.code, run.stderr).to.equal(0);
    const graph = JSON.parse(await readFile(join(dir, 'warm', 'graph.json'), 'utf8'));
    expect(graph.nodes.filter((n: { attributes: { docs: string[] } }) => n.attributes.docs.includes(removed))).to.deep.equal([]);
    expect(graph.edges.filter((e: { attributes: { sources: { doc: string }[] } }) => e.attributes.sources.some((s) => s.doc === removed))).to.deep.equal([]);
    expect(await readFile(join(dir, 'warm', 'mentions.jsonl'), 'utf8')).not.to.contain(`"doc":"${removed}"`);
    expect(await cacheEntries(join(dir, 'warm'))).to.have.length(seeds.length - 1);
  });

  it('re-extracts a changed article, and articles whose cache entry is damaged', async () => {
    const out = join(dir, 'warm');
    await cp(join(ROOT, 'seeds', seeds[2]), join(dir, 'corpus', seeds[1]));
    const changed = await kg(['build', join(dir, 'corpus'), '--out', out], { env });
    expect(changed.stdout).to.contain(`(1 extracted, ${seeds.length - 2} from the cache;`);
    const [version] = await readdir(join(out, '.cache'));
    for (const entry of await cacheEntries(out)) await writeFile(join(out, '.cache', version, entry), '{"doc": {"id"');
    const damaged = await kg(['build', join(dir, 'corpus'), '--out', out], { env });
    expect(damaged.code, damaged.stderr).to.equal(0);
    expect(damaged.stdout).to.contain(`(${seeds.length - 1} extracted, 0 from the cache;`);
  });

  it('lists each document with its title and date, its text in documents.jsonl, a date from the file time of this build, not the cache', async () => {
    const corpus = join(dir, 'dated');
    const out = join(dir, 'dated-out');
    await cp(join(ROOT, 'seeds'), corpus, { recursive: true });
    await writeFile(join(corpus, 'front.md'), '---\ntitle: Sheinbaum in Washington\ndate: 2025-09-05\n---\nRubio met Sheinbaum in Mexico City.\n');
    const touched = seeds[0];
    await utimes(join(corpus, touched), new Date('2024-02-29T12:00:00Z'), new Date('2024-02-29T12:00:00Z'));
    const documentsOf = async () => JSON.parse(await readFile(join(out, 'graph.json'), 'utf8')).attributes.documents as { id: string; title?: string; date?: string; dateSource?: string }[];
    const first = await kg(['build', corpus, '--out', out], { env });
    expect(first.code, first.stderr).to.equal(0);
    const documents = await documentsOf();
    expect(documents.find((d) => d.id === 'front.md')).to.include({ title: 'Sheinbaum in Washington', date: '2025-09-05', dateSource: 'front matter' });
    expect(documents.find((d) => d.id === touched)).to.include({ date: '2024-02-29', dateSource: 'file' });
    expect(documents.find((d) => d.id === seeds[4])).to.include({ title: 'Rubio Meets Mexico President Amidst Trump Military Show', date: '2025-09-03', dateSource: 'dateline' });
    const lines = (await readFile(join(out, 'documents.jsonl'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).to.deep.equal(documents.map((d) => d.id));
    for (const { id, text } of lines) expect(text, id).to.equal(await readFile(join(corpus, id), 'utf8'));
    const mentions = (await readFile(join(out, 'mentions.jsonl'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(mentions.filter((m) => m.doc === 'front.md').map((m) => m.text)).not.to.include('Washington');

    await utimes(join(corpus, touched), new Date('2024-03-01T12:00:00Z'), new Date('2024-03-01T12:00:00Z'));
    const warm = await kg(['build', corpus, '--out', out], { env });
    expect(warm.stdout).to.contain(`(0 extracted, ${seeds.length + 1} from the cache;`);
    expect((await documentsOf()).find((d) => d.id === touched)).to.include({ date: '2024-03-01', dateSource: 'file' });
  });

  it('names each document by its path relative to where the build ran, even when given an absolute path', async () => {
    const out = join(dir, 'relative');
    const run = await kg(['build', join(ROOT, 'seeds', seeds[0]), join(ROOT, 'seeds', seeds[1]), '--out', out, '--no-cache'], { cwd: join(ROOT, 'seeds') });
    expect(run.code, run.stderr).to.equal(0);
    const { documents } = JSON.parse(await readFile(join(out, 'graph.json'), 'utf8')).attributes;
    expect(documents.map((d: { path: string }) => d.path)).to.deep.equal([seeds[0], seeds[1]]);
  });
});
