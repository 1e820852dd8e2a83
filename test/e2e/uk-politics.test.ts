import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { MultiDirectedGraph } from 'graphology';
import type { KnowledgeGraph } from '../../src/graph/index.js';
import { kg } from '../helpers.js';

/**
 * Six short political articles of our own, written to hold the traps a user met in a real archive: two Blairs,
 * two Clarkes, two Johnsons, two Kellys, Michaels and Howards, places inside places, parties, titles and
 * factions before names, and words that name nothing. Built by the real CLI; the facts are what a reader checks.
 */
describe('end to end: people who share names, places inside places (test/fixtures/uk-politics)', function () {
  this.timeout(120_000);
  let out: string;
  let graph: KnowledgeGraph;
  const labels = (type: string) => graph.filterNodes((_n, a) => a.type === type).map((n) => graph.getNodeAttribute(n, 'label')).sort();

  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'kg-uk-'));
    const run = await kg(['build', 'test/fixtures/uk-politics', '--out', out]);
    expect(run.code, run.stderr).to.equal(0);
    graph = MultiDirectedGraph.from(JSON.parse(await readFile(join(out, 'graph.json'), 'utf8'))) as KnowledgeGraph;
  });
  after(() => rm(out, { recursive: true, force: true }));

  it('has one node per person, never two full names in one, and no title, party or faction in a label', () => {
    const people = labels('person');
    for (const name of ['Tony Blair', 'Cherie Blair', 'Ken Clarke', 'Charles Clarke', 'Alan Johnson', 'Boris Johnson', 'Ruth Kelly',
      'Lorraine Kelly', 'Michael Howard', 'Michael Ancram', 'Alun Michael', 'Howard Flight', 'David Blunkett', 'David McLetchie',
      'John Prescott', 'Alan Milburn']) {
      expect(people.filter((p) => p === name), name).to.have.length(1);
    }
    graph.forEachNode((_n, a) => {
      if (a.type !== 'person') return;
      const full = a.aliases.filter((x) => x.includes(' '));
      expect(full, a.label).to.have.length.at.most(1);
      expect(a.label).to.not.match(/^(?:Tories|Blairite|Pensions|Harrogate|Mr|Mrs) /);
    });
  });

  it('gives "Mr Blair" to Tony Blair and "Mrs Blair" to Cherie Blair', () => {
    const holder = (alias: string, doc: string) =>
      graph.filterNodes((_n, a) => a.aliases.includes(alias) && a.docs.includes(doc)).map((n) => graph.getNodeAttribute(n, 'label'));
    expect(holder('Blair', 'a1.txt')).to.deep.equal(['Tony Blair']);
    expect(holder('Blair', 'a2.txt')).to.deep.equal(['Cherie Blair']);
  });

  it('keeps places apart from the places they lie in', () => {
    const places = labels('place');
    for (const name of ['Northern Ireland', 'Ireland', 'South Wales', 'Wales', 'Eastern Europe', 'Europe', 'London', 'United Kingdom']) {
      expect(places, name).to.include(name);
    }
    expect(graph.getNodeAttribute(graph.findNode((_n, a) => a.label === 'United Kingdom')!, 'aliases')).to.not.include('Labour');
  });

  it('types parties as organisations', () => {
    const orgs = labels('organization');
    expect(orgs).to.include.members(['Labour', 'Lib Dems', 'Liberal Democrats', 'Tories']);
  });

  it('makes no node of a word that names nothing', () => {
    for (const junk of ['there', 'There', 'person', 'Budget', 'Election', 'Lib', 'Dems']) {
      expect(graph.findNode((_n, a) => a.label === junk), junk).to.equal(undefined);
    }
  });
});
