import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { documentsPathOf, DocumentsWriter, ExportOptionError, toDocumentsJsonl, writeGraph } from '../../src/export/index.js';
import { sampleGraph } from '../fixtures/graph.js';

/** Texts a line break, a quote, a line separator or a lone surrogate must not split or garble. */
const DOCUMENTS = [
  { id: 'news/a.txt', text: 'Rubio met "Sheinbaum".\r\n\nSecond paragraph.\u2028Next line.' },
  { id: 'b.md', text: '---\ntitle: B\n---\nÉmigrés in Łódź 😀, \ud800.' },
];

describe('export/documents', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-documents-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes one line a document, id first, each line the document as it was', () => {
    const lines = toDocumentsJsonl(DOCUMENTS).split('\n');
    expect(lines).to.have.length(DOCUMENTS.length + 1);
    expect(lines.at(-1)).to.equal('');
    for (const [i, line] of lines.slice(0, -1).entries()) {
      expect(line.startsWith(`{"id":${JSON.stringify(DOCUMENTS[i].id)},`)).to.equal(true);
      expect(JSON.parse(line)).to.deep.equal(DOCUMENTS[i]);
    }
  });

  it('names the file after the graph, as the mentions file is', () => {
    expect(documentsPathOf(join('out', 'graph.json'))).to.equal(join('out', 'documents.jsonl'));
    expect(documentsPathOf(join('out', 'news.json'))).to.equal(join('out', 'news.documents.jsonl'));
  });

  it('is written with the graph, from texts in memory or streamed while reading, the same bytes either way', async () => {
    const fromMemory = await writeGraph(sampleGraph(), join(dir, 'memory'), { documents: DOCUMENTS });
    const texts = await DocumentsWriter.open(join(dir, 'streamed'));
    for (const document of DOCUMENTS) await texts.add(document);
    const streamed = await writeGraph(sampleGraph(), join(dir, 'streamed'), { documents: await texts.finish() });
    expect(streamed.documents).to.equal(join(dir, 'streamed', 'documents.jsonl'));
    expect(await readFile(streamed.documents!, 'utf8')).to.equal(await readFile(fromMemory.documents!, 'utf8'));
    expect((await readdir(join(dir, 'streamed', '.kg', 'graph'))).filter((f) => f.endsWith('.tmp'))).to.deep.equal([]);
  });

  it("refuses another graph's documents file", async () => {
    const texts = await DocumentsWriter.open(dir, 'news');
    const error = await writeGraph(sampleGraph(), dir, { documents: await texts.finish() }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ExportOptionError);
  });

  it('leaves nothing when a build discards what it staged', async () => {
    const texts = await DocumentsWriter.open(dir);
    await texts.add(DOCUMENTS[0]);
    await texts.discard();
    expect(await readdir(join(dir, '.kg', 'graph'))).to.deep.equal([]);
  });
});
