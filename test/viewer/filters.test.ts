import { expect } from 'chai';
import { MultiDirectedGraph } from 'graphology';
import type { EntityType } from '../../src/types.js';
import { applyFilters, dateRange, defaultFilters, documentDates, mentionSteps, NO_FILTERS } from '../../viewer/src/filters.js';
import { normaliseEdge, normaliseNode, type KnowledgeGraph } from '../../viewer/src/graph.js';

/** a–b–c in one part (b–c relation "be"), d–e in another, f alone; documents of January and March. */
function graph(): KnowledgeGraph {
  const g: KnowledgeGraph = new MultiDirectedGraph();
  g.replaceAttributes({ name: '', createdAt: '', documents: [{ id: 'jan', path: 'jan', date: '2024-01-10T08:00:00Z' }, { id: 'mar', path: 'mar', date: '2024-03-02' }, { id: 'undated', path: 'undated' }] });
  const node = (key: string, type: EntityType, mentions: number, docs: string[]) => g.addNode(key, normaliseNode(key, { label: key.toUpperCase(), type, mentions, docs, x: 0, y: 0 }));
  node('a', 'person', 10, ['jan', 'mar']);
  node('b', 'organization', 3, ['jan']);
  node('c', 'other', 1, ['jan']);
  node('d', 'place', 5, ['mar']);
  node('e', 'person', 2, ['mar']);
  node('f', 'person', 1, ['undated']);
  g.addEdgeWithKey('a|meet|b', 'a', 'b', normaliseEdge({ relation: 'meet', weight: 2, docs: ['jan'] }));
  g.addEdgeWithKey('b|be|c', 'b', 'c', normaliseEdge({ relation: 'be', docs: ['jan'] }));
  g.addEdgeWithKey('d|visit|e', 'd', 'e', normaliseEdge({ relation: 'visit', docs: ['mar'] }));
  return g;
}

const sorted = (set: Set<string>) => [...set].sort();

describe('viewer filters', () => {
  it('keeps everything without filters', () => {
    const { nodes, edges } = applyFilters(graph(), NO_FILTERS, new Map());
    expect(nodes.size).to.equal(6);
    expect(edges.size).to.equal(3);
  });

  it('hides types, and the relations of hidden entities', () => {
    const { nodes, edges } = applyFilters(graph(), { ...NO_FILTERS, hiddenTypes: ['other'] }, new Map());
    expect(sorted(nodes)).to.deep.equal(['a', 'b', 'd', 'e', 'f']);
    expect(sorted(edges)).to.deep.equal(['a|meet|b', 'd|visit|e']);
  });

  it('hides entities below a number of mentions, then those left without relations', () => {
    const g = graph();
    expect(sorted(applyFilters(g, { ...NO_FILTERS, minMentions: 3 }, new Map()).nodes)).to.deep.equal(['a', 'b', 'd']);
    expect(sorted(applyFilters(g, { ...NO_FILTERS, minMentions: 3, showUnconnected: false }, new Map()).nodes)).to.deep.equal(['a', 'b']);
  });

  it('keeps the largest connected part only', () => {
    expect(sorted(applyFilters(graph(), { ...NO_FILTERS, largestComponent: true }, new Map()).nodes)).to.deep.equal(['a', 'b', 'c']);
  });

  it('hides relations by name, leaving their ends', () => {
    const { nodes, edges } = applyFilters(graph(), { ...NO_FILTERS, hiddenRelations: ['be'] }, new Map());
    expect(nodes.has('c')).to.equal(true);
    expect(edges.has('b|be|c')).to.equal(false);
  });

  it('narrows to the documents of a period, by their dates', () => {
    const g = graph();
    const dates = documentDates(g);
    expect([...dates]).to.deep.equal([['jan', '2024-01-10'], ['mar', '2024-03-02']]);
    expect(dateRange(dates)).to.deep.equal({ first: '2024-01-10', last: '2024-03-02' });
    const march = applyFilters(g, { ...NO_FILTERS, from: '2024-03-01', to: '2024-03-31' }, dates);
    expect(sorted(march.nodes)).to.deep.equal(['a', 'd', 'e']);
    expect(sorted(march.edges)).to.deep.equal(['d|visit|e']);
  });

  it('opens a small graph unfiltered, and a large one on its most mentioned named entities with relations', () => {
    expect(defaultFilters(graph(), { largeGraph: 1000, firstScreen: 2000, firstScreenRelations: 5000 })).to.deep.equal(NO_FILTERS);
    const large = { ...NO_FILTERS, hiddenTypes: ['other'], showUnconnected: false };
    // named entities with relations: a, b, d, e; at least 3 mentions leaves a and b, joined by one relation
    expect(defaultFilters(graph(), { largeGraph: 3, firstScreen: 4, firstScreenRelations: 2 })).to.deep.equal({ ...large, minMentions: 1 });
    expect(defaultFilters(graph(), { largeGraph: 3, firstScreen: 3, firstScreenRelations: 2 })).to.deep.equal({ ...large, minMentions: 3 });
    expect(defaultFilters(graph(), { largeGraph: 3, firstScreen: 4, firstScreenRelations: 1 })).to.deep.equal({ ...large, minMentions: 3 });
  });

  it('steps the mentions slider by ones to ten, then 20, 50, 100…', () => {
    expect(mentionSteps(700)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 50, 100, 200, 500]);
    expect(mentionSteps(1)).to.deep.equal([1]);
  });
});
