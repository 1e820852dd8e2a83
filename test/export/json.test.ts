import { expect } from 'chai';
import { MultiDirectedGraph } from 'graphology';
import { toJson } from '../../src/export/index.js';
import type { KnowledgeGraph } from '../../src/graph/types.js';
import { HOSTILE, sampleGraph } from '../fixtures/graph.js';

describe('export/json', () => {
  it('is the graphology serialisation and reads back into an equal graph', () => {
    const graph = sampleGraph();
    const data = JSON.parse(JSON.stringify(toJson(graph)));
    expect(data.options).to.include({ type: 'directed', multi: true });
    const read: KnowledgeGraph = MultiDirectedGraph.from(data);
    expect(read.order).to.equal(graph.order);
    expect(read.size).to.equal(graph.size);
    expect(read.getNodeAttribute('hostile', 'label')).to.equal(HOSTILE);
    expect(read.getEdgeAttributes('e1').sources).to.deep.equal(graph.getEdgeAttributes('e1').sources);
    expect(read.getAttribute('name')).to.equal('Sample news');
  });
});
