import { countryOfDemonym } from '../extract/demonyms.js';
import type { Mention, NodeMention } from '../types.js';
import type { Resolution } from './build.js';
import type { KnowledgeGraph } from './types.js';

/** The types whose proper names are recorded: concepts ("vessel") are not named, and "other" is too loose to cite. */
const NAMED_TYPES = new Set(['person', 'organization', 'place']);

/**
 * The named mentions behind the graph's person, organisation and place nodes: each proper-name mention whose
 * resolved entity is a node, keyed by that node. Ordered by document (as the graph lists them), then offset.
 * A span resolved twice is kept once. A demonym ("Mexican President …") is no name of its country: it joins the
 * country's node, as an alias and for citizenship, but is not listed as a place where the country is named.
 */
export function nodeMentions(graph: KnowledgeGraph, resolution: Resolution): NodeMention[] {
  const docOrder = new Map(graph.getAttribute('documents').map((d, i) => [d.id, i]));
  const seen = new Set<string>();
  const found: NodeMention[] = [];
  const add = (m: Mention): void => {
    if (!m.named || countryOfDemonym(m.text.replace(/['’]s$/, ''))) return;
    const entity = resolution.entityOf(m);
    if (entity === undefined || !graph.hasNode(entity)) return;
    const type = graph.getNodeAttribute(entity, 'type');
    if (!NAMED_TYPES.has(type)) return;
    const span = `${m.doc}\u0000${m.start}\u0000${m.end}`;
    if (seen.has(span)) return;
    seen.add(span);
    found.push({ doc: m.doc, start: m.start, end: m.end, text: m.text, entity, type, sentence: m.sentence });
  };
  for (const e of resolution.entities) e.mentions.forEach(add);
  const order = (doc: string): number => docOrder.get(doc) ?? Number.MAX_SAFE_INTEGER;
  return found.sort((a, b) => order(a.doc) - order(b.doc) || a.doc.localeCompare(b.doc) || a.start - b.start || a.end - b.end);
}
