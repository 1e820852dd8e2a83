import { readFile, stat } from 'node:fs/promises';
import { MultiDirectedGraph } from 'graphology';
import type { KnowledgeGraph } from '../graph/types.js';

/** The graph file cannot be read, parsed or imported; the message is one line, naming the file. */
export class GraphLoadError extends Error {
  override name = 'GraphLoadError';
  constructor(path: string, reason: string) {
    super(`cannot load graph ${path}: ${reason.replace(/\s+/g, ' ').trim()}`);
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** The first node missing what the query stage relies on, if any. */
function malformedNode(graph: KnowledgeGraph): string | undefined {
  return graph.findNode(
    (_id, node) => typeof node.label !== 'string' || !Array.isArray(node.aliases) || typeof node.mentions !== 'number',
  );
}

/** Reads a graph written by export/writeGraph (graphology JSON). */
export async function loadGraph(path: string): Promise<KnowledgeGraph> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new GraphLoadError(path, reasonOf(error));
  }
  let graph: KnowledgeGraph;
  try {
    graph = MultiDirectedGraph.from(JSON.parse(text));
  } catch (error) {
    throw new GraphLoadError(path, `not a graphology JSON graph (${reasonOf(error)})`);
  }
  const bad = malformedNode(graph);
  if (bad !== undefined) throw new GraphLoadError(path, `node "${bad}" lacks a label, aliases or mentions`);
  return graph;
}

/** A GEXF file given on the command line, read once like the graph. */
export async function loadText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new GraphLoadError(path, reasonOf(error));
  }
}

export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}
