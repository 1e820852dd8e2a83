import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { KnowledgeGraph } from '../graph/types.js';
import { writeFilesAtomic } from './atomic.js';
import { toGexf } from './gexf.js';
import { toJson } from './json.js';

export { writeFilesAtomic, type FileContent } from './atomic.js';
export { toGexf } from './gexf.js';
export { toJson, type SerializedKnowledgeGraph } from './json.js';

export interface WriteGraphOptions {
  /** Base name of the files written: `<name>.json` and `<name>.gexf`. */
  name?: string;
}

export const DEFAULT_WRITE_GRAPH_OPTIONS: Required<WriteGraphOptions> = { name: 'graph' };

export class ExportOptionError extends Error {
  override name = 'ExportOptionError';
}

export interface WrittenGraph {
  json: string;
  gexf: string;
}

function validateName(name: string): string {
  if (!/^[\w-][\w.-]*$/.test(name)) {
    throw new ExportOptionError(`invalid graph file name "${name}": use letters, digits, '.', '_' or '-'`);
  }
  return name;
}

/**
 * Writes `graph.json` (graphology serialisation) and `graph.gexf` (GEXF 1.3) into outDir, creating it if missing.
 * Both are serialised before anything touches the disk, then replaced together (see writeFilesAtomic).
 */
export async function writeGraph(
  graph: KnowledgeGraph,
  outDir: string,
  options: WriteGraphOptions = {},
): Promise<WrittenGraph> {
  const name = validateName(options.name ?? DEFAULT_WRITE_GRAPH_OPTIONS.name);
  const paths: WrittenGraph = { json: join(outDir, `${name}.json`), gexf: join(outDir, `${name}.gexf`) };
  const json = JSON.stringify(toJson(graph));
  const gexf = toGexf(graph);
  await mkdir(outDir, { recursive: true });
  await writeFilesAtomic([
    { path: paths.json, content: json },
    { path: paths.gexf, content: gexf },
  ]);
  return paths;
}
