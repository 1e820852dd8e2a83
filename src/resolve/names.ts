import { normalizeName } from '../extract/gazetteer.js';
import { GIVEN_NAME_GROUP } from './lexicon.js';

/**
 * Person names as resolution compares them: given names and a surname, lower case and accent-free.
 * Two different full names are two people unless one is a variant of the other.
 */

export interface PersonName {
  /** The normalised full name ("vince cable"). */
  key: string;
  given: string[];
  surname: string;
}

const PARTICLES = new Set(['de', 'del', 'della', 'der', 'di', 'da', 'du', 'la', 'le', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'st']);
// Only "Jr."/"Sr." are dropped: a numeral tells people apart (Henry VII and Henry VIII, World War I and II).
const SUFFIXES = new Set(['jr', 'sr']);

/**
 * A name of two or more words as given names and a surname (particles stay with the surname), or undefined. A
 * hyphenated last word is all surname: "Claire Bailey-Ross" is no "Ross", "Hong Chŏng-sun" no "Sun".
 */
export function personName(name: string): PersonName | undefined {
  const words = normalizeName(name).split(' ').filter((w) => w !== '' && !SUFFIXES.has(w));
  if (words.length < 2) return undefined;
  const written = name.trim().split(/\s+/);
  const last = written.length > 1 && written[written.length - 1].includes('-') ? normalizeName(written[written.length - 1]).split(' ').length : 1;
  let s = words.length - Math.min(last, words.length - 1);
  while (s > 1 && PARTICLES.has(words[s - 1])) s--;
  return { key: words.join(' '), given: words.slice(0, s), surname: words.slice(s).join(' ') };
}

/** One given name written two ways: the same, an initial, a short form ("Vince", "Ken") or a listed pet form ("Tony"). */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 1) return long.startsWith(short);
  if (short.length >= 3 && long.startsWith(short)) return true;
  const g = GIVEN_NAME_GROUP.get(a);
  return g !== undefined && g === GIVEN_NAME_GROUP.get(b);
}

/**
 * Whether two full names can be one person: the same two names in either order, or the same surname, the same
 * first given name written either way, and middle names that agree, or are missing on one side ("George Bush" /
 * "George W. Bush", but not "George W. Bush" / "George H. W. Bush").
 */
export function isVariant(a: PersonName, b: PersonName): boolean {
  if (a.key === b.key) return true;
  // "Higuchi Ichiyō" and "Ichiyō Higuchi": a family name written first, as East Asian names often are.
  if (a.given.length === 1 && b.given.length === 1 && a.given[0] === b.surname && b.given[0] === a.surname) return true;
  if (a.surname !== b.surname || !sameGivenName(a.given[0], b.given[0])) return false;
  const ma = a.given.slice(1);
  const mb = b.given.slice(1);
  if (ma.length === 0 || mb.length === 0) return true;
  return ma.length === mb.length && ma.every((m, i) => sameGivenName(m, mb[i]));
}
