import { expect } from 'chai';
import { documentFromText } from '../../src/ingest/index.js';
import { buildKnowledgeGraph } from '../../src/pipeline.js';
import { edgeKey, edgeSources, TYPE_COLORS } from '../../src/graph/index.js';

const build = (texts: string[]) =>
  buildKnowledgeGraph(texts.map((t, i) => documentFromText(`doc${i}.txt`, t)), { build: { layout: { iterations: 50 } } }).graph;

describe('graph/build', () => {
  it('makes one edge per (subject, relation, object), with a source per supporting sentence', () => {
    const graph = build(['Marco Rubio met Claudia Sheinbaum on Monday. Rubio met Sheinbaum again on Tuesday.', 'Rubio met Sheinbaum in Mexico City.']);
    const rubio = graph.findNode((_n, a) => a.label === 'Marco Rubio')!;
    const sheinbaum = graph.findNode((_n, a) => a.label === 'Claudia Sheinbaum')!;
    const edge = graph.getEdgeAttributes(edgeKey(rubio, 'meet', sheinbaum));
    expect(edge.weight).to.equal(3);
    expect(edge.sources.map((s) => s.doc)).to.deep.equal(['doc0.txt', 'doc0.txt', 'doc1.txt']);
    expect(edge.label).to.equal('meet');
  });

  it('stores each supporting sentence once, edges referring to it, and gives it back whole', () => {
    const text = 'Marco Rubio met Claudia Sheinbaum and praised Claudia Sheinbaum in Mexico City.';
    const graph = build([text]);
    const texts = graph.getAttribute('sentences');
    expect(texts).to.deep.equal([text]);
    graph.forEachEdge((_e, attrs) => {
      expect(attrs.sources.every((s) => s.sentence === 0 && !('text' in s))).to.equal(true);
      expect(edgeSources(graph, attrs)).to.deep.equal([{ doc: 'doc0.txt', start: 0, end: text.length, text }]);
    });
    expect(graph.size).to.be.at.least(2);
  });

  it('keeps node attributes: label, type, aliases, mentions, docs; colour by type; size by centrality', () => {
    const graph = build(['President Claudia Sheinbaum rejected the plan. Sheinbaum met Rubio.', 'Sheinbaum’s government deployed the National Guard.']);
    const id = graph.findNode((_n, a) => a.label === 'Claudia Sheinbaum')!;
    const a = graph.getNodeAttributes(id);
    expect(a.type).to.equal('person');
    expect(a.aliases).to.include('Sheinbaum');
    expect(a.mentions).to.be.at.least(3);
    expect(a.docs).to.deep.equal(['doc0.txt', 'doc1.txt']);
    expect(a.color).to.equal(TYPE_COLORS.person);
    expect(a.size).to.be.above(0);
    expect(Number.isFinite(a.x) && Number.isFinite(a.y)).to.equal(true);
  });

  it('connects head concepts and keeps the arguments as written on the edge', () => {
    const graph = build(['Trump ordered an alleged drug boat seized.', 'Trump ordered a strike on an alleged drug boat. The strike sank an alleged drug boat.']);
    const sink = graph.findEdge((_e, a) => a.relation === 'sink');
    expect(sink).to.exist;
    expect(graph.getNodeAttribute(graph.target(sink!), 'label')).to.equal('boat');
    expect(graph.getEdgeAttribute(sink!, 'objectPhrases')).to.deep.equal(['an alleged drug boat']);
  });

  it('records negation, modality and attribution on the edge', () => {
    const graph = build(['The United States will not conduct operations in Mexico, Sheinbaum said.']);
    const edge = graph.findEdge((_e, a) => a.relation === 'conduct');
    expect(edge, graph.mapEdges((_e, a) => a.relation).join()).to.exist;
    const a = graph.getEdgeAttributes(edge!);
    expect(a.negated).to.equal(true);
    expect(a.modality).to.deep.equal(['will']);
    expect(a.attribution).to.deep.equal(['Sheinbaum']);
  });

  it('leaves concept-to-concept statements out of the graph, but keeps events acting on things', () => {
    const graph = build(['The talks reflect the delicate balance of interests. A missile strike sank the boat.']);
    const relations = graph.mapEdges((_e, a, s, t) => `${graph.getNodeAttribute(s, 'label')} ${a.relation} ${graph.getNodeAttribute(t, 'label')}`);
    expect(relations).to.deep.equal(['strike sink boat']);
  });

  it('lays out the same input the same way', () => {
    const text = ['Rubio met Sheinbaum in Mexico City. Trump ordered a strike on a vessel.'];
    const a = build(text);
    const b = build(text);
    a.forEachNode((n, attrs) => expect([attrs.x, attrs.y]).to.deep.equal([b.getNodeAttribute(n, 'x'), b.getNodeAttribute(n, 'y')]));
  });
});
