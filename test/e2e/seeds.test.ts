import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { MultiDirectedGraph } from 'graphology';
import { edgeSources, type KnowledgeGraph } from '../../src/graph/index.js';
import { neighbours, findEntity } from '../../src/query/index.js';
import { ROOT, kg, exec } from '../helpers.js';

/** Facts a reader checks on the graph of the five sample articles, built by the real CLI. */
describe('end to end: kg build seeds', function () {
  this.timeout(120_000);
  let out: string;
  let graph: KnowledgeGraph;
  let summary: string;
  const texts = new Map<string, string>();

  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'kg-seeds-'));
    const run = await kg(['build', 'seeds', '--out', out]);
    expect(run.code, run.stderr).to.equal(0);
    summary = run.stdout.trim();
    graph = MultiDirectedGraph.from(JSON.parse(await readFile(join(out, 'graph.json'), 'utf8'))) as KnowledgeGraph;
    for (const d of graph.getAttribute('documents')) texts.set(d.id, await readFile(join(ROOT, 'seeds', d.id), 'utf8'));
  });

  after(() => rm(out, { recursive: true, force: true }));

  const nodesNamed = (re: RegExp) => graph.filterNodes((_n, a) => a.aliases.some((x) => re.test(x)) || re.test(a.label));

  it('ends with one summary line: documents, sentences, entities, relations, seconds, what was extracted, peak memory', () => {
    expect(summary).to.match(
      /^built .*graph\.json, .*graph\.gexf, .*mentions\.jsonl, .*merges\.tsv and .*documents\.jsonl: 5 documents \(2 titled; dates: 1 dateline, 4 file time\), \d+ sentences, \d+ entities, \d+ relations in [\d.]+ s \(5 extracted, 0 from the cache; peak RSS \d+ MB\)$/,
    );
  });

  it('lists in mentions.jsonl where each person, organisation and place node is named, as written in the articles', async () => {
    const mentions = (await readFile(join(out, 'mentions.jsonl'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    for (const m of mentions) {
      expect(texts.get(m.doc)!.slice(m.start, m.end), JSON.stringify(m)).to.equal(m.text);
      expect(graph.getNodeAttribute(m.entity, 'type')).to.be.oneOf(['person', 'organization', 'place']);
    }
    const rubio = mentions.filter((m) => m.entity === findEntity(graph, 'Rubio'));
    expect(new Set(rubio.map((m) => m.doc)).size).to.equal(5);
    expect(rubio.map((m) => m.text)).to.include.members(['Marco Rubio', 'Rubio']);
  });

  it('lists in merges.tsv the node that took in names by corpus evidence: Trump, named in full in two articles only', async () => {
    const rows = (await readFile(join(out, 'merges.tsv'), 'utf8')).trimEnd().split('\n').map((l) => l.split('\t'));
    expect(rows[0]).to.deep.equal(['entity', 'label', 'type', 'why', 'names']);
    const trump = rows.find((r) => r[1] === 'Donald Trump')!;
    expect(trump[0]).to.equal(findEntity(graph, 'Trump'));
    expect(trump[3]).to.equal('partial names');
    expect(trump[4]).to.match(/^Trump ×\d+; Donald Trump ×\d+$/);
  });

  it('has one node for Rubio however the articles name him, a person labelled Marco Rubio', () => {
    const rubio = nodesNamed(/rubio/i);
    expect(rubio.map((n) => graph.getNodeAttribute(n, 'label'))).to.deep.equal(['Marco Rubio']);
    const attrs = graph.getNodeAttributes(rubio[0]);
    expect(attrs.type).to.equal('person');
    expect(attrs.docs).to.have.length(5);
  });

  for (const [name, type, pattern] of [
    ['Claudia Sheinbaum', 'person', /sheinbaum/i],
    ['Donald Trump', 'person', /trump/i],
    ['United States', 'place', /^(the )?(united states|u\.s\.?|us)$/i],
    ['Mexico', 'place', /^mexico$/i],
    ['Mexico City', 'place', /^mexico city$/i],
  ] as const) {
    it(`has exactly one node for ${name}, of type ${type}`, () => {
      const found = nodesNamed(pattern).filter((n) => graph.getNodeAttribute(n, 'type') !== 'other' || /trump/i.test(name));
      expect(found.map((n) => graph.getNodeAttribute(n, 'label'))).to.deep.equal([name]);
      expect(graph.getNodeAttribute(found[0], 'type')).to.equal(type);
    });
  }

  it('joins Rubio to Sheinbaum by a meet edge that cites its sentences', () => {
    const result = neighbours(graph, 'Rubio', { relation: 'meet', direction: 'out' });
    const sheinbaum = result.neighbours.find((n) => n.label === 'Claudia Sheinbaum');
    expect(sheinbaum, JSON.stringify(result.neighbours.map((n) => n.label))).to.exist;
    expect(sheinbaum!.sources.length).to.be.at.least(1);
    expect(sheinbaum!.sources.some((s) => /Rubio met with Mexican President Claudia Sheinbaum/.test(s.text))).to.equal(true);
  });

  for (const [subject, relation, object] of [
    ['Trump', 'order', 'strike'],
    ['Sheinbaum', 'reject', 'intervention'],
    ['United States', 'threaten', 'tariff'],
    ['strike', 'sink', 'boat'],
  ] as const) {
    it(`finds ${subject} –${relation}→ ${object}`, () => {
      const result = neighbours(graph, subject, { relation, direction: 'out' });
      expect(result.neighbours.map((n) => n.label.toLowerCase()), JSON.stringify(result.neighbours.map((n) => n.label))).to.include(object);
    });
  }

  it('cites, on every edge, real sentences of the documents', () => {
    graph.forEachEdge((_e, attrs) => {
      expect(attrs.sources.length).to.equal(attrs.weight);
      for (const s of edgeSources(graph, attrs)) expect(texts.get(s.doc)!.slice(s.start, s.end)).to.equal(s.text);
    });
  });

  it('cites sentences that name an endpoint of the edge', () => {
    const names = (n: string) => [graph.getNodeAttribute(n, 'label'), ...graph.getNodeAttribute(n, 'aliases')].map((a) => a.toLowerCase());
    const naming = graph.filterEdges((_e, attrs, s, t) =>
      edgeSources(graph, attrs).every((src) => [...names(s), ...names(t)].some((a) => src.text.toLowerCase().includes(a))),
    );
    expect(naming.length).to.equal(graph.size);
  });

  it('has no node that is site furniture, a date, a stray word or a fragment', () => {
    const bad = /^(drew|september|sept\.?|state marco|leave a (reply|comment)|you may also like|collection|key topics.*|looking ahead|\d[\d,.]*|[^\p{L}]*)$/iu;
    const labels = graph.mapNodes((_n, a) => a.label);
    expect(labels.filter((l) => bad.test(l))).to.deep.equal([]);
  });

  it('writes a GEXF that validates against the GEXF 1.3 schema', async () => {
    await exec('xmllint', ['--noout', '--relaxng', join(ROOT, 'test/fixtures/gexf-1.3/gexf.rng'), join(out, 'graph.gexf')]);
  });

  it('writes a GEXF that networkx reads with position, size and colour on every node', async function () {
    const script = 'import sys, networkx as nx\ng = nx.read_gexf(sys.argv[1])\nprint(g.number_of_nodes(), sum(1 for _, d in g.nodes(data=True) if {"position", "size", "color"} <= set(d.get("viz", {}))))';
    const result = await exec('python3', ['-c', script, join(out, 'graph.gexf')]).catch(() => undefined);
    if (!result) this.skip();
    expect(result.stdout.trim()).to.equal(`${graph.order} ${graph.order}`);
  });

  it('lays the graph out and sizes and colours every node', () => {
    graph.forEachNode((_n, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).to.equal(true);
      expect(a.size).to.be.above(0);
      expect(a.color).to.match(/^#[0-9a-f]{6}$/);
    });
  });

  it('answers kg neighbours Rubio --json with Sheinbaum, a meet relation and its sentences', async () => {
    const run = await kg(['neighbours', 'Rubio', '--json', '--graph', join(out, 'graph.json')]);
    expect(run.code, run.stderr).to.equal(0);
    const result = JSON.parse(run.stdout);
    expect(result.entity.label).to.equal('Marco Rubio');
    const meet = result.neighbours.filter((n: { relation: string; label: string }) => n.relation === 'meet' && n.label === 'Claudia Sheinbaum');
    expect(meet).to.have.length(1);
    expect(meet[0].sources[0].text).to.be.a('string').and.not.empty;
    expect(findEntity(graph, 'rubio’s')).to.equal(findEntity(graph, 'Marco Rubio'));
  });
});
