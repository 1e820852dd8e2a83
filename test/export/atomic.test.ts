import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { writeFilesAtomic } from '../../src/export/atomic.js';

describe('export/atomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('puts back the files already replaced when a later rename fails, and removes its temp files', async () => {
    await writeFile(join(dir, 'a.txt'), 'old a');
    await mkdir(join(dir, 'b.txt', 'occupied'), { recursive: true });
    await writeFilesAtomic([
      { path: join(dir, 'a.txt'), content: 'new a' },
      { path: join(dir, 'b.txt'), content: 'new b' },
    ]).then(
      () => expect.fail('should have thrown'),
      (error) => expect(error).to.have.property('code'),
    );
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).to.equal('old a');
    expect(await readdir(dir)).to.have.members(['a.txt', 'b.txt']);
  });

  it('removes a file it created when a later one fails', async () => {
    await mkdir(join(dir, 'b.txt', 'occupied'), { recursive: true });
    await writeFilesAtomic([
      { path: join(dir, 'a.txt'), content: 'new a' },
      { path: join(dir, 'b.txt'), content: 'new b' },
    ]).catch(() => undefined);
    expect(await readdir(dir)).to.have.members(['b.txt']);
  });
});
