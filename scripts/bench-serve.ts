/**
 * Load on the server, on loopback only: `kg serve` runs in its own process, a small load generator (Node's http,
 * keep-alive, N connections) asks it for neighbours, search and the whole graph for a bounded time and count, and
 * the server's RSS is read from /proc before, at peak and after. `neighbours` asks for the 200 most mentioned
 * entities in turn (as readers do: the server keeps each answer after the first asking, query/answers);
 * `neighbours 1st` asks for every node once, each a question never answered before, so nothing kept helps. Then stalled readers: clients that ask for
 * /api/graph and never read it.
 *
 *   npm run bench:serve -- [--graph graph-out/graph.json] [--connections 50] [--seconds 10] [--stalled 500]
 *
 * Without --graph (or when it is missing) a synthetic graph of 10,000 nodes and 50,000 edges is served.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MultiDirectedGraph } from 'graphology';
import { writeGraph } from '../src/export/index.js';
import type { KnowledgeGraph } from '../src/graph/index.js';

const { values } = parseArgs({
  options: {
    graph: { type: 'string', default: 'graph-out/graph.json' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    stalled: { type: 'string', default: '500' },
  },
});
const CONNECTIONS = Math.min(200, Math.max(1, Number(values.connections)));
const SECONDS = Math.min(60, Math.max(1, Number(values.seconds)));
const STALLED = Math.min(2000, Math.max(0, Number(values.stalled)));
/** A bound on requests per endpoint, whatever the time allows. */
const MAX_REQUESTS = 200_000;
const HOST = '127.0.0.1';

function syntheticGraph(): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ name: 'synthetic', documents: [{ id: 'd', path: 'd.txt' }], createdAt: new Date(0).toISOString(), sentences: [] });
  const sentences = graph.getAttribute('sentences');
  for (let i = 0; i < 10_000; i++) {
    graph.addNode(`n${i}`, { label: `Entity ${i}`, type: 'person', aliases: [`Entity ${i}`], mentions: 1 + (i % 7), docs: ['d'], centrality: 0, community: 0, size: 1, color: '#000', x: i, y: -i });
  }
  for (let k = 0; graph.size < 50_000; k++) {
    const s = `n${Math.floor(((k * 7919) % 10_000) ** 2 / 10_000)}`;
    const t = `n${(k * 104_729 + 13) % 10_000}`;
    if (s === t) continue;
    const sentence = sentences.push(`Entity ${s} said something about ${t} in sentence ${k}.`) - 1;
    graph.addDirectedEdgeWithKey(`${s}|r${k % 50}|${t}|${k}`, s, t, { relation: `r${k % 50}`, label: `r${k % 50}`, weight: 1, sources: [{ doc: 'd', start: k, end: k + 10, sentence }], negated: false, modality: [], attribution: [], subjectPhrases: [], objectPhrases: [], size: 1, color: '#000' });
  }
  return graph;
}

async function startServer(graphPath: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['bin/kg.js', 'serve', '--graph', graphPath, '--port', '0', '--host', HOST], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) ok(Number(m[1]));
    });
    child.on('exit', (code) => fail(new Error(`kg serve exited ${code}: ${out}`)));
  });
  return { child, port };
}

/** The server's resident memory, from /proc. */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** Samples RSS until stopped; gives the peak. */
function rssSampler(pid: number): { stop: () => Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await rssMb(pid).catch(() => 0));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peak;
    },
  };
}

interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

/** CONNECTIONS clients, each asking again as soon as it has its answer, for SECONDS or `maxRequests`. */
async function load(port: number, paths: () => string, maxRequests = MAX_REQUESTS): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  let asked = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const one = () =>
    new Promise<void>((done) => {
      const t = performance.now();
      const req = request({ host: HOST, port, path: paths(), agent, headers: { host: `${HOST}:${port}` } }, (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          if (res.statusCode !== 200) errors++;
          latencies.push(performance.now() - t);
          done();
        });
      });
      req.on('error', () => {
        errors++;
        done();
      });
      req.end();
    });
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline && asked++ < maxRequests) await one();
    }),
  );
  agent.destroy();
  return { requests: latencies.length, errors, seconds: (performance.now() - started) / 1000, latencies };
}

/** FNV-1a: a fixed order unrelated to size or name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193) >>> 0;
  return h;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function stalledReader(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, HOST, () => {
      socket.write(`GET /api/graph HTTP/1.1\r\nHost: ${HOST}:${port}\r\n\r\n`);
      socket.pause();
      resolve(socket);
    });
    socket.on('error', reject);
  });
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (n: number) => `${n.toFixed(0)} MB`;

async function main(): Promise<void> {
  let temp: string | undefined;
  let graphPath = values.graph!;
  if (!existsSync(graphPath)) {
    temp = await mkdtemp(join(tmpdir(), 'kg-bench-serve-'));
    graphPath = (await writeGraph(syntheticGraph(), temp)).json;
    console.log(`no graph at ${values.graph}: serving a synthetic one of 10,000 nodes and 50,000 edges`);
  }
  const graph = JSON.parse(await readFile(graphPath, 'utf8')) as { nodes: { key: string; attributes: { label: string; mentions: number } }[] };
  // every node once, in an order fixed by its key's hash: questions the server has never answered, so none is kept
  const everyNode = graph.nodes.map((n) => n.key).sort((a, b) => hash(a) - hash(b) || a.localeCompare(b));
  const names = graph.nodes.sort((a, b) => b.attributes.mentions - a.attributes.mentions).slice(0, 200).map((n) => n.attributes.label);
  const { child, port } = await startServer(graphPath);
  try {
    console.log(`kg serve (pid ${child.pid}) on ${HOST}:${port}; ${CONNECTIONS} connections, ${SECONDS} s per endpoint\n`);
    let i = 0;
    const next = <T>(list: T[]) => list[i++ % list.length];
    let j = 0;
    const endpoints: [string, () => string, number?][] = [
      ['neighbours', () => `/api/neighbours?entity=${encodeURIComponent(next(names))}`],
      ['neighbours 1st', () => `/api/neighbours?entity=${encodeURIComponent(everyNode[j++])}`, everyNode.length],
      ['search', () => `/api/search?q=${encodeURIComponent(next(names).slice(0, 4))}`],
      ['graph', () => '/api/graph'],
    ];
    console.log('endpoint         req/s    p50 ms   p99 ms  errors   RSS before → peak → after');
    for (const [name, path, maxRequests] of endpoints) {
      const before = await rssMb(child.pid!);
      const sampler = rssSampler(child.pid!);
      const result = await load(port, path, maxRequests);
      const peak = await sampler.stop();
      await settle(1000);
      const after = await rssMb(child.pid!);
      const sorted = result.latencies.sort((a, b) => a - b);
      console.log(
        `${name.padEnd(14)} ${(result.requests / result.seconds).toFixed(0).padStart(7)} ${percentile(sorted, 50).toFixed(1).padStart(9)} ${percentile(sorted, 99).toFixed(1).padStart(8)} ${String(result.errors).padStart(7)}   ${mb(before)} → ${mb(peak)} → ${mb(after)}`,
      );
    }
    if (STALLED > 0) {
      const before = await rssMb(child.pid!);
      const sockets: Socket[] = [];
      for (let k = 0; k < STALLED; k++) sockets.push(await stalledReader(port));
      await settle(2000);
      const peak = await rssMb(child.pid!);
      for (const socket of sockets) socket.destroy();
      await settle(2000);
      const after = await rssMb(child.pid!);
      console.log(`\n${STALLED} stalled /api/graph readers: RSS ${mb(before)} → ${mb(peak)} → ${mb(after)} after they closed`);
    }
  } finally {
    child.kill('SIGTERM');
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}

await main();
