/**
 * The speed report (issues 8 and 9): kg-news's extraction, and kg build with one worker and with all, against
 * compromise's own parse of the same text on one core; a warm rebuild after adding one article, peak memory, and
 * neighbour query latency. It runs the built code (dist/, `npm run build`).
 * Rounds are interleaved and medians printed, so a noisy shared machine moves every figure alike.
 *
 *   npm run bench [-- [files, folders or globs...] [--rounds 2] [--quick]]
 *
 * Default corpus: all the text in ../shared/eval (gum-xdoc GUM_*.txt, redocred dev and test). --quick takes
 * its first 150 articles and one round.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MultiDirectedGraph } from 'graphology';
import { readSources, type SourceText } from '../src/ingest/index.js';
import { loadGraph } from '../src/serve/load.js';
import { createServer } from '../src/serve/index.js';
import { neighbours } from '../src/query/index.js';
import type { KnowledgeGraph } from '../src/graph/index.js';

const run = promisify(execFile);
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : quick ? 1 : 2;
const inputs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds');
const root = join(import.meta.dirname, '..');
const kgBin = join(root, 'bin', 'kg.js');
const evalDir = join(root, '..', 'shared', 'eval');
const defaultInputs = [join(evalDir, 'gum-xdoc', 'GUM_*.txt'), join(evalDir, 'redocred', 'dev', '*.txt'), join(evalDir, 'redocred', 'test', '*.txt')];
const workers = availableParallelism();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The corpus copied flat into one folder, so every timed process reads the same files. */
async function prepareCorpus(dir: string): Promise<{ folder: string; last: string; words: number; articles: number }> {
  const sources: SourceText[] = [];
  for await (const s of readSources(inputs.length ? inputs : defaultInputs)) sources.push(s);
  const chosen = quick ? sources.slice(0, 150) : sources;
  const folder = join(dir, 'corpus');
  await Promise.all(chosen.map((s, i) => cp(s.path, join(folder, `${String(i).padStart(5, '0')}-${s.id.replace(/\//g, '_')}`))));
  const last = `${String(chosen.length - 1).padStart(5, '0')}-${chosen.at(-1)!.id.replace(/\//g, '_')}`;
  const words = chosen.reduce((n, s) => n + (s.text.match(/\S+/g)?.length ?? 0), 0);
  return { folder, last, words, articles: chosen.length };
}

/** Wall time and CPU time (every thread of the process), in ms. */
interface Timing {
  ms: number;
  cpuMs: number;
}

/**
 * Every article of the folder read into memory in a fresh process, then `each(text, file, dir)` run on each in
 * turn on one thread; the wall and CPU time of that loop alone.
 */
async function timedInFreshProcess(folder: string, imports: string, each: string): Promise<Timing> {
  const script = `
    import { readdirSync, readFileSync } from 'node:fs';
    ${imports}
    const dir = ${JSON.stringify(folder)};
    const files = readdirSync(dir).sort();
    const texts = files.map((f) => readFileSync(dir + '/' + f, 'utf8'));
    const each = ${each};
    const t = performance.now();
    const cpu = process.cpuUsage();
    texts.forEach((text, i) => each(text, files[i], dir));
    const used = process.cpuUsage(cpu);
    console.log(performance.now() - t, (used.user + used.system) / 1000);`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
  const [ms, cpuMs] = stdout.trim().split(' ').map(Number);
  return { ms, cpuMs };
}

/** compromise's parse of every article in a fresh process, one core: the floor. */
const floor = (folder: string) => timedInFreshProcess(folder, "import nlp from 'compromise';", '(text) => nlp(text)');

/**
 * kg-news's extraction of the same articles in a fresh process, one thread, timed as the floor is: each text
 * read first, then analysed (tokens, names, triples, and resolution within the article: what a worker does per
 * article, pipeline analyseDocument), without the corpus-wide stages that `kg build` adds (issue 8's measure).
 */
const extraction = (folder: string) =>
  timedInFreshProcess(
    folder,
    `import { analyseDocument } from ${JSON.stringify(join(root, 'dist', 'src', 'pipeline.js'))};
    import { documentFromText } from ${JSON.stringify(join(root, 'dist', 'src', 'ingest', 'index.js'))};`,
    "(text, file, dir) => analyseDocument(documentFromText(file, text, dir + '/' + file))",
  );

interface BuildRun extends Timing {
  summary: string;
  rssMb: number;
}

/** Prints the process's CPU time (all threads) to stderr as it exits: on a shared machine it moves less than wall time. */
const CPU_REPORT = `data:text/javascript,process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\nkg-bench-cpu-ms ' + (u.user + u.system) / 1000 + '\\n'); });`;

/** One kg build process, timed from start to exit. */
async function build(inputs: string[], out: string, extra: string[]): Promise<BuildRun> {
  const t = performance.now();
  const { stdout, stderr } = await run(process.execPath, ['--import', CPU_REPORT, kgBin, 'build', ...inputs, '--out', out, '--no-progress', ...extra], { cwd: root, maxBuffer: 1 << 26 });
  const ms = performance.now() - t;
  const cpuMs = Number(/kg-bench-cpu-ms ([\d.]+)/.exec(stderr)?.[1] ?? NaN);
  return { ms, cpuMs, summary: stdout.trim(), rssMb: Number(/peak RSS (\d+) MB/.exec(stdout)?.[1] ?? NaN) };
}

/** A graph of 100,000 edges shaped like ours, for the query latency target. */
function syntheticGraph(nodes: number, edges: number): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.setAttribute('sentences', []);
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (let i = 0; i < nodes; i++) {
    graph.addNode(`n${i}`, { label: `Entity ${i}`, type: 'person', aliases: [`Entity ${i}`, `E${i}`], mentions: 1, docs: ['d'], centrality: 0, community: 0, size: 1, color: '#000', x: 0, y: 0 });
  }
  for (let k = 0; graph.size < edges; k++) {
    const s = `n${Math.floor(rand() ** 2 * nodes)}`;
    const t = `n${Math.floor(rand() * nodes)}`;
    if (s === t) continue;
    const source = { doc: 'd', start: k, end: k + 10, sentence: graph.getAttribute('sentences').push(`Entity says something of another, sentence ${k}.`) - 1 };
    graph.addDirectedEdgeWithKey(`${s}|r${k % 50}|${t}`, s, t, { relation: `r${k % 50}`, label: `r${k % 50}`, weight: 1, sources: [source], negated: false, modality: [], attribution: [], subjectPhrases: [], objectPhrases: [], size: 1, color: '#000' });
  }
  return graph;
}

function latencies(graph: KnowledgeGraph, queries: string[]): number[] {
  for (const q of queries.slice(0, 200)) neighbours(graph, q); // warm up
  return queries.map((q) => {
    const t = performance.now();
    neighbours(graph, q);
    return performance.now() - t;
  });
}

async function httpLatencies(graphPath: string, queries: string[]): Promise<number[]> {
  const server = await createServer({ graphPath, viewerDir: join(root, 'viewer', 'dist'), port: 0 });
  try {
    const ask = (q: string) => fetch(`${server.url}/api/neighbours?entity=${encodeURIComponent(q)}`).then((r) => r.arrayBuffer());
    for (const q of queries.slice(0, 50)) await ask(q);
    const out: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      await ask(q);
      out.push(performance.now() - t);
    }
    return out;
  } finally {
    await server.close();
  }
}

const dir = await mkdtemp(join(tmpdir(), 'kg-bench-'));
try {
  const corpus = await prepareCorpus(dir);
  console.log(`corpus: ${corpus.articles} articles, ${corpus.words.toLocaleString('en')} words; ${workers} cores; ${rounds} interleaved round(s), medians`);
  // the warm rebuild starts from a build of every article but the last, with its cache
  const before = join(dir, 'before');
  const withoutLast = join(dir, 'without-last');
  await cp(corpus.folder, withoutLast, { recursive: true });
  await rm(join(withoutLast, corpus.last));
  await build([withoutLast], before, []);
  const samples = { floor: [] as Timing[], extraction: [] as Timing[], one: [] as Timing[], all: [] as Timing[], warm: [] as Timing[], rss: [] as number[] };
  let lastSummary = '';
  for (let r = 0; r < rounds; r++) {
    samples.floor.push(await floor(corpus.folder));
    samples.extraction.push(await extraction(corpus.folder));
    samples.one.push(await build([corpus.folder], join(dir, `one${r}`), ['--workers', '1', '--no-cache']));
    const all = await build([corpus.folder], join(dir, `all${r}`), ['--workers', String(workers), '--no-cache']);
    samples.all.push(all);
    samples.rss.push(all.rssMb);
    lastSummary = all.summary;
    const warmOut = join(dir, `warm${r}`);
    await cp(before, warmOut, { recursive: true });
    // the article added is the last one read: rebuild the full corpus folder over the earlier output and cache
    const warm = await build([corpus.folder], warmOut, ['--workers', String(workers)]);
    if (!warm.summary.includes('(1 extracted,')) throw new Error(`warm rebuild extracted more than the added article: ${warm.summary}`);
    samples.warm.push(warm);
  }
  const wall = (xs: Timing[]) => median(xs.map((x) => x.ms));
  const cpu = (xs: Timing[]) => median(xs.map((x) => x.cpuMs));
  const f = wall(samples.floor);
  const fCpu = cpu(samples.floor);
  const line = (name: string, xs: Timing[], ratio: string, cpuRatio: string) =>
    console.log(`  ${name.padEnd(44)} ${seconds(wall(xs)).padStart(9)}   ${ratio.padEnd(26)} ${seconds(cpu(xs)).padStart(9)}   ${cpuRatio}`);
  const rate = (ms: number) => `${Math.round(corpus.words / (ms / 1000)).toLocaleString('en')} words/s`;
  console.log(`\n${corpus.articles} articles, texts read first: compromise's parse and kg-news's extraction, each in a fresh process; wall and CPU time`);
  line('compromise nlp(text), one core (the floor)', samples.floor, `×1.00   ${rate(f)}`, '×1.00');
  line('extraction (analyseDocument), one core', samples.extraction, `×${(wall(samples.extraction) / f).toFixed(2)}   ${rate(wall(samples.extraction))}`, `×${(cpu(samples.extraction) / fCpu).toFixed(2)}`);
  console.log(`\nbuild of ${corpus.articles} articles: wall time of the kg process, start to exit; and CPU time, all its threads`);
  for (const [name, xs] of [['kg build --workers 1', samples.one], [`kg build --workers ${workers}`, samples.all]] as const) {
    const m = wall(xs);
    line(name, xs, `×${(m / f).toFixed(2)}   ${rate(m)}`, `×${(cpu(xs) / fCpu).toFixed(2)}`);
  }
  line(
    'warm rebuild after adding one article',
    samples.warm,
    `${((wall(samples.warm) / wall(samples.all)) * 100).toFixed(1)}% of the cold build`,
    `${((cpu(samples.warm) / cpu(samples.all)) * 100).toFixed(1)}% of the cold build's`,
  );
  console.log(`  peak RSS of the build with ${workers} workers: ${median(samples.rss)} MB`);
  console.log(`  ${lastSummary.replace(/^built .*?: /, '')}`);

  const graphPath = join(dir, 'all0', 'graph.json');
  const built = await loadGraph(graphPath);
  const names = built.mapNodes((_n, a) => a.label);
  const queries = Array.from({ length: 2000 }, (_, i) => names[(i * 7919) % names.length]);
  const inProcess = latencies(built, queries);
  const http = await httpLatencies(graphPath, queries.slice(0, 500));
  const big = syntheticGraph(20_000, 100_000);
  const bigIds = Array.from({ length: 5000 }, (_, i) => `n${(i * 7919) % 20_000}`);
  const bigNames = bigIds.map((id) => big.getNodeAttribute(id, 'label'));
  const bigPath = join(dir, 'big.json');
  await writeFile(bigPath, JSON.stringify(big.export()));
  const ms = (x: number) => `${x.toFixed(3)} ms`;
  const report = (name: string, xs: number[]) => console.log(`  ${name.padEnd(50)} p50 ${ms(median(xs)).padStart(10)}   p99 ${ms(percentile(xs, 0.99)).padStart(10)}`);
  console.log(`\nneighbour queries, after loading`);
  report(`built graph (${built.size} edges), by name, in process`, inProcess);
  report(`built graph, by name, over HTTP`, http);
  report(`${big.size.toLocaleString('en')}-edge graph, by node key, in process`, latencies(big, bigIds));
  report(`${big.size.toLocaleString('en')}-edge graph, by name, in process`, latencies(big, bigNames));
  report(`${big.size.toLocaleString('en')}-edge graph, by name, over HTTP`, await httpLatencies(bigPath, bigNames.slice(0, 500)));
} finally {
  await rm(dir, { recursive: true, force: true });
}
