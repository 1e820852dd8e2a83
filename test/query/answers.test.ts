import { expect } from 'chai';
import { AnswerCache, AnswerCacheOptionError, answerCacheOf, EntityNotFoundError, InvalidOptionError, neighbourQueryKey, neighbours, neighboursJson } from '../../src/query/index.js';
import { sampleGraph } from '../fixtures/graph.js';

describe('query/answers', () => {
  it('answers a neighbour query with the JSON of neighbours()', () => {
    const graph = sampleGraph();
    for (const options of [{}, { depth: 2 }, { direction: 'in' as const }, { relation: 'Meet' }, { type: 'place' as const }]) {
      expect(JSON.parse(neighboursJson(graph, 'Rubio', options).toString('utf8'))).to.deep.equal(neighbours(graph, 'Rubio', options));
    }
  });

  it('keeps one answer per question: the same entity by any of its names, the same options once validated', () => {
    const graph = sampleGraph();
    const cache = new AnswerCache();
    const first = neighboursJson(graph, 'Rubio', {}, cache);
    expect(neighboursJson(graph, "rubio's", { depth: 1, direction: 'both' }, cache)).to.equal(first);
    expect(neighboursJson(graph, 'marco-rubio', {}, cache)).to.equal(first);
    expect(neighbourQueryKey(graph, 'Sheinbaum', { relation: ' Accept ' }).key).to.equal(neighbourQueryKey(graph, 'claudia-sheinbaum', { relation: 'accept' }).key);
    expect(neighboursJson(graph, 'Rubio', { depth: 2 }, cache)).to.not.equal(first);
    expect(cache.stats.entries).to.equal(2);
  });

  it('keeps no error: an unknown entity or a bad option throws as neighbours() does', () => {
    const graph = sampleGraph();
    const cache = new AnswerCache();
    expect(() => neighboursJson(graph, 'Nobody', {}, cache)).to.throw(EntityNotFoundError);
    expect(() => neighboursJson(graph, 'Rubio', { depth: 9 }, cache)).to.throw(InvalidOptionError);
    expect(cache.stats).to.deep.equal({ entries: 0, bytes: 0 });
  });

  it('drops the least recently used answers beyond its bounds, in entries and in bytes', () => {
    const cache = new AnswerCache({ maxEntries: 2, maxBytes: 100 });
    let computed = 0;
    const ask = (key: string, size = 10) => cache.answer(key, () => (computed++, 'x'.repeat(size - 2)));
    ask('a');
    ask('b');
    ask('a'); // a is now the more recent
    ask('c'); // b goes
    expect(computed).to.equal(3);
    ask('a');
    expect(computed).to.equal(3);
    ask('b');
    expect(computed).to.equal(4);
    expect(cache.stats).to.deep.equal({ entries: 2, bytes: 20 });
    ask('big', 95); // fits alone: every other answer goes
    expect(cache.stats).to.deep.equal({ entries: 1, bytes: 95 });
    expect(ask('huge', 101).length).to.equal(101); // served, never kept
    expect(cache.stats).to.deep.equal({ entries: 1, bytes: 95 });
    expect(() => new AnswerCache({ maxBytes: -1 })).to.throw(AnswerCacheOptionError);
  });

  it('forgets its answers when the graph changes', () => {
    const graph = sampleGraph();
    const before = JSON.parse(neighboursJson(graph, 'Rubio').toString('utf8'));
    expect(answerCacheOf(graph).stats.entries).to.equal(1);
    graph.mergeNodeAttributes('mexico', { label: 'Estados Unidos Mexicanos' });
    const after = JSON.parse(neighboursJson(graph, 'Rubio').toString('utf8'));
    expect(after).to.not.deep.equal(before);
    expect(after).to.deep.equal(neighbours(graph, 'Rubio'));
    graph.dropNode('mexico');
    expect(JSON.parse(neighboursJson(graph, 'Rubio').toString('utf8'))).to.deep.equal(neighbours(graph, 'Rubio'));
  });
});
