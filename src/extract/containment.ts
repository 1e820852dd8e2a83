import type { Argument, Mention, Triple } from '../types.js';
import { containersOf, countryOfDemonym, normalizeName, placeOf } from './gazetteer.js';
import { demonymAt } from './links.js';
import { relationKind } from './relations.js';
import type { SentenceContext } from './triples.js';

/**
 * Where the places and bodies of a document lie, read with knowledge the sentences do not state:
 * - the gazetteer's: a document that names Lyon and France says, to a reader who knows where Lyon is, that Lyon is in
 *   France; only a container the document itself names is taken, so a name several places share (Paris, Georgia) is
 *   read as the one the document is about, and a nationality adjective stands for its country where the country
 *   is not named ("Bologna" and "an Italian city");
 * - the name's: a body or place named after a place lies in it ("University of Tartu" → Tartu; "German Army" → Germany),
 *   and in what the gazetteer puts that place in;
 * - what the text places somewhere lies in the country the gazetteer puts that place in ("a club based in Lyon" → France);
 * - a citizen of a nationality is a citizen of its country where the document names it ("a German racer", Germany);
 * - the document's: a place or body nothing else places lies in the one country a document names, if it names one
 *   (directly, by nationality or by a place the gazetteer knows) and the body's name points to no other; a place, in
 *   the one region of that country the document names; a guess, marked so.
 * Each triple cites the sentence of the contained thing's mention, and its `basis` says which knowledge it rests on.
 */
export function containmentTriples(sentences: SentenceContext[], triples: Triple[]): Triple[] {
  const places = namedPlaces(sentences);
  const byName = new Map<string, Located>();
  // a country named outright stands for it before a nationality adjective does
  for (const p of [...places.filter((p) => !p.demonym), ...places.filter((p) => p.demonym)]) if (!byName.has(p.name)) byName.set(p.name, p);
  const joined = new Set(triples.filter((t) => t.subject.head && t.object.head).map((t) => pairKey(t.subject.head!.text, t.object.head!.text)));
  const out: Triple[] = [];
  const emit = (ctx: SentenceContext, subject: Argument, object: Mention, basis: Basis, relation = 'located in') => {
    const key = pairKey(subject.head!.text, object.text);
    if (joined.has(key) || normalizeName(subject.head!.text) === normalizeName(object.text)) return;
    joined.add(key);
    out.push({
      subject, relation, relationText: '', object: asArgument(object), adjuncts: [],
      confidence: basis === 'document' ? CONFIDENCE_DOCUMENT : CONFIDENCE_CONTAINMENT,
      negated: false, passive: false, source: ctx.source, basis,
    });
  };
  const named = (ctx: SentenceContext, container: string) => {
    const y = byName.get(normalizeName(container));
    return y && (sameSentence(ctx, y) ?? y.mention);
  };
  for (const x of places) {
    if (x.demonym) continue;
    const containers = containersOf(x.mention.text);
    // "Central" is a region of eight countries: a name that common says nothing of where its place lies
    if ([...containers].filter((c) => placeOf(c)?.kind === 'country').length > MAX_COUNTRIES) continue;
    for (const container of containers) {
      const y = named(x.ctx, container);
      if (y) emit(x.ctx, asArgument(x.mention), y, 'gazetteer');
    }
  }
  for (const ctx of sentences) {
    for (const w of widest(ctx)) {
      // "Latin America", "Russian Federation": a place the gazetteer knows is not named after the place inside it
      if (w.type !== 'organization' && w.type !== 'place' || placeOf(w.text)) continue;
      for (const p of ctx.mentions) {
        if (!p.named || p.type !== 'place' || p.start < w.start || p.end > w.end || p === w || p.start === w.start && p.end === w.end) continue;
        if (partOf(ctx, w, p)) continue;
        emit(ctx, asArgument(w), p, 'name');
        for (const container of containersOf(p.text)) {
          const y = named(ctx, container);
          if (y) emit(ctx, asArgument(w), y, 'gazetteer');
        }
      }
      for (const word of ctx.doc.text.slice(w.start, w.end).split(/[\s-]+/)) {
        const country = countryOfDemonym(word);
        const y = country && named(ctx, country);
        if (y) emit(ctx, asArgument(w), y, 'name');
      }
    }
  }
  // "a German racer" in an article that names Germany: a citizen of the country as well as of the nationality, and back
  for (const t of triples) {
    const o = t.object.head;
    const ctx = t.relation === 'citizen of' && o && t.subject.head ? sentences.find((x) => x.source.start === t.source.start) : undefined;
    const c = o && (countryOfDemonym(o.text) ?? (placeOf(o.text)?.kind === 'country' ? placeOf(o.text)!.name : undefined));
    if (!ctx || !o || !c) continue;
    const other = places.find((p) => p.name === normalizeName(c) && normalizeName(p.mention.text) !== normalizeName(o.text));
    if (other) emit(ctx, t.subject, other.mention, 'gazetteer', 'citizen of');
  }
  for (const t of triples) {
    const s = t.subject.head;
    const o = t.object.head;
    // a place the gazetteer knows is placed by the gazetteer itself, not by what a place chain may have misread
    if (!s?.named || !o?.named || s.type === 'person' || placeOf(s.text) || relationKind(t.relation) !== 'located in' || t.basis) continue;
    const ctx = sentences.find((c) => c.source.start === t.source.start);
    if (!ctx) continue;
    for (const container of containersOf(o.text)) {
      const y = placeOf(container)?.kind === 'country' ? named(ctx, container) : undefined;
      if (y) emit(ctx, t.subject, y, 'gazetteer');
    }
  }
  // last, so that what any knowledge places is placed by it: the document's only country, and its only region
  const placed = new Set([...triples, ...out].filter((t) => t.subject.head?.named && relationKind(t.relation) === 'located in').map((t) => normalizeName(t.subject.head!.text)));
  const country = onlyCountry(places);
  const region = country && onlyRegion(places, country);
  for (const [container, types] of [[country, ['place', 'organization']], [region, ['place']]] as const) {
    if (!container || !country) continue;
    for (const ctx of sentences) {
      const y = named(ctx, container);
      // a name recognition could not type is a place where the text places it ("Pasłęk is a town in …")
      const fits = (w: Mention) => (types as readonly string[]).includes(w.type) || w.type === 'other' && placed.has(normalizeName(w.text));
      for (const w of widest(ctx)) if (y && fits(w) && unplaced(ctx, w, country)) emit(ctx, asArgument(w), y, 'document');
    }
  }
  return out;
}

type Basis = NonNullable<Triple['basis']>;

/**
 * The one country a document is about, when it names one and no other: by name, by nationality adjective, or as the
 * country of a place the gazetteer knows ("Atlanta" names the United States).
 */
function onlyCountry(places: Located[]): string | undefined {
  const countries = new Set(places.flatMap((p) => {
    if (p.demonym || placeOf(p.name)?.kind === 'country') return [p.name];
    const cs = countriesOf(p.mention.text);
    return cs.length === 1 ? cs : [];
  }));
  return countries.size === 1 ? [...countries][0] : undefined;
}

/** "Latin America", "Upper Austria": one word before a place names a part or a neighbour of it, not a thing inside it. */
function partOf(ctx: SentenceContext, w: Mention, p: Mention): boolean {
  return p.end === w.end && p.start > w.start && !/\s/.test(ctx.doc.text.slice(w.start, p.start).trim());
}

/** The one first-level region of the country a document names, when it names one and no other ("Montana"). */
function onlyRegion(places: Located[], country: string): string | undefined {
  const regions = new Set(places.filter((p) => !p.demonym && placeOf(p.mention.text)?.kind === 'region' && countriesOf(p.mention.text).includes(country)).map((p) => p.name));
  return regions.size === 1 ? [...regions][0] : undefined;
}

/** The countries, folded, that the gazetteer puts a place in. */
function countriesOf(name: string): string[] {
  return [...containersOf(name)].flatMap((c) => placeOf(c)?.kind === 'country' ? [normalizeName(placeOf(c)!.name)] : []);
}

/**
 * A place or body that nothing but the document places: not a person, not a place the gazetteer knows, not named after
 * a place or a nationality of another country ("Square Enix Europe", "University of Buckingham" in a Belgian article).
 */
function unplaced(ctx: SentenceContext, w: Mention, country: string): boolean {
  if (w.type === 'person' || !/^\p{Lu}/u.test(w.text) || placeOf(w.text) || containersOf(w.text).size || countryOfDemonym(w.text)) return false;
  const elsewhere = (c: string) => c !== country;
  const inside = ctx.mentions.filter((p) => p !== w && p.named && p.start >= w.start && p.end <= w.end && placeOf(p.text));
  if (inside.some((p) => partOf(ctx, w, p))) return false;
  if (inside.some((p) => placeOf(p.text)?.kind === 'country' ? elsewhere(normalizeName(placeOf(p.text)!.name)) : countriesOf(p.text).some(elsewhere))) return false;
  return !w.text.split(/[\s-]+/).some((word) => {
    const c = countryOfDemonym(word);
    return !!c && elsewhere(normalizeName(c));
  });
}

const CONFIDENCE_CONTAINMENT = 0.6;
/** What lies in the document's only country or region is a guess, right about four times in five on Re-DocRED. */
const CONFIDENCE_DOCUMENT = 0.4;
/** More countries than this have a place of the name: too common a name to say where. */
const MAX_COUNTRIES = 2;

interface Located {
  ctx: SentenceContext;
  mention: Mention;
  /** The place's name as the gazetteer has it, folded: "united states" for "the U.S." and for "American". */
  name: string;
  demonym: boolean;
}

/** The named mentions of a sentence at their widest ("Saint Louis County", not the "Saint Louis" inside it). */
function widest(ctx: SentenceContext): Mention[] {
  return ctx.mentions.filter((m) => m.named && !ctx.mentions.some((o) => o !== m && o.named && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start));
}

/** Each named place of the document, and each nationality adjective no name covers, standing for its country. */
function namedPlaces(sentences: SentenceContext[]): Located[] {
  const out: Located[] = [];
  for (const ctx of sentences) {
    for (const m of widest(ctx)) {
      if (m.type === 'person' || m.type === 'organization') continue;
      const place = placeOf(m.text);
      if (m.type !== 'place' && !place) continue;
      out.push({ ctx, mention: m, name: normalizeName(place?.kind === 'country' ? place.name : m.text), demonym: false });
    }
    for (let k = 0; k < ctx.sentence.tokens.length; k++) {
      const d = demonymAt(ctx, k);
      if (d) out.push({ ctx, mention: d, name: normalizeName(d.key), demonym: true });
    }
  }
  return out;
}

/** The container's mention in the contained place's own sentence, when it is named there too. */
function sameSentence(ctx: SentenceContext, y: Located): Mention | undefined {
  if (y.ctx === ctx) return y.mention;
  return ctx.mentions.find((m) => m.named && normalizeName(placeOf(m.text)?.kind === 'country' ? placeOf(m.text)!.name : m.text) === y.name);
}

function pairKey(a: string, b: string): string {
  return [normalizeName(a), normalizeName(b)].sort().join('|');
}

function asArgument(m: Mention): Argument {
  return { start: m.start, end: m.end, text: m.text, head: m, modifiers: [] };
}
