import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ExportOptionError, writeGraph } from '../../src/export/index.js';
import { sampleGraph, sampleMentions } from '../fixtures/graph.js';

/** The files a user sees: the generations behind them live in .kg. */
async function visible(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f !== '.kg');
}

describe('export/writeGraph', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-write-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function writeOld(): Promise<void> {
    await writeFile(join(dir, 'graph.json'), 'old json');
    await writeFile(join(dir, 'graph.gexf'), 'old gexf');
    await writeFile(join(dir, 'mentions.jsonl'), 'old mentions');
  }

  it('writes graph.json and graph.gexf, creating the directory', async () => {
    const out = join(dir, 'nested', 'out');
    const written = await writeGraph(sampleGraph(), out);
    expect(written).to.deep.equal({ json: join(out, 'graph.json'), gexf: join(out, 'graph.gexf') });
    expect(JSON.parse(await readFile(written.json, 'utf8')).nodes).to.have.length(6);
    expect(await readFile(written.gexf, 'utf8')).to.match(/^<\?xml/);
    expect(await visible(out)).to.have.members(['graph.json', 'graph.gexf']);
  });

  it('replaces previous files and honours the name option', async () => {
    await writeOld();
    await writeGraph(sampleGraph(), dir);
    await writeGraph(sampleGraph(), dir, { name: 'news' });
    expect(await readFile(join(dir, 'graph.json'), 'utf8')).to.match(/^\{/);
    await writeGraph(sampleGraph(), dir, { name: 'news', mentions: sampleMentions() });
    expect(await readFile(join(dir, 'mentions.jsonl'), 'utf8')).to.equal('old mentions');
    expect(await visible(dir)).to.have.members(['graph.json', 'graph.gexf', 'mentions.jsonl', 'news.json', 'news.gexf', 'news.mentions.jsonl']);
  });

  it('writes mentions.jsonl with the graph when given the mentions, a line each', async () => {
    const written = await writeGraph(sampleGraph(), dir, { mentions: sampleMentions() });
    expect(written.mentions).to.equal(join(dir, 'mentions.jsonl'));
    const lines = (await readFile(written.mentions!, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).to.deep.equal(sampleMentions());
    expect(lines[2]).to.deep.equal({ doc: 'news/rubio-visit.txt', start: 200, end: 205, text: 'Rubio', entity: 'marco-rubio', type: 'person', sentence: 3 });
    const nodes = new Set(JSON.parse(await readFile(written.json, 'utf8')).nodes.map((n: { key: string }) => n.key));
    for (const m of lines) expect(nodes.has(m.entity), m.entity).to.equal(true);
    expect(await visible(dir)).to.have.members(['graph.json', 'graph.gexf', 'mentions.jsonl']);
  });

  it('rejects a name that would leave the directory', async () => {
    for (const name of ['../graph', 'a/b', '', '.hidden']) {
      await writeGraph(sampleGraph(), dir, { name }).then(
        () => expect.fail(`accepted ${name}`),
        (error) => expect(error).to.be.instanceOf(ExportOptionError),
      );
    }
  });

  it('leaves the previous files intact when serialisation throws', async () => {
    await writeOld();
    const graph = sampleGraph();
    // JSON.stringify cannot serialise a BigInt.
    graph.setNodeAttribute('mexico', 'mentions', 10n as unknown as number);
    await writeGraph(graph, dir, { mentions: sampleMentions() }).then(
      () => expect.fail('should have thrown'),
      (error) => expect(error).to.be.instanceOf(TypeError),
    );
    expect(await readFile(join(dir, 'graph.json'), 'utf8')).to.equal('old json');
    expect(await readFile(join(dir, 'graph.gexf'), 'utf8')).to.equal('old gexf');
    expect(await readFile(join(dir, 'mentions.jsonl'), 'utf8')).to.equal('old mentions');
    expect(await visible(dir)).to.have.members(['graph.json', 'graph.gexf', 'mentions.jsonl']);
  });

  it('stages each file as it is serialised, and removes what it staged when a later file throws', async () => {
    await writeOld();
    const mentions = sampleMentions();
    // graph.json and graph.gexf are staged by the time the mentions fail: JSON.stringify cannot serialise a BigInt
    mentions[0] = { ...mentions[0], start: 1n as unknown as number };
    await writeGraph(sampleGraph(), dir, { mentions }).then(
      () => expect.fail('should have thrown'),
      (error) => expect(error).to.be.instanceOf(TypeError),
    );
    expect(await readFile(join(dir, 'graph.json'), 'utf8')).to.equal('old json');
    expect(await readFile(join(dir, 'mentions.jsonl'), 'utf8')).to.equal('old mentions');
    const store = join(dir, '.kg', 'graph');
    expect((await readdir(store).catch(() => [])).filter((f) => f.startsWith('.staged-'))).to.deep.equal([]);
  });

  it('leaves no half-written file when the GEXF fails while it is streamed', async () => {
    await writeOld();
    const graph = sampleGraph();
    // graph.json takes a number for a list; the GEXF, joining the list, throws once its file is open
    graph.setNodeAttribute('mexico', 'aliases', 5 as unknown as string[]);
    await writeGraph(graph, dir).then(
      () => expect.fail('should have thrown'),
      (error) => expect(error).to.be.instanceOf(TypeError),
    );
    expect(await readFile(join(dir, 'graph.gexf'), 'utf8')).to.equal('old gexf');
    expect((await readdir(join(dir, '.kg', 'graph'))).filter((f) => f.startsWith('.staged-'))).to.deep.equal([]);
  });
});
