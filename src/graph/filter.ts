import type { Entity, Triple } from '../types.js';

/**
 * Which triples become edges. A reader of the graph wants who did what to whom: every edge needs a
 * named entity at one end, or an event acting on something ("the strike sank the boat"). Concept-to-
 * concept statements ("the talks reflect the balance") stay in `kg extract`, not in the graph.
 */
export function isGraphWorthy(triple: Triple, subject: Entity, object: Entity): boolean {
  if (subject.id === object.id) return false;
  const named = subject.type !== 'other' || object.type !== 'other' || isNamed(subject) || isNamed(object);
  if (triple.relation === 'be' && !named) return false;
  if (named) return true;
  return isEvent(subject);
}

function isNamed(e: Entity): boolean {
  return e.mentions.some((m) => m.named);
}

/** Events that act on things by themselves: "the strike sank the boat", "the storm destroyed the bridge". */
const ACTING_EVENTS = new Set(['strike', 'airstrike', 'attack', 'raid', 'bombing', 'bomb', 'missile', 'explosion', 'blast', 'storm', 'hurricane', 'earthquake', 'flood', 'fire', 'wildfire', 'shooting', 'crash', 'collapse', 'stampede', 'outbreak', 'virus', 'epidemic']);

function isEvent(e: Entity): boolean {
  return ACTING_EVENTS.has(e.label.toLowerCase());
}
