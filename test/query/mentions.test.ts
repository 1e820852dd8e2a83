import { expect } from 'chai';
import { EntityNotFoundError, entityMentions, indexMentions, InvalidOptionError, mentionSummary } from '../../src/query/index.js';
import { sampleGraph, sampleMentions } from '../fixtures/graph.js';

describe('query/mentions', () => {
  const index = indexMentions(sampleMentions());

  it("groups an entity's mentions by document, most first, with the forms as written and the first offsets", () => {
    expect(mentionSummary(index, 'marco-rubio')).to.deep.equal({
      total: 5,
      documents: 2,
      byDocument: [
        {
          doc: 'news/rubio-visit.txt',
          count: 4,
          forms: [{ text: 'Rubio', count: 3 }, { text: 'Marco Rubio', count: 1 }],
          first: [{ start: 0, end: 11 }, { start: 200, end: 205 }, { start: 412, end: 417 }, { start: 530, end: 535 }],
        },
        { doc: 'news/tariffs.txt', count: 1, forms: [{ text: 'Rubio', count: 1 }], first: [{ start: 90, end: 95 }] },
      ],
    });
  });

  it('bounds the documents and offsets listed, keeping the totals', () => {
    const summary = mentionSummary(index, 'marco-rubio', { maxDocuments: 1, maxOffsets: 2 });
    expect(summary.total).to.equal(5);
    expect(summary.documents).to.equal(2);
    expect(summary.byDocument).to.have.length(1);
    expect(summary.byDocument[0].first).to.deep.equal([{ start: 0, end: 11 }, { start: 200, end: 205 }]);
    expect(summary.byDocument[0].count).to.equal(4);
  });

  it('answers nothing for a node never named, and refuses bad bounds', () => {
    expect(mentionSummary(index, 'white-house')).to.deep.equal({ total: 0, documents: 0, byDocument: [] });
    for (const maxDocuments of [0, 1.5, 1001]) {
      expect(() => mentionSummary(index, 'marco-rubio', { maxDocuments })).to.throw(InvalidOptionError);
    }
  });

  it('finds the entity by key or name, as neighbours does', () => {
    const graph = sampleGraph();
    const byName = entityMentions(graph, index, "Sheinbaum's");
    expect(byName.entity).to.deep.include({ id: 'claudia-sheinbaum', label: 'Claudia Sheinbaum' });
    expect(byName.byDocument.map((d) => d.doc)).to.deep.equal(['news/rubio-visit.txt', 'news/tariffs.txt']);
    expect(() => entityMentions(graph, index, 'Atlantis')).to.throw(EntityNotFoundError);
  });
});
