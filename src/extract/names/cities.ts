import { createRequire } from 'node:module';

/**
 * Towns and the provinces they lie in, from the city-timezones package (7,000 towns of the world with their
 * population; MIT). Read once, on first use: 2 MB of JSON, a fifth of what larger town lists cost `kg extract`
 * on every start.
 */

export interface City {
  /** Name as the data writes it ("Greensboro"). */
  name: string;
  population: number;
  /** The province it lies in, as the data writes it, if any. */
  province?: string;
}

export interface CityGazetteer {
  cities: Map<string, City>;
  /** First-level divisions towns lie in ("Liguria", "North Carolina"). */
  regions: Map<string, string>;
  /**
   * What each town and division lies in, of every town the data has whatever its size: its province's name and
   * its country's ISO 3166 code ("lyon" → Auvergne-Rhône-Alpes, FR). A name several towns share has each one's.
   */
  within: Map<string, { provinces: Set<string>; countries: Set<string> }>;
}

interface CityRecord {
  city: string;
  city_ascii: string;
  province: string;
  iso2: string;
  pop: number;
}

/** Towns smaller than this are left out: below it, names clash with ordinary words and surnames too often. */
export const MIN_POPULATION = 15000;

/** A town whose namesake is this many times larger is not what the bare name means. */
const NAMESAKE_SHARE = 10;

const require = createRequire(import.meta.url);
let loaded: CityGazetteer | undefined;

/** The towns of at least `MIN_POPULATION` people and their provinces, keyed by `norm` of the name. */
export function cityGazetteer(norm: (s: string) => string): CityGazetteer {
  if (loaded) return loaded;
  const records = require('city-timezones/data/cityMap.json') as CityRecord[];
  const cities = new Map<string, City>();
  const regions = new Map<string, string>();
  const places = new Map<string, { province?: string; country: string; pop: number }[]>();
  const lies = (key: string, province: string | undefined, country: string, pop: number) => {
    const list = places.get(key);
    if (list) list.push({ province, country, pop });
    else places.set(key, [{ province, country, pop }]);
  };
  for (const r of records) {
    const province = r.province ? norm(r.province) : '';
    if (province && !regions.has(province)) regions.set(province, r.province);
    if (province) lies(province, undefined, r.iso2, Infinity);
    for (const name of new Set([r.city, r.city_ascii])) if (norm(name) !== province) lies(norm(name), r.province || undefined, r.iso2, r.pop || 0);
    if (!(r.pop >= MIN_POPULATION)) continue;
    for (const name of new Set([r.city, r.city_ascii])) {
      const key = norm(name);
      const old = cities.get(key);
      if (!old || old.population < r.pop) cities.set(key, { name: r.city, population: r.pop, ...(r.province ? { province: r.province } : {}) });
    }
  }
  // "London" is the one in England: a namesake a tenth of the largest's size is not what a text means by the bare name
  const within = new Map<string, { provinces: Set<string>; countries: Set<string> }>();
  for (const [key, list] of places) {
    const largest = Math.max(...list.map((p) => p.pop));
    const kept = list.filter((p) => p.pop * NAMESAKE_SHARE >= largest);
    within.set(key, { provinces: new Set(kept.flatMap((p) => (p.province ? [p.province] : []))), countries: new Set(kept.map((p) => p.country)) });
  }
  loaded = { cities, regions, within };
  return loaded;
}
