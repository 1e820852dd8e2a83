import { spawn } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { cleanOutput, documentLine, DocumentsWriter, writeGeneration } from '../../src/export/index.js';
import { ROOT } from '../helpers.js';

const FILES = ['graph.json', 'graph.gexf', 'mentions.jsonl', 'merges.tsv', 'documents.jsonl'];
/** The file a build streams into the store as it reads its articles and moves into the generation at the end. */
const STAGED = 'documents.jsonl';

/** A file's content in the generation `tag`, naming it and padded so writing it takes a while. */
function contentOf(tag: string, file: string, bytes: number): string {
  return file === STAGED ? documentLine({ id: tag, text: 'x'.repeat(bytes) }) : `${tag}:${file}:${'x'.repeat(bytes)}`;
}

/** A generation's files. */
function generation(tag: string, bytes = 64): { file: string; content: string }[] {
  return FILES.map((file) => ({ file, content: contentOf(tag, file, bytes) }));
}

/** What each of the files a user opens holds, or undefined when it is not there. */
async function seen(dir: string): Promise<(string | undefined)[]> {
  return Promise.all(FILES.map((f) => readFile(join(dir, f), 'utf8').catch(() => undefined)));
}

/** Which whole generation the folder shows; fails on a mix or a torn file. */
async function wholeGeneration(dir: string, tags: string[], bytes: number): Promise<string | undefined> {
  const files = await seen(dir);
  if (files.every((f) => f === undefined)) return undefined;
  const tag = tags.find((t) => files.every((content, i) => content === contentOf(t, FILES[i], bytes)));
  expect(tag, `a mix or a torn file: ${files.map((f) => f?.slice(0, 30)).join(', ')}`).to.not.equal(undefined);
  return tag;
}

describe('export/generation', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-generation-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('switches every file to the new generation and keeps only that one', async () => {
    await writeGeneration(dir, 'graph', generation('a'));
    await writeGeneration(dir, 'graph', generation('b'));
    expect(await seen(dir)).to.deep.equal(generation('b').map((f) => f.content));
    expect((await readdir(join(dir, '.kg', 'graph'))).filter((e) => e.startsWith('gen-'))).to.have.length(1);
    for (const file of FILES) expect(await readlink(join(dir, file))).to.equal(join('.kg', 'graph', 'current', file));
  });

  it('moves a staged file into the generation, and a killed build\'s staged file is removed', async () => {
    const texts = await DocumentsWriter.open(dir, 'graph');
    await texts.add({ id: 'a.txt', text: 'Rubio "met"\nSheinbaum.' });
    await writeGeneration(dir, 'graph', [...generation('a').filter((f) => f.file !== STAGED), await texts.finish()]);
    expect(await readFile(join(dir, STAGED), 'utf8')).to.equal('{"id":"a.txt","text":"Rubio \\"met\\"\\nSheinbaum."}\n');
    const killed = await DocumentsWriter.open(dir, 'graph');
    await killed.add({ id: 'b.txt', text: 'half' });
    await cleanOutput(dir);
    expect(await readdir(join(dir, '.kg', 'graph'))).to.have.length(2);
    await killed.discard();
  });

  it('takes over files written before generations without a moment where they disagree', async () => {
    for (const { file, content } of generation('old')) await writeFile(join(dir, file), content);
    await writeGeneration(dir, 'graph', generation('new'));
    expect(await seen(dir)).to.deep.equal(generation('new').map((f) => f.content));
  });

  it('removes what a killed build left: unswitched generations, pointers, links and the old scheme\'s temporaries', async () => {
    await writeGeneration(dir, 'graph', generation('a'));
    const root = join(dir, '.kg', 'graph');
    await mkdir(join(root, 'gen-killed'));
    await writeFile(join(root, 'gen-killed', 'graph.json'), 'half');
    await writeFile(join(root, '.current-1-2-3.tmp'), '');
    await writeFile(join(dir, '.graph.json.1234.0123456789ab.tmp'), 'half');
    await writeFile(join(dir, '.graph.gexf.1234.0123456789ab.bak'), 'old');
    await cleanOutput(dir);
    expect((await readdir(root)).sort()).to.have.length(2);
    expect((await readdir(dir)).sort()).to.deep.equal(['.kg', ...FILES].sort());
    expect(await seen(dir)).to.deep.equal(generation('a').map((f) => f.content));
  });

  it('shows a complete old or a complete new generation wherever a writer is killed (kill -9)', async function () {
    const trials = Number(process.env.KG_CRASH_TRIALS ?? 6);
    this.timeout(Math.max(60_000, trials * 5_000)); // two writers a trial, each a process start-up: scripts/crash-test.sh runs 50
    const bytes = 2 * 1024 * 1024;
    const outcomes = await crashTrials(dir, trials, bytes);
    for (const outcome of outcomes) expect(['a', 'b']).to.include(outcome);
    if (process.env.KG_CRASH_TRIALS) console.log(`      ${outcomes.filter((o) => o === 'a').length} old, ${outcomes.filter((o) => o === 'b').length} new`);
  });
});

/**
 * Kills a writer of generation "b" over generation "a" at random moments after it starts writing, checks the folder
 * after each kill, then that the next write leaves no leftovers. Also run 50 times by scripts/crash-test.sh.
 */
async function crashTrials(dir: string, trials: number, bytes: number): Promise<(string | undefined)[]> {
  const outcomes: (string | undefined)[] = [];
  const script = `
    import { writeGeneration } from ${JSON.stringify(join(ROOT, 'src/export/generation.ts'))};
    import { DocumentsWriter } from ${JSON.stringify(join(ROOT, 'src/export/documents.ts'))};
    const [dir, tag, bytes] = process.argv.slice(-3);
    const files = ${JSON.stringify(FILES.filter((f) => f !== STAGED))}.map((file) => ({ file, content: tag + ':' + file + ':' + 'x'.repeat(Number(bytes)) }));
    process.stdout.write('writing\\n');
    const texts = await DocumentsWriter.open(dir, 'graph');
    await texts.add({ id: tag, text: 'x'.repeat(Number(bytes)) });
    await writeGeneration(dir, 'graph', [...files, await texts.finish()]);
    process.stdout.write('done\\n');
  `;
  /** Runs a writer; resolves with how long its write phase took, from "writing" to its exit. */
  const write = (tag: string, killAfterMs?: number) =>
    new Promise<number>((done, fail) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir, tag, String(bytes)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      let writing = 0;
      child.stdout.on('data', (d: Buffer) => {
        if (writing || !d.toString().includes('writing')) return;
        writing = performance.now();
        if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      });
      child.on('error', fail);
      child.on('exit', () => done(performance.now() - writing));
    });
  await write('a');
  const phase = await write('b');
  for (let i = 0; i < trials; i++) {
    await write('a');
    await write('b', Math.random() * phase);
    outcomes.push(await wholeGeneration(dir, ['a', 'b'], bytes));
  }
  await write('b');
  const leftovers = (await readdir(dir)).filter((f) => !FILES.includes(f) && f !== '.kg');
  expect(leftovers).to.deep.equal([]);
  expect((await readdir(join(dir, '.kg', 'graph'))).length).to.equal(2);
  expect((await lstat(join(dir, 'graph.json'))).isSymbolicLink()).to.equal(true);
  return outcomes;
}
