import type { AddressInfo } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toGexf } from '../export/gexf.js';
import { gexfPathOf } from '../export/companions.js';
import { documentsPathOf } from '../export/documents.js';
import { mentionsPathOf } from '../export/mentions.js';
import type { KnowledgeGraph } from '../graph/types.js';
import { entityMentions, EntityNotFoundError, indexMentions, InvalidOptionError, neighboursJson, search } from '../query/index.js';
import type { Direction, MentionIndex } from '../query/index.js';
import type { EntityType, GraphAttributes } from '../types.js';
import { encodingFor, SharedBody, streamOf } from './body.js';
import { allowedHosts, hostOf } from './hosts.js';
import { registerDocuments, servedPath } from './documents.js';
import { integer, param, required, type Query } from './params.js';
import { isDirectory, isFile, loadBytes, loadGraph, loadMentions } from './load.js';
import { edgeEvidence, entityEvidence, MAX_SENTENCES, subgraph, viewerGraph } from './payload.js';

export { GraphLoadError } from './load.js';

export interface ServeOptions {
  /** graph.json written by the export stage. */
  graphPath: string;
  /** GEXF to offer for download; default: the one the build wrote with the graph (`<name>.gexf`), else generated. */
  gexfPath?: string;
  /** The nodes' mentions; default: mentions.jsonl beside the graph, if it is there. */
  mentionsPath?: string;
  /** The documents' texts for /api/document; default: documents.jsonl beside the graph, if it is there. */
  documentsPath?: string;
  /** The viewer's static files; nothing outside it is served. */
  viewerDir: string;
  host?: string;
  /** 0 picks a free port; the URL reported has the real one. */
  port?: number;
  logger?: boolean;
}

export const DEFAULT_SERVE_OPTIONS = { host: '127.0.0.1', port: 8080, logger: false } as const;

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export class ServeOptionError extends Error {
  override name = 'ServeOptionError';
}

/** Only our own origin; the ForceAtlas2 worker is started from a blob: URL. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};


/** A count from 1 to MAX_SENTENCES, `fallback` when absent. */
function bounded(query: Query, name: string, fallback: number): number {
  const value = integer(query, name) ?? fallback;
  if (value < 1 || value > MAX_SENTENCES) throw new InvalidOptionError(`${name} must be from 1 to ${MAX_SENTENCES}, got ${value}`);
  return value;
}

function statusOf(error: FastifyError): number {
  if (error instanceof InvalidOptionError) return 400;
  if (error instanceof EntityNotFoundError) return 404;
  // The static plugin forbids paths that climb out of the viewer; to a client they simply do not exist.
  if (error.statusCode === 403) return 404;
  return error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 500;
}

function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = statusOf(error);
  if (status >= 500) request.log.error(error);
  void reply.code(status).send({ error: status >= 500 ? 'internal server error' : error.message });
}

/** No mentions file was found beside the graph: where entities are named is unknown. */
class NoMentionsError extends Error {
  override name = 'NoMentionsError';
  readonly statusCode = 404;
  constructor() {
    super('no mentions file was loaded with this graph');
  }
}

/**
 * Builds name documents by paths relative to where they ran; a graph of an earlier version may hold absolute ones,
 * which would tell any client how this machine's folders are laid out: those are served as the document's id.
 */
function withoutAbsolutePaths<T extends { attributes?: Partial<GraphAttributes> }>(data: T): T {
  const documents = data.attributes?.documents;
  if (!documents?.some((d) => isAbsolute(d.path))) return data;
  return { ...data, attributes: { ...data.attributes, documents: documents.map((d) => ({ ...d, path: servedPath(d) })) } };
}

/** Sends a body shared by every request: brotli or gzip when the client takes it, 304 when it has it, streamed with backpressure. */
async function sendShared(request: FastifyRequest, reply: FastifyReply, body: SharedBody, type: string): Promise<FastifyReply> {
  void reply.type(type).header('etag', body.etag).header('vary', 'accept-encoding').header('cache-control', 'no-cache');
  if (request.headers['if-none-match'] === body.etag) return reply.code(304).send();
  const encoding = encodingFor(request.headers['accept-encoding']);
  const bytes = encoding ? await body.compressed(encoding) : body.bytes;
  if (encoding) void reply.header('content-encoding', encoding);
  return reply.header('content-length', bytes.length).send(streamOf(bytes));
}

/** The viewer's graph, serialised once: it never changes while the server runs, and every request shares these bytes. */
const viewerJson = (graph: KnowledgeGraph): SharedBody => SharedBody.ofText(JSON.stringify(withoutAbsolutePaths(viewerGraph(graph))));

function registerApi(app: FastifyInstance, graph: KnowledgeGraph, graphJson: SharedBody, gexf: () => SharedBody, mentions: MentionIndex | undefined): void {
  app.get('/api/graph', (request, reply) => sendShared(request, reply, graphJson, 'application/json; charset=utf-8'));

  // sentences on demand: an entity's relations with the first few of each, and every sentence of one edge
  app.get<{ Querystring: Query }>('/api/relations', (request) =>
    entityEvidence(graph, required(request.query, 'entity'), bounded(request.query, 'sentences', 3)),
  );
  app.get<{ Querystring: Query }>('/api/edge', (request) =>
    edgeEvidence(graph, required(request.query, 'id'), bounded(request.query, 'sentences', MAX_SENTENCES)),
  );

  // answered from JSON kept per question (query/answers): a popular entity's walk and serialisation are paid once
  app.get<{ Querystring: Query }>('/api/neighbours', (request, reply) =>
    reply.type('application/json; charset=utf-8').send(
      neighboursJson(graph, required(request.query, 'entity'), {
        depth: integer(request.query, 'depth'),
        relation: param(request.query, 'relation'),
        direction: param(request.query, 'direction') as Direction | undefined,
        type: param(request.query, 'type') as EntityType | undefined,
      }),
    ),
  );

  app.get<{ Querystring: Query }>('/api/search', (request) =>
    search(graph, required(request.query, 'q'), integer(request.query, 'limit')),
  );

  app.get<{ Querystring: Query }>('/api/mentions', (request) => {
    const entity = required(request.query, 'entity');
    if (mentions === undefined) throw new NoMentionsError();
    return entityMentions(graph, mentions, entity);
  });

  // the GEXF of what a viewer has in view: the nodes and edges it names, with everything the graph holds about them
  app.post<{ Body: { nodes?: unknown; edges?: unknown } }>('/api/gexf', { bodyLimit: 32 * 1024 * 1024 }, (request, reply) => {
    const { nodes, edges } = request.body ?? {};
    if (!Array.isArray(nodes) || !Array.isArray(edges)) throw new InvalidOptionError('the body must be {"nodes": [...], "edges": [...]}');
    return reply.type('application/gexf+xml; charset=utf-8').header('content-disposition', 'attachment; filename="graph-view.gexf"').send(toGexf(subgraph(graph, nodes, edges)));
  });

  app.get('/graph.gexf', (request, reply) =>
    sendShared(request, reply.header('content-disposition', 'attachment; filename="graph.gexf"'), gexf(), 'application/gexf+xml; charset=utf-8'),
  );
}

async function validateOptions(options: ServeOptions): Promise<void> {
  const { port = DEFAULT_SERVE_OPTIONS.port } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ServeOptionError(`port must be an integer from 0 to 65535, got ${port}`);
  }
  if (!(await isDirectory(options.viewerDir))) {
    throw new ServeOptionError(`viewer directory not found: ${options.viewerDir}`);
  }
}

/** The file given, or the one the build wrote beside the graph, read now as it is; else a GEXF generated on demand. */
async function gexfSource(graph: KnowledgeGraph, gexfPath: string | undefined, graphPath: string): Promise<() => SharedBody> {
  const beside = gexfPathOf(graphPath);
  const path = gexfPath ?? ((await isFile(beside)) ? beside : undefined);
  if (path !== undefined) {
    const body = new SharedBody(await loadBytes(path));
    return () => body;
  }
  let generated: SharedBody | undefined;
  return () => (generated ??= SharedBody.ofText(toGexf(graph)));
}

/** Fastify's own answer to a request it cannot route (a malformed URL): the same headers and error shape as ours. */
function frameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void reply.headers(SECURITY_HEADERS).code(400).send({ error: error.message.split('\n')[0] });
}

/** The application with the graph loaded, not yet listening: what tests `inject` into. */
export async function buildApp(options: ServeOptions): Promise<FastifyInstance> {
  await validateOptions(options);
  const graph = await loadGraph(options.graphPath);
  const gexf = await gexfSource(graph, options.gexfPath, options.graphPath);
  const mentions = await loadMentions(options.mentionsPath ?? mentionsPathOf(options.graphPath), graph);
  const app = Fastify({ logger: options.logger ?? DEFAULT_SERVE_OPTIONS.logger, frameworkErrors: frameworkError });
  const hosts = allowedHosts(options.host ?? DEFAULT_SERVE_OPTIONS.host);
  app.addHook('onRequest', async (request, reply) => {
    const host = hostOf(request.headers.host);
    if (host === undefined) return reply.code(400).headers(SECURITY_HEADERS).send({ error: 'missing or malformed Host header' });
    if (!hosts.has(host)) return reply.code(421).headers(SECURITY_HEADERS).send({ error: `this server does not answer to the host name ${host}` });
  });
  app.addHook('onSend', async (_request, reply) => {
    void reply.headers(SECURITY_HEADERS);
  });
  app.setErrorHandler(sendError);
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not found' }));
  const graphJson = viewerJson(graph);
  registerApi(app, graph, graphJson, gexf, mentions && indexMentions(mentions));
  await registerDocuments(app, graph, options.documentsPath ?? documentsPathOf(options.graphPath));
  // compressed now, in the background, so that the first viewer does not wait for it
  app.addHook('onReady', async () => {
    for (const encoding of ['br', 'gzip'] as const) void graphJson.compressed(encoding);
  });
  await app.register(fastifyStatic, { root: resolve(options.viewerDir), dotfiles: 'ignore', index: ['index.html'] });
  return app;
}

function urlOf(app: FastifyInstance): string {
  const { address, port } = app.server.address() as AddressInfo;
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/** Loads the graph once, serves the API and the viewer, and listens (127.0.0.1:8080 unless told otherwise). */
export async function createServer(options: ServeOptions): Promise<RunningServer> {
  const app = await buildApp(options);
  const { host = DEFAULT_SERVE_OPTIONS.host, port = DEFAULT_SERVE_OPTIONS.port } = options;
  try {
    await app.listen({ host, port });
  } catch (error) {
    await app.close();
    throw new ServeOptionError(`cannot listen on ${host}:${port}: ${(error as Error).message}`);
  }
  return { app, url: urlOf(app), close: () => app.close() };
}
