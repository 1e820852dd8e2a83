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

/** Verbs whose coordinated subjects act on each other: "Mexico and the United States agreed to …". */
export const RECIPROCAL_VERBS: ReadonlySet<string> = new Set([
  'agree', 'meet', 'sign', 'collaborate', 'cooperate', 'negotiate', 'talk', 'discuss', 'fight', 'clash', 'marry', 'merge', 'partner',
  'ally', 'trade', 'compete', 'reconcile', 'settle', 'unite', 'divorce', 'quarrel', 'feud', 'spar',
]);

/** Misspellings of "and" that news copy lets through ("Mexico adn the United States"). */
export const COORDINATOR_MISSPELLINGS: ReadonlySet<string> = new Set(['adn', 'nad', 'amd']);

/**
 * The relation vocabulary: a few kinds of relation between people, bodies and places, read from the open
 * relation ("president of", "be a politician for", "be born in"). The open text stays the edge's label;
 * the kind is what `kg neighbours --relation` and viewer filters can ask for across wordings.
 */
export type RelationKind =
  | 'located in' | 'born in' | 'died in' | 'citizen of' | 'member of' | 'works for' | 'leads' | 'founded' | 'part of'
  | 'meets' | 'attacks' | 'sues' | 'agrees with' | 'married to' | 'child of' | 'parent of' | 'visits';

export const RELATION_KINDS: readonly RelationKind[] = [
  'located in', 'born in', 'died in', 'citizen of', 'member of', 'works for', 'leads', 'founded', 'part of',
  'meets', 'attacks', 'sues', 'agrees with', 'married to', 'child of', 'parent of', 'visits',
];

/** Each kind's wordings, as patterns over a normalised relation; the first that matches names the kind. */
const KIND_PATTERNS: readonly [RelationKind, RegExp][] = [
  ['born in', /^(?:be )?born in$|^birthplace of$/],
  ['died in', /^(?:be )?(?:die|died|kill|killed|bury|buried) in$/],
  ['citizen of', /^citizen of$|^(?:be )?(?:national|citizen|native) of$/],
  ['leads', /^(?:be )?(?:the )?(?:\w+ )?(?:president|prime minister|premier|chancellor|king|queen|emperor|leader|head|chairman|chairwoman|chair|chairperson|ceo|chief executive|director|governor|mayor|commander|captain|manager|coach|secretary general|principal|dean|rector|owner) of$|^(?:lead|head|chair|run|govern|rule|command|manage|coach)$/],
  ['founded', /^(?:found|co-found|establish|create|cofound)$|^(?:co-)?founder of$/],
  ['member of', /^(?:\w+ )?(?:member|politician|mp|mep|senator|deputy|representative|player|footballer|midfielder|defender|forward|striker|goalkeeper|guitarist|drummer|singer|vocalist|bassist|candidate|councillor|delegate) (?:of|for)$|^(?:join|play for|play with|sign with|sign for|represent|be elected to|serve in|be member of)$/],
  ['works for', /^(?:\w+ )?(?:spokesman|spokeswoman|spokesperson|employee|official|officer|minister|secretary|ambassador|envoy|adviser|advisor|professor|lecturer|correspondent|reporter|editor|journalist|executive|engineer|scientist|lawyer|analyst|agent|staff|worker|economist) (?:of|for|at)$|^(?:work for|work at|work with|employ|be employed by|be hired by|hire|serve)$/],
  ['part of', /^(?:be )?part of$|^(?:be )?(?:division|branch|subsidiary|unit|wing|department|tributary) of$/],
  ['located in', /^(?:be )?(?:locate|located|situate|situated|base|based|headquarter|headquartered)? ?in$|^(?:\w+ )?(?:city|town|village|municipality|suburb|district|county|region|province|state|island|river|lake|mountain|capital|commune|neighbourhood|neighborhood|area|community|settlement|parish|borough|locality|hamlet|port|peninsula|country) (?:in|of|within|near|on)$/],
  ['meets', /^(?:meet|meet with|talk with|talk|hold talks with|speak with|host|visit with|call)$/],
  ['visits', /^(?:visit|travel to|fly to|arrive in)$/],
  ['attacks', /^(?:attack|strike|bomb|raid|invade|shell|sink|shoot|kill|target|fire on|launch strike on|airstrike)$/],
  ['sues', /^(?:sue|take to court|file suit against|file lawsuit against|lawsuit against)$/],
  ['agrees with', /^(?:agree|agree with|sign with|sign agreement with|deal with|cooperate with|collaborate with|continue with|partner with|ally with)$/],
  ['married to', /^(?:marry|be married to|wed|wife of|husband of|spouse of)$/],
  ['child of', /^(?:son|daughter|child) of$/],
  ['parent of', /^(?:father|mother|parent) of$/],
];

/** The kind of a normalised relation ("footballer for" → member of), or undefined for a relation outside the vocabulary. */
export function relationKind(relation: string): RelationKind | undefined {
  for (const [kind, pattern] of KIND_PATTERNS) if (pattern.test(relation)) return kind;
  return undefined;
}

/** The types of named entity a pattern between two names applies to. */
export type NameType = 'person' | 'organization' | 'place' | 'other';

/**
 * Words between two names that relate them with no verb, as data: the text between the first name's end and the second's
 * start, the types each name may have, and the relation read (first –relation→ second, or second –relation→ first
 * when `reversed`). "Johns Hopkins University in Baltimore", "Altamira (Caracas)", "Helen of Greece", "Turkey's Defence Committee".
 */
export interface BetweenNames {
  between: RegExp;
  first: readonly NameType[];
  second: readonly NameType[];
  relation: string;
  reversed?: boolean;
  /** Text that must follow the second name ("(Caracas)" closes its bracket). */
  after?: RegExp;
}

export const BETWEEN_NAMES: readonly BetweenNames[] = [
  { between: /^\s+(?:in|at)(?:\s+the)?\s+$/, first: ['organization', 'place'], second: ['place'], relation: 'be in' },
  { between: /^\s*\(\s*$/, first: ['organization', 'place'], second: ['place'], relation: 'be in', after: /^\s*\)/ },
  { between: /^\s*\(\s*$/, first: ['person'], second: ['organization'], relation: 'member of', after: /^\s*\)/ },
  { between: /^\s+of(?:\s+the)?\s+$/, first: ['person'], second: ['organization', 'place'], relation: 'of' },
  { between: /^['’]s?\s+$/, first: ['place'], second: ['organization', 'place'], relation: 'be in', reversed: true },
];
