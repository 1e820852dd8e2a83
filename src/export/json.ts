import type { SerializedGraph } from 'graphology-types';
import type { KnowledgeGraph } from '../graph/types.js';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../types.js';

export type SerializedKnowledgeGraph = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** graphology's own serialisation: what `MultiDirectedGraph.from()` and the viewer read back. */
export function toJson(graph: KnowledgeGraph): SerializedKnowledgeGraph {
  return graph.export();
}
