/**
 * Calendar dates as news writes them, read into one form: `YYYY-MM-DD`. Only a real day is ever answered (no
 * 30 February, no month 13); numeric day/month orders other than year-first ("03/09/2025") are ambiguous and left
 * unread. The date is the one written: a timestamp keeps its own day, whatever its time zone.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

/** The years a news date may have: anything else is a number that looks like a year. */
const FIRST_YEAR = 1800;
const LAST_YEAR = 2199;

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(\d{4})`;
const WEEKDAY = String.raw`(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+`;

/** "2025-09-03", "2025/9/3", a timestamp "2025-09-03T10:00:00Z". */
const ISO = new RegExp(String.raw`^${YEAR}([-/])(\d{1,2})\2(\d{1,2})(?![\d/-])`);
/** "September 3, 2025", "Sept. 3 2025", "Wed, Sep 3rd, 2025". */
const MONTH_FIRST = new RegExp(String.raw`^(?:${WEEKDAY})?${MONTH}\s+${DAY},?\s+${YEAR}(?!\d)`, 'i');
/** "3 September 2025", "Wednesday 3 Sept. 2025", "3rd of September, 2025". */
const DAY_FIRST = new RegExp(String.raw`^(?:${WEEKDAY})?${DAY}\s+(?:of\s+)?${MONTH},?\s+${YEAR}(?!\d)`, 'i');
/** A weekday opening the date: a date so written is a dateline wherever its line goes on. */
const OPENS_WITH_WEEKDAY = new RegExp(`^${WEEKDAY}`, 'i');

/** A date read at the start of a text: the day, and how many characters it took. */
export interface DateMatch {
  date: string;
  length: number;
  /** The date was written with its weekday ("Friday, July 21, 2017"). */
  weekday: boolean;
}

/** The day `year-month-day` as `YYYY-MM-DD`, or undefined when there is no such day. */
export function isoDay(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > days) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date `text` starts with, in any of the forms above, or undefined. */
export function dateAt(text: string): DateMatch | undefined {
  const iso = ISO.exec(text);
  if (iso) return matched(isoDay(Number(iso[1]), Number(iso[3]), Number(iso[4])), iso[0], false);
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) return matched(isoDay(Number(monthFirst[3]), monthNumber(monthFirst[1]), Number(monthFirst[2])), monthFirst[0], true);
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return matched(isoDay(Number(dayFirst[3]), monthNumber(dayFirst[2]), Number(dayFirst[1])), dayFirst[0], true);
  return undefined;
}

/** A whole value that is a date ("2025-09-03T10:00:00Z", "Sept. 3, 2025"), as `YYYY-MM-DD`: for metadata fields. */
export function parseDate(value: string): string | undefined {
  return dateAt(value.trim())?.date;
}

/** The day of a file's modification time, in UTC so that the same file dates alike on every machine. */
export function fileDay(modified: Date): string | undefined {
  if (Number.isNaN(modified.getTime())) return undefined;
  return isoDay(modified.getUTCFullYear(), modified.getUTCMonth() + 1, modified.getUTCDate());
}

function matched(date: string | undefined, text: string, named: boolean): DateMatch | undefined {
  return date === undefined ? undefined : { date, length: text.length, weekday: named && OPENS_WITH_WEEKDAY.test(text) };
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
}
