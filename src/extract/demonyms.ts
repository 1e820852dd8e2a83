import { createRequire } from 'node:module';

/**
 * Demonyms ("Mexican" → "Mexico"), from the world-countries open data, in a module of their own: the graph's
 * mention lists need them, and a command that only reads a built graph should not load compromise, which the
 * gazetteer's other tables do.
 */
interface DemonymCountry {
  name: { common: string };
  independent: boolean;
  demonyms?: { eng?: { f: string; m: string } };
}

const countries = createRequire(import.meta.url)('world-countries/countries.json') as DemonymCountry[];
const demonyms = new Map<string, string>();

// "American" is the United States', not the Northern Mariana Islands': independent countries claim a demonym first.
for (const independent of [true, false]) {
  for (const c of countries) {
    const dem = c.demonyms?.eng;
    if (!dem || Boolean(c.independent) !== independent) continue;
    for (const d of [dem.m, dem.f]) if (d && !demonyms.has(d.toLowerCase())) demonyms.set(d.toLowerCase(), c.name.common);
  }
}

/** The country of a demonym ("Mexican" → "Mexico"). */
export function countryOfDemonym(word: string): string | undefined {
  return demonyms.get(word.toLowerCase());
}
