import type { KnowledgeGraph } from '../graph/types.js';
import type { EntitySummary } from './types.js';

export function summarise(graph: KnowledgeGraph, id: string): EntitySummary {
  const { label, type, aliases, mentions } = graph.getNodeAttributes(id);
  return { id, label, type, aliases: [...aliases], mentions };
}
