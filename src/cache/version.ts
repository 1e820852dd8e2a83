import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The stages whose code decides a document's analysis, relative to src/ (or dist/src/). */
const ANALYSIS_STAGES = ['ingest', 'extract', 'resolve'];
const ANALYSIS_MODULES = ['pipeline', 'types'];
/** Code, and the data it ships (the trained typer's weights). */
const MODULE_FILE = /^[^.].*(?<!\.d)\.(ts|js|json)$/;
/** Packages whose data decide an analysis as much as our code does. */
const DATA_PACKAGES = ['compromise', 'world-countries', 'country-region-data', 'city-timezones'];
const require = createRequire(import.meta.url);

/** A package's version, from its package.json found above its entry (some packages do not export that file). */
function packageVersion(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? '';
    } catch {
      // no package.json at this level: go up
    }
  }
  return '';
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : MODULE_FILE.test(entry.name) ? [join(dir, entry.name)] : []))
    .sort();
}

let memo: string | undefined;

/**
 * The analysis version: a hash of the data packages' versions and of the code (and shipped data) of every stage that decides a document's
 * analysis, as this process runs it. Any change to extraction or resolution, by anyone, makes a new version,
 * so no cached analysis outlives the code that made it; nobody has to remember to bump a number.
 */
export function analysisVersion(): string {
  if (memo !== undefined) return memo;
  const src = join(dirname(fileURLToPath(import.meta.url)), '..');
  const extension = fileURLToPath(import.meta.url).slice(-3);
  const files = [...ANALYSIS_STAGES.flatMap((stage) => filesUnder(join(src, stage))), ...ANALYSIS_MODULES.map((m) => join(src, m + extension))];
  const hash = createHash('sha256');
  for (const name of DATA_PACKAGES) hash.update(`${name} ${packageVersion(name)}\n`);
  for (const file of files) hash.update(`${file.slice(src.length)}\n`).update(readFileSync(file));
  memo = hash.digest('hex').slice(0, 16);
  return memo;
}
