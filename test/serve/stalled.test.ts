import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { MultiDirectedGraph } from 'graphology';
import { writeGraph } from '../../src/export/index.js';
import type { KnowledgeGraph } from '../../src/graph/index.js';
import { createServer, type RunningServer } from '../../src/serve/index.js';

/** 10,000 nodes and 50,000 edges shaped like ours: the size at which each stalled reader used to cost megabytes. */
function largeGraph(): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ name: 'large', documents: [{ id: 'd', path: 'd.txt' }], createdAt: '2025-01-01T00:00:00.000Z', sentences: [] });
  const sentences = graph.getAttribute('sentences');
  for (let i = 0; i < 10_000; i++) {
    graph.addNode(`n${i}`, { label: `Entity ${i}`, type: 'person', aliases: [`Entity ${i}`], mentions: 1, docs: ['d'], centrality: 0, community: 0, size: 1, color: '#000', x: i, y: -i });
  }
  for (let k = 0; graph.size < 50_000; k++) {
    const s = `n${(k * 7919) % 10_000}`;
    const t = `n${(k * 104_729 + 13) % 10_000}`;
    if (s === t) continue;
    const sentence = sentences.push(`Entity ${s} said something about entity ${t} in sentence ${k}.`) - 1;
    graph.addDirectedEdgeWithKey(`${s}|r${k % 50}|${t}|${k}`, s, t, { relation: `r${k % 50}`, label: `r${k % 50}`, weight: 1, sources: [{ doc: 'd', start: k, end: k + 10, sentence }], negated: false, modality: [], attribution: [], subjectPhrases: [], objectPhrases: [], size: 1, color: '#000' });
  }
  return graph;
}

/** A client that asks for the graph and then never reads a byte of the answer. */
function stalledReader(url: string, gzip: boolean): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET /api/graph HTTP/1.1\r\nHost: ${hostname}\r\n${gzip ? 'Accept-Encoding: gzip\r\n' : ''}\r\n`);
      socket.pause();
      resolve(socket);
    });
    socket.on('error', reject);
  });
}

const rssMb = (): number => process.memoryUsage().rss / 1024 / 1024;
const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('serve: stalled readers of /api/graph', function () {
  this.timeout(60_000);
  let dir: string;
  let server: RunningServer;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-stalled-'));
    await mkdir(join(dir, 'viewer'));
    await writeFile(join(dir, 'viewer', 'index.html'), '<!doctype html>');
    const { json } = await writeGraph(largeGraph(), join(dir, 'out'));
    server = await createServer({ graphPath: json, viewerDir: join(dir, 'viewer'), port: 0 });
  });
  after(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('costs next to nothing per reader: 200 of them, plain and gzip, raise RSS by less than 100 MB', async () => {
    // one full answer of each kind first, so the shared bytes and their gzip form are made before measuring
    for (const encoding of ['identity', 'gzip']) await (await fetch(`${server.url}/api/graph`, { headers: { 'accept-encoding': encoding } })).arrayBuffer();
    global.gc?.();
    await settle(200);
    const before = rssMb();
    const sockets = await Promise.all(Array.from({ length: 200 }, (_, i) => stalledReader(server.url, i % 2 === 1)));
    await settle(1500);
    const peak = rssMb();
    for (const socket of sockets) socket.destroy();
    await settle(500);
    expect(peak - before, `RSS ${before.toFixed(0)} → ${peak.toFixed(0)} MB`).to.be.below(100);
    const answer = await fetch(`${server.url}/api/search?q=Entity%201`);
    expect(answer.status).to.equal(200);
  });
});
