import { expect } from 'chai';
import { findEntity, InvalidOptionError, normaliseName, search } from '../../src/query/index.js';
import { HOSTILE, sampleGraph } from '../fixtures/graph.js';

describe('query/find', () => {
  describe('normaliseName', () => {
    it('drops case, a trailing possessive, surrounding punctuation and a leading "the"', () => {
      expect(normaliseName('The White House’s')).to.equal('white house');
      expect(normaliseName('"Rubio\'s,"')).to.equal('rubio');
      expect(normaliseName('  (Mexico)  ')).to.equal('mexico');
      expect(normaliseName('U.S.')).to.equal('u.s');
    });
  });

  describe('findEntity', () => {
    const graph = sampleGraph();

    it('finds a node by its label, case-insensitively', () => {
      expect(findEntity(graph, 'marco rubio')).to.equal('marco-rubio');
      expect(findEntity(graph, 'MEXICO')).to.equal('mexico');
    });

    it('finds a node by an alias', () => {
      expect(findEntity(graph, 'Sheinbaum')).to.equal('claudia-sheinbaum');
      expect(findEntity(graph, 'U.S.')).to.equal('united-states');
    });

    it('ignores a possessive, punctuation and a leading "the"', () => {
      expect(findEntity(graph, "Rubio's")).to.equal('marco-rubio');
      expect(findEntity(graph, 'Sheinbaum’s')).to.equal('claudia-sheinbaum');
      expect(findEntity(graph, 'the White House')).to.equal('white-house');
      expect(findEntity(graph, '"Mexico."')).to.equal('mexico');
    });

    it('prefers the more mentioned node when an alias is shared', () => {
      // "Washington" names both the United States (7 mentions) and the White House (4).
      expect(findEntity(graph, 'Washington')).to.equal('united-states');
    });

    it('prefers the prominent node to a one-mention node whose label the name is, and sees nodes added later', () => {
      const withSmiths = sampleGraph();
      expect(findEntity(withSmiths, 'Smith')).to.equal(undefined);
      const base = withSmiths.getNodeAttributes('white-house');
      withSmiths.addNode('john-smith', { ...base, label: 'John Smith', type: 'person', aliases: ['John Smith', 'Smith'], mentions: 500 });
      for (let k = 0; k < 3; k++) withSmiths.addNode(`smith-${k}`, { ...base, label: 'Smith', type: 'person', aliases: ['Smith'], mentions: 1 });
      expect(findEntity(withSmiths, 'smith')).to.equal('john-smith');
      withSmiths.addNode('smith-big', { ...base, label: 'Smith', type: 'organization', aliases: ['Smith'], mentions: 500 });
      expect(findEntity(withSmiths, 'Smith')).to.equal('smith-big');
    });

    it('finds a label made of markup and returns undefined for unknown or empty names', () => {
      expect(findEntity(graph, HOSTILE)).to.equal('hostile');
      expect(findEntity(graph, 'Atlantis')).to.equal(undefined);
      expect(findEntity(graph, ' ... ')).to.equal(undefined);
    });
  });

  describe('search', () => {
    const graph = sampleGraph();
    const ids = (q: string, limit?: number) => search(graph, q, limit).map((hit) => hit.id);

    it('ranks exact, then prefix, then word prefix, then substring', () => {
      const withMore = sampleGraph();
      const base = withMore.getNodeAttributes('mexico');
      withMore.addNode('new-mexico', { ...base, label: 'New Mexico', aliases: ['New Mexico'], mentions: 50 });
      withMore.addNode('mexicans', { ...base, label: 'Mexicans', aliases: ['Mexicans'], mentions: 40 });
      withMore.addNode('texmex', { ...base, label: 'Texmexico', aliases: ['Texmexico'], mentions: 99 });
      expect(search(withMore, 'mexico').map((hit) => hit.id)).to.deep.equal(['mexico', 'new-mexico', 'texmex']);
      expect(search(withMore, 'mex').map((hit) => hit.id)).to.deep.equal(['mexicans', 'mexico', 'new-mexico', 'texmex']);
      withMore.dropNode('texmex');
      withMore.mergeNodeAttributes('mexicans', { aliases: ['Mexicans', 'Mexican people'] });
      expect(search(withMore, 'mexican p').map((hit) => hit.id)).to.deep.equal(['mexicans']);
      expect(search(withMore, 'mexico').map((hit) => hit.id)).to.deep.equal(['mexico', 'new-mexico']);
    });

    it('matches aliases and breaks ties by mentions', () => {
      expect(ids('washington')).to.deep.equal(['united-states', 'white-house']);
      expect(ids('sheinbaum')).to.deep.equal(['claudia-sheinbaum']);
      expect(ids('RUB')).to.deep.equal(['marco-rubio']);
    });

    it('returns summaries and honours the limit', () => {
      expect(search(graph, 'rubio')[0]).to.deep.equal({
        id: 'marco-rubio',
        label: 'Marco Rubio',
        type: 'person',
        aliases: ['Marco Rubio', 'Rubio', 'Secretary Rubio'],
        mentions: 12,
      });
      expect(ids('a')).to.have.length.above(2);
      expect(ids('a', 2)).to.have.length(2);
    });

    it('returns nothing for a blank query and rejects a bad limit', () => {
      expect(ids('  ')).to.deep.equal([]);
      expect(() => search(graph, 'a', 0)).to.throw(InvalidOptionError);
      expect(() => search(graph, 'a', 2.5)).to.throw(InvalidOptionError);
    });
  });
});
