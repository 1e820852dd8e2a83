import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { toJson } from '../../src/export/index.js';
import { edgeSources } from '../../src/graph/index.js';
import { GraphLoadError, loadGraph } from '../../src/serve/load.js';
import { kg } from '../helpers.js';
import { sampleGraph } from '../fixtures/graph.js';

/** A graph file's JSON as parsed, before anything is known of its shape. */
type Raw = { nodes: any[]; edges: any[]; attributes: any };

/** The sample graph's JSON, with one thing broken by `spoil`. */
function spoiled(spoil: (data: Raw) => void): unknown {
  const data = JSON.parse(JSON.stringify(toJson(sampleGraph())));
  spoil(data);
  return data;
}

const CASES: [string, unknown, RegExp][] = [
  ['a list', [1, 2, 3], /not a kg graph: the file holds a list, not a graph object$/],
  ['an empty object', {}, /not a kg graph: it has no "nodes" list$/],
  ['a number', 42, /the file holds number/],
  ['edges that are not a list', spoiled((d) => (d.edges = {} as never)), /"edges" must be a list/],
  ['an edge without sources', spoiled((d) => delete d.edges[0].attributes.sources), /edge 1 \("e1"\) has no sources$/],
  ['an edge without attributes', spoiled((d) => delete d.edges[2].attributes), /edge 3 \("e3"\) has no attributes$/],
  ['an edge to no node', spoiled((d) => (d.edges[1].target = 'nobody')), /edge 2 \("e2"\) ends at no node of the graph$/],
  ['a source pointing past the sentence table', spoiled((d) => (d.edges[0].attributes.sources[0].sentence = 999)), /edge 1 \("e1"\) source 1 points to no sentence of the table$/],
  ['a source with offsets backwards', spoiled((d) => (d.edges[0].attributes.sources[0].start = 10_000)), /source 1 must have offsets start <= end$/],
  ['a node of an unknown type', spoiled((d) => (d.nodes[0].attributes.type = 'alien')), /node 1 \("marco-rubio"\) type must be one of person, organization, place, other$/],
  ['a node without a label', spoiled((d) => delete d.nodes[3].attributes.label), /node 4 \(".+"\) has no label$/],
  ['a repeated node key', spoiled((d) => d.nodes.push(d.nodes[0])), /repeats a key/],
  ['a sentence table of numbers', spoiled((d) => (d.attributes.sentences = [1])), /"sentences" must be a list of strings/],
];

describe('serve/load: a graph file is validated whole', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-load-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  for (const [what, data, message] of CASES) {
    it(`rejects ${what} in one line naming the first fault`, async () => {
      const path = join(dir, 'bad.json');
      await writeFile(path, JSON.stringify(data));
      const error = await loadGraph(path).then(() => undefined, (e: Error) => e);
      expect(error).to.be.instanceOf(GraphLoadError);
      expect(error!.message).to.match(message);
      expect(error!.message).to.match(new RegExp(`^cannot load graph ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      expect(error!.message).not.to.include('\n');
    });
  }

  it('loads a graph of an earlier version, whose sources carry their text, as a current one', async () => {
    const old = spoiled((d) => {
      const table: string[] = d.attributes.sentences;
      for (const edge of d.edges) {
        edge.attributes.sources = edge.attributes.sources.map((s: { doc: string; start: number; end: number; sentence: number }) => ({ doc: s.doc, start: s.start, end: s.end, text: table[s.sentence] }));
      }
      delete d.attributes.sentences;
    });
    const path = join(dir, 'old.json');
    await writeFile(path, JSON.stringify(old));
    const graph = await loadGraph(path);
    const expected = sampleGraph();
    expect(edgeSources(graph, graph.getEdgeAttributes('e4'))).to.deep.equal(edgeSources(expected, expected.getEdgeAttributes('e4')));
  });

  it('tells the CLI user in one line, exit code 1, instead of a TypeError', async () => {
    const path = join(dir, 'bad-edges.json');
    await writeFile(path, JSON.stringify(spoiled((d) => delete d.edges[0].attributes.sources)));
    for (const args of [['neighbours', 'Rubio'], ['search', 'Rubio']]) {
      const run = await kg([...args, '--graph', path]);
      expect(run.code).to.equal(1);
      expect(run.stderr).to.equal(`kg: cannot load graph ${path}: not a kg graph: edge 1 ("e1") has no sources\n`);
    }
  });
});
