import { expect } from 'chai';
import { NO_FILTERS } from '../../viewer/src/filters.js';
import { fromQuery, toQuery, type ViewState } from '../../viewer/src/url.js';

const DEFAULTS: ViewState = { selected: null, depth: 1, filters: { ...NO_FILTERS }, colorBy: 'type', sizeBy: 'pagerank', labels: 'some', camera: null };

describe('viewer URL state', () => {
  it('reads back what it wrote: selection, depth, filters, appearance and camera', () => {
    const state: ViewState = {
      selected: 'person:john-smith & co/1',
      depth: 3,
      filters: { hiddenTypes: ['other', 'place'], minMentions: 20, showUnconnected: false, largestComponent: true, from: '2024-01-01', to: '2024-06-30', hiddenRelations: ['be', 'be in', 'say, then'] },
      colorBy: 'community',
      sizeBy: 'degree',
      labels: 'many',
      camera: { x: 0.5, y: 0.25, ratio: 0.125 },
    };
    expect(fromQuery(toQuery(state), DEFAULTS)).to.deep.equal(state);
  });

  it('takes what is missing or malformed from the defaults', () => {
    const read = fromQuery('?depth=9&min=x&hide=other,bogus&from=yesterday&color=red&camera=1,2', DEFAULTS);
    expect(read.depth).to.equal(3);
    expect(read.filters.minMentions).to.equal(1);
    expect(read.filters.hiddenTypes).to.deep.equal(['other']);
    expect(read.filters.from).to.equal(null);
    expect(read.colorBy).to.equal('type');
    expect(read.camera).to.equal(null);
    expect(fromQuery('', DEFAULTS)).to.deep.equal(DEFAULTS);
  });
});
