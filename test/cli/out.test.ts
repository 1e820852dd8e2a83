import { spawn } from 'node:child_process';
import { access, chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { KG, ROOT, canRunUnprivileged, kg, kgUnprivileged } from '../helpers.js';

const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('kg build: the output folder', function () {
  this.timeout(60_000);
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-out-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('refuses an --out that is a file before reading any input, in one line', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'not a folder');
    for (const out of [file, join(file, 'below')]) {
      const started = performance.now();
      const run = await kg(['build', 'seeds', '--out', out, '--no-progress']);
      expect(run.code).to.equal(1);
      expect(run.stderr).to.equal(`kg: cannot write to ${out}: it, or a folder above it, is a file\n`);
      expect(performance.now() - started).to.be.below(5000);
    }
  });

  it('refuses an --out in a folder it cannot write before reading any input, in one line naming no temporary', async function () {
    if (!(await canRunUnprivileged())) this.skip(); // as root, in a checkout the user nobody cannot reach
    const closed = join(dir, 'read-only');
    await mkdir(closed);
    await chmod(dir, 0o755); // the unprivileged user reaches the folder, and may not write in it
    await chmod(closed, 0o555);
    for (const out of [closed, join(closed, 'below')]) {
      const run = await kgUnprivileged(['build', 'seeds', '--out', out, '--no-progress']);
      expect(run.code).to.equal(1);
      expect(run.stderr).to.equal(`kg: cannot write to ${out}: permission denied\n`);
    }
  });

  it('refuses a second build into a folder a build is writing to, in one line, and lets the first finish', async () => {
    const out = join(dir, 'shared');
    // an article long enough that the first build is still extracting when the second starts
    const seeds = await Promise.all((await readdir(join(ROOT, 'seeds'))).map((f) => readFile(join(ROOT, 'seeds', f), 'utf8')));
    const long = join(dir, 'long.txt');
    await writeFile(long, seeds.join('\n\n').repeat(6));
    const first = spawn(process.execPath, [KG, 'build', long, '--out', out, '--no-cache', '--no-progress', '--workers', '1'], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<number>((done) => first.on('exit', (code) => done(code ?? 1)));
    for (let i = 0; i < 100; i++) {
      if (await access(join(out, '.kg', 'lock')).then(() => true, () => false)) break;
      await settle(20);
    }
    const second = await kg(['build', 'seeds', '--out', out, '--no-progress']);
    expect(second.code).to.equal(1);
    expect(second.stderr).to.match(/^kg: another kg build \(process \d+\) is writing to .*shared: wait for it to finish or choose another --out\n$/);
    expect(await exited).to.equal(0);
    const third = await kg(['build', 'seeds', '--out', out, '--no-progress']);
    expect(third.code, third.stderr).to.equal(0);
  });

  it('takes over the lock of a build that was killed, and clears what it left', async () => {
    const out = join(dir, 'killed');
    await mkdir(join(out, '.kg', 'graph', 'gen-half'), { recursive: true });
    await writeFile(join(out, '.kg', 'graph', '.staged-documents.jsonl-1-2-3.tmp'), '{"id":"half');
    await writeFile(join(out, '.kg', 'lock'), '999999999\n');
    await writeFile(join(out, '.graph.json.123.0123456789ab.tmp'), 'half');
    const run = await kg(['build', 'seeds', '--out', out, '--no-progress']);
    expect(run.code, run.stderr).to.equal(0);
    expect((await readdir(out)).sort()).to.deep.equal(['.cache', '.kg', 'documents.jsonl', 'graph.gexf', 'graph.json', 'mentions.jsonl', 'merges.tsv']);
    expect(await readdir(join(out, '.kg'))).to.deep.equal(['graph']);
    expect(await readdir(join(out, '.kg', 'graph'))).to.have.length(2);
  });
});
