import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { ROOT, canRunUnprivileged, kg, kgUnprivileged } from '../helpers.js';

const ARTICLE = 'Marco Rubio met Claudia Sheinbaum in Mexico City on Thursday.\n';
describe('kg: every input the user named is read or named on stderr', function () {
  this.timeout(60_000);
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-inputs-'));
  });
  after(async () => {
    await promisify(execFile)('chmod', ['-R', 'u+rwx', dir]).catch(() => undefined);
    // rm -rf walks a tree deeper than any one path may name; fs.rm does not
    await promisify(execFile)('rm', ['-rf', dir]);
  });

  it('kg extract reads a folder like kg build: every document, not only the first', async () => {
    const out = join(dir, 'extracted');
    const run = await kg(['extract', 'seeds', '--format', 'json', '--out', out]);
    expect(run.code, run.stderr).to.equal(0);
    const seeds = (await readdir(join(ROOT, 'seeds'))).map((f) => f.replace(/\.txt$/, '.json')).sort();
    expect((await readdir(out)).sort()).to.deep.equal(seeds);
  });

  it('kg extract of a folder of several documents without --out asks for it rather than print the first', async () => {
    const run = await kg(['extract', 'seeds', '--format', 'json']);
    expect(run.code).to.equal(2);
    expect(run.stdout).to.equal('');
    expect(run.stderr).to.match(/^kg: seeds holds 5 documents: give --out DIR/);
  });

  it('kg extract keeps subfolders and says by its exit code that an input was skipped', async () => {
    const input = join(dir, 'nested');
    await mkdir(join(input, 'a', 'b'), { recursive: true });
    await writeFile(join(input, 'a', 'b', 'deep.txt'), ARTICLE);
    await writeFile(join(input, 'top.md'), ARTICLE);
    const out = join(dir, 'nested-out');
    const run = await kg(['extract', input, join(dir, 'missing.txt'), '--format', 'jsonl', '--out', out]);
    expect(run.code).to.equal(3);
    expect(run.stderr).to.equal(`kg: ${join(dir, 'missing.txt')}: no such file or directory: ${join(dir, 'missing.txt')}\n`);
    expect(JSON.parse((await readFile(join(out, 'a', 'b', 'deep.jsonl'), 'utf8')).split('\n')[0]).sentence).to.equal(ARTICLE.trim());
    expect(await readFile(join(out, 'top.jsonl'), 'utf8')).to.contain('Rubio');
  });

  it('names a folder whose path is too long to open, and goes on with the rest', async () => {
    const input = join(dir, 'long');
    await mkdir(input);
    await writeFile(join(input, 'short.txt'), ARTICLE);
    // deeper than PATH_MAX, made one step at a time as no single call may name it
    await promisify(execFile)('bash', ['-c', 'cd "$1" && for i in $(seq 1 24); do mkdir "$2" && cd "$2"; done && echo "Rubio met Sheinbaum." > deep.txt', '_', input, 'd'.repeat(200)]);
    const run = await kg(['build', input, '--out', join(dir, 'long-out'), '--no-progress', '--no-cache']);
    expect(run.code, run.stderr).to.equal(3);
    const lines = run.stderr.trim().split('\n');
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(/: cannot read folder: path too long, skipped$/);
    expect(run.stdout).to.match(/: 1 document \(/);
  });

  it('follows a link loop once and ends', async () => {
    const input = join(dir, 'loop');
    await mkdir(join(input, 'sub'), { recursive: true });
    await writeFile(join(input, 'sub', 'a.txt'), ARTICLE);
    await symlink('..', join(input, 'sub', 'up'));
    const run = await kg(['build', input, '--out', join(dir, 'loop-out'), '--no-progress', '--no-cache']);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/: 1 document \(/);
  });

  it('names an unreadable subfolder and an unreadable input folder (not as "no .txt files")', async function () {
    if (!(await canRunUnprivileged())) this.skip(); // as root, in a checkout the user nobody cannot reach
    const input = join(dir, 'locked');
    const outs = join(dir, 'locked-outs');
    await mkdir(join(input, 'closed'), { recursive: true });
    await mkdir(outs);
    // the unprivileged user walks to the input and writes its output; only the closed folders are closed to it
    await chmod(dir, 0o755);
    await chmod(outs, 0o777);
    await writeFile(join(input, 'open.txt'), ARTICLE);
    await writeFile(join(input, 'closed', 'hidden.txt'), ARTICLE);
    await chmod(join(input, 'closed'), 0o000);
    const run = await kgUnprivileged(['build', input, '--out', join(outs, 'a'), '--no-progress', '--no-cache']);
    expect(run.code, run.stderr).to.equal(3);
    expect(run.stderr).to.equal(`kg: ${join(input, 'closed')}: cannot read folder: permission denied, skipped\n`);
    await chmod(input, 0o000);
    const whole = await kgUnprivileged(['build', input, '--out', join(outs, 'b'), '--no-progress', '--no-cache']);
    expect(whole.code).to.equal(1);
    expect(whole.stderr).to.match(/: cannot read folder: permission denied, skipped\n/);
    expect(whole.stderr).not.to.match(/no \.txt/);
  });
});
