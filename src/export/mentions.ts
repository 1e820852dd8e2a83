import { companionFileName, companionPathOf } from './companions.js';
import type { NodeMention } from '../types.js';

const SUFFIX = 'mentions.jsonl';

/** `mentions.jsonl` beside `graph.json`; `<name>.mentions.jsonl` beside any other `<name>.json`. */
export function mentionsFileName(graphName: string): string {
  return companionFileName(graphName, SUFFIX);
}

/** Where the mentions of the graph at `graphPath` are. */
export function mentionsPathOf(graphPath: string): string {
  return companionPathOf(graphPath, SUFFIX);
}

/** One JSON object a line, keys in the order score.py's README writes them: doc, start, end, text, entity, then type and sentence. */
export function toMentionsJsonl(mentions: readonly NodeMention[]): string {
  return mentions
    .map(({ doc, start, end, text, entity, type, sentence }) => JSON.stringify({ doc, start, end, text, entity, type, sentence }) + '\n')
    .join('');
}
