import { write } from 'graphology-gexf';
import type { KnowledgeGraph } from '../graph/types.js';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../types.js';

/** Everything XML 1.0 cannot carry, even as a character reference: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Gephi and graphology-gexf write these; the GEXF 1.3 RELAX NG schema rejects foreign attributes on <gexf>. */
const XSI_ATTRIBUTES = / xmlns:xsi="[^"]*"| xsi:schemaLocation="[^"]*"/g;

const LIST_SEPARATOR = '|';
/** GEXF cannot share a sentence between edges: the evidence column holds a bounded excerpt, so a long sentence is not copied whole into each edge. */
const EVIDENCE_LENGTH = 300;
const FALLBACK_COLOR = 'rgb(153,153,153)';
const CREATOR = 'kg-news';

type Scalar = string | number | boolean;

/** Removes the characters XML 1.0 forbids; the writer escapes the rest (&, <, quotes). */
function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** '#rgb' or '#rrggbb' → 'rgb(r,g,b)', which the writer emits as viz:color r/g/b (networkx reads only those). */
function rgb(color: string): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return FALLBACK_COLOR;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const channels = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  return `rgb(${channels.join(',')})`;
}

/** NaN or ±Infinity would not parse as xsd:float. */
function finite(value: number, min = -Infinity): number {
  return Number.isFinite(value) ? Math.max(value, min) : Math.max(0, min);
}

/** The text, or its start cut at a word and marked with an ellipsis. */
function excerpt(text: string): string {
  if (text.length <= EVIDENCE_LENGTH) return text;
  const cut = text.lastIndexOf(' ', EVIDENCE_LENGTH - 1);
  return `${text.slice(0, cut > 0 ? cut : EVIDENCE_LENGTH - 1)}…`;
}

function list(values: readonly string[]): string {
  return values.join(LIST_SEPARATOR);
}

function formatNode(_key: string, node: NodeAttributes) {
  const attributes: Record<string, Scalar> = {
    type: node.type,
    aliases: list(node.aliases),
    mentions: node.mentions,
    docs: list(node.docs),
    centrality: finite(node.centrality),
    community: node.community,
  };
  return {
    label: node.label,
    attributes,
    viz: { color: rgb(node.color), size: finite(node.size, 0), x: finite(node.x), y: finite(node.y) },
  };
}

/** Gephi shows attributes as table columns: the distinct documents and the first supporting sentence read best there. */
function formatEdge(sentences: readonly string[], _key: string, edge: EdgeAttributes) {
  const docs = [...new Set(edge.sources.map((s) => s.doc))];
  const attributes: Record<string, Scalar> = {
    relation: edge.relation,
    phrase: edge.label,
    negated: edge.negated,
    modality: list(edge.modality),
    attribution: list(edge.attribution),
    subjects: list(edge.subjectPhrases ?? []),
    objects: list(edge.objectPhrases ?? []),
    docs: list(docs),
    evidence: excerpt(sentences[edge.sources[0]?.sentence ?? -1] ?? ''),
  };
  return {
    label: edge.relation,
    weight: finite(edge.weight, 0),
    attributes,
    viz: { color: rgb(edge.color), thickness: finite(edge.size, 0) },
  };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The writer, kept pedantic, leaves <meta/> empty: fill it from our graph attributes. */
function meta(attributes: Partial<GraphAttributes>): string {
  const created = new Date(attributes.createdAt ?? Number.NaN);
  const modified = Number.isNaN(created.getTime()) ? '' : ` lastmodifieddate="${created.toISOString().slice(0, 10)}"`;
  const description = attributes.name ? `<description>${escapeText(attributes.name)}</description>` : '';
  return `<meta${modified}><creator>${CREATOR}</creator>${description}</meta>`;
}

/**
 * GEXF 1.3 of the graph, valid against the official RELAX NG schema and readable by Gephi and networkx:
 * lists joined with '|', viz position/size/colour on every node, edge label = relation, weight = supporting sentences.
 */
export function toGexf(graph: KnowledgeGraph): string {
  const sentences = graph.getAttribute('sentences') ?? [];
  const xml = write(graph, { version: '1.3', pedantic: true, formatNode, formatEdge: (key, edge) => formatEdge(sentences, key, edge) })
    .replace(/<gexf [^>]*>/, (root) => root.replace(XSI_ATTRIBUTES, ''))
    .replace('<meta/>', () => meta(graph.getAttributes()));
  // Text is untrusted and node keys bypass the formatters: clean the whole document in one place.
  return xmlSafe(xml);
}
