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
}

export interface CityGazetteer {
  cities: Map<string, City>;
  /** First-level divisions towns lie in ("Liguria", "North Carolina"). */
  regions: Map<string, string>;
}

interface CityRecord {
  city: string;
  city_ascii: string;
  province: string;
  pop: number;
}

/** Towns smaller than this are left out: below it, names clash with ordinary words and surnames too often. */
export const MIN_POPULATION = 15000;

const require = createRequire(import.meta.url);
let loaded: CityGazetteer | undefined;

/** The towns of at least `MIN_POPULATION` people and their provinces, keyed by `norm` of the name. */
export function cityGazetteer(norm: (s: string) => string): CityGazetteer {
  if (loaded) return loaded;
  const records = require('city-timezones/data/cityMap.json') as CityRecord[];
  const cities = new Map<string, City>();
  const regions = new Map<string, string>();
  for (const r of records) {
    const province = r.province ? norm(r.province) : '';
    if (province && !regions.has(province)) regions.set(province, r.province);
    if (!(r.pop >= MIN_POPULATION)) continue;
    for (const name of new Set([r.city, r.city_ascii])) {
      const key = norm(name);
      const old = cities.get(key);
      if (!old || old.population < r.pop) cities.set(key, { name: r.city, population: r.pop });
    }
  }
  loaded = { cities, regions };
  return loaded;
}
