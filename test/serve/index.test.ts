import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';

import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { FastifyInstance } from 'fastify';
import { writeGraph } from '../../src/export/index.js';
import type { EntityMentions, NeighbourResult } from '../../src/query/index.js';
import { buildApp, createServer, GraphLoadError, ServeOptionError } from '../../src/serve/index.js';
import { HOSTILE, sampleGraph, sampleMentions } from '../fixtures/graph.js';

/** Written next to the viewer directory and inside it as a dotfile: must never be served. */
const SECRET = 'TOP-SECRET-do-not-serve';

const TRAVERSALS = [
  '/../package.json',
  '/%2e%2e/package.json',
  '/..%2fpackage.json',
  '/%2e%2e%2fpackage.json',
  '/viewer/../../package.json',
  '/%252e%252e/package.json',
  '/..%5cpackage.json',
  '/.secret',
];

/** The raw request line, so that no client normalises the path first. */
function rawGet(url: string, path: string, head?: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(head ?? `GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`);
    });
    let response = '';
    socket.on('data', (chunk) => (response += chunk));
    socket.on('end', () => resolve(response));
    socket.on('error', reject);
  });
}

describe('serve', () => {
  let dir: string;
  let viewerDir: string;
  let graphPath: string;
  let gexfPath: string;
  let app: FastifyInstance;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-serve-'));
    viewerDir = join(dir, 'viewer');
    await mkdir(viewerDir);
    await writeFile(join(viewerDir, 'index.html'), '<!doctype html><title>viewer</title><script src="app.js"></script>');
    await writeFile(join(viewerDir, 'app.js'), 'console.log("viewer");');
    await writeFile(join(viewerDir, '.secret'), SECRET);
    await writeFile(join(dir, 'package.json'), JSON.stringify({ secret: SECRET }));
    ({ json: graphPath, gexf: gexfPath } = await writeGraph(sampleGraph(), join(dir, 'out'), { mentions: sampleMentions() }));
    app = await buildApp({ graphPath, viewerDir });
  });

  after(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  describe('viewer', () => {
    it('serves index.html at / with the security headers', async () => {
      const response = await get('/');
      expect(response.statusCode).to.equal(200);
      expect(response.headers['content-type']).to.match(/^text\/html/);
      expect(response.body).to.include('<title>viewer</title>');
      expect(response.headers['x-content-type-options']).to.equal('nosniff');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).to.include("default-src 'self'");
      expect(csp).to.include("script-src 'self'");
      expect(csp).to.include("worker-src 'self' blob:");
      expect(csp).to.include("style-src 'self' 'unsafe-inline'");
      expect(csp).to.include("img-src 'self' data: blob:");
      expect(csp).not.to.match(/\*|unsafe-eval|https?:/);
    });

    it('serves the viewer files', async () => {
      const response = await get('/app.js');
      expect(response.statusCode).to.equal(200);
      expect(response.headers['content-type']).to.match(/javascript/);
    });

    it('puts the security headers on API answers and errors too', async () => {
      for (const url of ['/api/graph', '/api/search', '/api/mentions?entity=marco-rubio', '/api/mentions', '/missing.js']) {
        expect((await get(url)).headers['x-content-type-options'], url).to.equal('nosniff');
      }
    });

    for (const path of TRAVERSALS) {
      it(`serves nothing outside the viewer for ${path}`, async () => {
        const response = await get(path);
        expect([400, 404]).to.include(response.statusCode);
        expect(response.body).not.to.include(SECRET);
      });
    }
  });

  describe('GET /api/graph', () => {
    it('answers the graphology JSON', async () => {
      const response = await get('/api/graph');
      expect(response.statusCode).to.equal(200);
      expect(response.headers['content-type']).to.match(/^application\/json/);
      const data = response.json();
      expect(data.nodes).to.have.length(6);
      expect(data.edges).to.have.length(8);
      expect(data.nodes.find((n: { key: string }) => n.key === 'hostile').attributes.label).to.equal(HOSTILE);
    });

    it('leaves out the sentences, fetched per entity or edge, and keeps the documents each edge is read in', async () => {
      const data = (await get('/api/graph')).json();
      expect(data.attributes.sentences).to.equal(undefined);
      expect(data.attributes.documents).to.have.length(2);
      const e4 = data.edges.find((e: { key: string }) => e.key === 'e4');
      expect(e4.attributes.sources).to.equal(undefined);
      expect(e4.attributes.objectPhrases).to.equal(undefined);
      expect(e4.attributes.docs).to.deep.equal(['news/rubio-visit.txt', 'news/tariffs.txt']);
      expect(e4.attributes).to.include({ relation: 'president of', weight: 3 });
    });

    it('answers brotli before gzip to a client that takes both', async () => {
      const plain = await get('/api/graph');
      const br = await app.inject({ url: '/api/graph', headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.headers['content-encoding']).to.equal('br');
      expect(brotliDecompressSync(br.rawPayload).toString('utf8')).to.equal(plain.body);
      const refused = await app.inject({ url: '/api/graph', headers: { 'accept-encoding': 'gzip, br;q=0' } });
      expect(refused.headers['content-encoding']).to.equal('gzip');
    });

    it('shows no absolute path of an input, even from a graph built before paths were stored relative', async () => {
      const graph = sampleGraph();
      graph.setAttribute('documents', [{ id: 'news/a.txt', path: '/home/someone/corpus/news/a.txt' }, { id: 'b.txt', path: 'corpus/b.txt' }]);
      const { json } = await writeGraph(graph, join(dir, 'absolute'));
      const old = await buildApp({ graphPath: json, viewerDir });
      try {
        const body = (await old.inject({ url: '/api/graph' })).json();
        expect(body.attributes.documents).to.deep.equal([{ id: 'news/a.txt', path: 'news/a.txt' }, { id: 'b.txt', path: 'corpus/b.txt' }]);
      } finally {
        await old.close();
      }
    });

    it('answers gzip to a client that takes it, the same bytes to every request, and 304 to one that has them', async () => {
      const plain = await get('/api/graph');
      const zipped = await app.inject({ url: '/api/graph', headers: { 'accept-encoding': 'gzip, deflate' } });
      expect(zipped.headers['content-encoding']).to.equal('gzip');
      expect(gunzipSync(zipped.rawPayload).toString('utf8')).to.equal(plain.body);
      expect(Number(zipped.headers['content-length'])).to.equal(zipped.rawPayload.length);
      expect(plain.headers.vary).to.match(/accept-encoding/i);
      expect((await get('/api/graph')).body).to.equal(plain.body);
      const cached = await app.inject({ url: '/api/graph', headers: { 'if-none-match': String(plain.headers.etag) } });
      expect(cached.statusCode).to.equal(304);
      expect(cached.body).to.equal('');
    });
  });

  describe('Host names', () => {
    const withHost = (host: string | undefined, url = '/api/graph') => app.inject({ method: 'GET', url, headers: { host } });

    for (const host of ['localhost', 'localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'LOCALHOST.']) {
      it(`answers to ${host}`, async () => {
        expect((await withHost(host)).statusCode).to.equal(200);
      });
    }

    for (const host of ['evil.example', 'evil.example:8080', '127.0.0.1.nip.io', 'localhost.evil.example', '10.0.0.1']) {
      it(`refuses ${host} with 421 and the security headers: a rebound DNS name must not read the graph`, async () => {
        const response = await withHost(host);
        expect(response.statusCode).to.equal(421);
        expect(response.json().error).to.match(/does not answer to the host name/);
        expect(response.body).not.to.include('Marco Rubio');
        expect(response.headers['x-content-type-options']).to.equal('nosniff');
      });
    }

    it('answers 400 to a request without a usable Host', async () => {
      expect((await withHost('a b')).statusCode).to.equal(400);
    });

    it('answers to the name it was bound to', async () => {
      const named = await buildApp({ graphPath, viewerDir, host: 'kg.internal' });
      try {
        expect((await named.inject({ url: '/api/graph', headers: { host: 'kg.internal:8080' } })).statusCode).to.equal(200);
        expect((await named.inject({ url: '/api/graph', headers: { host: 'other.internal' } })).statusCode).to.equal(421);
      } finally {
        await named.close();
      }
    });
  });

  describe('malformed URLs', () => {
    it("gives fastify's own 400 the security headers", async () => {
      for (const url of ['/%', '/api/%zz', '/%E0%A4%A']) {
        const response = await get(url);
        expect(response.statusCode, url).to.be.oneOf([400, 404]);
        expect(response.headers['x-content-type-options'], url).to.equal('nosniff');
        expect(String(response.headers['content-security-policy']), url).to.include("default-src 'self'");
      }
    });
  });

  describe('GET /api/neighbours', () => {
    it('answers the neighbours of a name', async () => {
      const response = await get('/api/neighbours?entity=Rubio%27s&depth=2&direction=out');
      expect(response.statusCode).to.equal(200);
      const result = response.json() as NeighbourResult;
      expect(result.entity.id).to.equal('marco-rubio');
      expect(result.neighbours.map((n) => n.id)).to.include.members(['claudia-sheinbaum', 'mexico', 'white-house']);
    });

    it('applies relation and type filters', async () => {
      const byRelation = (await get('/api/neighbours?entity=marco-rubio&relation=meet')).json() as NeighbourResult;
      expect(byRelation.neighbours.map((n) => n.relation)).to.deep.equal(['meet']);
      const byType = (await get('/api/neighbours?entity=Mexico&type=organization')).json() as NeighbourResult;
      expect(byType.neighbours.map((n) => n.id)).to.deep.equal(['white-house']);
    });

    const bad = [
      '/api/neighbours',
      '/api/neighbours?entity=',
      '/api/neighbours?entity=Rubio&depth=abc',
      '/api/neighbours?entity=Rubio&depth=0',
      '/api/neighbours?entity=Rubio&depth=6',
      '/api/neighbours?entity=Rubio&depth=1.5',
      '/api/neighbours?entity=Rubio&depth=1&depth=2',
      '/api/neighbours?entity=Rubio&direction=sideways',
      '/api/neighbours?entity=Rubio&type=animal',
    ];
    for (const url of bad) {
      it(`answers 400 with an error for ${url.slice('/api/neighbours'.length) || 'no parameters'}`, async () => {
        const response = await get(url);
        expect(response.statusCode).to.equal(400);
        expect(response.json()).to.have.property('error').that.is.a('string');
      });
    }

    it('answers 404 with an error for an unknown entity', async () => {
      const response = await get('/api/neighbours?entity=Atlantis');
      expect(response.statusCode).to.equal(404);
      expect(response.json()).to.deep.equal({ error: 'no entity named "Atlantis"' });
    });
  });

  describe('GET /api/mentions', () => {
    it('answers where the entity is named, grouped by document, read once from mentions.jsonl beside the graph', async () => {
      const response = await get('/api/mentions?entity=marco-rubio');
      expect(response.statusCode).to.equal(200);
      const result = response.json() as EntityMentions;
      expect(result.entity).to.deep.include({ id: 'marco-rubio', label: 'Marco Rubio' });
      expect(result.total).to.equal(5);
      expect(result.byDocument.map((d) => [d.doc, d.count])).to.deep.equal([['news/rubio-visit.txt', 4], ['news/tariffs.txt', 1]]);
      expect(result.byDocument[0].forms).to.deep.equal([{ text: 'Rubio', count: 3 }, { text: 'Marco Rubio', count: 1 }]);
    });

    it('takes a name as well as a key, and returns text as JSON data', async () => {
      const result = (await get('/api/mentions?entity=%3Cscript%3E')).json() as EntityMentions;
      expect(result.entity.id).to.equal('hostile');
      expect(result.byDocument[0].forms).to.deep.equal([{ text: HOSTILE, count: 1 }]);
    });

    for (const url of ['/api/mentions', '/api/mentions?entity=', '/api/mentions?entity=a&entity=b']) {
      it(`answers 400 for ${url}`, async () => {
        const response = await get(url);
        expect(response.statusCode).to.equal(400);
        expect(response.json()).to.have.property('error').that.is.a('string');
      });
    }

    it('answers 404 for an unknown entity', async () => {
      const response = await get('/api/mentions?entity=Atlantis');
      expect(response.statusCode).to.equal(404);
      expect(response.json()).to.deep.equal({ error: 'no entity named "Atlantis"' });
    });

    it('answers 404 when no mentions file sits beside the graph', async () => {
      const alone = join(dir, 'alone');
      const { json } = await writeGraph(sampleGraph(), alone);
      const bare = await buildApp({ graphPath: json, viewerDir });
      const response = await bare.inject({ method: 'GET', url: '/api/mentions?entity=marco-rubio' });
      await bare.close();
      expect(response.statusCode).to.equal(404);
      expect(response.json()).to.deep.equal({ error: 'no mentions file was loaded with this graph' });
    });
  });

  describe('GET /api/search', () => {
    it('answers ranked summaries', async () => {
      const response = await get('/api/search?q=washington&limit=1');
      expect(response.statusCode).to.equal(200);
      expect(response.json()).to.deep.equal([
        { id: 'united-states', label: 'United States', type: 'place', aliases: ['United States', 'U.S.', 'America', 'Washington'], mentions: 7 },
      ]);
    });

    for (const url of ['/api/search', '/api/search?q=', '/api/search?q=a&limit=0', '/api/search?q=a&limit=x']) {
      it(`answers 400 for ${url}`, async () => {
        const response = await get(url);
        expect(response.statusCode).to.equal(400);
        expect(response.json()).to.have.property('error');
      });
    }
  });

  describe('GET /api/relations and /api/edge: sentences on demand', () => {
    it("answers an entity's relations with the first sentences of each, their texts and offsets", async () => {
      const response = await get('/api/relations?entity=claudia-sheinbaum&sentences=1');
      expect(response.statusCode).to.equal(200);
      const { entity, relations } = response.json();
      expect(entity).to.equal('claudia-sheinbaum');
      expect(relations.map((r: { edge: string }) => r.edge).sort()).to.deep.equal(['e1', 'e2', 'e4', 'e8']);
      const e4 = relations.find((r: { edge: string }) => r.edge === 'e4');
      expect(e4).to.include({ source: 'claudia-sheinbaum', target: 'mexico', total: 3 });
      expect(e4.sources).to.deep.equal([{ doc: 'news/rubio-visit.txt', start: 120, end: 189, text: 'Claudia Sheinbaum, the president of Mexico, said the talks went well.' }]);
    });

    it('takes a name as well as a key', async () => {
      expect((await get('/api/relations?entity=Sheinbaum')).json().entity).to.equal('claudia-sheinbaum');
    });

    it('answers every sentence of one edge', async () => {
      const edge = (await get('/api/edge?id=e4')).json();
      expect(edge.sources.map((s: { text: string }) => s.text)).to.deep.equal([
        'Claudia Sheinbaum, the president of Mexico, said the talks went well.',
        'Sheinbaum is president of Mexico.',
        'Mexican President Claudia Sheinbaum rejected the plan.',
      ]);
      expect(edge).to.include({ label: 'president of', total: 3 });
    });

    it('answers 404 for an unknown entity or edge and 400 for a bad count', async () => {
      expect((await get('/api/relations?entity=nobody-at-all')).statusCode).to.equal(404);
      expect((await get('/api/edge?id=e99')).statusCode).to.equal(404);
      expect((await get('/api/edge')).statusCode).to.equal(400);
      expect((await get('/api/relations?entity=mexico&sentences=0')).statusCode).to.equal(400);
      expect((await get('/api/relations?entity=mexico&sentences=x')).statusCode).to.equal(400);
    });
  });

  describe('POST /api/gexf: the GEXF of a view', () => {
    it('answers the GEXF of the nodes and edges named, leaving out the rest and unknown keys', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/gexf', payload: { nodes: ['marco-rubio', 'claudia-sheinbaum', 'nobody'], edges: ['e1', 'e3', 'e99'] } });
      expect(response.statusCode).to.equal(200);
      expect(response.headers['content-type']).to.match(/^application\/gexf\+xml/);
      expect(response.body.match(/<node /g)).to.have.length(2);
      expect(response.body.match(/<edge /g)).to.have.length(1);
      expect(response.body).to.include('Marco Rubio met with Claudia Sheinbaum in Mexico City on Thursday.');
    });

    it('answers 400 to a body without node and edge lists', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/gexf', payload: { nodes: 'marco-rubio' } });
      expect(response.statusCode).to.equal(400);
    });
  });

  describe('GET /graph.gexf', () => {
    it('offers the GEXF the build wrote beside the graph, byte for byte, as an attachment', async () => {
      const response = await get('/graph.gexf');
      expect(response.rawPayload.equals(await readFile(gexfPath))).to.equal(true);
    });

    it('generates the GEXF when no file sits beside the graph', async () => {
      await mkdir(join(dir, 'without-gexf'));
      const alone = join(dir, 'without-gexf', 'graph.json');
      await writeFile(alone, JSON.stringify(sampleGraph().export()));
      const generating = await buildApp({ graphPath: alone, viewerDir });
      const response = await generating.inject({ method: 'GET', url: '/graph.gexf' });
      await generating.close();
      expect(response.statusCode).to.equal(200);
      expect(response.headers['content-disposition']).to.equal('attachment; filename="graph.gexf"');
      expect(response.headers['content-type']).to.match(/^application\/gexf\+xml/);
      expect(response.body).to.match(/^<\?xml/);
      expect(response.body).to.include('&lt;script>');
    });

    it("offers only the GEXF written with this graph, not another graph's beside it", async () => {
      const other = sampleGraph();
      other.setAttribute('name', 'other');
      const { json, gexf } = await writeGraph(other, join(dir, 'out'), { name: 'other' });
      const otherApp = await buildApp({ graphPath: json, viewerDir });
      const response = await otherApp.inject({ method: 'GET', url: '/graph.gexf' });
      await otherApp.close();
      expect(gexf).to.match(/other\.gexf$/);
      expect(response.rawPayload.equals(await readFile(gexf))).to.equal(true);
      expect(response.rawPayload.equals(await readFile(gexfPath))).to.equal(false);
    });

    it('offers the given GEXF file when there is one', async () => {
      const custom = join(dir, 'custom.gexf');
      await writeFile(custom, '<?xml version="1.0"?><gexf version="1.3"/>');
      const withFile = await buildApp({ graphPath, gexfPath: custom, viewerDir });
      const response = await withFile.inject({ method: 'GET', url: '/graph.gexf' });
      await withFile.close();
      expect(response.body).to.equal('<?xml version="1.0"?><gexf version="1.3"/>');
      expect(gexfPath).to.match(/graph\.gexf$/);
    });
  });

  describe('start-up errors', () => {
    async function startError(options: Parameters<typeof createServer>[0]): Promise<Error> {
      return createServer({ port: 0, ...options }).then(
        async (server) => {
          await server.close();
          return expect.fail('server started');
        },
        (error: Error) => error,
      );
    }

    it('names a missing graph file in one line', async () => {
      const error = await startError({ graphPath: join(dir, 'nope.json'), viewerDir });
      expect(error).to.be.instanceOf(GraphLoadError);
      expect(error.message).to.equal(`cannot load graph ${join(dir, 'nope.json')}: no such file`);
    });

    it('names an unparsable graph file in one line', async () => {
      const broken = join(dir, 'broken.json');
      await writeFile(broken, '{"nodes": [\n');
      const error = await startError({ graphPath: broken, viewerDir });
      expect(error).to.be.instanceOf(GraphLoadError);
      expect(error.message).to.match(/^cannot load graph .*broken\.json: not a graphology JSON graph \(.+\)$/);
      expect(error.message).not.to.include('\n');
    });

    it('rejects JSON that is not a knowledge graph', async () => {
      const other = join(dir, 'other.json');
      await writeFile(other, JSON.stringify({ nodes: [{ key: 'a', attributes: { name: 'x' } }], edges: [] }));
      expect(await startError({ graphPath: other, viewerDir })).to.be.instanceOf(GraphLoadError);
    });

    it('names a malformed mentions file and its line', async () => {
      const folder = join(dir, 'bad-mentions');
      const { json } = await writeGraph(sampleGraph(), folder);
      await writeFile(join(folder, 'mentions.jsonl'), '{"doc":"a","start":0,"end":5,"text":"Rubio","entity":"marco-rubio"}\n{"doc":"a","start":-1,"end":5,"text":"Rubio","entity":"marco-rubio"}\n');
      const error = await startError({ graphPath: json, viewerDir });
      expect(error).to.be.instanceOf(GraphLoadError);
      expect(error.message).to.match(/mentions\.jsonl: line 2: start and end must be offsets/);
    });

    it('rejects a missing viewer directory and a bad port', async () => {
      expect(await startError({ graphPath, viewerDir: join(dir, 'none') })).to.be.instanceOf(ServeOptionError);
      expect(await startError({ graphPath, viewerDir, port: 70000 })).to.be.instanceOf(ServeOptionError);
    });
  });

  describe('createServer', () => {
    it('listens on 127.0.0.1 at a free port and reports the real URL', async () => {
      const server = await createServer({ graphPath, viewerDir, port: 0 });
      try {
        expect(server.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(server.url).not.to.match(/:0$/);
        const response = await fetch(`${server.url}/api/search?q=rubio`);
        expect(response.status).to.equal(200);
        expect(((await response.json()) as { id: string }[])[0].id).to.equal('marco-rubio');
        expect(response.headers.get('x-content-type-options')).to.equal('nosniff');
        for (const path of TRAVERSALS) {
          const raw = await rawGet(server.url, path);
          expect(raw, path).to.match(/^HTTP\/1\.1 40[04] /);
          expect(raw, path).not.to.include(SECRET);
        }
        expect(await rawGet(server.url, '', 'GET /api/graph HTTP/1.0\r\n\r\n')).to.match(/^HTTP\/1\.1 400 /);
        expect(await rawGet(server.url, '', 'GET /api/graph HTTP/1.1\r\nHost: rebound.example\r\nConnection: close\r\n\r\n')).to.match(/^HTTP\/1\.1 421 /);
      } finally {
        await server.close();
      }
    });
  });
});
