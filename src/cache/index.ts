import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceText } from '../ingest/index.js';
import { analysisVersion } from './version.js';

export { analysisVersion } from './version.js';

/**
 * The analysis cache: each document's analysis (pipeline's DocumentAnalysis, as JSON text) kept between builds,
 * so a rebuild re-extracts only the documents that are new or changed.
 *
 *   <dir>/<version>/<key>.json
 *
 * `version` is the analysis version (analysisVersion: the code that made the analysis); `key` is a hash of the
 * document's id and text, the only inputs of its analysis (the path is not: it is set from the current read).
 * Each file is written to a temp file and renamed into place, so a crash leaves the old entry or the new one,
 * never half of one; an entry that does not parse is read as missing. After a build, `prune` removes the
 * entries the build did not use and every other version, so removed documents leave nothing behind.
 */
export class AnalysisCache {
  readonly folder: string;
  private readonly used = new Set<string>();

  constructor(
    readonly dir: string,
    readonly version: string = analysisVersion(),
  ) {
    this.folder = join(dir, version);
  }

  key(source: SourceText): string {
    return createHash('sha256').update(source.id).update('\0').update(source.text).digest('hex').slice(0, 40);
  }

  /** The cached analysis JSON, or undefined when there is none. */
  async read(key: string): Promise<string | undefined> {
    this.used.add(key);
    try {
      // entries are small (tens of kB): a blocking read costs half the CPU of a promise's four thread-pool round trips
      return readFileSync(this.entryPath(key), 'utf8');
    } catch {
      return undefined;
    }
  }

  async write(key: string, json: string): Promise<void> {
    this.used.add(key);
    await mkdir(this.folder, { recursive: true });
    const temp = join(this.folder, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(temp, json, 'utf8');
      await rename(temp, this.entryPath(key));
    } finally {
      await rm(temp, { force: true });
    }
  }

  /** Removes what this build did not use: other versions, entries of documents no longer read, stray temp files. */
  async prune(): Promise<void> {
    for (const name of await entries(this.dir)) {
      if (VERSION_NAME.test(name) && name !== this.version) await rm(join(this.dir, name), { recursive: true, force: true });
    }
    for (const name of await entries(this.folder)) {
      const entry = ENTRY_NAME.exec(name);
      if ((entry && !this.used.has(entry[1])) || TEMP_NAME.test(name)) await rm(join(this.folder, name), { force: true });
    }
  }

  private entryPath(key: string): string {
    return join(this.folder, `${key}.json`);
  }
}

/** Only names this cache writes are ever removed, whatever folder it is pointed at. */
const VERSION_NAME = /^[0-9a-f]{16}$/;
const ENTRY_NAME = /^([0-9a-f]{40})\.json$/;
const TEMP_NAME = /^\.[0-9a-f]{40}\.\d+\.[0-9a-f]{8}\.tmp$/;

async function entries(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}
