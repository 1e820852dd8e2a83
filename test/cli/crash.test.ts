import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { exec, KG, ROOT } from '../helpers.js';

/** What `kg build` writes, all from one generation. */
const FILES = ['graph.json', 'graph.gexf', 'mentions.jsonl', 'merges.tsv', 'documents.jsonl'];
/** A fixed createdAt, so that two uncut builds of the same input over the same folder write the same bytes. */
const ENV = { ...process.env, SOURCE_DATE_EPOCH: '1757000000' };

type Generation = Record<string, string>;

interface BuildRun {
  /** From the build's generation folder appearing under .kg to the build's exit, when it appeared. */
  writeMs?: number;
  /** Killed by the test, rather than finished before the kill came. */
  killed: boolean;
  code: number | null;
}

/**
 * Runs `kg build inputs --out out`; with `killAt` (a fraction of the write phase), kills it (SIGKILL) that long after
 * its new generation folder appears in out/.kg/graph, where the build writes its files before switching to them.
 */
async function build(inputs: string[], out: string, cache: string, killAt?: { fraction: number; phaseMs: number }): Promise<BuildRun> {
  // generations already there (a killed build's) are removed as a build starts: only a new one marks its writing
  const before = new Set(await readdir(join(out, '.kg', 'graph')));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [KG, 'build', ...inputs, '--out', out, '--cache', cache, '--workers', '1', '--no-progress'], { cwd: ROOT, env: ENV, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let writing: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(join(out, '.kg', 'graph'), (_event, entry) => {
      if (writing !== undefined || !entry?.startsWith('gen-') || before.has(entry)) return;
      writing = performance.now();
      if (killAt) timer = setTimeout(() => child.kill('SIGKILL'), killAt.fraction * killAt.phaseMs);
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      watcher.close();
      clearTimeout(timer);
      if (signal === null && code !== 0) fail(new Error(`kg build exited ${code}: ${stderr}`));
      else done({ writeMs: writing === undefined ? undefined : performance.now() - writing, killed: signal === 'SIGKILL', code });
    });
  });
}

/** The files a user opens, after checking each is whole: graph.json parses, the GEXF is well-formed XML, every JSONL line parses. */
async function complete(dir: string): Promise<Generation> {
  const files: Generation = {};
  for (const file of FILES) files[file] = await readFile(join(dir, file), 'utf8');
  JSON.parse(files['graph.json']);
  await exec('xmllint', ['--noout', join(dir, 'graph.gexf')]);
  for (const file of ['mentions.jsonl', 'documents.jsonl']) {
    expect(files[file].endsWith('\n'), `${file} ends mid-line`).to.equal(true);
    for (const line of files[file].trimEnd().split('\n')) JSON.parse(line);
  }
  expect(files['merges.tsv'].endsWith('\n'), 'merges.tsv ends mid-line').to.equal(true);
  return files;
}

/** Which of the known generations the folder shows, every file of it; fails on a mix, a torn or a missing file. */
async function whichGeneration(dir: string, known: Record<string, Generation>): Promise<string> {
  const files = await complete(dir);
  const tag = Object.keys(known).find((t) => FILES.every((f) => known[t][f] === files[f]));
  expect(tag, `files of different generations: ${FILES.map((f) => `${f} ${Object.keys(known).filter((t) => known[t][f] === files[f]).join('/') || '?'}`).join(', ')}`).to.not.equal(undefined);
  return tag!;
}

/** Anything in the folder beyond the five files and one generation behind them: a build's leftovers. */
async function leftovers(dir: string): Promise<string[]> {
  const found = (await readdir(dir)).filter((f) => !FILES.includes(f) && f !== '.kg');
  found.push(...(await readdir(join(dir, '.kg'))).filter((f) => f !== 'graph').map((f) => `.kg/${f}`));
  const store = await readdir(join(dir, '.kg', 'graph'));
  const generations = store.filter((f) => f.startsWith('gen-'));
  found.push(...store.filter((f) => f !== 'current' && !f.startsWith('gen-')).map((f) => `.kg/graph/${f}`));
  if (generations.length !== 1) found.push(...generations.map((f) => `.kg/graph/${f}`));
  else found.push(...(await readdir(join(dir, '.kg', 'graph', generations[0]))).filter((f) => !FILES.includes(f)).map((f) => `.kg/graph/${generations[0]}/${f}`));
  return found;
}

interface CrashOutcome {
  /** The generation the folder showed after the kill: the one before the build, or the build's. */
  shown: 'old' | 'new';
  killed: boolean;
  /** The killed build had left files behind (a generation not switched to, a temporary, its lock). */
  leftBehind: boolean;
}

/**
 * Kills `kg build` of the five sample articles over a folder holding the build of three of them, at a random moment
 * of its write phase (from its generation folder appearing to its exit, as the last uncut build took), then checks
 * that the folder shows a complete old or a complete new generation, and that the next build leaves nothing behind.
 */
async function crashTrials(trials: number): Promise<CrashOutcome[]> {
  const work = await mkdtemp(join(tmpdir(), 'kg-crash-'));
  try {
    const seeds = (await readdir(join(ROOT, 'seeds'))).sort().map((f) => join('seeds', f));
    const cache = join(work, 'cache');
    const old = join(work, 'old');
    const dir = join(work, 'out');
    await exec(process.execPath, [KG, 'build', ...seeds.slice(0, 3), '--out', old, '--cache', cache, '--workers', '1', '--no-progress'], { cwd: ROOT, env: ENV });
    const restore = async () => {
      await rm(dir, { recursive: true, force: true });
      await cp(old, dir, { recursive: true, verbatimSymlinks: true });
    };
    await restore();
    const first = await build(seeds, dir, cache);
    const known = { old: await complete(old), new: await complete(dir) };
    for (const file of ['graph.json', 'mentions.jsonl', 'documents.jsonl']) expect(known.old[file]).to.not.equal(known.new[file]);
    let phaseMs = first.writeMs!;
    const outcomes: CrashOutcome[] = [];
    for (let i = 0; i < trials; i++) {
      await restore();
      const run = await build(seeds, dir, cache, { fraction: Math.random(), phaseMs });
      expect(run.writeMs, 'the build never started writing').to.not.equal(undefined);
      const shown = (await whichGeneration(dir, known)) as CrashOutcome['shown'];
      const leftBehind = (await leftovers(dir)).length > 0;
      const next = await build(seeds, dir, cache);
      expect(next.code).to.equal(0);
      await complete(dir);
      expect(await leftovers(dir), 'left after the next build').to.deep.equal([]);
      phaseMs = next.writeMs ?? phaseMs;
      outcomes.push({ shown, killed: run.killed, leftBehind });
    }
    return outcomes;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

describe('kg build: killed in its write phase', () => {
  it('leaves a complete old or a complete new generation after kill -9, and the next build leaves nothing behind', async function () {
    const trials = Number(process.env.KG_CRASH_TRIALS ?? 3);
    this.timeout(60_000 + trials * 20_000); // three builds before the trials, two a trial; scripts/crash-test.sh runs 50
    const outcomes = await crashTrials(trials);
    expect(outcomes).to.have.length(trials);
    if (process.env.KG_CRASH_TRIALS) {
      const count = (test: (o: CrashOutcome) => boolean) => outcomes.filter(test).length;
      console.log(
        `      ${count((o) => o.killed)} of ${trials} builds killed while writing (the rest finished first): old generation shown ${count((o) => o.shown === 'old')}, new ${count((o) => o.shown === 'new')}; ${count((o) => o.leftBehind)} left files the next build removed`,
      );
    }
  });
});
