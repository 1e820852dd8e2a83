import { createRequire } from 'node:module';
import nlp from 'compromise';
import { cityGazetteer } from './names/cities.js';
import { COUNTRY_INITIALISMS, FORMER_STATES, ORG_HEADS, PLACE_HEADS, TITLES } from './lexicon.js';

/**
 * Word lists the recogniser consults, built once at module load.
 * Places and demonyms come from open-data packages (world-countries, country-region-data);
 * first names from compromise's own lexicon. Word lists that are not names of places (titles, head words, parties)
 * are in lexicon.ts.
 */

export type PlaceKind = 'country' | 'capital' | 'region' | 'continent' | 'city';

export interface Place {
  /** Canonical name ("United States" for "U.S.", "USA", "United States of America"). */
  name: string;
  kind: PlaceKind;
}

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: string[];
  capital: string[];
  region: string;
  subregion: string;
  independent: boolean;
}

interface CountryRegions {
  countryName: string;
  countryShortCode: string;
  regions: { name: string }[];
}

const require = createRequire(import.meta.url);
const countries = require('world-countries/countries.json') as WorldCountry[];
const regionData = require('country-region-data/data.json') as CountryRegions[];

const ASCII = /^[\x00-\x7f]*$/;

const normalized = new Map<string, string>();
/** Enough distinct names for a large corpus; past it the memo starts again rather than grow without bound. */
const NORMALIZED_LIMIT = 100_000;

/** Lower-cased, accent-free, dot-free form used to compare names ("U.S." → "us", "Ramón" → "ramon"). */
export function normalizeName(s: string): string {
  // the recogniser asks for the same words and word sequences again and again
  let out = normalized.get(s);
  if (out === undefined) {
    if (normalized.size >= NORMALIZED_LIMIT) normalized.clear();
    out = foldName(s);
    normalized.set(s, out);
  }
  return out;
}

/** normalizeName without the memo, for bulk loads of names. */
function foldName(s: string): string {
  // most names are plain ASCII, where stripping accents (NFD + marks) is costly and changes nothing
  const folded = ASCII.test(s) ? s : s.normalize('NFD').replace(/\p{M}/gu, '');
  return folded
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/[.’']/g, '')
    .replace(/[\s-]+/g, ' ')
    .trim();
}

/** Initials of the capitalised words of a name ("United States of America" → "USA"). */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

type Lexicon = Record<string, string | string[]>;
const world = (nlp as unknown as { world(): { model: { one: { lexicon: Lexicon }; two: Record<string, Record<string, boolean>> } } }).world();
const lexicon = world.model.one.lexicon;

/** Tags compromise's lexicon gives a lower-case word (empty when it does not know the word). */
export function lexTags(normal: string): string[] {
  const v = lexicon[normal];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

const places = new Map<string, Place>();

function addPlace(name: string, place: Place): void {
  // the gazetteers' names are folded once, at load: in the memo they would only crowd out the text's words
  const key = foldName(name);
  if (!key || places.has(key)) return;
  places.set(key, place);
}

// Countries first so that a country wins over a region of the same name (Georgia, Luxembourg).
for (const c of countries) {
  const place: Place = { name: c.name.common, kind: 'country' };
  addPlace(c.name.common, place);
  addPlace(c.name.official, place);
  for (const alt of c.altSpellings) {
    // Two-letter ISO codes ("IN", "IT") are ordinary words; keep longer spellings and known abbreviations,
    // but not a native spelling that is an English word ("Island" for Iceland).
    const tags = lexTags(alt.toLowerCase());
    const word = !/\s/.test(alt) && ((tags.length > 0 && !tags.some((t) => ['Country', 'Place', 'City', 'Region'].includes(t))) || alt.toLowerCase() in world.model.two.placeWords);
    if (alt.length > 2 && /^[\p{L}\s.'’-]+$/u.test(alt) && !/,/.test(alt) && !word) addPlace(alt, place);
  }
  // Only the initialisms news uses: most ("SS", "MI", "DC" from "DR Congo") are other things.
  const short = initials(c.name.common);
  if (/\s/.test(c.name.common) && c.independent && COUNTRY_INITIALISMS.has(short)) addPlace(short, place);
}
// News writes "America" for the United States; the gazetteer has it only as the continents' name.
addPlace('America', places.get('united states')!);
addPlace('Britain', places.get('united kingdom')!);
// The United Kingdom's four countries are places of their own, which the country list leaves out.
for (const nation of ['England', 'Scotland', 'Wales', 'Northern Ireland']) addPlace(nation, { name: nation, kind: 'country' });
for (const [name, others] of Object.entries(FORMER_STATES)) {
  const place: Place = { name, kind: 'country' };
  for (const n of [name, ...others]) addPlace(n, place);
}
for (const c of countries) for (const cap of c.capital) addPlace(cap, { name: cap, kind: 'capital' });
for (const c of countries) {
  if (c.region) addPlace(c.region, { name: c.region, kind: 'continent' });
  if (c.subregion) addPlace(c.subregion, { name: c.subregion, kind: 'continent' });
}
// A one-word region that is also an ordinary word or a person's name ("Western", "Reading", "Paul") is left to context.
const COMMON_WORD_TAGS = new Set(['Adjective', 'Singular', 'Plural', 'Noun', 'PastTense', 'Infinitive', 'Gerund', 'Unit', 'Currency', 'WeekDay', 'Abbreviation', 'FirstName', 'MaleName', 'FemaleName', 'LastName']);
for (const c of regionData) {
  for (const r of c.regions) {
    if (!/\s/.test(r.name) && lexTags(foldName(r.name)).some((t) => COMMON_WORD_TAGS.has(t))) continue;
    addPlace(r.name, { name: r.name, kind: 'region' });
  }
}

/** Longest place name in words, to bound look-ups. */
export const MAX_PLACE_WORDS = Math.max(...[...places.keys()].map((k) => k.split(' ').length));

const PLACE_TAGS = new Set(['Place', 'City', 'Country', 'Region', 'ProperNoun']);
const townCache = new Map<string, Place | null>();

/**
 * A town or region of the world-cities data, unless compromise knows the name as something else: an ordinary word
 * ("Mobile", "Split"), a person's name ("Irving", "Florence") or a name with a body's head word ("University", Florida) is a
 * place only where a gazetteer of countries says so.
 */
function townOf(key: string): Place | undefined {
  let place = townCache.get(key);
  if (place === undefined) {
    place = null;
    const headWord = key.split(' ').some((w) => ORG_HEADS.has(w) || PLACE_HEADS.has(w) || TITLES.has(w));
    if (key.length > 2 && !headWord && !lexTags(key).some((t) => !PLACE_TAGS.has(t))) {
      const { cities, regions } = cityGazetteer(foldName);
      const city = cities.get(key);
      const region = regions.get(key);
      if (region) place = { name: region, kind: 'region' };
      else if (city) place = { name: city.name, kind: 'city' };
    }
    townCache.set(key, place);
  }
  return place ?? undefined;
}

const placeMemo = new Map<string, Place | null>();

/** The place a name denotes, if a gazetteer knows it. */
export function placeOf(name: string): Place | undefined {
  // asked of every name and word sequence the recogniser and resolution consider, most of them no place
  let place = placeMemo.get(name);
  if (place === undefined) {
    if (placeMemo.size >= NORMALIZED_LIMIT) placeMemo.clear();
    place = findPlace(name) ?? null;
    placeMemo.set(name, place);
  }
  return place ?? undefined;
}

/** "the State of Texas", "the City of Cleveland": the heads findPlace reads through to the place they name. */
const OF_HEADS = '(?:state|city|commonwealth|province)';
const OF_FORM = new RegExp(`^(?:the )?${OF_HEADS} of (.+)$`);

function findPlace(name: string): Place | undefined {
  const key = normalizeName(name);
  const place = places.get(key) ?? townOf(key);
  if (place) return place;
  // "the State of Texas", "the City of Cleveland" name the state and the city themselves.
  const of = OF_FORM.exec(key);
  if (of) return places.get(of[1]) ?? townOf(of[1]);
  // "New York City" is what news means by "New York": a city of millions that gives its state its name.
  const stem = /^(.+) city$/.exec(key)?.[1];
  const town = stem === undefined ? undefined : cityGazetteer(foldName).cities.get(stem);
  if (stem !== undefined && town && town.population >= BIG_CITY && town.province && foldName(town.province) === stem && places.get(stem)?.kind !== 'country') return places.get(stem);
  return undefined;
}

let prefixes: Set<string> | undefined;
/** The beginnings of findPlace's "the state of …" (OF_FORM), which any words may follow. */
const OPEN_FORMS = new RegExp(`^(?:the|(?:the )?${OF_HEADS}(?: of(?: .*)?)?)$`);

/**
 * False when no name the gazetteers know, nor any form findPlace reads, starts with this normalised name and a
 * further word: a recogniser reading words one by one can stop there.
 */
export function placeMayGoOn(key: string): boolean {
  if (!prefixes) {
    prefixes = new Set();
    const { cities, regions } = cityGazetteer(foldName);
    for (const name of [...places.keys(), ...cities.keys(), ...regions.keys()]) {
      for (let at = name.indexOf(' '); at >= 0; at = name.indexOf(' ', at + 1)) prefixes.add(name.slice(0, at));
    }
    // "New York" + "City"
    for (const name of cities.keys()) prefixes.add(name);
  }
  return prefixes.has(key) || OPEN_FORMS.test(key);
}

/** A town this populous is what its bare name means, even where a state shares the name. */
const BIG_CITY = 1_000_000;

const countryByCode = new Map(countries.map((c) => [c.cca2, c.name.common]));
/** What a gazetteer of countries and their regions says a place lies in, by folded name; towns are added on first use. */
const within = new Map<string, Set<string>>();

function liesIn(name: string, container: string): void {
  const key = foldName(name);
  let set = within.get(key);
  if (!set) within.set(key, (set = new Set()));
  set.add(container);
}

/** The continent a country lies in, as Wikidata and news name it: the Americas are North and South America. */
function continentOf(c: WorldCountry): string | undefined {
  if (c.region !== 'Americas') return c.region || undefined;
  return c.subregion === 'South America' ? 'South America' : 'North America';
}

for (const c of countries) {
  const continent = continentOf(c);
  if (continent) liesIn(c.name.common, continent);
  for (const cap of c.capital) liesIn(cap, c.name.common);
}
for (const nation of ['England', 'Scotland', 'Wales', 'Northern Ireland']) liesIn(nation, 'United Kingdom');
for (const c of regionData) {
  const country = countryByCode.get(c.countryShortCode);
  if (country) for (const r of c.regions) liesIn(r.name, country);
}

/**
 * The places a gazetteer says contain the named place: a region's or capital's country, a town's province and
 * country, a country's continent ("Lyon" → Auvergne-Rhône-Alpes, France, Europe). Names several places share
 * (Georgia, Paris) give what each of them lies in: a caller must check which is meant.
 */
export function containersOf(name: string): ReadonlySet<string> {
  const key = normalizeName(name);
  // a country lies in its continent only, whatever towns or regions share its name
  if (places.get(key)?.kind === 'country') return within.get(foldName(places.get(key)!.name)) ?? new Set();
  const out = new Set(within.get(key));
  const town = cityGazetteer(foldName).within.get(key);
  if (town) {
    for (const p of town.provinces) out.add(p);
    for (const code of town.countries) {
      const country = countryByCode.get(code);
      if (country) out.add(country);
    }
  }
  // a country's continent holds for what lies in the country
  for (const c of [...out]) for (const up of within.get(foldName(c)) ?? []) if (placeOf(c)?.kind === 'country' && placeOf(up)?.kind === 'continent') out.add(up);
  return out;
}

/** Two countries, or two towns ("Malaysia, Indonesia"; "Xiamen, Suzhou"), are side by side: neither lies in the other. */
export function sideBySide(a: string, b: string): boolean {
  const [ka, kb] = [placeOf(a)?.kind, placeOf(b)?.kind];
  const town = (k: string | undefined) => k === 'city' || k === 'capital';
  return ka === 'country' && kb === 'country' && !/^(?:england|scotland|wales|northern ireland)$/i.test(a) || town(ka) && town(kb);
}

export { countryOfDemonym } from './demonyms.js';

/** Gender a first name suggests, from compromise's lexicon. */
export function genderOfFirstName(normal: string): 'm' | 'f' | undefined {
  const tags = lexTags(normal);
  if (tags.includes('MaleName')) return 'm';
  if (tags.includes('FemaleName')) return 'f';
  return undefined;
}

const verbForms = new Map<string, boolean>();
/** True for a word compromise reads, on its own, as a present-tense verb ("defends", "slams"): headline verbs. */
export function isPresentVerb(normal: string): boolean {
  let v = verbForms.get(normal);
  if (v === undefined) {
    v = nlp(normal).has('#PresentTense');
    verbForms.set(normal, v);
  }
  return v;
}

/**
 * The province of the largest town of a name ("cambridge" → Cambridgeshire), if the gazetteer has a town of that name:
 * what a text means by the bare name, against which "Cambridge, Massachusetts" is another town.
 */
export function provinceOfTown(name: string): string | undefined {
  return cityGazetteer(foldName).cities.get(normalizeName(name))?.province;
}
