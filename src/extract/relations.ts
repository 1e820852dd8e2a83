/**
 * The relation vocabulary: verb lemmas with their particle or preposition, light variants merged
 * ("meets", "met", "met with", "meeting with" → meet) without merging different meanings.
 */

/** Verb + preposition pairs that mean the bare verb: "met with" is "meet", "discussed about" is "discuss". */
const LIGHT_PREPOSITIONS: Record<string, ReadonlySet<string>> = {
  meet: new Set(['with']),
  discuss: new Set(['about']),
  visit: new Set(['with']),
  phone: new Set(['with']),
  consult: new Set(['with']),
};

/** Event nouns and the verb they name, for nominal relations ("talks with", "a strike on"). */
export const EVENT_NOUNS: Readonly<Record<string, string>> = {
  talk: 'talk', talks: 'talk', meeting: 'meet', visit: 'visit', trip: 'travel', strike: 'strike', attack: 'attack',
  threat: 'threaten', agreement: 'agree', deal: 'deal', negotiation: 'negotiate', negotiations: 'negotiate',
  invasion: 'invade', intervention: 'intervene', raid: 'raid', sanction: 'sanction', sanctions: 'sanction',
  call: 'call', summit: 'meet', interview: 'interview', deployment: 'deploy', offer: 'offer', investigation: 'investigate',
  arrest: 'arrest', election: 'elect', accusation: 'accuse', criticism: 'criticize', support: 'support', cooperation: 'cooperate',
  partnership: 'partner', war: 'war', conflict: 'fight', bombing: 'bomb', airstrike: 'strike', operation: 'operate',
};

/** The prepositions that introduce an event noun's target ("a strike on X", "talks with X", "a visit to X"). */
export const EVENT_TARGETS: ReadonlySet<string> = new Set(['on', 'against', 'with', 'to', 'into', 'of']);

/** Modal verbs and hedges recorded as edge modality. */
export const MODALS: ReadonlySet<string> = new Set(['will', 'would', 'shall', 'should', 'may', 'might', 'can', 'could', 'must', 'ought']);

export interface RelationParts {
  /** Lemma of the main verb ("meet"). */
  verb: string;
  /** Verb particle ("out" in "carried out"). */
  particle?: string;
  /** Preposition that introduced the object, when there was no direct object ("to" in "traveled to"). */
  preposition?: string;
}

/** The normalised relation label: "meet", "travel to", "carry out", "be president of". */
export function normaliseRelation(parts: RelationParts): string {
  const words = [parts.verb];
  if (parts.particle) words.push(parts.particle);
  if (parts.preposition && !LIGHT_PREPOSITIONS[parts.verb]?.has(parts.preposition)) words.push(parts.preposition);
  return words.join(' ').toLowerCase();
}
