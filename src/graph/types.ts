import type { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../types.js';

/** The knowledge graph: entities as nodes, one edge per (subject, relation, object). */
export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
