import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

/**
 * A response body made once and shared by every request: the bytes, their gzip form (made on first demand and
 * kept), and an ETag. Each request streams slices of the same buffers with backpressure, so a client that stops
 * reading holds no copy of its own: 500 stalled readers of /api/graph cost what one does.
 */
export class SharedBody {
  readonly etag: string;
  private gzipped: Promise<Buffer> | undefined;

  constructor(readonly bytes: Buffer) {
    this.etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  }

  static ofText(text: string): SharedBody {
    return new SharedBody(Buffer.from(text, 'utf8'));
  }

  /** The gzip form, compressed once. */
  compressed(): Promise<Buffer> {
    return (this.gzipped ??= promisify(gzip)(this.bytes));
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

/** True when the request's Accept-Encoding takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
