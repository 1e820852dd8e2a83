import { expect } from 'chai';
import { documentFromText } from '../../src/ingest/index.js';
import { buildKnowledgeGraph } from '../../src/pipeline.js';
import { nodeMentions } from '../../src/graph/index.js';

const TEXTS = [
  'Secretary Rubio met with Mexican President Claudia Sheinbaum in Mexico City. She said the strike on the vessel was illegal. Sheinbaum thanked him.',
  'Claudia Sheinbaum spoke in Monterrey. Sheinbaum said Mexico rejects any U.S. military intervention.',
];

describe('graph/nodeMentions', () => {
  const documents = TEXTS.map((t, i) => documentFromText(`doc${i}.txt`, t));
  const { graph, resolution } = buildKnowledgeGraph(documents, { build: { layout: { iterations: 10 } } });
  const mentions = nodeMentions(graph, resolution);
  const sheinbaum = graph.findNode((_n, a) => a.label === 'Claudia Sheinbaum')!;

  it('points every named mention of a node at its key, across documents', () => {
    const hers = mentions.filter((m) => m.entity === sheinbaum).map((m) => `${m.doc} ${m.start} ${m.text}`);
    expect(hers).to.deep.equal(['doc0.txt 43 Claudia Sheinbaum', 'doc0.txt 124 Sheinbaum', 'doc1.txt 0 Claudia Sheinbaum', 'doc1.txt 38 Sheinbaum']);
    for (const m of mentions) expect(graph.hasNode(m.entity), m.entity).to.equal(true);
  });

  it('keeps offsets into the original text, and the node type', () => {
    for (const m of mentions) {
      expect(documents.find((d) => d.id === m.doc)!.text.slice(m.start, m.end)).to.equal(m.text);
      expect(m.type).to.equal(graph.getNodeAttribute(m.entity, 'type'));
    }
  });

  it('leaves out pronouns, concepts and anything not a person, organisation or place', () => {
    const texts = mentions.map((m) => m.text);
    expect(texts).to.not.include.members(['She', 'him']);
    expect(texts.some((t) => /strike|vessel/i.test(t))).to.equal(false);
    for (const m of mentions) expect(m.type).to.be.oneOf(['person', 'organization', 'place']);
  });

  it('lists no demonym as a place where its country is named, though the country\'s node holds it', () => {
    const docs = [documentFromText('d.txt', 'Ana Ruiz is a Mexican politician. She was born in Mexico.')];
    const built = buildKnowledgeGraph(docs, { build: { layout: { iterations: 10 } } });
    const mexico = built.graph.findNode((_n, a) => a.label === 'Mexico')!;
    expect(built.graph.getNodeAttribute(mexico, 'aliases')).to.include('Mexican');
    expect(nodeMentions(built.graph, built.resolution).filter((m) => m.entity === mexico).map((m) => m.text)).to.deep.equal(['Mexico']);
  });

  it('orders by document, then offset', () => {
    const order = mentions.map((m) => [Number(m.doc[3]), m.start]);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(order).to.deep.equal(sorted);
  });

  it('leaves out entities the graph has no node for', () => {
    // Without isolated entities, the United States (in no relation here) is no node.
    const lean = buildKnowledgeGraph(documents, { build: { layout: { iterations: 10 }, keepIsolated: false } });
    const kept = nodeMentions(lean.graph, lean.resolution);
    expect(mentions.map((m) => m.text)).to.include('U.S.');
    expect(kept.map((m) => m.text)).to.not.include('U.S.');
    for (const m of kept) expect(lean.graph.hasNode(m.entity)).to.equal(true);
  });
});
