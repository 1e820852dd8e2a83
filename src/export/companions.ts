import { basename, dirname, join } from 'node:path';

/** The name a build gives its graph unless told otherwise: `graph.json`, whose companion files need no prefix. */
export const DEFAULT_GRAPH_NAME = 'graph';

/**
 * A file written beside a graph: `<suffix>` beside `graph.json`, `<name>.<suffix>` beside any other `<name>.json`,
 * so graphs sharing a folder keep theirs apart.
 */
export function companionFileName(graphName: string, suffix: string): string {
  return graphName === DEFAULT_GRAPH_NAME ? suffix : `${graphName}.${suffix}`;
}

/** The GEXF written with the graph at `graphPath`: `<name>.gexf` beside `<name>.json`. */
export function gexfPathOf(graphPath: string): string {
  return join(dirname(graphPath), `${basename(graphPath, '.json')}.gexf`);
}

/** Where the companion `suffix` of the graph at `graphPath` is. */
export function companionPathOf(graphPath: string, suffix: string): string {
  return join(dirname(graphPath), companionFileName(basename(graphPath, '.json'), suffix));
}
