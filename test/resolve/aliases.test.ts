import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AliasFileError, loadAliasFile } from '../../src/resolve/index.js';

describe('resolve/aliases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-aliases-'));
  const file = (name: string, body: string): string => {
    const p = join(dir, name);
    writeFileSync(p, body);
    return p;
  };

  it('loads merge and separate groups', async () => {
    const p = file('ok.json', JSON.stringify({ merge: [['Pentagon', 'Department of Defense']], separate: [['John Carter', 'Jimmy Carter']] }));
    expect(await loadAliasFile(p)).to.deep.equal({ merge: [['Pentagon', 'Department of Defense']], separate: [['John Carter', 'Jimmy Carter']] });
  });

  it('rejects bad files with a one-line message', async () => {
    for (const [name, body, msg] of [
      ['bad.json', '{', 'not valid JSON'],
      ['field.json', '{"joins": []}', 'unknown field "joins"'],
      ['group.json', '{"merge": [["only one"]]}', 'merge[0] must be an array of at least two non-empty names'],
    ]) {
      const err = await loadAliasFile(file(name, body)).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(AliasFileError);
      expect((err as Error).message).to.include(msg).and.not.include('\n');
    }
    const missing = await loadAliasFile(join(dir, 'none.json')).catch((e: unknown) => e);
    expect((missing as Error).message).to.include('cannot read alias file');
  });
});
