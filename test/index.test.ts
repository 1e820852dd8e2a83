import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { readDocuments, buildKnowledgeGraph, writeGraph, neighbours } from '../src/index.js';
import { ROOT } from './helpers.js';

describe('package entry', () => {
  it('runs the README example: read, build, write, query', async function () {
    this.timeout(60_000);
    const out = await mkdtemp(join(tmpdir(), 'kg-lib-'));
    try {
      const { documents, problems } = await readDocuments([join(ROOT, 'seeds')]);
      expect(problems).to.deep.equal([]);
      const { graph, stats } = buildKnowledgeGraph(documents);
      expect(stats.documents).to.equal(5);
      const written = await writeGraph(graph, out);
      expect(existsSync(written.json) && existsSync(written.gexf)).to.equal(true);
      const result = neighbours(graph, 'Sheinbaum', { depth: 1 });
      expect(result.entity.label).to.equal('Claudia Sheinbaum');
      expect(result.neighbours.length).to.be.above(3);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
