import { expect } from 'chai';
import { EntityNotFoundError, InvalidOptionError, neighbours } from '../../src/query/index.js';
import type { NeighbourOptions } from '../../src/query/index.js';
import { sampleGraph } from '../fixtures/graph.js';

describe('query/neighbours', () => {
  const graph = sampleGraph();
  const hops = (entity: string, options?: NeighbourOptions) =>
    neighbours(graph, entity, options).neighbours.map((n) => `${n.depth} ${n.from} ${n.direction} ${n.relation} ${n.id}`);

  it('lists one entry per edge at depth 1, heaviest first', () => {
    expect(hops('Rubio')).to.deep.equal([
      '1 marco-rubio out meet claudia-sheinbaum',
      '1 marco-rubio out represent united-states',
      '1 marco-rubio out praise claudia-sheinbaum',
      '1 marco-rubio out travel to mexico',
    ]);
  });

  it('resolves a node id or a name and summarises the entity', () => {
    expect(neighbours(graph, 'claudia-sheinbaum').entity).to.deep.include({ id: 'claudia-sheinbaum', mentions: 9 });
    expect(neighbours(graph, "Sheinbaum's").entity.id).to.equal('claudia-sheinbaum');
  });

  it('carries the edge facts', () => {
    const [accept] = neighbours(graph, 'Sheinbaum', { relation: 'accept' }).neighbours;
    expect(accept).to.deep.include({ id: 'white-house', label: 'White House', type: 'organization', weight: 1, negated: true });
    expect(accept.sources[0].text).to.equal('Sheinbaum did not accept the White House proposal.');
  });

  it('follows only the requested direction', () => {
    expect(hops('Mexico', { direction: 'out' })).to.deep.equal([]);
    expect(hops('Mexico', { direction: 'in' })).to.deep.equal([
      '1 mexico in president of claudia-sheinbaum',
      '1 mexico in travel to marco-rubio',
      '1 mexico in threaten white-house',
    ]);
  });

  it('walks breadth-first to the depth asked, never back to nearer nodes', () => {
    expect(hops('White House', { depth: 2 })).to.deep.equal([
      '1 white-house in accept claudia-sheinbaum',
      '1 white-house out threaten mexico',
      '2 claudia-sheinbaum in meet marco-rubio',
      '2 mexico in travel to marco-rubio',
      '2 claudia-sheinbaum in praise marco-rubio',
    ]);
    const deep = neighbours(graph, 'White House', { depth: 5 }).neighbours;
    expect(deep.map((n) => n.id)).to.include.members(['united-states', 'hostile']);
    expect(deep.find((n) => n.id === 'hostile')).to.deep.include({ depth: 4, from: 'united-states' });
  });

  it('filters by the kind of relation in the vocabulary as well as by its label', () => {
    const g = sampleGraph();
    g.forEachEdge((edge, attrs) => { if (attrs.relation === 'meet') g.setEdgeAttribute(edge, 'kind', 'meets'); });
    expect(neighbours(g, 'Rubio', { relation: 'meets' }).neighbours.map((n) => `${n.relation} ${n.kind} ${n.id}`)).to.deep.equal(['meet meets claudia-sheinbaum']);
  });

  it('filters by relation, case-insensitively', () => {
    expect(hops('Rubio', { relation: ' MEET ' })).to.deep.equal(['1 marco-rubio out meet claudia-sheinbaum']);
  });

  it('filters listed neighbours by type but walks through the others', () => {
    expect(hops('Mexico', { depth: 2, type: 'person' })).to.deep.equal([
      '1 mexico in president of claudia-sheinbaum',
      '1 mexico in travel to marco-rubio',
    ]);
    expect(hops('hostile', { type: 'person' })).to.deep.equal([]);
    expect(hops('<script>', { depth: 2, type: 'person' })).to.deep.equal(['2 united-states in represent marco-rubio']);
  });

  it('throws EntityNotFoundError for an unknown entity', () => {
    expect(() => neighbours(graph, 'Atlantis')).to.throw(EntityNotFoundError, /Atlantis/);
  });

  it('throws InvalidOptionError for bad options', () => {
    const bad = [
      { depth: 0 },
      { depth: 6 },
      { depth: 1.5 },
      { depth: Number.NaN },
      { direction: 'sideways' },
      { type: 'animal' },
      { relation: ' ' },
    ] as NeighbourOptions[];
    for (const options of bad) expect(() => neighbours(graph, 'Rubio', options), JSON.stringify(options)).to.throw(InvalidOptionError);
  });
});
