import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { terminalJson, terminalSafe } from '../../src/cli/terminal.js';
import { kg } from '../helpers.js';

const FORGED = 'a\nkg: all inputs read fine\u001b[2J\u202e.txt';

describe('kg: control characters never reach the terminal raw', function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-terminal-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('escapes controls, DEL, C1 and bidirectional overrides, keeping one line', () => {
    expect(terminalSafe('a\nb\r\tc\u001b[31m\u0007\u007f\u009b\u202e')).to.equal('a\\nb\\r\\tc\\e[31m\\x07\\x7f\\x9b\\u202e');
    expect(terminalSafe('Sheinbaum met Rubio — “in México”')).to.equal('Sheinbaum met Rubio — “in México”');
  });

  it('keeps JSON the same value while escaping what JSON.stringify leaves raw', () => {
    const value = { label: 'x\u009b\u202ey\u001b' };
    const text = terminalJson(value);
    expect(text).not.to.match(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(text)).to.deep.equal(value);
  });

  it('names a file whose name holds a newline and an escape in one escaped line, forging nothing', async () => {
    const input = join(dir, 'in');
    await mkdir(input);
    await writeFile(join(input, 'good.txt'), 'Marco Rubio met Claudia Sheinbaum in Mexico City.\n');
    await writeFile(join(input, FORGED), Buffer.from([0, 1, 2, 0]));
    const run = await kg(['build', input, '--out', join(dir, 'out'), '--no-progress', '--no-cache']);
    expect(run.code).to.equal(3);
    expect(run.stderr).not.to.match(/[\u001b\u202e]/);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).to.deep.equal([`kg: ${join(input, 'a')}\\nkg: all inputs read fine\\e[2J\\u202e.txt: binary file, skipped`]);
  });
});
