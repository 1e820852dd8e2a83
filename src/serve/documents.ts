import { open, type FileHandle } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { KnowledgeGraph } from '../graph/types.js';
import { InvalidOptionError } from '../query/index.js';
import type { DocumentInfo } from '../types.js';
import { metaFields } from '../ingest/meta.js';
import { GraphLoadError } from './load.js';
import { param, type Query } from './params.js';

/**
 * `GET /api/document?id=` — one document of the graph with its text, from the documents file `kg build` writes
 * beside the graph (export/documents): `{id, path, title?, date?, dateSource?, text}`, the text being what every
 * offset of the graph points into.
 *
 * The file is not read into memory: at start it is scanned once, a chunk at a time, for where each line starts and
 * which id it holds (the id opens each line), and a request reads its one line from the file. An archive of 10,000
 * articles costs the server a table of 10,000 offsets, not its texts. The file is held open from the start, so a
 * build that switches in a new generation meanwhile changes nothing this server shows, as with the graph it loaded.
 */

/** Where one document's line lies in the file, in bytes. */
interface Extent {
  offset: number;
  length: number;
}

export interface DocumentIndexOptions {
  /** Bytes read at a time while indexing. */
  chunkBytes: number;
  /** How much of a line's start is read for its id: an id is a path, far shorter. */
  headBytes: number;
}

export const DEFAULT_DOCUMENT_INDEX_OPTIONS: DocumentIndexOptions = { chunkBytes: 1 << 20, headBytes: 8192 };

const NEWLINE = 0x0a;
const ID_OPENING = /^\{"id":("(?:[^"\\]|\\.)*")/;

/** The documents file has no document of that id, or there is no documents file: both are 404s. */
class DocumentNotFoundError extends Error {
  override name = 'DocumentNotFoundError';
  readonly statusCode = 404;
}

/** The documents file of a graph, indexed by id, read one document at a time. */
export class DocumentTexts {
  private constructor(
    private readonly handle: FileHandle,
    private readonly path: string,
    private readonly extents: ReadonlyMap<string, Extent>,
  ) {}

  /** The file indexed, or undefined when there is none; a file that is not a documents file is a GraphLoadError. */
  static async open(path: string, options: Partial<DocumentIndexOptions> = {}): Promise<DocumentTexts | undefined> {
    const settings = { ...DEFAULT_DOCUMENT_INDEX_OPTIONS, ...options };
    if (!(Number.isInteger(settings.chunkBytes) && settings.chunkBytes > 0 && Number.isInteger(settings.headBytes) && settings.headBytes > 0)) {
      throw new RangeError(`chunkBytes and headBytes must be positive whole numbers, got ${settings.chunkBytes} and ${settings.headBytes}`);
    }
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new GraphLoadError(path, (error as Error).message);
    }
    try {
      return new DocumentTexts(handle, path, await indexLines(handle, path, settings));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  get size(): number {
    return this.extents.size;
  }

  has(id: string): boolean {
    return this.extents.has(id);
  }

  /** The text of the document `id`, or undefined when the file has none. */
  async text(id: string): Promise<string | undefined> {
    const extent = this.extents.get(id);
    if (extent === undefined) return undefined;
    const bytes = Buffer.alloc(extent.length);
    const { bytesRead } = await this.handle.read(bytes, 0, extent.length, extent.offset);
    const line = JSON.parse(bytes.subarray(0, bytesRead).toString('utf8')) as { id?: unknown; text?: unknown };
    if (line?.id !== id || typeof line.text !== 'string') throw new Error(`${this.path}: the line of ${JSON.stringify(id)} is damaged`);
    return line.text;
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** Where each line starts and how long it is, by the id it opens with; the first line of an id wins. */
async function indexLines(handle: FileHandle, path: string, { chunkBytes, headBytes }: DocumentIndexOptions): Promise<Map<string, Extent>> {
  const extents = new Map<string, Extent>();
  const chunk = Buffer.alloc(chunkBytes);
  let lineStart = 0;
  let lineNumber = 1;
  let head: Buffer[] = [];
  let headLength = 0;
  const endLine = (end: number): void => {
    if (end > lineStart) {
      const opening = ID_OPENING.exec(Buffer.concat(head).toString('utf8'));
      if (opening === null) throw new GraphLoadError(path, `line ${lineNumber} does not open with a document id`);
      const id = JSON.parse(opening[1]) as string;
      if (!extents.has(id)) extents.set(id, { offset: lineStart, length: end - lineStart });
    }
    lineStart = end + 1;
    lineNumber++;
    head = [];
    headLength = 0;
  };
  for (let position = 0; ; ) {
    const { bytesRead } = await handle.read(chunk, 0, chunkBytes, position);
    if (bytesRead === 0) {
      endLine(position); // a last line without its line break
      break;
    }
    let from = 0;
    while (from < bytesRead) {
      const newline = chunk.indexOf(NEWLINE, from);
      const to = newline === -1 || newline >= bytesRead ? bytesRead : newline;
      if (headLength < headBytes) {
        const piece = Buffer.from(chunk.subarray(from, Math.min(to, from + headBytes - headLength)));
        head.push(piece);
        headLength += piece.length;
      }
      if (to === bytesRead) break;
      endLine(position + to);
      from = to + 1;
    }
    position += bytesRead;
  }
  return extents;
}

/** A path as clients see it: an absolute one (from a graph built before paths were relative) gives way to the id. */
export function servedPath(document: DocumentInfo): string {
  return isAbsolute(document.path) ? document.id : document.path;
}

/**
 * Serves `GET /api/document?id=` for the documents of `graph`, their texts from the documents file at `path` (none
 * when it is absent: every request is then a 404 saying so). 400 without an id, 404 for an id the graph lacks.
 */
export async function registerDocuments(app: FastifyInstance, graph: KnowledgeGraph, path: string): Promise<void> {
  const texts = await DocumentTexts.open(path);
  if (texts !== undefined) app.addHook('onClose', () => texts.close());
  const documents = new Map((graph.getAttribute('documents') ?? []).map((d) => [d.id, d]));
  app.get<{ Querystring: Query }>('/api/document', async (request) => {
    // not `required`: an id is a path, kept as written, spaces and all
    const id = param(request.query, 'id');
    if (id === undefined) throw new InvalidOptionError('missing id');
    if (texts === undefined) throw new DocumentNotFoundError('no documents file was built with this graph');
    const document = documents.get(id);
    const text = document && (await texts.text(id));
    if (document === undefined || text === undefined) throw new DocumentNotFoundError(`no document ${JSON.stringify(id)} in this graph`);
    return { id, path: servedPath(document), ...metaFields(document), text };
  });
}
