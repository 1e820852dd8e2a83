import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { companionFileName, companionPathOf, DEFAULT_GRAPH_NAME } from './companions.js';
import { stagingPath, type GenerationFile } from './generation.js';

/**
 * `documents.jsonl`: the text of every document of a graph, one `{"id", "text"}` a line in reading order, written
 * with the graph as part of its generation, so that `kg serve` shows an article as the offsets of the graph and its
 * mentions read it. `text` is the document's text that every offset points into (a web page's extracted text).
 * The id comes first on each line: a reader can index the file by reading the start of each line only.
 */

/** A document's id and its text, as the documents file holds it. */
export interface DocumentText {
  id: string;
  text: string;
}

const SUFFIX = 'documents.jsonl';

/** `documents.jsonl` beside `graph.json`; `<name>.documents.jsonl` beside any other `<name>.json`. */
export function documentsFileName(graphName: string): string {
  return companionFileName(graphName, SUFFIX);
}

/** Where the documents of the graph at `graphPath` are. */
export function documentsPathOf(graphPath: string): string {
  return companionPathOf(graphPath, SUFFIX);
}

/** One line of the file; JSON escapes every line break inside the text, so a document is one line. */
export function documentLine({ id, text }: DocumentText): string {
  return JSON.stringify({ id, text }) + '\n';
}

export function toDocumentsJsonl(documents: Iterable<DocumentText>): string {
  let lines = '';
  for (const document of documents) lines += documentLine(document);
  return lines;
}

/**
 * The documents file written as a build reads its articles, so that no build holds every text: each text is
 * appended as it is read, and the finished file joins the graph's generation (writeGraph's `documents`) by rename.
 * A build that fails discards it; one that is killed leaves a temporary the next build removes.
 */
export class DocumentsWriter {
  private constructor(
    private readonly handle: FileHandle,
    private readonly path: string,
    private readonly file: string,
  ) {}

  /** A writer staging the documents of the graph `name` in `outDir`. */
  static async open(outDir: string, name: string = DEFAULT_GRAPH_NAME): Promise<DocumentsWriter> {
    const file = documentsFileName(name);
    const path = stagingPath(outDir, name, file);
    await mkdir(dirname(path), { recursive: true });
    return new DocumentsWriter(await open(path, 'wx'), path, file);
  }

  async add(document: DocumentText): Promise<void> {
    await this.handle.appendFile(documentLine(document), 'utf8'); // appendFile writes it all, as write may not
  }

  /** The file synced and closed, ready to be moved into a generation. */
  async finish(): Promise<GenerationFile> {
    await this.handle.sync();
    await this.handle.close();
    return { file: this.file, staged: this.path };
  }

  /** Closes and removes the file, if it is still there; harmless after `finish` and a write. */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }
}
