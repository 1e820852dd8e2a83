/**
 * Bounds the work one sentence can cost. The parser and the clause finder are fast on sentences of news length but
 * grow faster than linearly on a run of text without a sentence end (a 5 MB line never finishes). So a run longer
 * than `maxSentence` is cut into parts of at most that length, at a space, before the parser sees it; and text past
 * `maxRun` characters of one such run is not analysed at all, since no article holds a sentence that long.
 */

export interface RunOptions {
  /** Longest stretch of text handed to the parser as one sentence. */
  maxSentence: number;
  /** Characters of one run without a sentence end that are analysed; the rest is skipped. */
  maxRun: number;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = { maxSentence: 1000, maxRun: 250_000 };

/** Where a long run is cut and what of it is skipped, as offsets into the text examined (end exclusive). */
export interface RunBounds {
  /** Offsets at which a sentence break is inserted. */
  cuts: number[];
  /** Stretches not analysed. */
  skipped: { start: number; end: number }[];
}

/** A sentence end the parser honours, or a blank line. */
const SENTENCE_END = /[.!?…]["')\]]*(?=\s)|\n[^\S\n]*\n/g;

/** Where the runs of `text` longer than `maxSentence` are cut, and what is skipped past `maxRun`. */
export function boundRuns(text: string, options: Partial<RunOptions> = {}): RunBounds {
  const { maxSentence, maxRun } = validateRunOptions({ ...DEFAULT_RUN_OPTIONS, ...options });
  const bounds: RunBounds = { cuts: [], skipped: [] };
  let start = 0;
  const visit = (end: number): void => {
    if (end - start > maxSentence) boundRun(text, start, end, maxSentence, maxRun, bounds);
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    visit(match.index);
    start = match.index + match[0].length;
  }
  visit(text.length);
  return bounds;
}

function boundRun(text: string, start: number, end: number, maxSentence: number, maxRun: number, bounds: RunBounds): void {
  const analysed = Math.min(end, start + maxRun);
  if (analysed < end) bounds.skipped.push({ start: analysed, end });
  let from = start;
  while (analysed - from > maxSentence) {
    const space = text.lastIndexOf(' ', from + maxSentence);
    // a part of one unbroken token is cut where the bound falls
    const cut = space > from ? space : from + maxSentence;
    bounds.cuts.push(cut);
    from = cut;
  }
}

export function validateRunOptions(options: RunOptions): RunOptions {
  if (!Number.isInteger(options.maxSentence) || options.maxSentence < 10) throw new RangeError(`maxSentence must be an integer of at least 10, got ${options.maxSentence}`);
  if (!Number.isInteger(options.maxRun) || options.maxRun < options.maxSentence) throw new RangeError(`maxRun must be an integer of at least maxSentence, got ${options.maxRun}`);
  return options;
}

/** What bounding did to a text, in one line for the user; undefined when it did nothing. */
export function describeBounds(bounds: RunBounds, options: Partial<RunOptions> = {}): string | undefined {
  const { maxSentence, maxRun } = { ...DEFAULT_RUN_OPTIONS, ...options };
  if (bounds.cuts.length === 0 && bounds.skipped.length === 0) return undefined;
  const parts = bounds.cuts.length > 0 ? `text without a sentence end split at ${bounds.cuts.length} places into parts of at most ${maxSentence.toLocaleString('en')} characters` : '';
  const skippedChars = bounds.skipped.reduce((n, s) => n + s.end - s.start, 0);
  const skipped = skippedChars > 0 ? `${skippedChars.toLocaleString('en')} characters of it past the first ${maxRun.toLocaleString('en')} of a run skipped` : '';
  return [parts, skipped].filter(Boolean).join('; ');
}
