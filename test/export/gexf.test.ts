import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { MultiDirectedGraph } from 'graphology';
import { parse, write } from 'graphology-gexf';
import { gexfChunks, toGexf } from '../../src/export/index.js';
import { formatEdge, formatNode, meta, xmlSafe } from '../../src/export/gexf.js';
import type { KnowledgeGraph } from '../../src/graph/types.js';
import { HOSTILE, sampleGraph } from '../fixtures/graph.js';

const run = promisify(execFile);

/** The document graphology-gexf's writer makes of the same formatted nodes and edges, as toGexf once wrote it. */
function graphologyGexf(graph: KnowledgeGraph): string {
  const sentences = graph.getAttribute('sentences') ?? [];
  const xml = write(graph, { version: '1.3', pedantic: true, formatNode, formatEdge: (key, edge) => formatEdge(sentences, key, edge) })
    .replace(/<gexf [^>]*>/, (root) => root.replace(/ xmlns:xsi="[^"]*"| xsi:schemaLocation="[^"]*"/g, ''))
    .replace('<meta/>', () => meta(graph.getAttributes()));
  return xmlSafe(xml);
}
const SCHEMA = fileURLToPath(new URL('../fixtures/gexf-1.3/gexf.rng', import.meta.url));

/** xmllint's verdict on a GEXF string; rejects with its stderr when invalid. */
async function validate(gexf: string, dir: string): Promise<string> {
  const file = join(dir, 'graph.gexf');
  await writeFile(file, gexf);
  const { stderr } = await run('xmllint', ['--noout', '--relaxng', SCHEMA, file]);
  return stderr;
}

describe('export/gexf', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-gexf-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('validates against the GEXF 1.3 RELAX NG schema', async () => {
    expect(await validate(toGexf(sampleGraph()), dir)).to.match(/validates/);
  });

  it('validates for an empty graph', async () => {
    expect(await validate(toGexf(new MultiDirectedGraph() as KnowledgeGraph), dir)).to.match(/validates/);
  });

  it("writes graphology-gexf's document byte for byte, columns in the order their first values come", () => {
    const graphs: KnowledgeGraph[] = [sampleGraph(), new MultiDirectedGraph() as KnowledgeGraph];
    const odd = sampleGraph();
    // a first node without aliases puts the column after the others; large and fractional numbers change column types
    const first = odd.nodes()[0];
    odd.mergeNodeAttributes(first, { aliases: [], mentions: 2 ** 40, centrality: 0, label: '' });
    odd.setNodeAttribute(odd.nodes()[1], 'community', -3);
    odd.setNodeAttribute('mexico', 'label', 'Mex\u0000ico\t"<&>"\r\n\uD800');
    odd.addNode('bell\u0007', { ...odd.getNodeAttributes('mexico'), x: Number.NaN, size: -1, color: 'red' });
    odd.forEachEdge((edge, attributes) => odd.mergeEdgeAttributes(edge, { weight: attributes.weight === 3 ? 0 : 2.5, modality: [] }));
    graphs.push(odd);
    const edgesOnly = sampleGraph();
    edgesOnly.forEachEdge((edge) => edgesOnly.dropEdge(edge));
    graphs.push(edgesOnly);
    for (const graph of graphs) expect(toGexf(graph)).to.equal(graphologyGexf(graph));
  });

  it('writes the same document in pieces, cleaning each, whatever characters lie about their edges', () => {
    const graph = sampleGraph();
    const [template] = graph.nodes();
    const [edgeTemplate] = graph.edges();
    // names whose characters XML forbids or allows only in pairs, at every place in the pieces
    const names = ['Ana', 'smile \u{1F600}', 'lone \uD800', 'bell \u0007', '\uDC00 low', 'nonchar \uFFFE'];
    for (let i = 0; i < 2500; i++) {
      graph.addNode(`n${i}`, { ...graph.getNodeAttributes(template), label: `${names[i % names.length]} ${i}` });
      if (i > 0) graph.addDirectedEdgeWithKey(`piece-edge-${i}`, `n${i - 1}`, `n${i}`, { ...graph.getEdgeAttributes(edgeTemplate), label: names[i % names.length] });
    }
    const pieces = [...gexfChunks(graph)];
    expect(pieces.length).to.be.greaterThan(4);
    expect(pieces.join('')).to.equal(graphologyGexf(graph));
    expect(pieces.join('')).to.include('smile \u{1F600} 7').and.not.include('\uD800').and.not.include('\u0007');
  });

  it('declares GEXF 1.3 without the xsi attributes the schema rejects', () => {
    const root = /<gexf [^>]*>/.exec(toGexf(sampleGraph()))?.[0];
    expect(root).to.equal('<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz">');
  });

  it('writes viz position, size and colour as r/g/b for every node', () => {
    const gexf = toGexf(sampleGraph());
    expect(gexf.match(/<viz:position /g)).to.have.length(6);
    expect(gexf.match(/<viz:size /g)).to.have.length(6);
    expect(gexf).to.include('<viz:color r="230" g="25" b="75"/>');
    expect(gexf).not.to.include('hex=');
  });

  it('uses the relation as edge label and the supporting sentences as weight', () => {
    const gexf = toGexf(sampleGraph());
    expect(gexf).to.match(/<edge id="e4" source="claudia-sheinbaum" target="mexico" weight="3" label="president of">/);
  });

  it('round-trips hostile text escaped', async () => {
    const gexf = toGexf(sampleGraph());
    expect(gexf).not.to.include('<script>');
    expect(gexf).to.include('label="&lt;script>alert(1)&lt;/script> &amp; &quot;quotes&quot;"');
    const read = parse(MultiDirectedGraph, gexf);
    expect(read.getNodeAttribute('hostile', 'label')).to.equal(HOSTILE);
    expect(read.getEdgeAttribute('e7', 'evidence')).to.equal(`The U.S. published ${HOSTILE} on its site.`);
  });

  it('takes a bounded excerpt of a long sentence as evidence, not a copy of it per edge', () => {
    const graph = sampleGraph();
    const long = `${'word '.repeat(400)}end.`;
    graph.getAttribute('sentences')[graph.getEdgeAttribute('e7', 'sources')[0].sentence] = long;
    const evidence = parse(MultiDirectedGraph, toGexf(graph)).getEdgeAttribute('e7', 'evidence') as string;
    expect(evidence.length).to.be.at.most(300);
    expect(evidence).to.match(/^word word .*word…$/);
  });

  it('strips characters XML 1.0 forbids, wherever they are', async () => {
    const graph = sampleGraph();
    graph.setNodeAttribute('mexico', 'label', 'Mex\u0000ico\u0001\u001f\uD800\uFFFE');
    graph.setAttribute('name', 'news\u0007 <b>');
    graph.addNode('bell\u0007', { ...graph.getNodeAttributes('mexico'), label: 'tab\there' });
    const gexf = toGexf(graph);
    expect(await validate(gexf, dir)).to.match(/validates/);
    const read = parse(MultiDirectedGraph, gexf);
    expect(read.getNodeAttribute('mexico', 'label')).to.equal('Mexico');
    expect(read.hasNode('bell')).to.equal(true);
  });

  it('writes the graph name as meta description, whatever it contains', async () => {
    const graph = sampleGraph();
    graph.setAttribute('name', `$& $' ${HOSTILE} ]]>`);
    const gexf = toGexf(graph);
    expect(await validate(gexf, dir)).to.match(/validates/);
    expect(gexf).to.include('<meta lastmodifieddate="2025-01-16"><creator>kg-news</creator>');
    expect(gexf).to.include(`<description>$&amp; $' &lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" ]]&gt;</description>`);
  });

  it('serialises lists and sources into scalar attributes Gephi can show', () => {
    const read = parse(MultiDirectedGraph, toGexf(sampleGraph()));
    expect(read.getNodeAttributes('marco-rubio')).to.include({
      aliases: 'Marco Rubio|Rubio|Secretary Rubio',
      mentions: 12,
      type: 'person',
    });
    expect(read.getEdgeAttributes('e6')).to.include({ modality: 'may', attribution: 'Claudia Sheinbaum', negated: false, subjects: 'White House', objects: 'Mexico' });
    expect(read.getEdgeAttribute('e4', 'docs')).to.equal('news/rubio-visit.txt|news/tariffs.txt');
  });

  it('is read by networkx with viz position, size and colour on every node', async function () {
    const file = join(dir, 'graph.gexf');
    await writeFile(file, toGexf(sampleGraph()));
    const script = [
      'import json, sys, networkx as nx',
      'g = nx.read_gexf(sys.argv[1])',
      'print(json.dumps({n: d["viz"] for n, d in g.nodes(data=True)}))',
    ].join('\n');
    const result = await run('python3', ['-c', script, file]).catch(() => undefined);
    if (!result) this.skip();
    const viz = JSON.parse(result.stdout) as Record<string, { color: object; size: number; position: object }>;
    expect(Object.keys(viz)).to.have.length(6);
    for (const node of Object.values(viz)) expect(node).to.have.all.keys('color', 'size', 'position');
    expect(viz['marco-rubio'].color).to.deep.equal({ r: 230, g: 25, b: 75, a: 1 });
  });
});
