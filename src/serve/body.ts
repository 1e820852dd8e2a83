import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The encodings a shared body is offered in, best first. */
export type Encoding = 'br' | 'gzip';

/** Brotli at quality 5 makes the viewer's graph a tenth smaller than gzip in about the same time; 11 takes a minute. */
const BROTLI_QUALITY = 5;

/**
 * A response body made once and shared by every request: the bytes, their brotli and gzip forms (each made on first
 * demand and kept), and an ETag. Each request streams slices of the same buffers with backpressure, so a client that stops
 * reading holds no copy of its own: 500 stalled readers of /api/graph cost what one does.
 */
export class SharedBody {
  readonly etag: string;
  private readonly encoded = new Map<Encoding, Promise<Buffer>>();

  constructor(readonly bytes: Buffer) {
    this.etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  }

  static ofText(text: string): SharedBody {
    return new SharedBody(Buffer.from(text, 'utf8'));
  }

  /** The body in `encoding`, compressed once. */
  compressed(encoding: Encoding = 'gzip'): Promise<Buffer> {
    let body = this.encoded.get(encoding);
    if (!body) {
      body = encoding === 'gzip'
        ? promisify(gzip)(this.bytes)
        : promisify(brotliCompress)(this.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: this.bytes.length } });
      this.encoded.set(encoding, body);
    }
    return body;
  }
}

/** Slices written at a time: large enough to keep a fast reader busy, each a view into the shared buffer, not a copy. */
const CHUNK = 64 * 1024;

/** A stream of views of `bytes`, read only as fast as the client takes them. */
export function streamOf(bytes: Buffer): Readable {
  let offset = 0;
  return new Readable({
    highWaterMark: CHUNK,
    read() {
      if (offset >= bytes.length) {
        this.push(null);
        return;
      }
      const end = Math.min(offset + CHUNK, bytes.length);
      this.push(bytes.subarray(offset, end));
      offset = end;
    },
  });
}

/** True when the request's Accept-Encoding takes `encoding` (named or by *, and not refused with q=0). */
export function accepts(header: string | string[] | undefined, encoding: Encoding): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== encoding && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** The best encoding the request takes: brotli, then gzip; undefined for the bytes as they are. */
export function encodingFor(header: string | string[] | undefined): Encoding | undefined {
  return (['br', 'gzip'] as const).find((encoding) => accepts(header, encoding));
}
