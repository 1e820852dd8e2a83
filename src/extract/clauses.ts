import { breaksAfter, hasTag, isPastParticiple, type Token, type TokenSentence } from './tokens.js';
import { MODALS } from './relations.js';

/**
 * Clause finding on compromise's tags and chunks, ClausIE-style: verb groups, their subjects
 * (written before the verb, the antecedent of a relative pronoun, or inherited by coordinated,
 * participial and infinitival clauses), objects, prepositional complements, passive agents and the
 * clause a reporting verb reports. Everything here is in token indices of one sentence.
 */

/** Tokens first..last of a sentence, inclusive. */
export interface Phrase {
  first: number;
  last: number;
}

export type VerbForm = 'finite' | 'gerund' | 'participle' | 'infinitive';

export interface VerbGroup extends Phrase {
  /** The verb whose lemma names the relation (the last full verb: "finalize" in "aims to finalize"). */
  main: number;
  /** Particle of a phrasal verb ("out" in "carried out"). */
  particle?: number;
  negated: boolean;
  modal?: string;
  passive: boolean;
  /** The group is a form of "be" alone: "X is Y". */
  copula: boolean;
  form: VerbForm;
}

export interface PrepObject {
  /** Token index of the preposition. */
  prep: number;
  /** Coordinated objects of the preposition. */
  objects: Phrase[];
}

export type SubjectSource = 'local' | 'relative' | 'inherited';

export interface Clause {
  verb: VerbGroup;
  /** Coordinated subjects; empty when none was found. */
  subjects: Phrase[];
  /** How the subject was found: written before the verb, a relative pronoun's antecedent, or another clause's. */
  subjectFrom: SubjectSource;
  /** Coordinated direct objects or copular complements. */
  objects: Phrase[];
  preps: PrepObject[];
  /** The agent of a passive ("by" phrase), already removed from `preps`. */
  agents: Phrase[];
  /** A "that"-clause or quote this clause reports ("Sheinbaum stated that …"). */
  reports: boolean;
  /** The reported clause ("that" included), when `reports`. */
  reported?: Phrase;
  /** The subject says the reported clause (a reporting verb), rather than having it as a complement ("the point is that …"). */
  speech: boolean;
  /** Time and place phrases written before the subject ("Earlier this year", "In 1990"). */
  leading: Phrase[];
  /** Other adjuncts of the clause: time expressions and adverbials after the verb. */
  adjuncts: Phrase[];
  /** A predicative adjective read into the relation: "remained faithful to", "is responsible for". */
  predicate?: Phrase;
  /** Auxiliaries a coordinated verb shares with the verb before it: "was" of "was sold to X and renamed to Y". */
  shared?: Phrase;
}

const RELATIVE = new Set(['who', 'which', 'that', 'whom', 'whose']);
const SUBORDINATORS = new Set(['while', 'although', 'though', 'because', 'after', 'before', 'if', 'when', 'whereas', 'since', 'unless', 'until', 'whether', 'where', 'once', 'whenever', 'wherever']);
const COORDINATORS = new Set(['and', 'or', 'but', 'nor']);
const REPORTING = new Set(['say', 'state', 'tell', 'announce', 'declare', 'add', 'claim', 'insist', 'report', 'note', 'argue', 'warn', 'confirm', 'deny', 'explain', 'write', 'suggest', 'believe', 'think', 'stress', 'assert', 'affirm', 'contend', 'maintain', 'predict', 'estimate', 'indicate', 'show', 'reveal', 'acknowledge', 'admit', 'expect', 'hope', 'fear', 'agree', 'complain', 'recall', 'observe', 'conclude', 'find', 'allege', 'testify', 'know', 'feel', 'realize', 'mean', 'demonstrate', 'prove', 'emphasize', 'emphasise', 'reply', 'respond', 'point']);
const DEMONSTRATIVES = new Set(['this', 'these', 'those', 'that', 'all', 'both', 'many', 'some', 'most', 'several', 'few', 'each', 'one', 'none', 'others', 'another', 'any', 'much', 'either', 'neither']);

/** True when the token can belong to a verb group. */
function isVerbal(t: Token): boolean {
  if (t.chunk === 'Verb') return hasTag(t, 'Verb', 'Negative', 'Adverb', 'Particle') || t.normal === 'to';
  return hasTag(t, 'Verb') && !hasTag(t, 'Gerund', 'Adjective') && t.chunk !== 'Noun' && t.chunk !== 'Adjective';
}

/** "was abandoned", "is based": compromise reads a participle after "be" as an adjective. */
function participleAfterBe(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  return !!prev && hasTag(t, 'Adjective') && /(?:ed|en|wn)$/.test(t.normal) && (prev.lemma === 'be' || hasTag(prev, 'Copula') || prev.normal === 'been' || prev.normal === 'being') && !breaksAfter(prev);
}

/** Verb groups of a sentence: maximal runs of verbal tokens holding at least one verb. */
export function verbGroups(tokens: Token[]): VerbGroup[] {
  const groups: VerbGroup[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isVerbal(tokens[i]) || !hasTag(tokens[i], 'Verb', 'Negative', 'Adverb')) { i++; continue; }
    let j = i;
    while (j + 1 < tokens.length && !breaksAfter(tokens[j]) && (isVerbal(tokens[j + 1]) || catenative(tokens, j + 1) || participleAfterBe(tokens, j + 1)) && !newFiniteVerb(tokens, j)) j++;
    // trailing adverbs and "to" belong to what follows, not to the group
    while (j > i && !hasTag(tokens[j], 'Verb', 'Particle') && !participleAfterBe(tokens, j)) j--;
    const group = describe(tokens, i, j);
    if (group) groups.push(group);
    i = j + 1;
  }
  return groups;
}

/** "the space this ride occupied was turned": a full verb, then an auxiliary, starts a second group. */
function newFiniteVerb(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  return hasTag(t, 'Verb') && !hasTag(t, 'Auxiliary', 'Copula', 'Modal', 'Infinitive', 'Gerund') && hasTag(tokens[j + 1], 'Auxiliary', 'Copula', 'Modal') && !hasTag(tokens[j + 1], 'Adverb');
}

/** "to" + infinitive continuing a verb group: "aims to finalize", "is expected to advocate". */
function catenative(tokens: Token[], i: number): boolean {
  return tokens[i].normal === 'to' && hasTag(tokens[i + 1], 'Infinitive') && !breaksAfter(tokens[i]) && hasTag(tokens[i - 1], 'Verb');
}

function describe(tokens: Token[], first: number, last: number): VerbGroup | undefined {
  let main = -1;
  let particle: number | undefined;
  let negated = false;
  let modal: string | undefined;
  let passive = false;
  let beSeen = false;
  for (let k = first; k <= last; k++) {
    const t = tokens[k];
    // "didn't" is one word to compromise, its "not" implicit and unwritten
    if (/n['’]t$/.test(t.normal)) negated = true;
    if (hasTag(t, 'Negative') || t.normal === 'not' || t.normal === 'never' || t.normal === "n't") negated = true;
    else if (MODALS.has(t.normal)) modal = t.normal;
    else if (hasTag(t, 'Particle') && main >= 0) particle = k;
    else if (hasTag(t, 'Verb') || participleAfterBe(tokens, k)) {
      if (hasTag(t, 'Copula') || t.lemma === 'be' || t.normal === 'been' || t.normal === 'being') beSeen = true;
      if (hasTag(t, 'Passive') && !hasTag(t, 'Auxiliary')) passive = true;
      if (!hasTag(t, 'Auxiliary', 'Modal', 'Copula') || k === last) main = k;
      // "has been found" is passive; "has been my associate" is not: "been" is be's own participle
      if (beSeen && (hasTag(t, 'PastTense', 'Participle') || participleAfterBe(tokens, k)) && !hasTag(t, 'Copula', 'Auxiliary') && t.normal !== 'been') passive = true;
    }
  }
  if (main < 0) return undefined;
  const m = tokens[main];
  const copula = !passive && (hasTag(m, 'Copula') || m.lemma === 'be');
  let hasAux = false;
  for (let k = first; k < main; k++) if (hasTag(tokens[k], 'Auxiliary', 'Modal', 'Copula')) hasAux = true;
  let form: VerbForm = 'finite';
  if (tokens[first].normal === 'to' || (first > 0 && tokens[first - 1].normal === 'to' && hasTag(m, 'Infinitive') && !hasAux)) form = 'infinitive';
  else if (!hasAux && hasTag(tokens[first], 'Gerund')) form = 'gerund';
  else if (!hasAux && hasTag(m, 'PastTense', 'Participle') && reducedRelative(tokens, first)) {
    form = 'participle';
    passive = true;
  }
  return { first, last, main, particle, negated, modal, passive, copula, form };
}

/**
 * "The meeting, held in Mexico City, …", "The brew, called Miller Sharp's": a past participle right
 * after a noun and a comma, not taking an object ("…, designated criminal groups" is a coordinated verb).
 */
function reducedRelative(tokens: Token[], first: number): boolean {
  const prev = tokens[first - 1];
  const next = tokens[first + 1];
  if (!prev || !prev.post.includes(',') || !isNominal(prev)) return false;
  // "X , the chairman , said in an interview": a reporting verb after a comma is finite, unless "said to be"
  if (REPORTING.has(tokens[first].lemma) && next?.normal !== 'to') return false;
  return NAMING.has(tokens[first].normal) || !next || isPreposition(next) || hasTag(next, 'Adverb') || commaAfter(tokens[first]);
}

const NAMING = new Set(['called', 'named', 'known', 'dubbed', 'titled', 'entitled', 'nicknamed', 'renamed']);

/** True when the token can be part of a noun phrase. */
function isNominal(t: Token): boolean {
  if (t.chunk === 'Noun' || t.chunk === 'Adjective') return !hasTag(t, 'Conjunction', 'Preposition') && !RELATIVE_OR_SUB(t);
  return hasTag(t, 'Noun', 'Adjective', 'Determiner', 'Value', 'Pronoun') && !hasTag(t, 'Verb', 'Preposition', 'Conjunction');
}

function RELATIVE_OR_SUB(t: Token): boolean {
  return (RELATIVE.has(t.normal) && hasTag(t, 'Pronoun', 'Relative', 'Preposition', 'Conjunction')) || SUBORDINATORS.has(t.normal);
}

function isPreposition(t: Token | undefined): boolean {
  return !!t && (hasTag(t, 'Preposition') || t.normal === 'to') && !RELATIVE.has(t.normal) && !WH.has(t.normal);
}

/** Words that open a clause standing as an object: "showed how the shrinkage was caused". */
const WH = new Set(['how', 'what', 'why', 'whether']);

/** A comma right after the token, or after its abbreviation point ("Inc. ,"). */
function commaFollows(t: Token): boolean {
  return /^\.?\s*,/.test(t.post.trim());
}

/** A comma, semicolon, colon, dash or bracket after the token (quotes do not end a noun phrase). */
function commaAfter(t: Token | undefined): boolean {
  return !!t && /[,;:()\[\]—–]|\s-\s|--/.test(t.post);
}

/**
 * The noun phrase starting at `i`, as coordinated conjuncts: "drug cartels, fentanyl trafficking, and
 * broader regional security" gives three phrases. Stops at verbs, prepositions (except "of" inside a
 * name or noun), relative pronouns and phrase-breaking punctuation that is not a list comma.
 */
export function nounPhrasesAt(tokens: Token[], i: number, limit = tokens.length - 1): { conjuncts: Phrase[]; end: number } {
  const conjuncts: Phrase[] = [];
  let start = i;
  let k = i;
  let end = i - 1;
  while (k <= limit) {
    const t = tokens[k];
    if (RELATIVE.has(t.normal) && k > start) break;
    if (COORDINATORS.has(t.normal) || (t.normal === 'as' && tokens[k + 1]?.normal === 'well' && tokens[k + 2]?.normal === 'as')) {
      // "X and Y": a conjunct ends; the next must be a noun phrase too
      if (k === start || !startsNoun(tokens[k + 1]) || commaAfter(tokens[k - 1]) && !listComma(tokens, k - 1, limit)) break;
      conjuncts.push({ first: start, last: k - 1 });
      k += t.normal === 'as' ? 3 : 1;
      start = k;
      continue;
    }
    const inside = isNominal(t) || ofInside(tokens, k, start);
    if (!inside) break;
    end = k;
    if (breaksAfter(t)) {
      if (listComma(tokens, k, limit)) {
        conjuncts.push({ first: start, last: k });
        k++;
        if (COORDINATORS.has(tokens[k]?.normal)) k++;
        start = k;
        continue;
      }
      if (commaAfter(t)) break;
    }
    k++;
  }
  if (end >= start) conjuncts.push({ first: start, last: end });
  return { conjuncts: conjuncts.filter((p) => p.last >= p.first && hasHead(tokens, p)), end: Math.max(end, i - 1) };
}

function startsNoun(t: Token | undefined): boolean {
  return !!t && (t.chunk === 'Noun' || t.chunk === 'Adjective' || hasTag(t, 'Noun', 'Determiner', 'Adjective', 'Value', 'Pronoun')) && !hasTag(t, 'Verb', 'Preposition') && !RELATIVE_OR_SUB(t);
}

/** "of" inside a noun phrase: "Secretary of State", "the flow of fentanyl". */
function ofInside(tokens: Token[], k: number, start: number): boolean {
  return tokens[k].normal === 'of' && k > start && !breaksAfter(tokens[k - 1]) && startsNoun(tokens[k + 1]);
}

/** A comma inside a list: "A, B, and C" / "A, B and C"; not an apposition "Rubio, the chief, …". */
function listComma(tokens: Token[], k: number, limit: number): boolean {
  if (!commaFollows(tokens[k])) return false;
  let j = k + 1;
  if (COORDINATORS.has(tokens[j]?.normal)) return startsNoun(tokens[j + 1]) && !verbFollows(tokens, j + 1, limit);
  // a list continues if a later conjunct is closed by "and"/"or" before any verb
  for (; j <= limit; j++) {
    const t = tokens[j];
    if (!startsNoun(t) && !ofInside(tokens, j, k + 1)) return false;
    if (COORDINATORS.has(tokens[j + 1]?.normal)) return true;
    if (breaksAfter(t) && !commaFollows(t)) return false;
  }
  return false;
}

/** True when a verb follows the noun phrase at i before any break: "…, and he became". */
function verbFollows(tokens: Token[], i: number, limit: number): boolean {
  for (let j = i; j <= Math.min(limit + 1, tokens.length - 1); j++) {
    if (isVerbal(tokens[j]) && hasTag(tokens[j], 'Verb')) return true;
    if (!isNominal(tokens[j]) || breaksAfter(tokens[j])) return false;
  }
  return false;
}

/** A phrase needs a noun, pronoun, name or number to stand as an argument. */
function hasHead(tokens: Token[], p: Phrase): boolean {
  for (let k = p.first; k <= p.last; k++) {
    const t = tokens[k];
    if (hasTag(t, 'Noun', 'Pronoun', 'Value', 'Acronym', 'Date') && !hasTag(t, 'Determiner')) return true;
    if (k === p.last && (DEMONSTRATIVES.has(t.normal) || hasTag(t, 'Adjective') && k > p.first)) return true;
  }
  return false;
}

/** Where a new noun phrase starts inside a run of nominal words: a determiner, pronoun, or name after a common word. */
function startsNewPhrase(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  if (prev && COORDINATORS.has(prev.normal) && hasTag(t, 'Determiner', 'Possessive', 'Pronoun')) return true;
  if (!prev || isPreposition(prev) || COORDINATORS.has(prev.normal) || hasTag(prev, 'Determiner', 'Possessive', 'Adjective')) return false;
  if (hasTag(t, 'Determiner', 'Pronoun') && !hasTag(t, 'Possessive')) return true;
  return hasTag(t, 'ProperNoun') && !hasTag(prev, 'ProperNoun') && !hasTag(prev, 'Value') && /^\p{Lu}/u.test(t.text) && !/^\p{Lu}/u.test(prev.text);
}

/**
 * The subject phrase ending at `k` (walking left to `floor`): a full noun phrase with its
 * prepositional phrases and coordination ("The High Commissioner for Germany and his staff").
 * A leading prepositional phrase is cut ("During the war Britain …" → "Britain").
 */
function subjectEndingAt(tokens: Token[], k: number, floor: number): Phrase | undefined {
  if (k < floor || !isNominal(tokens[k]) || COORDINATORS.has(tokens[k].normal)) return undefined;
  if (hasTag(tokens[k], 'Pronoun') && !DEMONSTRATIVES.has(tokens[k].normal)) return { first: k, last: k };
  let first = k;
  while (first - 1 >= floor) {
    const t = tokens[first - 1];
    if (commaAfter(t)) break;
    if (isNominal(t) && !(hasTag(t, 'Pronoun') && !hasTag(t, 'Possessive') && !DEMONSTRATIVES.has(t.normal))) { first--; continue; }
    const connector = (isPreposition(t) || COORDINATORS.has(t.normal)) && first - 2 >= floor && isNominal(tokens[first - 2]) && !commaAfter(tokens[first - 2]);
    if (connector && !SUBORDINATORS.has(t.normal)) { first--; continue; }
    break;
  }
  // "Several years later the trackage …": a time expression before the subject is not part of it
  if (hasTag(tokens[first], 'Date', 'Duration', 'Value') || hasTag(tokens[first], 'Determiner') && hasTag(tokens[first + 1], 'Date', 'Duration')) {
    let j = first + 1;
    while (j < k && (hasTag(tokens[j], 'Date', 'Duration', 'Value') || TIME_WORDS.has(tokens[j].normal))) j++;
    if (j > first && j <= k && hasTag(tokens[j], 'Determiner', 'ProperNoun', 'Pronoun') && TIME_WORDS.has(tokens[j - 1].normal) || hasTag(tokens[j - 1], 'Date') && hasTag(tokens[j], 'Determiner')
      // "In 1717 Lady Mary Montagu observed": a dated prepositional phrase, then the name
      || isPreposition(tokens[first - 1]) && j <= k && hasTag(tokens[j - 1], 'Date') && hasTag(tokens[j], 'ProperNoun', 'Pronoun') && /^\p{Lu}/u.test(tokens[j].text)) first = j;
  }
  if (first - 1 >= floor && APPROXIMATE.has(tokens[first - 1].normal) && hasTag(tokens[first], 'Value') && !breaksAfter(tokens[first - 1])) first--;
  // "… stated that the military will": the complementizer is not part of the subject
  while (first < k && (tokens[first].normal === 'that' || tokens[first].normal === 'whether') && hasTag(tokens[first + 1], 'Determiner', 'Pronoun', 'ProperNoun', 'Noun', 'Adjective', 'Value')) first++;
  // reaching the previous verb, the run holds that verb's object too: the subject is its last phrase
  // (not after a reporting verb: "said financing would consist" reports a clause with its own subject)
  const touchesVerb = first === floor && floor > 0 && hasTag(tokens[floor - 1], 'Verb') && !(REPORTING.has(tokens[floor - 1].lemma) && hasTag(tokens[k + 1], 'Auxiliary', 'Modal'));
  if (touchesVerb || isPreposition(tokens[first - 1]) && first - 1 < floor) {
    let s = -1;
    for (let j = k; j > first; j--) if (startsNewPhrase(tokens, j)) { s = j; break; }
    if (s > 0) first = s;
    else if (touchesVerb) return undefined;
  }
  if (isPreposition(tokens[first - 1]) && !commaAfter(tokens[first - 1]) && first - 1 >= floor - 1) {
    // "After the GASB was founded": a subordinator that compromise tags a preposition opens a clause with this subject
    if (!SUBORDINATORS.has(tokens[first - 1].normal)) return undefined;
    for (let j = k; j > first; j--) if (startsNewPhrase(tokens, j)) return { first: j, last: k };
  }
  return { first, last: k };
}

/** Splits a subject at its coordinators into conjuncts when every part has a head. */
function conjunctsOf(tokens: Token[], p: Phrase): Phrase[] {
  const parts: Phrase[] = [];
  let start = p.first;
  let depth = 0;
  for (let k = p.first; k <= p.last; k++) {
    const t = tokens[k];
    if (isPreposition(t) && t.normal !== 'of') depth++;
    if (COORDINATORS.has(t.normal) && depth === 0 && k > start) {
      parts.push({ first: start, last: k - 1 });
      start = k + 1;
    }
  }
  parts.push({ first: start, last: p.last });
  return parts.length > 1 && parts.every((q) => q.last >= q.first && hasHead(tokens, q)) ? parts : [p];
}

/**
 * Finds the clauses of a sentence. Subjects come from the noun phrase before the verb group, from the
 * antecedent of a relative pronoun, or from the clause this one hangs on (coordinated verbs,
 * participial and infinitival clauses).
 */
export function findClauses(sentence: TokenSentence): Clause[] {
  const tokens = sentence.tokens;
  const groups = verbGroups(tokens);
  for (let g = 1; g < groups.length; g++) if (bareParticiple(tokens, groups[g])) { groups[g].form = 'participle'; groups[g].passive = true; }
  const clauses: Clause[] = [];
  // subjects first: a clause's complement ends where the next clause's subject starts
  const starts: number[] = [];
  for (let g = 0; g < groups.length; g++) {
    const verb = groups[g];
    const floor = g > 0 ? groups[g - 1].last + 1 : 0;
    const clause: Clause = { verb, subjects: [], subjectFrom: 'local', objects: [], preps: [], agents: [], reports: false, speech: false, leading: [], adjuncts: [] };
    const start = findSubject(tokens, clause, floor, clauses);
    starts.push(start);
    clauses.push(clause);
  }
  for (let g = 0; g < clauses.length; g++) {
    const clause = clauses[g];
    const verb = clause.verb;
    const limit = g + 1 < groups.length ? Math.min(groups[g + 1].first, starts[g + 1]) - 1 : tokens.length - 1;
    clause.speech = REPORTING.has(tokens[verb.main].lemma);
    const next = tokens[verb.last + 1];
    const report = clause.speech || WH.has(next?.normal) || next?.normal === 'that' && hasTag(next, 'Conjunction') ? reportStart(tokens, clause, limit) : undefined;
    if (report !== undefined) {
      clause.reports = true;
      clause.reported = { first: report, last: lastWord(tokens) };
      // "said in an interview that …": the phrase between verb and clause is an adjunct
      if (report > verb.last + 1 && isPreposition(next)) clause.adjuncts.push({ first: verb.last + 1, last: report - 1 });
    }
    findComplements(tokens, clause, limit);
    if (verb.passive) {
      const by = clause.preps.findIndex((p) => tokens[p.prep].normal === 'by');
      if (by >= 0) clause.agents = clause.preps.splice(by, 1)[0].objects;
    }
  }
  inheritSubjects(tokens, clauses);
  for (const clause of clauses) trailingSpeaker(tokens, clause);
  for (const clause of clauses) if (!clause.subjects.length || clause.subjectFrom === 'inherited') invertedSpeaker(tokens, clause);
  return clauses;
}

/** "ads developed by X", "benefits paid under the plan": a past participle right after a noun, then a preposition. */
function bareParticiple(tokens: Token[], v: VerbGroup): boolean {
  const prev = tokens[v.first - 1];
  return v.form === 'finite' && v.first === v.main && hasTag(tokens[v.main], 'PastTense', 'Participle') && !!prev && isNominal(prev) && !hasTag(prev, 'Pronoun', 'ProperNoun')
    && !commaAfter(prev) && isPreposition(tokens[v.last + 1]);
}

/** "…, Sheinbaum said.": a reporting verb closing the sentence reports everything before its subject. */
function trailingSpeaker(tokens: Token[], clause: Clause): void {
  const v = clause.verb;
  const subject = clause.subjects[0];
  if (clause.reports || clause.subjectFrom !== 'local' || !subject || !REPORTING.has(tokens[v.main].lemma) || v.last !== tokens.length - 1 && !isPreposition(tokens[v.last + 1])) return;
  if (subject.first < 2 || !/[,"]/.test(tokens[subject.first - 1].post)) return;
  clause.reports = true;
  clause.speech = true;
  clause.reported = { first: 0, last: subject.first - 1 };
}

/** "… , '' said Mr. Mills": a reporting verb after its quote takes the speaker written after it. */
function invertedSpeaker(tokens: Token[], clause: Clause): void {
  const v = clause.verb;
  const prev = tokens[v.first - 1];
  if (!prev || !REPORTING.has(tokens[v.main].lemma) || !/[,"]/.test(prev.post) || v.first < 3) return;
  const np = nounPhrasesAt(tokens, v.last + 1);
  if (!np.conjuncts.length || np.conjuncts[0].first !== v.last + 1) return;
  clause.subjects = np.conjuncts;
  clause.subjectFrom = 'local';
  clause.objects = [];
  clause.preps = [];
  clause.reports = true;
  clause.speech = true;
  clause.reported = { first: 0, last: v.first - 1 };
}

function lastWord(tokens: Token[]): number {
  return tokens.length - 1;
}

/** Where the reported clause starts: "said that …", "said , `` …", "believe the properties would …". */
function reportStart(tokens: Token[], clause: Clause, limit: number): number | undefined {
  const v = clause.verb;
  const next = tokens[v.last + 1];
  if (!next) return undefined;
  if (next.normal === 'that' || next.normal === 'if' || WH.has(next.normal)) return v.last + 1;
  if (/[:,"]/.test(tokens[v.last].post) && v.last + 1 < tokens.length) return v.last + 1;
  // "said in an interview that …"
  if (clause.speech && isPreposition(next) && !commaAfter(tokens[v.last])) {
    const np = nounPhrasesAt(tokens, v.last + 2, limit);
    const after = tokens[np.end + 1];
    if (np.conjuncts.length && after?.normal === 'that' && !hasTag(after, 'Pronoun', 'Relative')) return np.end + 1;
  }
  // "said financing would consist": the next clause's subject starts right after the verb
  if (clause.speech && limit === v.last && startsNoun(next)) return v.last + 1;
  // "believe the properties would trade": a clause follows directly
  const following = tokens[limit + 1];
  if (following && limit >= v.last + 1 && hasTag(following, 'Verb') && !hasTag(following, 'Gerund', 'Infinitive', 'Participle') && (hasTag(next, 'Determiner', 'Pronoun', 'ProperNoun') || clause.speech && startsNoun(next))) {
    for (let k = v.last + 1; k <= limit; k++) if (!isNominal(tokens[k]) || commaAfter(tokens[k])) return undefined;
    return v.last + 1;
  }
  return undefined;
}

/** Adverbs compromise may tag otherwise ("now" as a conjunction): "X now had a free hand". */
const SENTENCE_ADVERBS = new Set(['now', 'then', 'still', 'also']);
/** Words before a number that make it approximate, not prepositions: "About 800 have crossed". */
const APPROXIMATE = new Set(['about', 'around', 'nearly', 'almost', 'roughly', 'over', 'some', 'approximately']);

/** Finds the subject written for the clause; returns the token where the clause starts. */
function findSubject(tokens: Token[], clause: Clause, floor: number, before: Clause[]): number {
  const v = clause.verb;
  let k = v.first - 1;
  while (k >= floor && (hasTag(tokens[k], 'Adverb') || SENTENCE_ADVERBS.has(tokens[k].normal)) && !commaAfter(tokens[k])) k--;
  const prev = tokens[k];
  if (!prev) return v.first;
  // relative clause: "…, which resulted in", "Sheinbaum, who spoke"
  if (RELATIVE.has(prev.normal) && k - 1 >= 0 && !hasTag(prev, 'Determiner')) {
    const antecedent = antecedentAt(tokens, k - 1);
    if (antecedent) {
      clause.subjects = [antecedent];
      clause.subjectFrom = 'relative';
      // "Celeski is an Australian footballer who plays for X": the footballer is the copula's subject
      const copula = before[before.length - 1];
      if (prev.normal === 'who' && copula?.verb.copula && copula.subjectFrom === 'local' && copula.subjects.length && copula.verb.last === antecedent.first - 1 && /^an?$/.test(tokens[antecedent.first].normal)) {
        clause.subjects = copula.subjects;
      }
    }
    return k;
  }
  if (v.form === 'gerund' && k === v.first - 1 && commaFollows(prev) && isNominal(prev) && before.length === 0 && !PREPOSITION_LIKE.has(tokens[v.main].normal)) {
    // "The first part , consisting of $ 151 million , was priced": an aside after the opening subject describes it
    const head = subjectEndingAt(tokens, k, 0);
    if (head && head.first === 0) { clause.subjects = [head]; clause.subjectFrom = 'relative'; }
    return v.first;
  }
  if (v.form === 'participle' || v.form === 'gerund' && k === v.first - 1 && !commaAfter(prev) && isNominal(prev) && before.length > 0) {
    // "The meeting, held in Mexico City", "ads developed by X", "an armada preparing to invade"
    const head = commaAfter(prev) ? subjectEndingAt(tokens, k, floorBefore(before, k)) : antecedentAt(tokens, k);
    if (head) { clause.subjects = [head]; clause.subjectFrom = 'relative'; }
    return v.first;
  }
  // "companies , including Monsanto": the examples belong to the noun phrase before the comma, not to the clause's subject
  if (v.form === 'gerund' && v.first === v.main && tokens[v.main].normal === 'including' && commaAfter(prev)) {
    const host = antecedentAt(tokens, k);
    if (host) { clause.subjects = [host]; clause.subjectFrom = 'relative'; }
    return v.first;
  }
  if (v.form !== 'finite') return v.first;
  if (SUBORDINATORS.has(prev.normal) || COORDINATORS.has(prev.normal)) return k;
  const bracketed = bracketSubject(tokens, k, before);
  if (bracketed) {
    // "Louis Chollet (1815 – 1851) was a composer": the subject stands before the brackets; a clause in them keeps its complement
    clause.subjects = conjunctsOf(tokens, bracketed);
    return v.first;
  }
  const aside = parentheticalEndingAt(tokens, k, floor);
  if (aside !== undefined) {
    // "Premark , for example , peddles": the subject stands before the aside
    const local = subjectEndingAt(tokens, aside - 1, floor);
    if (local) {
      clause.subjects = conjunctsOf(tokens, local);
      leadingAdjuncts(tokens, clause, local.first, floor);
      return local.first;
    }
  }
  if (commaAfter(prev)) {
    // "Orkem , France 's largest chemical group , said": the subject stands before its apposition
    const apposition = appositionEndingAt(tokens, k, floor) ?? prepositionalAsideEndingAt(tokens, k, floor);
    if (apposition) {
      clause.subjects = conjunctsOf(tokens, apposition);
      leadingAdjuncts(tokens, clause, apposition.first, floor);
      return apposition.first;
    }
    return v.first;
  }
  const local = subjectEndingAt(tokens, k, floor);
  if (!local) return v.first;
  clause.subjects = conjunctsOf(tokens, local);
  leadingAdjuncts(tokens, clause, local.first, floor);
  return local.first;
}

/** The subject before a bracketed aside that ends at token k: "X (born 1963 in Y) is". */
function bracketSubject(tokens: Token[], k: number, before: Clause[]): Phrase | undefined {
  // compromise keeps a bracket in the word's text or in the space around it: "1946)" or "Paris" + ") "
  const closes = (i: number) => /\)$/.test((tokens[i].text + tokens[i].post).trim());
  const opens = (i: number) => /\($/.test(tokens[i].post.trim()) || /^\(/.test((tokens[i + 1].pre + tokens[i + 1].text).trim());
  if (!closes(k)) return undefined;
  let j = k - 1;
  while (j >= 0 && !opens(j) && !closes(j)) j--;
  if (j < 0 || !opens(j) || /[,;:]/.test(tokens[j].post)) return undefined;
  return subjectEndingAt(tokens, j, floorBefore(before, j));
}

/** Asides set off by commas: ", for example ,", ", however ,", ", in fact ,". Returns where the aside starts. */
function parentheticalEndingAt(tokens: Token[], k: number, floor: number): number | undefined {
  if (!commaFollows(tokens[k])) return undefined;
  let c = k;
  while (c > floor && !commaAfter(tokens[c - 1])) c--;
  if (c <= floor || !commaFollows(tokens[c - 1]) || k - c > 2) return undefined;
  // an adverb, or a preposition and one word ("in fact", "of course")
  if (k === c + 1 && isPreposition(tokens[c]) && hasTag(tokens[k], 'Adverb', 'Noun') && !hasTag(tokens[k], 'ProperNoun', 'Pronoun')) return c;
  for (let j = c; j <= k; j++) if (!hasTag(tokens[j], 'Adverb') || hasTag(tokens[j], 'Verb')) return undefined;
  return c;
}

/** "The first , at a severity of 6.0 , occurred": the subject before a prepositional aside that ends at k. */
function prepositionalAsideEndingAt(tokens: Token[], k: number, floor: number): Phrase | undefined {
  let c = k;
  while (c > floor && !commaAfter(tokens[c - 1])) c--;
  if (c <= floor || k - c > 10 || !isPreposition(tokens[c]) || tokens[c].normal === 'of' || !commaFollows(tokens[c - 1])) return undefined;
  for (let j = c + 1; j <= k; j++) if (hasTag(tokens[j], 'Verb')) return undefined;
  const head = subjectEndingAt(tokens, c - 1, floor);
  return head && head.first === floor ? head : undefined;
}

/** The subject before an apposition that ends at k: "X , the Y ," → X. */
function appositionEndingAt(tokens: Token[], k: number, floor: number): Phrase | undefined {
  let c = k - 1;
  while (c >= floor && !commaAfter(tokens[c])) {
    if (!isNominal(tokens[c]) && !(tokens[c].normal === 'of' || isPreposition(tokens[c]) || COORDINATORS.has(tokens[c].normal))) return undefined;
    c--;
  }
  if (c < floor || !commaFollows(tokens[c])) return undefined;
  if (!startsNoun(tokens[c + 1])) return undefined;
  const head = subjectEndingAt(tokens, c, floor);
  return head;
}

/** "Earlier this year , X did": the phrase before the subject and its comma, back to the clause's start. */
function leadingAdjuncts(tokens: Token[], clause: Clause, first: number, floor: number): void {
  let k = first - 1;
  if (k < floor) return;
  let s = k;
  while (s - 1 >= floor && !commaAfter(tokens[s - 1]) && !hasTag(tokens[s - 1], 'Verb') && !COORDINATORS.has(tokens[s - 1].normal) && !(RELATIVE.has(tokens[s - 1].normal) && !hasTag(tokens[s - 1], 'Determiner'))) s--;
  if (s === 0 && !(s === k && SUBORDINATORS.has(tokens[s].normal)) && (isPreposition(tokens[s]) || hasTag(tokens[s], 'Date', 'Adverb', 'Value') || hasTag(tokens[s + 1], 'Date') || TIME_NOUNS.has(tokens[k].normal))) clause.leading.push({ first: s, last: k });
}

/** The first token after the previous verb group that ends before `k` (0 when none). */
function floorBefore(before: Clause[], k: number): number {
  for (let c = before.length - 1; c >= 0; c--) if (before[c].verb.last < k) return before[c].verb.last + 1;
  return 0;
}

/**
 * The noun a relative pronoun or a bare participle refers to: the noun phrase right before it,
 * with an "of" phrase ("the flow of fentanyl, which …"), not the whole phrase a preposition ends in.
 */
export function antecedentAt(tokens: Token[], k: number): Phrase | undefined {
  if (k < 0 || !isNominal(tokens[k]) || COORDINATORS.has(tokens[k].normal)) return undefined;
  let first = k;
  while (first - 1 >= 0) {
    const t = tokens[first - 1];
    if (commaAfter(t)) break;
    if (isNominal(t) && !hasTag(t, 'Verb')) { first--; continue; }
    if (t.normal === 'of' && first - 2 >= 0 && isNominal(tokens[first - 2]) && !commaAfter(tokens[first - 2])) { first--; continue; }
    break;
  }
  const p = { first, last: k };
  // "a boat in the Caribbean Sea that had set sail": a place after a preposition is where, not what
  const prep = tokens[first - 1];
  if (prep && LOCATIVE.has(prep.normal) && hasTag(tokens[k], 'Place', 'ProperNoun') && first - 2 >= 0 && !hasTag(tokens[first - 2], 'ProperNoun') && isNominal(tokens[first - 2]) && !commaAfter(tokens[first - 2])) {
    const host = antecedentAt(tokens, first - 2);
    if (host) return host;
  }
  return hasHead(tokens, p) ? p : undefined;
}

const TIME_WORDS = new Set(['later', 'earlier', 'ago', 'before', 'after', 'since', 'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days']);
/** Nouns that make a phrase a time: "That night", "The following morning". */
const TIME_NOUNS = new Set([...TIME_WORDS, 'night', 'nights', 'morning', 'mornings', 'evening', 'afternoon', 'weekend', 'season', 'summer', 'winter', 'spring', 'autumn', 'fall', 'decade', 'decades', 'century', 'time', 'moment', 'hour', 'hours', 'minute', 'minutes', 'year', 'month', 'week', 'day', 'today', 'yesterday', 'tomorrow', 'tonight']);
const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'off', 'across', 'outside', 'inside']);

/**
 * Appositions: "Orkem , France 's largest chemical group ," and "the Regulator movement , an uprising
 * of settlers" — a noun phrase, a comma, and a second noun phrase that closes with a comma, the end
 * of the sentence, or a verb. Returns [named phrase, description] pairs.
 */
export function findAppositions(tokens: Token[]): [Phrase, Phrase][] {
  const out: [Phrase, Phrase][] = [];
  for (let c = 0; c < tokens.length - 1; c++) {
    if (!commaFollows(tokens[c]) || !isNominal(tokens[c])) continue;
    const second = nounPhrasesAt(tokens, c + 1);
    const np = second.conjuncts;
    if (np.length !== 1 || np[0].first !== c + 1) continue;
    const after = tokens[second.end + 1];
    const closed = !after || commaAfter(tokens[second.end]) || /[.;]/.test(tokens[second.end].post);
    if (!closed || listComma(tokens, c, tokens.length - 1)) continue;
    let desc: Phrase = np[0];
    // the description may carry its prepositional phrases: "an uprising of settlers in the piedmont"
    const first = antecedentAt(tokens, c);
    if (!first || hasTag(tokens[first.first], 'Preposition')) continue;
    const before = tokens[first.first - 1];
    if (before && (isPreposition(before) && !commaAfter(before))) continue;
    const startsDescription = (p: Phrase) => hasTag(tokens[p.first], 'Determiner', 'Possessive', 'Adjective', 'Value') || hasTag(tokens[p.first + 1], 'Possessive');
    const named = (p: Phrase) => hasTag(tokens[p.last], 'ProperNoun', 'Acronym') && /^\p{Lu}/u.test(tokens[p.last].text);
    // "Nancy Craig , advertising manager for the Red Cross ,": a role needs no article
    const role = (p: Phrase) => !named(p) && !hasTag(tokens[p.first], 'ProperNoun') && tokens.slice(p.first, p.last + 1).some((t) => hasTag(t, 'Actor'));
    if (named(first) && (startsDescription(desc) || role(desc))) out.push([first, desc]);
    else if (named(desc) && startsDescription(first)) out.push([desc, first]);
    else if (startsDescription(desc) && !named(desc) && hasTag(tokens[first.first], 'Determiner')) out.push([first, desc]);
    else if (named(first) && named(desc) && !hasTag(tokens[desc.first], 'Place') ) out.push([first, desc]);
    c = Math.max(c, desc.first);
  }
  return out;
}

/**
 * Subjects of clauses that do not write one: a coordinated verb takes the previous clause's
 * ("…, and became"), a participial or infinitival clause the one it hangs on ("…, rejecting any").
 * A main clause after a relative or participial parenthesis takes the antecedent ("Rubio, who …, said").
 */
function inheritSubjects(tokens: Token[], clauses: Clause[]): void {
  let lastMain: Clause | undefined;
  for (let c = 0; c < clauses.length; c++) {
    const clause = clauses[c];
    const v = clause.verb;
    if (!clause.subjects.length) {
      const prev = clauses[c - 1];
      let host: Clause | undefined;
      if (v.form === 'finite' && prev && (prev.subjectFrom === 'relative') && commaAfter(tokens[v.first - 1])) {
        // "Rubio, who arrived Tuesday, is expected": the antecedent is the subject
        host = prev;
      } else if (v.form === 'finite') {
        host = prev && prev.verb.form === 'finite' ? prev : lastMain ?? prev;
      } else {
        host = v.form === 'infinitive' && prev ? prev : lastMain ?? prev;
      }
      if (host && host.subjects.length) {
        clause.subjects = host.subjects;
        clause.subjectFrom = 'inherited';
        // "That night , X reinforced the hotel and defeated …": the opening time holds for every verb
        if (!clause.leading.length) clause.leading = host.leading;
        if (host === prev) shareAuxiliaries(tokens, clause, host);
        if (prev && v.form === 'infinitive') shareAdjective(tokens, clause, prev);
        else if (prev?.shared && host !== prev && prev.verb.form === 'infinitive') shareAuxiliaries(tokens, clause, prev);
      }
    }
    if (v.form === 'finite' && clause.subjectFrom !== 'relative' && clause.subjects.length) lastMain = clause;
  }
  // "Having returned to …, they gained", "Upon exiting X, Muncy Creek enters": an opening participial clause takes the main clause's subject
  const opening = clauses[0];
  if (opening && !opening.subjects.length && openingParticiple(tokens, opening.verb)) {
    const main = clauses.find((c) => c.verb.form === 'finite' && c.subjectFrom === 'local' && c.subjects.length && c.subjects[0].first > opening.verb.last);
    if (main) { opening.subjects = main.subjects; opening.subjectFrom = 'inherited'; }
  }
}

/** Participles read as prepositions: "According to X", "Following his death", "Excluding Y". */
const PREPOSITION_LIKE = new Set(['according', 'following', 'excluding', 'including', 'regarding', 'concerning', 'considering', 'given', 'barring', 'pending', 'owing']);

/**
 * "was sold to X and renamed to Y", "were able to reinforce the hotel and defeat": a bare verb
 * coordinated with a verb group of the same form takes that group's auxiliaries, voice and modality.
 */
function shareAuxiliaries(tokens: Token[], clause: Clause, host: Clause): void {
  const v = clause.verb;
  const h = host.verb;
  if (host.shared && h.form === 'infinitive' && v.first === v.main && tokens[v.first - 1]?.normal === 'and' && hasTag(tokens[v.main], 'Infinitive')) {
    clause.shared = { first: host.shared.first, last: h.main - 1 };
    v.modal ??= h.modal;
    v.negated ||= h.negated;
    return;
  }
  if (v.first !== v.main || h.main === h.first || !/^(?:and|or)$/.test(tokens[v.first - 1]?.normal ?? '') || hasTag(tokens[v.main], 'Gerund') !== hasTag(tokens[h.main], 'Gerund')) return;
  const participle = (t: Token) => hasTag(t, 'PastTense', 'Participle') && !hasTag(t, 'Infinitive');
  const same = participle(tokens[v.main]) ? participle(tokens[h.main]) && isPastParticiple(tokens[v.main]) : hasTag(tokens[v.main], 'Infinitive') && hasTag(tokens[h.main], 'Infinitive') || hasTag(tokens[v.main], 'Gerund');
  // the shared part starts at the first auxiliary: "carefully" of "carefully measured and showed" stays with its verb
  let first = h.first;
  while (first < h.main && hasTag(tokens[first], 'Adverb') && !hasTag(tokens[first], 'Negative', 'Verb')) first++;
  if (!same || host.reports || first === h.main) return;
  clause.shared = { first, last: h.main - 1 };
  v.passive = h.passive;
  v.modal ??= h.modal;
  v.negated ||= h.negated;
}

/** "were able to reinforce", "is likely to rise": the copula and adjective an infinitive hangs on belong to its relation. */
function shareAdjective(tokens: Token[], clause: Clause, host: Clause): void {
  const v = clause.verb;
  const to = tokens[v.first].normal === 'to' ? v.first : v.first - 1;
  const adjective = tokens[to - 1];
  if (tokens[to]?.normal !== 'to' || !adjective || host.verb.last !== to - 2 || !COPULAR.has(host.verb.copula ? 'be' : tokens[host.verb.main].lemma)) return;
  if (!hasTag(adjective, 'Adjective') && adjective.normal !== 'enough' || hasTag(adjective, 'Noun') || breaksAfter(adjective)) return;
  clause.shared = { first: host.verb.first, last: v.first - 1 };
  v.modal ??= host.verb.modal;
  v.negated ||= host.verb.negated;
}

/** A participle or gerund opening the sentence, alone or after a preposition: "Having returned", "Joining", "Upon exiting". */
function openingParticiple(tokens: Token[], v: VerbGroup): boolean {
  if (!hasTag(tokens[v.first], 'Gerund', 'PastTense', 'Participle') && !/^(?:having|being)$/.test(tokens[v.first].normal) || hasTag(tokens[v.main], 'Auxiliary') || PREPOSITION_LIKE.has(tokens[v.main].normal)) return false;
  return v.first === 0 || v.first === 1 && hasTag(tokens[0], 'Preposition', 'Conjunction') && !COORDINATORS.has(tokens[0].normal);
}

/** Verbs whose complement may be an adjective: "is / became / remained … larger". */
const COPULAR = new Set(['be', 'become', 'remain', 'seem', 'appear', 'stay', 'prove', 'look', 'sound', 'grow', 'turn']);

/**
 * An adjective phrase standing as a complement: "negotiable", "larger and tougher than regular enemies",
 * "open to the public". Not an adjective that starts a noun phrase ("a busy port", "local officials").
 */
function adjectivePhraseAt(tokens: Token[], k: number, limit: number): Phrase | undefined {
  const isAdj = (t: Token | undefined) => !!t && hasTag(t, 'Adjective', 'Comparative', 'Superlative') && !hasTag(t, 'Noun', 'Determiner', 'Value');
  if (k > limit || !isAdj(tokens[k])) return undefined;
  let j = k;
  while (j + 1 <= limit && !commaAfter(tokens[j]) && (isAdj(tokens[j + 1]) || hasTag(tokens[j + 1], 'Adverb') && isAdj(tokens[j + 2]) || COORDINATORS.has(tokens[j + 1].normal) && isAdj(tokens[j + 2]))) j++;
  const next = tokens[j + 1];
  // the adjective modifies a noun that follows: a noun phrase, read elsewhere
  if (next && j + 1 <= limit && !commaAfter(tokens[j]) && startsNoun(next) && !isAdj(next)) return undefined;
  if (next && j + 1 <= limit && !commaAfter(tokens[j]) && (next.normal === 'than' || isPreposition(next))) {
    const np = nounPhrasesAt(tokens, j + 2, limit);
    if (np.conjuncts.length && np.conjuncts[0].first === j + 2) j = np.end;
  }
  return { first: k, last: j };
}

function findComplements(tokens: Token[], clause: Clause, limit: number): void {
  const v = clause.verb;
  let k = v.last + 1;
  if (v.particle === undefined && hasTag(tokens[k], 'Particle') && k <= limit && !breaksAfter(tokens[k - 1])) { v.particle = k; k++; }
  if (clause.reports && clause.reported) return;
  // adverbs and time expressions between verb and object: "agreed Wednesday to", "met yesterday with"
  while (k <= limit && hasTag(tokens[k], 'Adverb') && !hasTag(tokens[k], 'Preposition') && !breaksAfter(tokens[k - 1])) {
    clause.adjuncts.push({ first: k, last: k });
    if (commaAfter(tokens[k])) return;
    k++;
  }
  if (k > limit || commaAfter(tokens[k - 1]) && k - 1 > v.last) return;
  // "remained faithful to X": an adjective followed by its preposition joins the relation
  if (hasTag(tokens[k], 'Adjective') && !hasTag(tokens[k], 'Noun', 'Determiner') && isPreposition(tokens[k + 1]) && tokens[k + 1].normal !== 'than' && k + 1 <= limit && !commaAfter(tokens[k])) {
    clause.predicate = { first: k, last: k };
    k++;
  }
  const adjective = !clause.predicate && COPULAR.has(v.copula ? 'be' : tokens[v.main].lemma) && adjectivePhraseAt(tokens, k, limit);
  if (adjective) {
    // "is usually considerably larger than X", "are negotiable": the adjective phrase is the complement
    const adverb = clause.adjuncts[clause.adjuncts.length - 1];
    if (adverb && adverb.last === k - 1) { clause.adjuncts.pop(); adjective.first = adverb.first; }
    clause.objects = [adjective];
    k = adjective.last + 1;
    if (commaAfter(tokens[adjective.last])) return;
  } else if (k <= limit && !isPreposition(tokens[k]) && startsNoun(tokens[k]) && !(commaAfter(tokens[k - 1]))) {
    const np = nounPhrasesAt(tokens, k, limit);
    clause.objects = np.conjuncts;
    k = np.end + 1;
    if (commaAfter(tokens[np.end])) return;
  }
  while (k <= limit) {
    const t = tokens[k];
    if (hasTag(t, 'Adverb', 'Date') && !isPreposition(t)) {
      clause.adjuncts.push({ first: k, last: k });
      if (commaAfter(t)) break;
      k++;
      continue;
    }
    if (!isPreposition(t) || RELATIVE.has(t.normal)) break;
    if (t.normal === 'to' && hasTag(tokens[k + 1], 'Verb') && !hasTag(tokens[k + 1], 'Noun')) break;
    const np = nounPhrasesAt(tokens, k + 1, limit);
    if (!np.conjuncts.length) break;
    clause.preps.push({ prep: k, objects: np.conjuncts });
    k = np.end + 1;
    if (commaAfter(tokens[np.end])) break;
  }
}

/** The relation words of a clause as written: the verb group, its particle and a predicative adjective. */
export function relationTokens(clause: Clause): number[] {
  const v = clause.verb;
  const out: number[] = [];
  if (clause.shared) for (let k = clause.shared.first; k <= clause.shared.last; k++) out.push(k);
  for (let k = v.first; k <= v.last; k++) out.push(k);
  if (v.particle !== undefined && v.particle > v.last) out.push(v.particle);
  if (clause.predicate) for (let k = clause.predicate.first; k <= clause.predicate.last; k++) out.push(k);
  return out;
}

/** The last token a clause's complements reach. */
export function clauseEnd(clause: Clause): number {
  let end = clause.verb.last;
  const reach = (p: Phrase | undefined) => { if (p && p.last > end) end = p.last; };
  if (clause.verb.particle !== undefined) end = Math.max(end, clause.verb.particle);
  clause.objects.forEach(reach);
  clause.agents.forEach(reach);
  clause.adjuncts.forEach(reach);
  for (const p of clause.preps) p.objects.forEach(reach);
  reach(clause.predicate);
  reach(clause.reported);
  return end;
}
