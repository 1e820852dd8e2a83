import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';

/** The stages whose code decides a document's analysis, relative to src/ (or dist/src/). */
const ANALYSIS_STAGES = ['ingest', 'extract', 'resolve'];
const ANALYSIS_MODULES = ['pipeline', 'types'];
const MODULE_FILE = /^[^.].*(?<!\.d)\.(ts|js)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : MODULE_FILE.test(entry.name) ? [join(dir, entry.name)] : []))
    .sort();
}

let memo: string | undefined;

/**
 * The analysis version: a hash of compromise's version and of the code of every stage that decides a document's
 * analysis, as this process runs it. Any change to extraction or resolution, by anyone, makes a new version,
 * so no cached analysis outlives the code that made it; nobody has to remember to bump a number.
 */
export function analysisVersion(): string {
  if (memo !== undefined) return memo;
  const src = join(dirname(fileURLToPath(import.meta.url)), '..');
  const extension = fileURLToPath(import.meta.url).slice(-3);
  const files = [...ANALYSIS_STAGES.flatMap((stage) => filesUnder(join(src, stage))), ...ANALYSIS_MODULES.map((m) => join(src, m + extension))];
  const hash = createHash('sha256').update(`compromise ${(nlp as unknown as { version: string }).version}\n`);
  for (const file of files) hash.update(`${file.slice(src.length)}\n`).update(readFileSync(file));
  memo = hash.digest('hex').slice(0, 16);
  return memo;
}
