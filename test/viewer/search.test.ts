import { expect } from 'chai';
import { MultiDirectedGraph } from 'graphology';
import { normaliseNode, type KnowledgeGraph } from '../../viewer/src/graph.js';
import { searchEntities, searchIndex } from '../../viewer/src/search.js';

function graph(): KnowledgeGraph {
  const g: KnowledgeGraph = new MultiDirectedGraph();
  g.addNode('john', normaliseNode('john', { label: 'John Smith', type: 'person', aliases: ['Smith', 'Mr Smith'], mentions: 500, docs: ['a', 'b'], x: 0, y: 0 }));
  for (let i = 0; i < 5; i++) g.addNode(`smith${i}`, normaliseNode(`smith${i}`, { label: 'Smith', type: 'person', mentions: 1, docs: ['c'], x: 0, y: 0 }));
  g.addNode('smithfield', normaliseNode('smithfield', { label: 'Smithfield', type: 'place', mentions: 900, docs: ['d'], x: 0, y: 0 }));
  g.addNode('agnes', normaliseNode('agnes', { label: 'Agnes Smithson', type: 'person', mentions: 3, docs: ['d'], x: 0, y: 0 }));
  return g;
}

describe('viewer search', () => {
  it('puts the most prominent of the exact matches first, whether by label or alias ("Smith" finds John Smith)', () => {
    const g = graph();
    const matches = searchEntities(g, searchIndex(g), 'smith', 10);
    expect(matches[0]).to.deep.equal({ node: 'john', label: 'John Smith', type: 'person', mentions: 500, documents: 2, alias: 'Smith' });
    expect(matches.slice(1, 6).map((m) => m.label)).to.deep.equal(['Smith', 'Smith', 'Smith', 'Smith', 'Smith']);
    // a prefix match comes after every exact one, however prominent; a later word's prefix after that
    expect(matches.slice(6).map((m) => m.node)).to.deep.equal(['smithfield', 'agnes']);
  });

  it('finds nothing for an empty query', () => {
    const g = graph();
    expect(searchEntities(g, searchIndex(g), '  ', 10)).to.deep.equal([]);
  });
});
