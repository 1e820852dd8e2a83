import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { KnowledgeGraph } from '../graph/types.js';
import type { NodeMention } from '../types.js';
import { DEFAULT_GRAPH_NAME } from './companions.js';
import { stageFile, writeGeneration, type GenerationFile } from './generation.js';
import { gexfChunks } from './gexf.js';
import { toJson } from './json.js';
import { documentsFileName, toDocumentsJsonl, type DocumentText } from './documents.js';
import { mentionsFileName, toMentionsJsonl } from './mentions.js';
import { mergesFileName, toMergesTsv } from './merges.js';
import type { MergeReview } from '../resolve/index.js';

export { cleanOutput, stagingPath, writeGeneration, type GenerationFile } from './generation.js';
export { documentLine, documentsFileName, documentsPathOf, DocumentsWriter, toDocumentsJsonl, type DocumentText } from './documents.js';
export { lockOutput, OutputError, type OutputLock } from './lock.js';
export { gexfChunks, toGexf } from './gexf.js';
export { gexfPathOf } from './companions.js';
export { toJson, type SerializedKnowledgeGraph } from './json.js';
export { mentionsFileName, mentionsPathOf, toMentionsJsonl } from './mentions.js';
export { mergesFileName, toMergesTsv } from './merges.js';

export interface WriteGraphOptions {
  /** Base name of the files written: `<name>.json` and `<name>.gexf`. */
  name?: string;
  /** The nodes' named mentions (graph/nodeMentions), written as `mentions.jsonl` with the graph; no file when absent. */
  mentions?: readonly NodeMention[];
  /** Resolution's review list (resolve/MergeReview), written as `merges.tsv` with the graph; no file when absent. */
  merges?: readonly MergeReview[];
  /**
   * The documents' texts, written as `documents.jsonl` with the graph (export/documents); no file when absent. A
   * finished DocumentsWriter's file when a build streamed them there as it read them.
   */
  documents?: Iterable<DocumentText> | GenerationFile;
}

export const DEFAULT_WRITE_GRAPH_OPTIONS = { name: DEFAULT_GRAPH_NAME } as const satisfies WriteGraphOptions;

export class ExportOptionError extends Error {
  override name = 'ExportOptionError';
}

export interface WrittenGraph {
  json: string;
  gexf: string;
  /** Written only when mentions were given. */
  mentions?: string;
  /** Written only when merges were given. */
  merges?: string;
  /** Written only when documents were given. */
  documents?: string;
}

function validateName(name: string): string {
  if (!/^[\w-][\w.-]*$/.test(name)) {
    throw new ExportOptionError(`invalid graph file name "${name}": use letters, digits, '.', '_' or '-'`);
  }
  return name;
}

/**
 * Writes `graph.json` (graphology serialisation), `graph.gexf` (GEXF 1.3) and, given them, `mentions.jsonl`,
 * `merges.tsv` and `documents.jsonl` into outDir, creating it if missing. Each file is serialised and staged in
 * turn, so that one file's text is held at a time (a large graph's GEXF text and the strings that make it take a
 * hundred megabytes and more), then all are switched in together as one generation (export/generation), so the
 * mentions never point into another build's graph, whenever the build is stopped. Two writers into one folder
 * must not overlap: `kg build` holds lockOutput.
 */
export async function writeGraph(
  graph: KnowledgeGraph,
  outDir: string,
  options: WriteGraphOptions = {},
): Promise<WrittenGraph> {
  const name = validateName(options.name ?? DEFAULT_WRITE_GRAPH_OPTIONS.name);
  const paths: WrittenGraph = { json: join(outDir, `${name}.json`), gexf: join(outDir, `${name}.gexf`) };
  const documentsFile = documentsFileName(name);
  if (options.documents !== undefined && 'file' in options.documents && options.documents.file !== documentsFile) {
    throw new ExportOptionError(`the documents file ${options.documents.file} belongs to another graph than ${name}`);
  }
  await mkdir(outDir, { recursive: true });
  const files: GenerationFile[] = [];
  // what this call staged, removed should a later file or the switch fail (a documents file handed in is its writer's)
  const staged: string[] = [];
  const stage = async (file: string, content: string | Iterable<string>) => {
    const f = await stageFile(outDir, name, file, content);
    staged.push(f.staged);
    return f;
  };
  try {
    files.push(await stage(`${name}.json`, JSON.stringify(toJson(graph))));
    files.push(await stage(`${name}.gexf`, gexfChunks(graph)));
    if (options.mentions !== undefined) {
      paths.mentions = join(outDir, mentionsFileName(name));
      files.push(await stage(mentionsFileName(name), toMentionsJsonl(options.mentions)));
    }
    if (options.merges !== undefined) {
      paths.merges = join(outDir, mergesFileName(name));
      files.push(await stage(mergesFileName(name), toMergesTsv(options.merges)));
    }
    if (options.documents !== undefined) {
      paths.documents = join(outDir, documentsFile);
      files.push('file' in options.documents ? options.documents : await stage(documentsFile, toDocumentsJsonl(options.documents)));
    }
    await writeGeneration(outDir, name, files);
  } catch (error) {
    // a file already moved into a generation is no longer at its staging path: removing nothing there is harmless
    await Promise.all(staged.map((path) => rm(path, { force: true })));
    throw error;
  }
  return paths;
}
