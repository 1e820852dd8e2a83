import type { Document, EntityType, Mention } from '../types.js';
import type { Token, TokenSentence } from './tokens.js';
import { MAX_PLACE_WORDS, countryOfDemonym, genderOfFirstName, initials, isPresentVerb, lexTags, normalizeName, placeMayGoOn, placeOf } from './gazetteer.js';
import { ADHERENTS, COMMON_ACRONYMS, EVENT_HEADS, LEADING_EVENT_HEADS, FEMALE_TITLES, HONORIFICS, INSTITUTIONS, LEADING_ORG_HEADS, LEADING_PLACE_HEADS, LEGAL_FORMS, MALE_TITLES, NAME_PARTICLES, NAME_PREFIXES, NON_ORG_HEADS, ORG_HEADS, PARTY_ADJECTIVES, PARTY_MEMBERS, PARTY_NAMES, PLACE_HEADS, PLACE_NOUNS, PLACE_PART, POST_NOMINALS, SPEECH_VERBS, SPORTS_WORDS, SURNAME_HEADS, TITLES, TITLE_MODIFIERS, VAGUE_PLACE_NOUNS } from './lexicon.js';
import { typeMentions, type TyperOptions } from './typer.js';

/**
 * Named-entity recognition on top of compromise's tags: proper-name runs are found by capitalisation and
 * compromise's lexicon, titles are split off as evidence, and each name is typed from its shape
 * (org head words, gazetteers, first names, titles) before compromise's own guess.
 */

/** A place or organisation a title belongs to ("Mexican" / "U.S." / "Mexico's" before a title). */
export interface TitleOf {
  text: string;
  type: EntityType;
  first: number;
  last: number;
}

/** A proper name in a sentence; token indices are inclusive. */
export interface NameSpan {
  first: number;
  last: number;
  type: EntityType;
  /** Normalised name; for places the gazetteer's canonical name ("united states" for "U.S."). */
  key: string;
  /** The title said of the person ("Secretary of State"), kept out of the name. */
  title?: string;
  titleFirst?: number;
  titleLast?: number;
  titleOf?: TitleOf;
  /**
   * First token of the mention's span: a person's span takes in the title or role word before the name
   * ("President Claudia Sheinbaum", "actor Jason Beghe") as news noun phrases do; `key` stays the bare name.
   */
  spanFirst?: number;
  /** How sure the type is: 2 shape or gazetteer, 1 compromise's tag or context, 0 a guess. */
  certainty: number;
  gender?: 'm' | 'f';
}

/** A pronoun or a definite description with a title head ("the Secretary"); token indices inclusive. */
export interface AnaphorSpan {
  first: number;
  last: number;
  type: EntityType;
  gender?: 'm' | 'f';
  plural: boolean;
  /** Head title of a description ("secretary"), lower-cased. */
  title?: string;
}

/** Names already seen in a document, so headline and sentence-initial words can be checked against them. */
export interface NameContext {
  /** Normalised single words of confidently found names → type. */
  words: Map<string, EntityType>;
  /** Words the document writes in lower case somewhere: ordinary words, whatever their capital elsewhere. */
  lower: Set<string>;
  /** Names the document writes after "the" ("the Hajj"): not towns, whatever preposition they follow. */
  articled: Set<string>;
  /** Last words of the document's full person names ("paris" for "Valeska Paris"). */
  surnames?: Set<string>;
  /** The document is a match report, where countries are teams. */
  sports?: boolean;
  /** Acronyms the document writes ("NASA"): a name with "and" whose initials give one is one name. */
  acronyms?: Set<string>;
}

const PRONOUNS: Record<string, { type: EntityType; gender?: 'm' | 'f'; plural: boolean }> = {
  he: { type: 'person', gender: 'm', plural: false },
  him: { type: 'person', gender: 'm', plural: false },
  his: { type: 'person', gender: 'm', plural: false },
  himself: { type: 'person', gender: 'm', plural: false },
  she: { type: 'person', gender: 'f', plural: false },
  her: { type: 'person', gender: 'f', plural: false },
  hers: { type: 'person', gender: 'f', plural: false },
  herself: { type: 'person', gender: 'f', plural: false },
  they: { type: 'other', plural: true },
  them: { type: 'other', plural: true },
  their: { type: 'other', plural: true },
  theirs: { type: 'other', plural: true },
  themselves: { type: 'other', plural: true },
  it: { type: 'other', plural: false },
  its: { type: 'other', plural: false },
  itself: { type: 'other', plural: false },
};

const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'QuestionWord', 'Copula', 'Modal', 'Auxiliary', 'Negative', 'Adverb'];
const DATE_TAGS = ['Month', 'WeekDay', 'Date', 'Value', 'Duration', 'Cardinal', 'Ordinal', 'Fraction', 'Money', 'Percent', 'Unit', 'Time'];
const NAME_LEX_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Place', 'Country', 'City', 'Region', 'Organization', 'SportsTeam']);
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const CONNECTORS = new Set(['of', 'for', '&']);
const CURRENCY = /[$€£¥]/;
/** Labels of a picture's caption and credit ("Image: Reuters", "Photo: AP"). */
const CAPTION_LABELS = new Set(['image', 'images', 'photo', 'photos', 'photograph', 'picture', 'video', 'credit', 'credits', 'source', 'caption', 'illustration', 'graphic', 'map']);
/** Language names end in -ish, -ese, -ian …: "in English" names no place. */
const LANGUAGE = /^(?:\p{L}+(?:ish|ese|ic|ian|ese)|english|french|dutch|greek|thai|hindi|urdu|swahili)$/u;
const ROMAN = /^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,3}I{0,3})$/;
const LETTERS = /\p{L}/u;
const CAPITAL = /^\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const POSSESSIVE = /['’]s?$/;
const BREAK_AFTER = /[,;:()[\]"“”!?—–…]|\s-\s|\n/;

interface TokenInfo {
  cap: boolean;
  caps: boolean;
  word: boolean;
  functionWord: boolean;
  dateish: boolean;
  lex: string[];
  base: string;
  possessive: boolean;
}

/** What findNames reads of each token depends on the token alone; a document's two passes share it. */
const infoCache = new WeakMap<Token[], TokenInfo[]>();

function infoOf(tokens: Token[]): TokenInfo[] {
  let info = infoCache.get(tokens);
  if (info === undefined) {
    info = tokens.map(tokenInfo);
    infoCache.set(tokens, info);
  }
  return info;
}

function tokenInfo(t: Token): TokenInfo {
  const word = LETTERS.test(t.text);
  // "Rubio's", and a plural's "DC Comics' Superman", whose apostrophe the tokenizer leaves after the word.
  const possessive = ((t.tags.has('Possessive') || /^\p{Lu}/u.test(t.text)) && /\p{L}['’]s?$/u.test(t.text) && !/['’]$/.test(t.post)) || (t.tags.has('Possessive') && /s$/.test(t.text) && /^['’]\s/.test(t.post));
  const bare = possessive ? t.text.replace(POSSESSIVE, '') : t.text;
  const base = normalizeName(bare);
  return {
    cap: word && CAPITAL.test(t.text),
    // "FTU's" is as capitalised as "FTU".
    caps: word && !LOWER.test(bare) && bare.replace(/[^\p{L}]/gu, '').length >= 2,
    word,
    functionWord: FUNCTION_TAGS.some((tag) => t.tags.has(tag)),
    dateish: DATE_TAGS.some((tag) => t.tags.has(tag)) || /\d/.test(t.text),
    lex: lexTags(base),
    base,
    possessive,
  };
}

const isTitleHead = (ti: TokenInfo): boolean => TITLES.has(ti.base) || ti.lex.includes('Honorific') || ti.lex.includes('Actor');
const isFirstName = (ti: TokenInfo): boolean => ti.lex.some((x) => FIRST_NAME_TAGS.has(x)) || /^\p{Lu}\.?$/u.test(ti.base);
const isNameLex = (ti: TokenInfo): boolean => ti.lex.some((x) => NAME_LEX_TAGS.has(x));
const isCommonLex = (ti: TokenInfo): boolean => ti.lex.length > 0 && !isNameLex(ti);
const SAINTS = new Set(['st', 'saint']);
const FACTION = /^\p{Lu}\p{Ll}{2,}(?:ite|ist)$/u;

/** Number of tokens of the party name starting at k and ending by `limit` ("Lib Dems", "Plaid Cymru", "Labour"), or 0. */
function partyAt(info: TokenInfo[], k: number, limit: number): number {
  let key = '';
  let len = 0;
  for (let n = 1; n <= 3 && k + n - 1 <= limit && info[k + n - 1].cap; n++) {
    key = key ? `${key} ${info[k + n - 1].base}` : info[k + n - 1].base;
    if (PARTY_NAMES.has(key)) len = n;
  }
  return len;
}

/** A word that tells a person's party or faction and names nobody: "Tory", "Republican", "Blairite", "Marxist". */
function isFactionWord(tokens: Token[], info: TokenInfo[], k: number): boolean {
  const ti = info[k];
  if (!ti.cap || ti.caps || isNameLex(ti) || isFirstName(ti) || isTitleHead(ti)) return false;
  return PARTY_ADJECTIVES.has(ti.base) || (FACTION.test(tokens[k].text) && !tokens[k].tags.has('Actor'));
}

/** True when a line reads as a heading: no closing punctuation and most content words capitalised. */
function isHeading(tokens: Token[], info: TokenInfo[]): boolean {
  const last = tokens[tokens.length - 1];
  if (/[.!?]/.test(last.post) || tokens.length > 14) return false;
  let content = 0;
  let caps = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!info[i].word || info[i].functionWord) continue;
    content++;
    if (info[i].cap) caps++;
  }
  return content >= 2 && caps / content > 0.6;
}

/** A token that ends a sentence-like unit, so the next capital is positional, not a name. */
function startsUnit(tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1];
  return /[.:!?"“(\n—–]/.test(prev.post) || /["“(]/.test(tokens[i].pre);
}

function brk(tokens: Token[], info: TokenInfo[], i: number): boolean {
  const t = tokens[i];
  const ti = info[i];
  const next = tokens[i + 1];
  if (BREAK_AFTER.test(t.post) || (next && /[(\["“]/.test(next.pre))) return true;
  if (t.post.includes('.')) {
    // "J. Smith", "Dr. Ruiz", "St. Louis" go on; "… Mexico. The" and "… World War I. Angell" stop.
    return !((/^\p{Lu}$/u.test(t.text) && !warNumber(tokens, info, i)) || ti.lex.includes('Honorific') || ti.lex.includes('Abbreviation'));
  }
  return false;
}

/**
 * Finds the proper names of one sentence. `context` (names found elsewhere in the document) lets
 * headline, ALL-CAPS and sentence-initial words count as names when the body names them.
 */
export function findNames(sentence: TokenSentence, context?: NameContext): NameSpan[] {
  const tokens = sentence.tokens;
  const n = tokens.length;
  if (n === 0) return [];
  const info = infoOf(tokens);
  const heading = isHeading(tokens, info);
  // "Cartel Crackdown and Sovereignty: Rubio …": a capitalised lead-in before a colon is a heading too.
  let headEnd = heading ? n : -1;
  for (let i = 0; i < Math.min(n, 8) && headEnd < 0; i++) {
    if (info[i].word && !info[i].cap && !info[i].functionWord) break;
    if (/:/.test(tokens[i].post)) headEnd = i;
  }
  const known = context?.words;

  // Which tokens may be part of a name.
  const nameTok: boolean[] = new Array(n).fill(false);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const ti = info[i];
    // "World War I", "World War 2": the war's number is its name's ("I" is no pronoun here)
    if (i > 0 && nameTok[i - 1] && warNumber(tokens, info, i)) {
      nameTok[i] = true;
      continue;
    }
    // "Naomi van As": a capitalised word after a name's particle ends the name, whatever else the word is
    if (i > 1 && nameTok[i - 2] && ti.cap && NAME_PARTICLES.has(tokens[i - 1].text) && !brk(tokens, info, i - 1) && !brk(tokens, info, i - 2) && ti.word && !ti.dateish) {
      nameTok[i] = true;
      continue;
    }
    if (!ti.word || ti.dateish || (ti.functionWord && !ti.caps) || PRONOUNS[ti.base] || ti.base === 'i') continue;
    // "… Ahmed Mohamed Image: Twitter / Barack Obama": a caption's credit label is no name, nor part of one
    if (CAPTION_LABELS.has(ti.base) && /^\s*:/.test(t.post)) continue;
    if (!ti.cap) {
      // The lower-case half of a hyphenated name ("Cheng Chung-tai").
      if (i > 0 && nameTok[i - 1] && tokens[i - 1].post === '-' && ti.lex.length === 0 && !t.tags.has('Verb')) {
        nameTok[i] = true;
        continue;
      }
      // A lower-case form of a name the document already gave ("rubio"), if it is no ordinary word.
      if (known?.get(ti.base) === 'person' && !isCommonLex(ti) && !t.tags.has('Verb')) nameTok[i] = true;
      continue;
    }
    const shouted = ti.caps && ((i > 0 && info[i - 1].caps) || (i + 1 < n && info[i + 1].caps));
    const doubtful = i <= headEnd || shouted || startsUnit(tokens, i);
    // ALL-CAPS stretches are sorted out by gazetteer in analyseRun; a demonym before a title owns it.
    if (shouted || (countryOfDemonym(t.text) && i + 1 < n && CAPITAL.test(tokens[i + 1].text))) {
      nameTok[i] = true;
      continue;
    }
    // "Fort Lee is …", "Lake Placid hosted …": a leading place head before a capital starts a name wherever it stands.
    if (doubtful && LEADING_PLACE_HEADS.has(ti.base) && i + 1 < n && info[i + 1].cap && !info[i + 1].functionWord && !brk(tokens, info, i)) {
      nameTok[i] = true;
      continue;
    }
    if (doubtful && t.tags.has('Plural') && !isNameLex(ti) && !context?.words.has(ti.base) && !PARTY_NAMES.has(ti.base)) continue;
    if (doubtful && !ti.caps && context?.lower.has(ti.base) && !isNameLex(ti) && !context.words.has(ti.base) && placeStartsAt(tokens, info, i) < 2) continue;
    if (!doubtful) {
      nameTok[i] = true;
      continue;
    }
    // A capital owed to position or style counts only with outside evidence.
    nameTok[i] =
      isNameLex(ti) ||
      known?.has(ti.base) === true ||
      (!shouted && ti.caps) ||
      (i > headEnd && !shouted && (t.tags.has('Person') || t.tags.has('Organization') || t.tags.has('Place')) && !isCommonLex(ti)) ||
      (i > headEnd && !shouted && !isCommonLex(ti) && t.tags.has('ProperNoun') && !t.tags.has('Verb') && !t.tags.has('Adjective')) ||
      placeStartsAt(tokens, info, i) > 0 ||
      (!shouted && ti.lex.length === 0 && citedAt(tokens, info, i)) ||
      partyAt(info, i, n - 1) > 0 ||
      isTitleHead(ti) ||
      // "Valeska Paris, …": an unknown word leading a capitalised word is a given name.
      (i > headEnd && !shouted && ti.lex.length === 0 && !context?.lower.has(ti.base) && i + 1 < n && info[i + 1].cap && !brk(tokens, info, i));
  }

  // Maximal runs of name tokens, joined by particles ("de la") and, outside person names, "of"/"for"/"&".
  const runs: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    if (!nameTok[i]) continue;
    let j = i;
    while (j + 1 < n && !brk(tokens, info, j) && (!info[j].possessive || possessiveInName(tokens, info, j))) {
      if (nameTok[j + 1]) {
        // "Harrogate Mr Kennedy": a courtesy title starts a new name, unless a title leads up to it ("Prime Minister Dr …").
        if (HONORIFICS.has(info[j + 1].base) && !isTitleHead(info[j]) && !TITLE_MODIFIERS.has(info[j].base)) break;
        j++;
        continue;
      }
      const c = info[j + 1];
      const next = j + 2 < n ? j + 2 : -1;
      if (brk(tokens, info, j + 1) || next < 0) break;
      if (NAME_PARTICLES.has(tokens[j + 1].text) && (nameTok[next] || (NAME_PARTICLES.has(tokens[next].text) && j + 3 < n && nameTok[j + 3]))) {
        j = nameTok[next] ? next : j + 3;
        continue;
      }
      // "National Aeronautics and Space Administration", when the text also writes NASA.
      if (c.base === 'and' && context?.acronyms?.size && nameTok[next] && info[next].cap) {
        let end = next;
        while (end + 1 < n && nameTok[end + 1] && !brk(tokens, info, end)) end++;
        if (context.acronyms.has(initials(spanText(tokens, i, end)))) {
          j = end;
          continue;
        }
      }
      if (CONNECTORS.has(c.base) && !tokens[j + 1].text.match(CAPITAL) && joinsAcross(tokens, info, i, j, c.base)) {
        let k = next;
        if (info[k].base === 'the' && k + 1 < n && !brk(tokens, info, k)) k++;
        if (nameTok[k] && info[k].cap) {
          j = k;
          continue;
        }
      }
      break;
    }
    j = campusEnd(tokens, info, i, j);
    runs.push([i, j]);
    i = j;
  }

  const spans: NameSpan[] = [];
  const consumed = new Set<number>();
  for (let r = 0; r < runs.length; r++) {
    if (consumed.has(r)) continue;
    const [a, b] = runs[r];
    const made = analyseRun(tokens, info, a, b, runs, r, consumed, context);
    for (const s of made) {
      spans.push(s);
      // "Tren de Aragua" is no body named after Aragua: a name with a particle that is not a person's names nothing inside.
      if (s.type !== 'person' && s.last > s.first && !(s.type === 'other' && hasParticle(tokens, s.first, s.last)) && !PARTY_NAMES.has(s.key)) spans.push(...nestedNames(tokens, info, s, context));
    }
  }
  // Words that turned out to be part of a title ("Foreign Affairs" in "… Foreign Affairs secretary Ramón …") name nothing.
  for (const s of spans) {
    if (s.type !== 'person') continue;
    const role = roleBefore(tokens, info, s.titleFirst ?? s.first);
    if (role >= 0 && s.titleFirst === undefined) [s.title, s.titleFirst, s.titleLast] = [spanText(tokens, role, s.first - 1), role, s.first - 1];
    const start = role >= 0 ? role : s.titleFirst ?? s.first;
    let from = start;
    while (from < s.first && (info[from].cap || info[from].functionWord)) from++;
    // A capitalised title is part of the name's phrase anyway ("President Obama"); a lower-case role heads its own
    // ("actor Jason Beghe"), unless a determiner makes it an apposition ("the mayor Luca Pastorino", "Tunisia's coach …").
    const d = start - 1;
    const determined = d >= 0 && !brk(tokens, info, d) && (tokens[d].tags.has('Determiner') || info[d].possessive || tokens[d].tags.has('Possessive'));
    s.spanFirst = determined ? s.first : from;
  }
  for (let k = 0; k < spans.length; k++) if (isAffiliation(tokens, info, spans, k)) [spans[k].type, spans[k].certainty] = ['organization', 1];
  // In a match report countries are sides throughout; elsewhere only in a result's sentence, which teaches the
  // document nothing (certainty 0): "Voters in England" after "England beat France 2-1" is the place.
  const sides = context?.sports ? 2 : isMatchResult(tokens) ? 0 : -1;
  if (sides >= 0) {
    for (const s of spans) {
      if (!isTeamCountry(tokens, info, s)) continue;
      [s.type, s.certainty] = ['organization', sides];
      // "the Belgians" are the Belgium side.
      const country = s.first === s.last ? countryOfDemonym(tokens[s.last].text.slice(0, -1)) : undefined;
      if (country) s.key = normalizeName(country);
    }
  }
  // "Southern California" found whole leaves no "California" inside it; "University of Southern California" names
  // Southern California, not California.
  const whole = spans.filter((s) => spans.some((o) => o !== s && o.first === s.first - 1 && o.last === s.last && PLACE_PART.test(info[o.first].base)));
  for (const s of spans) if (!whole.includes(s)) withinPlace(tokens, info, s);
  const titled = spans.filter((s) => s.titleFirst !== undefined);
  return spans
    .filter((s) => !whole.includes(s) && !isDescription(tokens, info, s))
    .filter((s) => !titled.some((p) => p !== s && s.first >= p.titleFirst! && s.last <= p.titleLast!))
    .sort((x, y) => x.first - y.first);
}

/**
 * "northern Syria", "downtown Tulsa", "West Oakland": a part of a place is a place of its own, never the
 * place it lies in, so the word that says which part stays in the span.
 */
function withinPlace(tokens: Token[], info: TokenInfo[], s: NameSpan): void {
  const lead = s.first > 0 && PLACE_PART.test(info[s.first - 1].base) && !brk(tokens, info, s.first - 1) && !tokens[s.first - 1].tags.has('Verb');
  const inner = s.last > s.first && info[s.first].cap && PLACE_PART.test(info[s.first].base) && placeOf(keyOf(tokens, info, s.first + 1, s.last)) !== undefined;
  if (!inner && !(lead && (s.type === 'place' || placeOf(s.key)))) return;
  if (lead) s.first -= 1;
  if (s.spanFirst !== undefined) s.spanFirst = Math.min(s.spanFirst, s.first);
  [s.type, s.key, s.certainty] = ['place', keyOf(tokens, info, s.first, s.last), Math.max(s.certainty, 1)];
}

const ROLE_SUFFIX = /(?:er|or|ist|ian|eer|ant|ent|man|woman|person)$/;

/**
 * First token of a lower-case role phrase right before token a ("actor", "team member", "fashion designer"),
 * or -1. News writes a person's role as an unpunctuated modifier of the name.
 */
function roleBefore(tokens: Token[], info: TokenInfo[], a: number): number {
  const h = a - 1;
  if (h < 0 || brk(tokens, info, h)) return -1;
  const isRole = (k: number): boolean => {
    const t = tokens[k];
    const ti = info[k];
    if (!ti.word || ti.cap || ti.functionWord || ti.dateish || ti.possessive || PRONOUNS[ti.base] || !t.tags.has('Noun') || t.tags.has('Plural')) return false;
    return TITLES.has(ti.base) || ti.lex.includes('Actor') || ROLE_SUFFIX.test(ti.base);
  };
  return isRole(h) ? h : -1;
}

/**
 * A party or body a person is said to belong to: "DAB's Ben Chan", "Cheng Chung-tai of Civic Passion",
 * "Wu Chi-wai from the Democratic Party". Places keep their type ("Mexico's Ramón de la Fuente").
 */
function isAffiliation(tokens: Token[], info: TokenInfo[], spans: NameSpan[], k: number): boolean {
  const s = spans[k];
  if (s.type === 'organization' || s.type === 'place' || s.certainty >= 2 || placeOf(s.key)) return false;
  const next = spans[k + 1];
  if (info[s.last].possessive && next?.type === 'person' && (next.spanFirst ?? next.first) === s.last + 1 && next.last > next.first) return true;
  const after = tokens[s.last + 1];
  if (after && !brk(tokens, info, s.last) && !info[s.last + 1].cap && after.tags.has('Noun')) return false;
  let p = s.first - 1;
  if (p >= 0 && info[p].base === 'the') p--;
  if (p < 1 || (info[p].base !== 'of' && info[p].base !== 'from') || brk(tokens, info, p - 1)) return false;
  const prev = spans[k - 1];
  return prev?.type === 'person' && prev.last === p - 1 && prev.last > prev.first;
}

const SCORE = /(?:^|\s)\d{1,2}\s*[–-]\s*\d{1,2}(?:\s|$|[,.;])/;
const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'across', 'throughout', 'within', 'inside', 'outside', 'around']);

const YEAR = /^\(?(?:1[5-9]|20)\d\d[a-z]?\)?$/;

/**
 * A cited author: "Senabre (1982)", "(Nedwick, 2014)", "Hein et al.", "Marsden & Mackey, 2014" — a name followed,
 * through other authors' names only, by a year or "et al.".
 */
function citedAt(tokens: Token[], info: TokenInfo[], b: number): boolean {
  for (let k = b + 1; k < tokens.length && k <= b + 8; k++) {
    const t = tokens[k];
    if (YEAR.test(t.text)) return /[,(]/.test(tokens[k - 1].post + t.pre + t.text[0]);
    if (t.normal === 'et' && tokens[k + 1]?.normal === 'al') return true;
    if (!(t.text === '&' || t.normal === 'and' || (info[k].cap && !info[k].caps)) || /[.;:)]/.test(tokens[k - 1].post)) return false;
  }
  return false;
}

/**
 * "a UNESCO World Heritage Site", "a Fellow of the Royal Society": capitals after "a" headed by an ordinary noun
 * describe a kind, they name nothing (a name nested inside, "Royal Society", still does).
 */
function isDescription(tokens: Token[], info: TokenInfo[], s: NameSpan): boolean {
  const first = s.spanFirst ?? s.first;
  if (s.type === 'person' || first === 0 || !/^an?$/.test(info[first - 1].base)) return false;
  let head = s.last;
  for (let k = s.first; k < s.last; k++) if (info[k + 1].base === 'of') head = k;
  return isCommonLex(info[head]) && !isNameLex(info[head]);
}

/** "Chad Michael Murray", "Victoria Beckham": a place that is also a given name, leading a short name, is the given name. */
function givenNamePlace(tokens: Token[], info: TokenInfo[], a: number, lead: number, b: number): boolean {
  return lead === 1 && b - a <= 3 && (isFirstName(info[a]) || info[a].lex.includes('Person')) && looksLikePersonName(tokens, info, a + 1, b) && placeStartsAt(tokens, info, a + 1, b) === 0;
}

/** "Pittsburgh Pirates", "Boston Red Sox": a place and a capitalised plural that is no people of it name a team. */
function teamName(tokens: Token[], info: TokenInfo[], a: number, b: number): boolean {
  const lead = placeStartsAt(tokens, info, a, b);
  const last = tokens[b];
  return lead > 0 && a + lead <= b && info[b].cap && !info[b].caps && !info[b].possessive && (last.tags.has('Plural') || /[^s'’]s$/.test(last.text)) && !countryOfDemonym(last.text.replace(/s$/, '')) && !PARTY_MEMBERS.has(info[b].base);
}

/** A match report: sports words or scores in at least a fifth of the sentences (and three of them). */
function isSportsReport(sentences: TokenSentence[]): boolean {
  let hits = 0;
  for (const s of sentences) {
    if (s.tokens.some((t) => SPORTS_WORDS.has(t.normal))) {
      hits++;
      continue;
    }
    let text = '';
    for (const t of s.tokens) text += t.pre + t.text + t.post;
    if (SCORE.test(text)) hits++;
  }
  return hits >= 3 && hits >= sentences.length / 5;
}

/** A sentence that reports a result, with a score and a match word ("England beat France 2-1"): its countries are sides. */
function isMatchResult(tokens: Token[]): boolean {
  if (!tokens.some((t) => SPORTS_WORDS.has(t.normal))) return false;
  // compromise may give a number range no space after it ("2-1in"), so words are spaced here.
  return SCORE.test(tokens.map((t) => t.pre + t.text + t.post).join(' '));
}

/** A country (or its people, "the Belgians") named as a side, not as where something happens. */
function isTeamCountry(tokens: Token[], info: TokenInfo[], s: NameSpan): boolean {
  const before = s.first > 0 ? info[s.first - 1].base : '';
  if (LOCATIVE.has(before) || (before === 'the' && s.first > 1 && LOCATIVE.has(info[s.first - 2].base))) return false;
  if (s.type === 'place') return placeOf(s.key)?.kind === 'country' || lexTags(s.key).includes('Country');
  const word = tokens[s.last].text;
  return s.type === 'person' && s.first === s.last && /s$/.test(word) && !!countryOfDemonym(word.slice(0, -1));
}

/** "People's" in "Korean People's Army": a possessive inside a name, right before its body word. */
function possessiveInName(tokens: Token[], info: TokenInfo[], j: number): boolean {
  const next = info[j + 1];
  // A title owns a body by name too: "King's College", "the Queen's Bench".
  return !!next && next.cap && ORG_HEADS.has(next.base) && !NON_ORG_HEADS.has(next.base) && ((j > 0 && info[j - 1].cap && !brk(tokens, info, j - 1)) || isTitleHead(info[j]));
}

/** "of"/"for"/"&"/"and" join name parts only in names of bodies and places ("Bank of America"), not after a person. */
function joinsAcross(tokens: Token[], info: TokenInfo[], a: number, j: number, word: string): boolean {
  const left = info[j];
  // "Marsden & Mackey, 2014" cites two authors; "Marks & Spencer" is one firm.
  if (word === '&') return !citedAt(tokens, info, j);
  // "Commission for Refugees" but not "Ueno Station for the festival".
  if (word === 'for' && !ORG_HEADS.has(left.base)) return false;
  if (word === 'and') return ORG_HEADS.has(left.base) && !NON_ORG_HEADS.has(left.base) && j > a;
  if ((isFirstName(info[a]) && !isTitleHead(info[a])) || hyphenGiven(tokens, info, a, j)) return false;
  if (tokens[j].tags.has('Person') && !isTitleHead(left) && !tokens[j].tags.has('Place')) return false;
  return true;
}

/** "University of California, Berkeley", "… at Chapel Hill": a university's campus is part of its name. */
function campusEnd(tokens: Token[], info: TokenInfo[], i: number, j: number): number {
  let university = false;
  for (let k = i; k <= j && !university; k++) university = info[k].base === 'university';
  if (!university || j + 2 >= tokens.length) return j;
  let k: number;
  if (/^,\s*$/.test(tokens[j].post)) k = j + 1;
  else if (info[j + 1].base === 'at' && !brk(tokens, info, j)) k = j + 2;
  else return j;
  // After a comma only a place the gazetteer knows ("…, Yale and Harvard" is a list); after "at", any short name.
  let len = placeStartsAt(tokens, info, k);
  if (len === 0 && info[k - 1].base === 'at') while (len < 3 && k + len < tokens.length && info[k + len].cap && !info[k + len].functionWord && (len === 0 || !brk(tokens, info, k + len - 1))) len++;
  const end = k + len - 1;
  if (len === 0 || !info[k].cap || (end + 1 < tokens.length && !brk(tokens, info, end) && info[end + 1].cap)) return j;
  return end;
}

/** "HealthSpace Cleveland", "PlayStation": a word capitalised inside, other than after a name prefix (McCain, DeSantis), names a brand or a product, not a person. */
function brandLike(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) {
    const inner = /^(\p{Lu}?\p{Ll}+)\p{Lu}\p{Ll}/u.exec(tokens[k].text);
    if (inner && !NAME_PREFIXES.test(inner[1])) return true;
  }
  return false;
}

/** A town or region name, which people bear as surnames ("Valeska Paris"); countries and continents they do not. */
function isTownName(base: string): boolean {
  const kind = placeOf(base)?.kind;
  return kind === 'capital' || kind === 'region' || kind === 'city' || (kind === undefined && lexTags(base).includes('City'));
}

/** A hyphenated given name with a lower-case second half, as Chinese and Korean names are romanised ("Lau Siu-lai"). */
function hyphenGiven(tokens: Token[], info: TokenInfo[], a: number, b: number): boolean {
  for (let k = a + 1; k <= b; k++) {
    if (tokens[k - 1].post === '-' && info[k - 1].cap && !info[k - 1].caps && info[k].word && !info[k].cap && k - 1 > a) return true;
  }
  return false;
}

/** Number of tokens of the longest gazetteer place starting at i and ending by `limit` (0 if none). */
function placeStartsAt(tokens: Token[], info: TokenInfo[], i: number, limit = tokens.length - 1): number {
  const scan = placeScan(tokens, info, i, limit);
  const lengths = scan.lengths;
  for (let n = lengths.length - 1; n >= 0; n--) if (i + lengths[n] - 1 <= limit) return lengths[n];
  return 0;
}

/** How far the words from one start have been looked up in the gazetteer, and the place lengths found. */
interface PlaceScan {
  /** The normalised words start..next-1, joined. */
  name: string;
  next: number;
  /** No longer place can start here: a break, a possessive, a non-word or the length bound was met. */
  done: boolean;
  lengths: number[];
}

/** Per sentence (keyed by its token infos): the recogniser asks for places at the same starts many times. */
const placeScans = new WeakMap<TokenInfo[], PlaceScan[]>();

/** The scan from i, taken at least as far as `limit` (never further than asked, so no look-up is wasted). */
function placeScan(tokens: Token[], info: TokenInfo[], i: number, limit: number): PlaceScan {
  let scans = placeScans.get(info);
  if (scans === undefined) {
    scans = [];
    placeScans.set(info, scans);
  }
  let scan = scans[i];
  if (scan === undefined) {
    scan = { name: '', next: i, done: false, lengths: [] };
    scans[i] = scan;
  }
  while (!scan.done && scan.next <= limit) {
    const k = scan.next;
    if (k - i >= MAX_PLACE_WORDS || !info[k].word) {
      scan.done = true;
      break;
    }
    scan.name = scan.name ? `${scan.name} ${info[k].base}` : info[k].base;
    if (placeOf(scan.name)) scan.lengths.push(k - i + 1);
    scan.next = k + 1;
    if (info[k].possessive || (k > i && BREAK_AFTER.test(tokens[k - 1].post)) || !placeMayGoOn(normalizeName(scan.name))) scan.done = true;
  }
  return scan;
}

function spanText(tokens: Token[], a: number, b: number): string {
  let s = '';
  for (let k = a; k <= b; k++) s += (k > a ? tokens[k].pre : '') + tokens[k].text + (k < b ? tokens[k].post : '');
  return s.replace(/\s+/g, ' ').replace(/['’]s$/, '').trim();
}

function keyOf(tokens: Token[], info: TokenInfo[], a: number, b: number): string {
  const parts: string[] = [];
  for (let k = a; k <= b; k++) if (info[k].base) parts.push(info[k].base);
  return parts.join(' ').replace(/^the /, '');
}

/** Splits a run into title, title owner and name, then types the name. */
function analyseRun(
  tokens: Token[], info: TokenInfo[], a: number, b: number,
  runs: [number, number][], r: number, consumed: Set<number>, context?: NameContext,
): NameSpan[] {
  // An ALL-CAPS stretch ("MEXICO CITY") names only what a gazetteer or the document knows.
  if (info[a].caps && b > a && info[b].caps) {
    const out: NameSpan[] = [];
    for (let k = a; k <= b; k++) {
      const len = placeStartsAt(tokens, info, k, b);
      if (len > 0) {
        out.push(makeSpan(tokens, info, k, k + len - 1, 'place', 2));
        k += len - 1;
      } else if (context?.words.has(info[k].base)) {
        out.push(makeSpan(tokens, info, k, k, context.words.get(info[k].base)!, 1));
      }
    }
    return out;
  }

  if (partyAt(info, a, b) === b - a + 1) return [makeSpan(tokens, info, a, b, 'organization', 2)];
  // A party or faction before a member's name is no part of it ("Tories Ken Clarke", "Blairite Alan Milburn"); before a
  // title it owns the title ("Tory MP Ken Clarke"), which the title split below reads.
  const party = partyAt(info, a, b - 1);
  const faction = party || (isFactionWord(tokens, info, a) ? 1 : 0);
  if (faction > 0 && a + faction <= b && (isFirstName(info[a + faction]) || HONORIFICS.has(info[a + faction].base)) && !isTitleHead(info[a])) {
    const own = party ? [makeSpan(tokens, info, a, a + party - 1, 'organization', 2)] : [];
    return [...own, ...analyseRun(tokens, info, a + faction, b, runs, r, consumed, context)];
  }

  // A place run into a following name ("… in the U.S. Rubio's visit", "Brampton Spider-Gwen") is two names; one that
  // leads a body's, a place's or an event's name ("Harbin Ice Festival") is part of it.
  const lead = placeStartsAt(tokens, info, a, b);
  if (lead > 0 && a + lead <= b && !hyphenGiven(tokens, info, a, b) && info[a + lead].cap && !isTitleHead(info[a + lead]) && tokens[a + lead - 1].post !== '-' && !givenNamePlace(tokens, info, a, lead, b)) {
    let bodyWord = false;
    for (let k = a + lead; k <= b; k++) if (ORG_HEADS.has(info[k].base) || PLACE_HEADS.has(info[k].base) || EVENT_HEADS.has(info[k].base) || PARTY_MEMBERS.has(info[k].base) || info[k].base === 'of') bodyWord = true;
    if (!bodyWord && !teamName(tokens, info, a, b)) {
      return [makeSpan(tokens, info, a, a + lead - 1, 'place', 2), ...analyseRun(tokens, info, a + lead, b, runs, r, consumed, context)];
    }
  }

  // Title at the start of the run: [owner] [modifiers] Head [of Domain] Name.
  let p = a;
  while (p <= b && (placeStartsAt(tokens, info, p, b) > 0 || countryOfDemonym(tokens[p].text) || partyAt(info, p, b) > 0 || isFactionWord(tokens, info, p)) && !isTitleHead(info[p])) {
    p += Math.max(1, placeStartsAt(tokens, info, p, b), partyAt(info, p, b));
  }
  // The last token of a title starting at `from` (-1 if none). Capitalised common words count as its brief ("Pensions
  // Secretary") and a body as its owner (see below) only before a title proper, not a role ("Movie Star", "St Mary").
  const titleFrom = (from: number, strict: boolean): number => {
    let head = -1;
    let brief = false;
    for (let q = from; q <= b; q++) {
      const ti = info[q];
      if (isTitleHead(ti) && !ORG_HEADS.has(ti.base)) head = q;
      else if (TITLE_MODIFIERS.has(ti.base)) continue;
      else if (head < 0 && isPortfolio(tokens, info, q, context)) brief = true;
      else break;
    }
    if (head < 0) return -1;
    // "Chief Executive Tim Cook": modifiers right after the head, before a given name, are still the title.
    let k = head + 1;
    while (k < b && TITLE_MODIFIERS.has(info[k].base) && !isFirstName(info[k])) k++;
    const end = k > head + 1 && isFirstName(info[k]) ? k - 1 : head;
    let proper = false;
    for (let q = from; q <= end; q++) {
      if (strict && SAINTS.has(info[q].base)) return -1;
      if (TITLES.has(info[q].base) || HONORIFICS.has(info[q].base)) proper = true;
    }
    return proper || !(strict || brief) ? end : -1;
  };
  let lastHead = titleFrom(p, false);
  // "the American Revolutionary War": a role word before an event's head word is part of the event's name, not a title
  if (lastHead === b - 1 && EVENT_HEADS.has(info[b].base) && !info.slice(p, b).some((ti) => TITLES.has(ti.base) || HONORIFICS.has(ti.base))) lastHead = -1;
  // A body or place before a title owns it ("Apple Chief Executive Tim Cook", "Bank of England Governor Mark Carney").
  for (let q = p + 1; q < b && lastHead < 0; q++) {
    if ((!isTitleHead(info[q]) && !TITLE_MODIFIERS.has(info[q].base)) || tokens[q - 1].post === '-' || CONNECTORS.has(info[q - 1].base)) continue;
    const head = titleFrom(q, true);
    if (head >= 0 && head < b && isFirstName(info[head + 1]) && !isFirstName(info[q - 1])) [p, lastHead] = [q, head];
  }
  let titleFirst = -1;
  let titleLast = -1;
  let nameFirst = a;
  if (lastHead >= 0) {
    titleFirst = p;
    titleLast = lastHead;
    nameFirst = lastHead + 1;
    if (nameFirst <= b && info[nameFirst].base === 'of') {
      let d = nameFirst + 1;
      if (d <= b && info[d].base === 'the') d++;
      // The name is the tail that reads as a person name; the rest is the domain ("of State").
      let s = b;
      while (s - 1 > d && (isFirstName(info[s - 1]) || NAME_PARTICLES.has(tokens[s - 1].text))) s--;
      const tailIsPerson = s < b ? isFirstName(info[s]) : tokens[b].tags.has('Person') || context?.words.get(info[b].base) === 'person';
      if (s > d && tailIsPerson) {
        titleLast = s - 1;
        nameFirst = s;
      } else {
        nameFirst = b + 1;
        titleLast = b;
      }
    }
    // After "Mr" or "Mrs" comes a person, even one named like a town ("Mr Prescott").
    if (nameFirst <= b && !HONORIFICS.has(info[titleLast].base) && !looksLikePersonName(tokens, info, nameFirst, b)) {
      // "General Motors", "Chief Justice" alone: no title split.
      titleFirst = -1;
      titleLast = -1;
      nameFirst = a;
    } else if (nameFirst > b) {
      // The run is only a title ("Secretary of State"): an owner before it is still a name.
      const out: NameSpan[] = [];
      if (p > a) out.push(...analyseRun(tokens, info, a, p - 1, runs, r, consumed, context));
      return out;
    }
  }

  const out: NameSpan[] = [];
  let titleOf: TitleOf | undefined;
  if (titleFirst > a) {
    titleOf = ownerOf(tokens, info, a, titleFirst - 1);
    // The owner is a name of its own ("U.S." in "U.S. Secretary of State"), unless it is a demonym.
    if (!countryOfDemonym(tokens[a].text) || titleFirst - 1 > a) out.push(...typeName(tokens, info, a, titleFirst - 1, context));
  }

  let title: string | undefined;
  let gender: 'm' | 'f' | undefined;
  if (titleFirst >= 0) {
    title = spanText(tokens, titleFirst, titleLast);
  } else {
    // A title just before the run: "secretary Ramón de la Fuente", "Foreign Affairs secretary …", "President Trump".
    const before = titleBefore(tokens, info, a, runs, r, consumed);
    if (before && looksLikePersonName(tokens, info, a, b)) {
      title = before.title;
      titleFirst = before.first;
      titleLast = before.last;
      titleOf = before.owner;
    }
  }
  if (titleFirst >= 0) {
    for (let k = titleFirst; k <= titleLast; k++) {
      if (MALE_TITLES.has(info[k].base)) gender = 'm';
      if (FEMALE_TITLES.has(info[k].base)) gender = 'f';
    }
  }
  const names = typeName(tokens, info, nameFirst, b, context, title !== undefined);
  for (const s of names) {
    if (title !== undefined && s.type === 'person') {
      s.title = title;
      s.titleFirst = titleFirst;
      s.titleLast = titleLast;
      if (titleOf) s.titleOf = titleOf;
      if (gender && !s.gender) s.gender = gender;
    }
    out.push(s);
  }
  return out;
}

/** The place or body a title belongs to, from the words before it ("Mexican", "U.S.", "Mexico's"). */
function ownerOf(tokens: Token[], info: TokenInfo[], a: number, b: number): TitleOf {
  const text = spanText(tokens, a, b);
  const country = a === b ? countryOfDemonym(tokens[a].text) : undefined;
  if (country) return { text: country, type: 'place', first: a, last: b };
  const place = placeOf(text);
  if (place) return { text: place.name, type: 'place', first: a, last: b };
  const party = partyAt(info, a, b) === b - a + 1 || (a === b && PARTY_ADJECTIVES.has(info[a].base));
  // "Bank of England": the head word may stand before "of".
  const body = info.slice(a, b + 1).some((ti) => ORG_HEADS.has(ti.base) && !NON_ORG_HEADS.has(ti.base));
  return { text, type: party || body || info[b].caps ? 'organization' : 'other', first: a, last: b };
}

/** A title phrase ending right before token a, possibly lower-case, possibly after the previous run. */
function titleBefore(
  tokens: Token[], info: TokenInfo[], a: number, runs: [number, number][], r: number, consumed: Set<number>,
): { title: string; first: number; last: number; owner?: TitleOf } | undefined {
  const h = a - 1;
  if (h < 0 || brk(tokens, info, h) || info[h].possessive) return undefined;
  if (!isTitleHead(info[h]) || ORG_HEADS.has(info[h].base) || !TITLES.has(info[h].base) && !info[h].lex.includes('Honorific')) {
    return undefined;
  }
  let first = h;
  while (first - 1 >= 0 && !brk(tokens, info, first - 1) && !info[first - 1].possessive) {
    const ti = info[first - 1];
    const party = partyEndsAt(info, first - 1) || isFactionWord(tokens, info, first - 1);
    if (TITLE_MODIFIERS.has(ti.base) || TITLES.has(ti.base) || (ti.cap && !ti.functionWord && !placeOf(ti.base) && !countryOfDemonym(tokens[first - 1].text) && !party)) first--;
    else break;
  }
  // Words of the previous run that are part of the title do not name anything themselves.
  if (r > 0 && runs[r - 1][1] === a - 1 - (h - first) - 0 && runs[r - 1][0] >= first) consumed.add(r - 1);
  else if (r > 0 && runs[r - 1][0] >= first && runs[r - 1][1] < a) consumed.add(r - 1);
  let owner: TitleOf | undefined;
  const o = first - 1;
  if (o >= 0 && !brk(tokens, info, o) && partyEndsAt(info, o)) {
    owner = ownerOf(tokens, info, o - partyEndsAt(info, o) + 1, o);
  } else if (o >= 0 && !brk(tokens, info, o) && (info[o].possessive || countryOfDemonym(tokens[o].text))) {
    let oa = o;
    while (oa - 1 >= 0 && info[oa - 1].cap && !brk(tokens, info, oa - 1) && !info[oa - 1].possessive) oa--;
    owner = ownerOf(tokens, info, oa, o);
  }
  return { title: spanText(tokens, first, h), first, last: h, owner };
}

/** A capitalised common noun naming a brief before a title that the lexicon does not list: "Fisheries and Oceans Minister". */
function isPortfolio(tokens: Token[], info: TokenInfo[], k: number, context?: NameContext): boolean {
  const ti = info[k];
  const t = tokens[k];
  if (!ti.cap || ti.caps || isNameLex(ti) || isFirstName(ti) || ['Person', 'Place', 'Organization'].some((tag) => t.tags.has(tag))) return false;
  return isCommonLex(ti) || context?.lower.has(ti.base) === true;
}

/** Number of tokens of a party name ending at token k ("Lib Dem" in "Lib Dem leader …"), or 0. */
function partyEndsAt(info: TokenInfo[], k: number): number {
  for (let n = 3; n >= 1; n--) if (k - n + 1 >= 0 && partyAt(info, k - n + 1, k) === n) return n;
  return 0;
}

/** A span that could be a person's name: no organisation or place head word, not a known place. */
function looksLikePersonName(tokens: Token[], info: TokenInfo[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) {
    const base = info[k].base;
    // "the HEROES Act", "the Paris Agreement": a law's, a treaty's or an event's head ends no person's name.
    if (ORG_HEADS.has(base) || PLACE_HEADS.has(base) || NON_ORG_HEADS.has(base) || (k === b && k > a && EVENT_HEADS.has(base)) || info[k].lex.includes('Organization')) return false;
    // "President Defends Stance …": a headline verb after a title is no name.
    if (k === a && /s$/.test(base) && lexTags(base).length === 0 && isPresentVerb(base)) return false;
    if (info[k].caps && b > a) return false;
  }
  if (placeStartsAt(tokens, info, a, b) === b - a + 1 && !isFirstName(info[a])) return false;
  return !INSTITUTIONS.has(keyOf(tokens, info, a, b));
}

function makeSpan(tokens: Token[], info: TokenInfo[], a: number, b: number, type: EntityType, certainty: number): NameSpan {
  let key = keyOf(tokens, info, a, b);
  if (type === 'place') {
    const place = placeOf(key);
    if (place) key = normalizeName(place.name);
  }
  // "World War 2" is "World War II"
  if (warNumber(tokens, info, b)) key = key.replace(/ (?:1|one)$/, ' i').replace(/ (?:2|two)$/, ' ii');
  // "Apple Inc" is the Apple of "Apple said": the legal form names no different body
  if (type === 'organization' && b > a && LEGAL_FORMS.has(info[b].base)) key = keyOf(tokens, info, a, b - 1);
  const span: NameSpan = { first: a, last: b, type, key, certainty };
  if (type === 'person') {
    const g = genderOfFirstName(info[a].base);
    if (g && b > a) span.gender = g;
  }
  return span;
}

/** Types a name (title already removed). Splits "U.S.-Mexico" style hyphen pairs of places. */
function typeName(tokens: Token[], info: TokenInfo[], a: number, b: number, context?: NameContext, titled = false): NameSpan[] {
  if (a > b) return [];
  // Drop leading/trailing connectors left by a split ("of").
  while (a <= b && !info[a].cap && !NAME_PARTICLES.has(tokens[a].text) && !(context?.words.get(info[a].base) === 'person')) a++;
  while (b >= a && ((!info[b].cap && tokens[b - 1]?.post !== '-') || (info[b].functionWord && !info[b].caps && !(info[b].cap && NAME_PARTICLES.has(tokens[b - 1]?.text)))) && !(context?.words.get(info[b].base) === 'person') && !warNumber(tokens, info, b)) b--;
  // "[6] In Byron's memoirs", "titled \"Debbie Died Because\"": a preposition or conjunction compromise took for a
  // name, capitalised where no sentence starts, begins and ends no name
  while (a < b && connective(info, a)) a++;
  while (b > a && connective(info, b) && !NAME_PARTICLES.has(tokens[b - 1].text)) b--;
  // "P- Petitioner", "Ma- Mary Smith": a false start of a transcript's speaker is no part of the name
  while (a < b && /^-\s/.test(tokens[a].post) && tokens[a + 1].text.toLowerCase().startsWith(tokens[a].text.toLowerCase())) a++;
  if (a > b) return [];
  const key = keyOf(tokens, info, a, b);
  const last = info[b];
  const single = a === b;
  // "Labour", "the Lib Dems", "Aldridge Brownhills Conservatives": a party, or a branch of one.
  if (PARTY_NAMES.has(key) || (!single && PARTY_MEMBERS.has(last.base) && !isFirstName(info[a]))) return [makeSpan(tokens, info, a, b, 'organization', 2)];
  if (single && isFactionWord(tokens, info, a)) return [];
  // "Washington, D.C." is one place, the capital; "D.C." alone is the capital too
  if (info[b].base === 'washington' && districtOfColumbia(tokens, b + 1) && /^,\s*$/.test(tokens[b].post)) return [makeSpan(tokens, info, a, b + 1, 'place', 2)];
  if (single && districtOfColumbia(tokens, a)) {
    if (a >= 1 && info[a - 1].base === 'washington' && /^,\s*$/.test(tokens[a - 1].post)) return [];
    if (/\./.test(tokens[a].text)) return [{ ...makeSpan(tokens, info, a, b, 'place', 2), key: normalizeName('Washington D.C.') }];
  }
  // "US$ 5 million": a currency is no name
  for (let k = a; k <= b; k++) if (CURRENCY.test(tokens[k].text)) return [];
  // "Atari, Inc.": the legal form after a comma is the name's, not a body of its own, and makes the name a company's
  if (single && LEGAL_FORMS.has(last.base) && a > 0 && /^\s*,/.test(tokens[a - 1].post)) return [];
  if (b + 1 < tokens.length && /^\s*,\s*$/.test(tokens[b].post) && LEGAL_FORMS.has(info[b + 1].base) && (b + 2 >= tokens.length || !info[b + 2].cap)) return [makeSpan(tokens, info, a, b, 'organization', 2)];
  const peoples = single && /s$/.test(last.base) && (countryOfDemonym(tokens[b].text.slice(0, -1)) || lexTags(last.base.slice(0, -1)).includes('Demonym') || ADHERENTS.has(last.base));
  if (peoples) return [makeSpan(tokens, info, a, b, 'person', 1)];
  if (countryOfDemonym(tokens[b].text) || last.lex.includes('Demonym')) return [];

  // Hyphen-joined places ("U.S.-Mexico relations") are separate places, unless together they name one ("Austria-Hungary").
  if (!single && !ORG_HEADS.has(last.base) && placeOf(key)?.kind !== 'country') {
    const parts: [number, number][] = [];
    let s = a;
    for (let k = a; k <= b; k++) {
      if (k === b || tokens[k].post === '-') {
        parts.push([s, k]);
        s = k + 1;
      }
    }
    if (parts.length > 1 && parts.every(([x, y]) => placeStartsAt(tokens, info, x, y) === y - x + 1)) {
      return parts.map(([x, y]) => makeSpan(tokens, info, x, y, 'place', 2));
    }
  }

  const anyTag = (tag: string): boolean => {
    for (let k = a; k <= b; k++) if (tokens[k].tags.has(tag)) return true;
    return false;
  };
  let type: EntityType = 'other';
  let certainty = 0;
  const acronym = single && last.caps && !ROMAN.test(tokens[b].text) && last.base.length <= 6 && !/[$€£]/.test(tokens[b].post + tokens[b].text);
  // "Mark Tedeschi, QC": letters after a person's name are an honour, part of the person's phrase, not a body.
  if (acronym && POST_NOMINALS.has(last.base) && a > 0 && (info[a - 1].cap || /,/.test(tokens[a - 1].post))) return [];
  // "a TV film", "on DVD": letters that stand for a kind of thing name no one thing.
  if (acronym && COMMON_ACRONYMS.has(last.base)) return [];
  const placeLex = info.slice(a, b + 1).some((ti) => ti.lex.some((x) => x === 'Place' || x === 'City' || x === 'Country' || x === 'Region'));
  const afterIn = a > 0 && (info[a - 1].base === 'in' || info[a - 1].base === 'near') && !brk(tokens, info, a - 1);
  const place = placeStartsAt(tokens, info, a, b) === b - a + 1;
  let orgHead = -1;
  for (let k = a; k <= b; k++) if (ORG_HEADS.has(info[k].base) && (k === b || info[k + 1].base === 'of' || info[k + 1].base === 'for')) orgHead = k;

  // "the village of Brin", "the town of Esna": what a place noun is "of" is a place.
  const placeNounOf = a >= 2 && info[a - 1].base === 'of' && !info[a - 2].cap && PLACE_NOUNS.has(info[a - 2].base) && !VAGUE_PLACE_NOUNS.has(info[a - 2].base);

  if (INSTITUTIONS.has(key)) [type, certainty] = ['organization', 2];
  // "the Soviet Union", "the Ottoman Empire": a country's whole name, whatever its head word says
  else if (place && placeOf(key)?.kind === 'country') [type, certainty] = ['place', 2];
  else if (placeNounOf && !ORG_HEADS.has(last.base)) [type, certainty] = ['place', 2];
  else if (!single && (EVENT_HEADS.has(last.base) || warNumber(tokens, info, b))) [type, certainty] = ['other', 2];
  // "the Siege of Savannah", "the War of the Quadruple Alliance", "the Battle of Hastings": an event
  else if (!single && LEADING_EVENT_HEADS.has(info[a].base) && info[a + 1].base === 'of') [type, certainty] = ['other', 2];
  else if (orgHead < 0 && followedByRegion(tokens, info, b) && !(!single && isFirstName(info[a]) && !place)) [type, certainty] = ['place', 2];
  else if (orgHead >= 0) [type, certainty] = [NON_ORG_HEADS.has(info[orgHead].base) ? 'other' : 'organization', 2];
  else if (!single && PLACE_HEADS.has(info[a].base) && info[a + 1].base === 'of') [type, certainty] = ['place', 2];
  else if (!single && LEADING_ORG_HEADS.has(info[a].base)) [type, certainty] = ['organization', 2];
  else if (!single && LEADING_PLACE_HEADS.has(info[a].base) && !isFirstName(info[a])) [type, certainty] = ['place', 2];
  else if (!single && teamName(tokens, info, a, b)) [type, certainty] = ['organization', 1];
  else if (/.news$/.test(last.base) || (!single && last.base === 'news')) [type, certainty] = ['organization', 2];
  else if (hyphenGiven(tokens, info, a, b) && b - a <= 3) [type, certainty] = ['person', 2];
  else if (b - a <= 1 && !place && citedAt(tokens, info, b)) [type, certainty] = ['person', 1];
  else if (titled) [type, certainty] = ['person', 2];
  else if (brandLike(tokens, a, b)) [type, certainty] = ['other', 1];
  else if (!single && isFirstName(info[a]) && !place && !last.caps && (!PLACE_HEADS.has(last.base) || SURNAME_HEADS.has(last.base))) [type, certainty] = ['person', 2];
  else if (single && context?.surnames?.has(key) && !LOCATIVE.has(a > 0 ? info[a - 1].base : '')) [type, certainty] = ['person', 1];
  else if (place) [type, certainty] = ['place', 2];
  else if (b === a + 1 && info[a].lex.length === 0 && !info[a].caps && isTownName(last.base) && !followedByRegion(tokens, info, b)) [type, certainty] = ['person', 1];
  else if (!single && PLACE_HEADS.has(last.base)) [type, certainty] = ['place', 2];
  else if (acronym && (info[b].lex.includes('Organization') || actsAsBody(tokens, info, b))) [type, certainty] = ['organization', 1];
  else if (acronym) return [makeSpan(tokens, info, a, b, 'other', 0)];
  else if (anyTag('Organization') || info.slice(a, b + 1).some((ti) => ti.lex.includes('Organization'))) [type, certainty] = ['organization', 1];
  else if (context?.words.has(key)) [type, certainty] = [context.words.get(key)!, 1];
  // compromise reads a word before "Mr" as a person's ("Harrogate Mr Kennedy"): the courtesy title starts the name.
  else if ((tokens[b].tags.has('Person') && !HONORIFICS.has(info[b + 1]?.base ?? '') || last.lex.includes('LastName') || (!single && NAME_PARTICLES.has(tokens[b - 1].text))) && (!hasParticle(tokens, a, b) || particleName(tokens, info, a, b))) {
    [type, certainty] = ['person', 1];
  }
  else if ((placeLex || (afterIn && !context?.articled.has(key))) && !isCommonLex(last) && !last.caps && !LANGUAGE.test(key)) [type, certainty] = ['place', 1];
  else if (followedBySpeech(tokens, b) && !LOCATIVE.has(a > 0 ? info[a - 1].base : '') && (!hasParticle(tokens, a, b) || particleName(tokens, info, a, b))) [type, certainty] = ['person', 1];
  else if (!single && b - a < 3 && looksLikeBareName(tokens, info, a, b, context)) [type, certainty] = ['person', 0];

  // A capitalised common noun with nothing to type it names nothing ("the Budget", "War on terror").
  if (type === 'other' && single && !last.caps && (isCommonLex(last) || context?.lower.has(last.base))) return [];
  return [makeSpan(tokens, info, a, b, type, certainty)];
}

/** "D.C." or "DC", the District of Columbia. */
const districtOfColumbia = (tokens: Token[], k: number): boolean => k < tokens.length && /^D\.?C\.?$/.test(tokens[k].text);

/** The number of a world war ("World War I", "World War 2"), which compromise reads as a pronoun or a value. */
const warNumber = (tokens: Token[], info: TokenInfo[], k: number): boolean =>
  k > 0 && info[k - 1].cap && info[k - 1].base === 'war' && /^\s*$/.test(tokens[k - 1].post) && /^(?:I{1,2}|[12]|One|Two)$/.test(tokens[k].text);

/** Prepositions and conjunctions that begin and end no name ("Plus", "Versus", "Without" may: "Spectra Plus"). */
const CONNECTIVES = new Set(['in', 'at', 'on', 'by', 'from', 'with', 'into', 'onto', 'to', 'for', 'of', 'as', 'than', 'because', 'although', 'though', 'while', 'whereas', 'unless', 'since', 'until', 'if', 'and', 'or', 'but', 'nor']);

/** A capitalised preposition or conjunction ("In", "Because") that the lexicon knows as nothing else. */
const connective = (info: TokenInfo[], k: number): boolean =>
  info[k].cap && !info[k].caps && CONNECTIVES.has(info[k].base) && info[k].lex.length === 1 && (info[k].lex[0] === 'Preposition' || info[k].lex[0] === 'Conjunction');

const hasParticle = (tokens: Token[], a: number, b: number): boolean => tokens.slice(a + 1, b).some((t) => NAME_PARTICLES.has(t.text));

/**
 * A name with a particle is a person's when it starts with a given name or is not a body's name in its sentence:
 * "Ludwig van Beethoven", but not "the alleged Tren de Aragua gang" or "the group Tren de Aragua", where a noun
 * stands next to it.
 */
function particleName(tokens: Token[], info: TokenInfo[], a: number, b: number): boolean {
  if (isFirstName(info[a])) return true;
  const next = b + 1 < tokens.length && !brk(tokens, info, b) ? tokens[b + 1] : undefined;
  const before = a > 0 && !brk(tokens, info, a - 1) ? tokens[a - 1] : undefined;
  const common = (k: number): boolean => tokens[k].tags.has('Noun') && !info[k].cap && !TITLES.has(info[k].base);
  return !(next && common(b + 1)) && !(before && (before.tags.has('Determiner') || before.tags.has('Adjective') || common(a - 1)));
}

const AFFILIATING = new Set(['of', 'from', 'at', 'with', 'for', 'by']);

/**
 * An acronym nobody's lexicon knows names a body only when the sentence treats it as one: a person is its
 * ("DAB's Ben Chan"), a person is of it ("Gary Chan of the FTU"), it speaks ("said KCNA"), it follows its capitalised
 * expansion ("Korean Central News Agency (KCNA)"), or it stands alone after "the" ("the FTU won"). "Loss of IQ",
 * "the ICI system", "HTML 5" and "NCLAN studies" name no body.
 */
function actsAsBody(tokens: Token[], info: TokenInfo[], b: number): boolean {
  // A possessive counts before a person ("DAB's Ben Chan"), not before a thing ("IE's market share").
  if (info[b].possessive && b + 1 < tokens.length && (info[b + 1].cap || isTitleHead(info[b + 1]))) return true;
  if (followedBySpeech(tokens, b)) return true;
  let p = b - 1;
  if (p >= 0 && SPEECH_VERBS.has(tokens[p].lemma) && !brk(tokens, info, p)) return true;
  const next = b + 1 < tokens.length && !brk(tokens, info, b) ? tokens[b + 1] : undefined;
  const modifier = next !== undefined && (info[b + 1].dateish || (next.tags.has('Noun') && !info[b + 1].cap));
  if (modifier) return false;
  if (/\(/.test(tokens[b].pre) && p >= 0) {
    // The same letters in any order: an expansion translated from the language of the acronym ("Italian Episcopal
    // Conference (CEI)").
    const sorted = (w: string): string => [...w].sort().join('');
    let letters = '';
    for (let k = p; k >= 0 && letters.length < info[b].base.length && !(k < p && brk(tokens, info, k)); k--) {
      if (info[k].cap) letters += tokens[k].text[0].toLowerCase();
      else if (!CONNECTORS.has(info[k].base) && info[k].base !== 'and' && info[k].base !== 'the') break;
    }
    if (sorted(letters) === sorted(info[b].base)) return true;
  }
  if (p > 0 && info[p].base === 'to' && info[p - 1].base === 'according') return true;
  if (p >= 0 && info[p].base === 'the' && !brk(tokens, info, p)) {
    if (next === undefined || !LETTERS.test(next.text) || next.tags.has('Verb')) return true;
    p--;
  }
  // The name before may end in the lower-case half of a hyphenated given name ("Leung Yiu-chung of NWSC").
  const nameBefore = p > 0 && (info[p - 1].cap || (p > 1 && tokens[p - 2].post === '-' && info[p - 2].cap));
  return nameBefore && AFFILIATING.has(info[p].base) && !brk(tokens, info, p) && !brk(tokens, info, p - 1);
}

/**
 * Two or three capitalised words with nothing else to go by read as a person's name unless something says
 * otherwise: an article before ("the Sea Org"), a plural end ("Neo Democrats"), a word the document
 * also writes in lower case ("University Collection"), an acronym.
 */
function looksLikeBareName(tokens: Token[], info: TokenInfo[], a: number, b: number, context?: NameContext): boolean {
  const before = a > 0 && !brk(tokens, info, a - 1) ? tokens[a - 1] : undefined;
  if (before && (before.tags.has('Determiner') || before.tags.has('Possessive') || before.tags.has('Adjective'))) return false;
  if (tokens[b].tags.has('Plural') || isCommonLex(info[b]) || context?.surnames?.has(info[a].base)) return false;
  for (let k = a; k <= b; k++) {
    if (info[k].caps || context?.lower.has(info[k].base) || info[k].lex.includes('Uncountable')) return false;
  }
  return true;
}

/**
 * Names inside a longer name: places and people that bodies are named after
 * ("University of Texas" → Texas, "Andy Warhol Foundation" → Andy Warhol, "U.S. Department of State" → U.S.).
 */
function nestedNames(tokens: Token[], info: TokenInfo[], outer: NameSpan, context?: NameContext): NameSpan[] {
  const out: NameSpan[] = [];
  for (let k = outer.first; k <= outer.last; k++) {
    const len = placeStartsAt(tokens, info, k, outer.last);
    // "George Washington Bridge", "Jack London Square": after a given name a place's name is a surname.
    const surname = k > outer.first && isFirstName(info[k - 1]) && len === 1 && !placeStartsAt(tokens, info, k - 1, k);
    if (len > 0 && !surname && !(k === outer.first && len === outer.last - outer.first + 1)) {
      const last = k + len - 1;
      // "New South Wales" inside "New South Wales Police": the whole place, not a part of it.
      if (k === outer.first || !placeStartsAt(tokens, info, outer.first, last)) out.push(makeSpan(tokens, info, k, last, 'place', 2));
      k = last;
      continue;
    }
    // A body leading a longer name is named in it ("Google Science Fair", "FIFA World Cup"); one after "of" is not.
    if (outer.type !== 'place' && k === outer.first && k < outer.last && info[k].lex.includes('Organization') && info[k].cap && tokens[k].post !== '-') {
      out.push(makeSpan(tokens, info, k, k, 'organization', 1));
      continue;
    }
    if (k < outer.last && isFirstName(info[k]) && !/^\p{Lu}\.?$/u.test(tokens[k].text) && info[k + 1].cap && !info[k + 1].caps && !ORG_HEADS.has(info[k + 1].base) && !PLACE_HEADS.has(info[k + 1].base) && !isCommonLex(info[k + 1])) {
      out.push(makeSpan(tokens, info, k, k + 1, 'person', 1));
      k++;
      continue;
    }
    if (outer.type === 'place') continue;
    if (context?.words.get(info[k].base) === 'person' && k !== outer.last) out.push(makeSpan(tokens, info, k, k, 'person', 1));
  }
  return out;
}

/** "Irving, Texas": a name followed by a comma and a known region or country is a place. */
function followedByRegion(tokens: Token[], info: TokenInfo[], b: number): boolean {
  if (b + 1 >= tokens.length || !/^,\s*$/.test(tokens[b].post)) return false;
  const len = placeStartsAt(tokens, info, b + 1);
  if (len === 0) return false;
  const p = placeOf(keyOf(tokens, info, b + 1, b + len));
  return !!p && (p.kind === 'region' || p.kind === 'country');
}

function followedBySpeech(tokens: Token[], b: number): boolean {
  const next = tokens[b + 1];
  return !!next && !BREAK_AFTER.test(tokens[b].post) && next.tags.has('Verb') && SPEECH_VERBS.has(next.lemma);
}

/** Pronouns and "the (State) Secretary"-style descriptions of one sentence, outside the given names. */
export function findAnaphors(sentence: TokenSentence, names: NameSpan[]): AnaphorSpan[] {
  const tokens = sentence.tokens;
  const covered = new Set<number>();
  for (const s of names) {
    for (let k = s.first; k <= s.last; k++) covered.add(k);
    if (s.titleFirst !== undefined) for (let k = s.titleFirst; k <= (s.titleLast ?? -1); k++) covered.add(k);
  }
  const out: AnaphorSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (covered.has(i)) continue;
    const p = PRONOUNS[t.normal];
    if (p && t.tags.has('Pronoun')) {
      out.push({ first: i, last: i, type: p.type, gender: p.gender, plural: p.plural });
      continue;
    }
    if (t.normal !== 'the') continue;
    let k = i + 1;
    while (k < tokens.length && !covered.has(k) && (TITLE_MODIFIERS.has(tokens[k].normal) || countryOfDemonym(tokens[k].text)) && !BREAK_AFTER.test(tokens[k - 1].post)) k++;
    if (k >= tokens.length || covered.has(k) || BREAK_AFTER.test(tokens[k - 1].post)) continue;
    const head = tokens[k].normal;
    if (!TITLES.has(head) || ['head', 'leader', 'officer', 'lawyer', 'brother', 'sister', 'father', 'chair'].includes(head)) continue;
    const nx = tokens[k + 1];
    if (nx && !BREAK_AFTER.test(tokens[k].post) && (nx.normal === 'of' || /^\p{Lu}/u.test(nx.text))) continue;
    out.push({ first: i, last: k, type: 'person', plural: false, title: head, gender: MALE_TITLES.has(head) ? 'm' : FEMALE_TITLES.has(head) ? 'f' : undefined });
    i = k;
  }
  return out;
}

/**
 * All mentions of a document: names, pronouns and title descriptions, with offsets into `doc.text`.
 * `sentences` must be `tokenize(doc.clean)`. `typer` picks the model that re-types names (none: the rules' types).
 */
export function findMentions(doc: Document, sentences: TokenSentence[], typer: Partial<TyperOptions> = {}): Mention[] {
  // First pass: names found where capitals are informative teach the document's vocabulary.
  const words = new Map<string, EntityType>();
  const surnames = new Set<string>();
  const lower = new Set<string>();
  const articled = new Set<string>();
  const acronyms = new Set<string>();
  for (const s of sentences) {
    s.tokens.forEach((t, i) => {
      if (/^\p{Lu}{3,8}$/u.test(t.text)) acronyms.add(t.text);
      if (/^\p{Ll}/u.test(t.text)) lower.add(t.normal);
      else if (i > 0 && s.tokens[i - 1].normal === 'the') articled.add(normalizeName(t.text));
    });
  }
  // What the first pass reads is what the document shows in lower case and after "the", with no names yet.
  const firstPass: NameContext = { words: new Map(), lower, articled, acronyms };
  const found = sentences.map((s) => findNames(s, firstPass));
  // Surnames of names typed by evidence: a guessed "name" that starts with one ("Warhol Polaroid") is that person's thing.
  const sureSurnames = new Set<string>();
  sentences.forEach((s, k) => {
    for (const span of found[k]) if (span.type === 'person' && span.last > span.first && span.certainty >= 1) sureSurnames.add(normalizeName(s.tokens[span.last].text));
  });
  for (const [k, s] of sentences.entries()) {
    for (const span of found[k]) {
      // A full name guessed from its shape alone ("Jeb Bush") still teaches its parts: "Bush" and "Jeb" alone are names.
      const fullName = span.type === 'person' && span.last > span.first;
      if (fullName && span.certainty < 1 && sureSurnames.has(normalizeName(s.tokens[span.first].text))) continue;
      if ((span.certainty < 1 && !fullName) || span.type === 'other') continue;
      if (!words.has(span.key) && span.certainty >= 1) words.set(span.key, span.type);
      if (fullName) {
        const surname = normalizeName(s.tokens[span.last].text);
        const given = normalizeName(s.tokens[span.first].text);
        if (!words.has(surname)) words.set(surname, 'person');
        if (!words.has(given) && !lower.has(given)) words.set(given, 'person');
        surnames.add(surname);
      }
    }
  }
  const context: NameContext = { words, lower, articled, surnames, sports: isSportsReport(sentences), acronyms };
  const mentions: Mention[] = [];
  const orig = (cleanStart: number, cleanEnd: number): [number, number] => [
    doc.toOriginal(cleanStart),
    cleanEnd > 0 ? doc.toOriginal(cleanEnd - 1) + 1 : 0,
  ];
  for (const s of sentences) {
    const names = findNames(s, context);
    for (const span of names) {
      const first = s.tokens[span.first];
      if (span.first === span.last && splitPlaces(doc, s, first, mentions)) continue;
      const route = routeNumber(s, span.first, span.last);
      const last = s.tokens[route ?? span.last];
      if (route !== undefined) [span.type, span.key, span.certainty] = ['place', normalizeName(`${first.text} ${last.text}`), 2];
      let end = last.end;
      const m = /['’]s?$/.exec(last.text);
      if (m && (last.tags.has('Possessive') || /^\p{Lu}/u.test(last.text))) end -= m[0].length;
      const [start, oend] = orig(s.tokens[span.spanFirst ?? span.first].start, end);
      const mention: Mention = {
        doc: doc.id, start, end: oend, text: doc.text.slice(start, oend), type: span.type, sentence: s.index,
        named: true, key: span.key,
      };
      if (span.title) mention.title = span.title;
      mentions.push(mention);
      const titleHead = span.title ? normalizeName(span.title.split(/\s+of\s+/i)[0]).split(' ').pop() : undefined;
      const acronym = span.first === span.last && /^[\p{Lu}.&]+$/u.test(first.text.replace(/['’]s$/, ''));
      const name = doc.text.slice(orig(first.start, end)[0], oend);
      mention.evidence = { certainty: span.certainty, gender: span.gender, titleHead, acronym, name };
    }
    for (const a of findAnaphors(s, names)) {
      const [start, end] = orig(s.tokens[a.first].start, s.tokens[a.last].end);
      const mention: Mention = {
        doc: doc.id, start, end, text: doc.text.slice(start, end), type: a.type, sentence: s.index,
        named: false, key: normalizeName(a.title ?? s.tokens[a.first].text), anaphor: true,
      };
      if (a.title) mention.title = s.tokens[a.last].text;
      mentions.push(mention);
      mention.evidence = { certainty: 0, gender: a.gender, plural: a.plural, titleHead: a.title };
    }
  }
  return typeMentions(doc, sentences, mentions.sort((x, y) => x.start - y.start || y.end - x.end), typer);
}

/** "US-412", "I 95": a road's code is its letters and number together, not the country the letters spell. */
function routeNumber(s: TokenSentence, first: number, last: number): number | undefined {
  const next = s.tokens[last + 1];
  const ok = first === last && /^\p{Lu}{1,3}$/u.test(s.tokens[first].text) && /^\s*-?\s*$/.test(s.tokens[first].post) && next && /^\d{1,4}$/.test(next.text);
  return ok ? last + 1 : undefined;
}

/** "U.S.-Mexico" as one token: one place mention per part, when every part is a known place. */
function splitPlaces(doc: Document, s: TokenSentence, t: Token, mentions: Mention[]): boolean {
  const parts = t.text.replace(/['’]s$/, '').split('-');
  if (parts.length < 2 || !parts.every((p) => p && placeOf(p))) return false;
  let offset = t.start;
  for (const part of parts) {
    const start = doc.toOriginal(offset);
    const end = doc.toOriginal(offset + part.length - 1) + 1;
    const mention: Mention = {
      doc: doc.id, start, end, text: doc.text.slice(start, end), type: 'place', sentence: s.index, named: true,
      key: normalizeName(placeOf(part)!.name),
    };
    mentions.push(mention);
    mention.evidence = { certainty: 2 };
    offset += part.length + 1;
  }
  return true;
}

/** The named mention inside [start, end) of the original text (the last outermost one, a phrase's head), if any. */
export function nameAt(mentions: Mention[], start: number, end: number): Mention | undefined {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  // The last outermost name: "University of Texas", not the "Texas" nested in it.
  let found: Mention | undefined;
  for (let k = lo; k < mentions.length && mentions[k].start < end; k++) {
    const m = mentions[k];
    if (m.named && m.end <= end && !(found && m.start < found.end)) found = m;
  }
  return found;
}
