import type { KnowledgeGraph } from '../graph/types.js';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../types.js';

/** Everything XML 1.0 cannot carry, even as a character reference: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const LIST_SEPARATOR = '|';
/** GEXF cannot share a sentence between edges: the evidence column holds a bounded excerpt, so a long sentence is not copied whole into each edge. */
const EVIDENCE_LENGTH = 300;
const FALLBACK_COLOR = 'rgb(153,153,153)';
const CREATOR = 'kg-news';

type Scalar = string | number | boolean;

/**
 * What may be one of NOT_XML_CHAR's: a control, a non-character or any surrogate (most are halves of a pair, which
 * XML allows). A test several times cheaper than NOT_XML_CHAR's, which then runs only on text that has one.
 */
const MAYBE_NOT_XML_CHAR = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Removes the characters XML 1.0 forbids; the writer escapes the rest (&, <, quotes). */
export function xmlSafe(text: string): string {
  return MAYBE_NOT_XML_CHAR.test(text) ? text.replace(NOT_XML_CHAR, '') : text;
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

/** A node as GEXF shows it: label, attribute columns and viz (graphology-gexf's formatNode). */
export function formatNode(_key: string, node: NodeAttributes) {
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
export function formatEdge(sentences: readonly string[], _key: string, edge: EdgeAttributes) {
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

/** The <meta> element, from our graph attributes. */
export function meta(attributes: Partial<GraphAttributes>): string {
  const created = new Date(attributes.createdAt ?? Number.NaN);
  const modified = Number.isNaN(created.getTime()) ? '' : ` lastmodifieddate="${created.toISOString().slice(0, 10)}"`;
  const description = attributes.name ? `<description>${escapeText(attributes.name)}</description>` : '';
  return `<meta${modified}><creator>${CREATOR}</creator>${description}</meta>`;
}

/**
 * GEXF 1.3 of the graph, valid against the official RELAX NG schema and readable by Gephi and networkx:
 * lists joined with '|', viz position/size/colour on every node, edge label = relation, weight = supporting sentences.
 *
 * The document is graphology-gexf's (`write(graph, {version: '1.3', pedantic: true, formatNode, formatEdge})`, less
 * the xsi attributes, with our <meta>), byte for byte, written here without its general-purpose XML writer, which
 * took most of the export's time on a large graph; test/export/gexf.test.ts holds the two to the same bytes.
 */
export function toGexf(graph: KnowledgeGraph): string {
  return [...gexfChunks(graph)].join('');
}

/** Elements gathered into one piece of gexfChunks: about half a megabyte of text. */
const CHUNK_ELEMENTS = 1000;

/**
 * toGexf's document in pieces cut between elements, for a writer that streams it to a file: the whole text of a
 * large graph and the strings that make it come to a hundred megabytes and more.
 */
export function* gexfChunks(graph: KnowledgeGraph): Generator<string> {
  const sentences = graph.getAttribute('sentences') ?? [];
  const nodes = graph.mapNodes((key, attributes) => ({ key, ...formatNode(key, attributes) }));
  const edges = graph.mapEdges((key, attributes, source, target) => ({ key, source, target, ...formatEdge(sentences, key, attributes) }));
  const nodeModel = inferModel(nodes);
  const edgeModel = inferModel(edges);
  let out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz">\n  '];
  // Text is untrusted and node keys bypass the formatters: each piece is cleaned whole (pieces meet between
  // elements, in markup, so cleaning them apart is cleaning the document)
  const piece = (): string => {
    const text = xmlSafe(out.join(''));
    out = [];
    return text;
  };
  // a KnowledgeGraph is directed: every edge takes the default type
  out.push(meta(graph.getAttributes()), '\n  <graph defaultedgetype="directed">');
  writeModel(out, nodeModel, 'node');
  writeModel(out, edgeModel, 'edge');
  out.push(nodes.length ? '\n    <nodes>' : '\n    <nodes/>');
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    out.push(`\n      <node id="${attribute(node.key)}"${node.label ? ` label="${attribute(node.label)}"` : ''}>`);
    writeAttvalues(out, nodeModel, node.attributes);
    const { color, size, x, y } = node.viz;
    out.push(`\n        <viz:color${rgbAttributes(color)}/>\n        <viz:size value="${size}"/>\n        <viz:position x="${x}" y="${y}"/>\n      </node>`);
    if ((i + 1) % CHUNK_ELEMENTS === 0) yield piece();
  }
  if (nodes.length) out.push('\n    </nodes>');
  out.push(edges.length ? '\n    <edges>' : '\n    <edges/>');
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i];
    const weight = Number.isNaN(edge.weight) ? '' : ` weight="${edge.weight}"`;
    out.push(`\n      <edge id="${attribute(edge.key)}" source="${attribute(edge.source)}" target="${attribute(edge.target)}"${weight}${edge.label ? ` label="${attribute(edge.label)}"` : ''}>`);
    writeAttvalues(out, edgeModel, edge.attributes);
    out.push(`\n        <viz:color${rgbAttributes(edge.viz.color)}/>\n        <viz:thickness value="${edge.viz.thickness}"/>\n      </edge>`);
    if ((i + 1) % CHUNK_ELEMENTS === 0) yield piece();
  }
  out.push(edges.length ? '\n    </edges>\n  </graph>\n</gexf>' : '\n  </graph>\n</gexf>');
  yield piece();
}

/** An attribute column's GEXF type, as graphology-gexf infers it from the values (the first non-empty value orders the columns). */
type ColumnType = 'string' | 'double' | 'long' | 'integer' | 'boolean';
const TYPE_PRIORITY: Record<ColumnType, number> = { string: 5, double: 6, long: 7, integer: 8, boolean: 9 };

function isEmptyValue(value: Scalar | undefined): boolean {
  return value === undefined || value === null || value === '' || Number.isNaN(value);
}

function valueType(value: Scalar): ColumnType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (value === (value | 0)) return value <= 0x7fffffff && value >= -0x7fffffff ? 'integer' : 'long';
    return 'double';
  }
  return 'string';
}

function inferModel(elements: { attributes: Record<string, Scalar> }[]): Map<string, ColumnType> {
  const model = new Map<string, ColumnType>();
  for (const { attributes } of elements) {
    for (const name in attributes) {
      const value = attributes[name];
      if (isEmptyValue(value)) continue;
      const type = valueType(value);
      const current = model.get(name);
      if (current === undefined || TYPE_PRIORITY[type] < TYPE_PRIORITY[current]) model.set(name, type);
    }
  }
  return model;
}

function writeModel(out: string[], model: Map<string, ColumnType>, modelClass: string): void {
  if (model.size === 0) return;
  out.push(`\n    <attributes class="${modelClass}">`);
  for (const [name, type] of model) out.push(`\n      <attribute id="${attribute(name)}" title="${attribute(name)}" type="${type}"/>`);
  out.push('\n    </attributes>');
}

function writeAttvalues(out: string[], model: Map<string, ColumnType>, attributes: Record<string, Scalar>): void {
  if (model.size === 0) return;
  let open = false;
  for (const name of model.keys()) {
    if (!(name in attributes) || isEmptyValue(attributes[name])) continue;
    if (!open) out.push('\n        <attvalues>');
    open = true;
    out.push(`\n          <attvalue for="${attribute(name)}" value="${attribute(String(attributes[name]))}"/>`);
  }
  out.push(open ? '\n        </attvalues>' : '\n        <attvalues/>');
}

/** 'rgb(r,g,b)' (see rgb) as the r, g and b attributes of viz:color. */
function rgbAttributes(color: string): string {
  const [, r, g, b] = /^rgb\((\d+),(\d+),(\d+)\)$/.exec(color)!;
  return ` r="${+r}" g="${+g}" b="${+b}"`;
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' };
const ATTRIBUTE_SPECIAL = /[&<"\t\n\r]/g;
const HAS_ATTRIBUTE_SPECIAL = /[&<"\t\n\r]/;

/** An attribute value escaped as graphology-gexf's XML writer escapes it ('>' stays). */
function attribute(value: string): string {
  return HAS_ATTRIBUTE_SPECIAL.test(value) ? value.replace(ATTRIBUTE_SPECIAL, (c) => ATTRIBUTE_ESCAPES[c]) : value;
}
