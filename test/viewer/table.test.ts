import { expect } from 'chai';
import { sortRows, toCsv, type EntityRow } from '../../viewer/src/table.js';

const ROWS: EntityRow[] = [
  { node: 'a', label: 'Alpha', type: 'person', mentions: 5, degree: 1, pagerank: 0.1, documents: 2 },
  { node: 'b', label: '=HYPERLINK("http://x")', type: 'other', mentions: 9, degree: 3, pagerank: 0.3, documents: 1 },
  { node: 'c', label: 'Say "hi", Bob', type: 'place', mentions: 7, degree: 2, pagerank: 0.2, documents: 4 },
];

describe('viewer entity table', () => {
  it('sorts by a number, most first, or by text', () => {
    expect(sortRows(ROWS, 'mentions', true).map((r) => r.node)).to.deep.equal(['b', 'c', 'a']);
    expect(sortRows(ROWS, 'label', false).map((r) => r.node)).to.deep.equal(['b', 'a', 'c']);
  });

  it('writes CSV with quotes doubled and formulas defused', () => {
    const csv = toCsv(ROWS);
    expect(csv.split('\r\n')[0]).to.equal('"id","entity","type","mentions","relations","pagerank","documents"');
    expect(csv).to.include('"b","\'=HYPERLINK(""http://x"")","other","9","3","0.3","1"');
    expect(csv).to.include('"c","Say ""hi"", Bob","place"');
  });
});
