import { basename, dirname, join } from 'node:path';
import type { NodeMention } from '../types.js';

const DEFAULT_GRAPH_NAME = 'graph';
const SUFFIX = 'mentions.jsonl';

/** `mentions.jsonl` beside `graph.json`; `<name>.mentions.jsonl` beside any other `<name>.json`, so graphs sharing a folder keep theirs apart. */
export function mentionsFileName(graphName: string): string {
  return graphName === DEFAULT_GRAPH_NAME ? SUFFIX : `${graphName}.${SUFFIX}`;
}

/** Where the mentions of the graph at `graphPath` are. */
export function mentionsPathOf(graphPath: string): string {
  return join(dirname(graphPath), mentionsFileName(basename(graphPath, '.json')));
}

/** One JSON object a line, keys in the order score.py's README writes them: doc, start, end, text, entity, then type and sentence. */
export function toMentionsJsonl(mentions: readonly NodeMention[]): string {
  return mentions
    .map(({ doc, start, end, text, entity, type, sentence }) => JSON.stringify({ doc, start, end, text, entity, type, sentence }) + '\n')
    .join('');
}
