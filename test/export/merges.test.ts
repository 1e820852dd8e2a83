import { expect } from 'chai';
import { mergesFileName, toMergesTsv } from '../../src/export/merges.js';

describe('export/merges', () => {
  it('writes one row per reviewed node: key, label, type, why, names with their counts', () => {
    const tsv = toMergesTsv([
      { entity: 'person:tony-blair', label: 'Tony Blair', type: 'person', reasons: ['full names', 'partial names'], names: [{ name: 'Tony Blair', count: 7 }, { name: 'Blair', count: 3 }, { name: 'Anthony Blair', count: 1 }] },
    ]);
    expect(tsv).to.equal('entity\tlabel\ttype\twhy\tnames\nperson:tony-blair\tTony Blair\tperson\tfull names, partial names\tTony Blair ×7; Blair ×3; Anthony Blair ×1\n');
  });

  it('keeps a name written with a tab or a line break inside its cell', () => {
    const tsv = toMergesTsv([{ entity: 'person:x', label: 'A\tB', type: 'person', reasons: ['full names'], names: [{ name: 'A\nB', count: 1 }] }]);
    const rows = tsv.trimEnd().split('\n');
    expect(rows).to.have.length(2);
    expect(rows[1].split('\t')).to.have.length(5);
  });

  it('names the file after the graph', () => {
    expect(mergesFileName('graph')).to.equal('merges.tsv');
    expect(mergesFileName('news')).to.equal('news.merges.tsv');
  });
});
