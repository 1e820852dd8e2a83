import { readFile, stat } from 'node:fs/promises';
import { MultiDirectedGraph } from 'graphology';
import type { KnowledgeGraph } from '../graph/types.js';
import type { NodeMention } from '../types.js';
import { asGraph, graphFault } from './validate.js';

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

/** Reads a graph written by export/writeGraph (graphology JSON). */
export async function loadGraph(path: string): Promise<KnowledgeGraph> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new GraphLoadError(path, reasonOf(error));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new GraphLoadError(path, `not a graphology JSON graph (${reasonOf(error)})`);
  }
  // every node, edge and attribute is checked before graphology sees them: a fault is one line here, not a crash in a query
  const fault = graphFault(data);
  if (fault !== undefined) throw new GraphLoadError(path, `not a kg graph: ${fault}`);
  try {
    const graph = MultiDirectedGraph.from(asGraph(data)) as KnowledgeGraph;
    if (!graph.getAttribute('sentences')) graph.setAttribute('sentences', []);
    return graph;
  } catch (error) {
    throw new GraphLoadError(path, `not a graphology JSON graph (${reasonOf(error)})`);
  }
}

const offset = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** The fields the query stage relies on (the type is the node's), or why the line lacks them. */
function mentionOf(line: unknown): Omit<NodeMention, 'type'> | string {
  const m = line as Partial<Record<keyof NodeMention, unknown>> | null;
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return 'not a JSON object';
  const { doc, start, end, text, entity, sentence } = m;
  if (typeof doc !== 'string' || typeof text !== 'string' || typeof entity !== 'string') return 'doc, text and entity must be strings';
  if (!offset(start) || !offset(end) || end < start) return 'start and end must be offsets, start <= end';
  return { doc, start, end, text, entity, sentence: offset(sentence) ? sentence : -1 };
}

/**
 * The mentions file written beside the graph (export/writeGraph), or undefined when there is none. Mentions of an
 * entity that is not a node of `graph` are left out: no query could reach them.
 */
export async function loadMentions(path: string, graph: KnowledgeGraph): Promise<NodeMention[] | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new GraphLoadError(path, reasonOf(error));
  }
  const mentions: NodeMention[] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      throw new GraphLoadError(path, `line ${i + 1} is not JSON (${reasonOf(error)})`);
    }
    const mention = mentionOf(parsed);
    if (typeof mention === 'string') throw new GraphLoadError(path, `line ${i + 1}: ${mention}`);
    if (graph.hasNode(mention.entity)) mentions.push({ ...mention, type: graph.getNodeAttribute(mention.entity, 'type') });
  }
  return mentions;
}

/** A GEXF file, read once like the graph and served byte for byte as it was written. */
export async function loadBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new GraphLoadError(path, reasonOf(error));
  }
}

export async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}
