import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { FastifyInstance } from 'fastify';
import { documentsPathOf, toDocumentsJsonl, writeGraph, type DocumentText } from '../../src/export/index.js';
import { buildApp, GraphLoadError } from '../../src/serve/index.js';
import { DocumentTexts } from '../../src/serve/documents.js';
import type { KnowledgeGraph } from '../../src/graph/types.js';
import { HOSTILE, sampleGraph } from '../fixtures/graph.js';

/** The sample graph's two documents, one dated and titled, one named by an absolute path as older builds did. */
function graphOf(documents: DocumentText[]): KnowledgeGraph {
  const graph = sampleGraph();
  const [first, second] = graph.getAttribute('documents');
  graph.setAttribute('documents', [
    { ...first, title: 'Rubio in Mexico', date: '2025-09-03', dateSource: 'dateline' },
    { ...second, path: join(tmpdir(), 'secret', second.id) },
    ...documents.slice(2).map(({ id }) => ({ id, path: id })),
  ]);
  return graph;
}

describe('serve: GET /api/document', () => {
  let dir: string;
  let viewerDir: string;
  let app: FastifyInstance;
  let documents: DocumentText[];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-serve-documents-'));
    viewerDir = join(dir, 'viewer');
    await mkdir(viewerDir);
    await writeFile(join(viewerDir, 'index.html'), '<!doctype html>');
    const [first, second] = sampleGraph().getAttribute('documents');
    documents = [
      { id: first.id, text: `Rubio met Sheinbaum.\n\n${HOSTILE}\r\nŁódź 😀 \u2028 end` },
      { id: second.id, text: 'Sheinbaum did not accept the White House proposal.' },
    ];
    const { json } = await writeGraph(graphOf(documents), join(dir, 'out'), { documents });
    app = await buildApp({ graphPath: json, viewerDir });
  });

  after(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  it("answers the document's id, path, title, date and where the date was read, with its text as JSON data", async () => {
    const response = await get(`/api/document?id=${encodeURIComponent(documents[0].id)}`);
    expect(response.statusCode).to.equal(200);
    expect(response.headers['content-type']).to.match(/^application\/json/);
    expect(response.json()).to.deep.equal({ id: documents[0].id, path: `corpus/${documents[0].id}`, title: 'Rubio in Mexico', date: '2025-09-03', dateSource: 'dateline', text: documents[0].text });
    expect(response.headers['content-security-policy']).to.be.a('string');
  });

  it('shows no absolute path: a document so named is served by its id', async () => {
    const response = await get(`/api/document?id=${encodeURIComponent(documents[1].id)}`);
    expect(response.json()).to.deep.equal({ id: documents[1].id, path: documents[1].id, text: documents[1].text });
  });

  for (const url of ['/api/document', '/api/document?id=', '/api/document?id=a&id=b']) {
    it(`answers 400 with an error for ${url}`, async () => {
      const response = await get(url);
      expect(response.statusCode).to.equal(400);
      expect(response.json()).to.have.property('error').that.is.a('string');
    });
  }

  it('answers 404 for an id the graph does not have', async () => {
    const response = await get('/api/document?id=nowhere.txt');
    expect(response.statusCode).to.equal(404);
    expect(response.json()).to.deep.equal({ error: 'no document "nowhere.txt" in this graph' });
  });

  it('answers 404 when no documents file was built with the graph', async () => {
    const { json } = await writeGraph(graphOf(documents), join(dir, 'bare'));
    const bare = await buildApp({ graphPath: json, viewerDir });
    const response = await bare.inject({ method: 'GET', url: `/api/document?id=${encodeURIComponent(documents[0].id)}` });
    await bare.close();
    expect(response.statusCode).to.equal(404);
    expect(response.json()).to.deep.equal({ error: 'no documents file was built with this graph' });
  });

  it('keeps showing the texts of the graph it loaded while a build switches in new ones', async () => {
    const out = join(dir, 'switched');
    const { json } = await writeGraph(graphOf(documents), out, { documents });
    const running = await buildApp({ graphPath: json, viewerDir });
    await writeGraph(graphOf(documents), out, { documents: documents.map((d) => ({ ...d, text: 'rewritten' })) });
    const response = await running.inject({ method: 'GET', url: `/api/document?id=${encodeURIComponent(documents[1].id)}` });
    await running.close();
    expect(response.json().text).to.equal(documents[1].text);
  });

  it('names a documents file whose line holds no id, and the line', async () => {
    const { json } = await writeGraph(graphOf(documents), join(dir, 'broken'));
    await writeFile(documentsPathOf(json), `${toDocumentsJsonl(documents.slice(0, 1))}{"text":"no id"}\n`);
    const error = await buildApp({ graphPath: json, viewerDir }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(GraphLoadError);
    expect((error as Error).message).to.match(/documents\.jsonl: line 2 does not open with a document id$/);
  });
});

describe('serve/documents: the documents file, indexed by offset', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-document-texts-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('finds every text of a file larger than its read chunks, ids, long lines and characters across their ends, a last line unterminated', async () => {
    const documents: DocumentText[] = Array.from({ length: 2000 }, (_, i) => ({ id: `a/${i}.txt`, text: `Article ${i}: Łódź “${'é😀'.repeat(i % 7)}”\n` }));
    documents.splice(700, 0, { id: 'long.txt', text: 'Żółw 😀 '.repeat(300_000) }, { id: 'quote"d\\id.txt', text: '' });
    const full = join(dir, 'documents.jsonl');
    await writeFile(full, toDocumentsJsonl(documents).slice(0, -1));
    const short = join(dir, 'short.jsonl');
    await writeFile(short, toDocumentsJsonl(documents.slice(0, 300)).slice(0, -1));
    const cases: [string, DocumentText[], { chunkBytes?: number }][] = [[full, documents, {}], [full, documents, { chunkBytes: 4096 }], [short, documents.slice(0, 300), { chunkBytes: 7 }]];
    for (const [path, expected, options] of cases) {
      const texts = (await DocumentTexts.open(path, options))!;
      try {
        expect(texts.size).to.equal(expected.length);
        for (const { id, text } of expected) expect(await texts.text(id), id).to.equal(text);
        expect(await texts.text('missing.txt')).to.equal(undefined);
      } finally {
        await texts.close();
      }
    }
  });

  it('is no file at all when there is none', async () => {
    expect(await DocumentTexts.open(join(dir, 'none.jsonl'))).to.equal(undefined);
  });
});
