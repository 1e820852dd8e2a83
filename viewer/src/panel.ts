import type { EdgeAttributes, EntityType, SourceRef } from '../../src/types.js';
import { el } from './dom.js';
import type { KnowledgeGraph } from './graph.js';
import { TYPE_NAMES, type ViewerSettings } from './settings.js';

export interface PanelOptions extends Pick<ViewerSettings, 'sourcesShown'> {
  colorOf: (type: EntityType) => string;
  /** A neighbour was clicked. */
  onSelect: (node: string) => void;
  onClose: () => void;
}

interface Relation {
  edge: string;
  subject: string;
  object: string;
  attrs: EdgeAttributes;
}

const byWeight = (a: Relation, b: Relation): number =>
  b.attrs.weight - a.attrs.weight || a.attrs.label.localeCompare(b.attrs.label);

/** The entity's relations: where it is the subject, and where it is the object. */
export function relationsOf(graph: KnowledgeGraph, node: string): { outgoing: Relation[]; incoming: Relation[] } {
  const outgoing: Relation[] = [];
  const incoming: Relation[] = [];
  graph.forEachOutEdge(node, (edge, attrs, subject, object) => outgoing.push({ edge, subject, object, attrs }));
  graph.forEachInEdge(node, (edge, attrs, subject, object) => {
    if (subject !== object) incoming.push({ edge, subject, object, attrs });
  });
  return { outgoing: outgoing.sort(byWeight), incoming: incoming.sort(byWeight) };
}

function entityRef(graph: KnowledgeGraph, node: string, current: string, options: PanelOptions): HTMLElement {
  const { label, type } = graph.getNodeAttributes(node);
  if (node === current) return el('strong', { className: 'entity current', text: label });
  const button = el('button', { className: 'entity neighbour', text: label, attrs: { type: 'button', 'data-node-id': node, title: `Show ${label}` } });
  button.style.setProperty('--type-color', options.colorOf(type));
  button.addEventListener('click', () => options.onSelect(node));
  return button;
}

/** A supporting sentence; its text is kept once in the graph's sentence table. */
function sourceItem(graph: KnowledgeGraph, source: SourceRef): HTMLLIElement {
  return el('li', { className: 'source' }, [
    el('span', { className: 'doc', text: source.doc }),
    el('span', { className: 'sentence', text: graph.getAttribute('sentences')[source.sentence] ?? '' }),
  ]);
}

function sourceList(graph: KnowledgeGraph, sources: readonly SourceRef[], shown: number): HTMLElement[] {
  const sourceItemOf = (source: SourceRef) => sourceItem(graph, source);
  const list = el('ul', { className: 'sources' }, sources.slice(0, shown).map(sourceItemOf));
  const rest = sources.slice(shown);
  if (rest.length === 0) return [list];
  const more = el('button', {
    className: 'more',
    text: `Show ${rest.length} more sentence${rest.length === 1 ? '' : 's'}`,
    attrs: { type: 'button' },
  });
  more.addEventListener('click', () => {
    list.append(...rest.map(sourceItemOf));
    more.remove();
  });
  return [list, more];
}

function qualifiers({ negated, modality, attribution }: EdgeAttributes): HTMLElement | null {
  const tags = [
    ...(negated ? [el('span', { className: 'tag negated', text: 'negated' })] : []),
    ...modality.map((m) => el('span', { className: 'tag', text: m })),
    ...attribution.map((a) => el('span', { className: 'tag', text: `according to ${a}` })),
  ];
  return tags.length === 0 ? null : el('div', { className: 'qualifiers' }, tags);
}

/** The arguments as the sentences wrote them, where they say more than the node labels ("an alleged drug boat"). */
function phrases(graph: KnowledgeGraph, relation: Relation): HTMLElement | null {
  const { subjectPhrases, objectPhrases } = relation.attrs;
  const label = (node: string) => graph.getNodeAttribute(node, 'label').toLowerCase();
  const telling = (list: string[], node: string) => list.filter((p) => p.toLowerCase() !== label(node));
  const written = [...telling(subjectPhrases, relation.subject), ...telling(objectPhrases, relation.object)];
  return written.length === 0 ? null : el('div', { className: 'phrases', text: `as written: ${written.join(' · ')}` });
}

function relationItem(graph: KnowledgeGraph, relation: Relation, current: string, options: PanelOptions): HTMLLIElement {
  const { attrs } = relation;
  const weight = el('span', {
    className: 'weight',
    text: `×${attrs.weight}`,
    attrs: { title: `${attrs.weight} supporting sentence${attrs.weight === 1 ? '' : 's'}` },
  });
  const triple = el('div', { className: 'triple' }, [
    el('span', { className: 'statement' }, [
      entityRef(graph, relation.subject, current, options),
      el('span', { className: 'relation', text: ` –${attrs.label}→ ` }),
      entityRef(graph, relation.object, current, options),
    ]),
    weight,
  ]);
  return el('li', { className: 'relation-item', attrs: { 'data-edge-id': relation.edge } }, [
    triple,
    qualifiers(attrs),
    phrases(graph, relation),
    ...sourceList(graph, attrs.sources, options.sourcesShown),
  ]);
}

function relationSection(graph: KnowledgeGraph, title: string, relations: Relation[], current: string, options: PanelOptions): HTMLElement | null {
  if (relations.length === 0) return null;
  return el('section', { className: 'relations' }, [
    el('h3', { text: `${title} (${relations.length})` }),
    el('ul', {}, relations.map((r) => relationItem(graph, r, current, options))),
  ]);
}

function fact(name: string, value: Node | string): HTMLElement[] {
  return [el('dt', { text: name }), el('dd', {}, [typeof value === 'string' ? document.createTextNode(value) : value])];
}

/** Fills the panel with the entity's facts and relations, and shows it. */
export function showEntity(root: HTMLElement, graph: KnowledgeGraph, node: string, options: PanelOptions): void {
  const { label, type, aliases, mentions, docs } = graph.getNodeAttributes(node);
  const { outgoing, incoming } = relationsOf(graph, node);

  const close = el('button', { className: 'close', text: '×', attrs: { type: 'button', 'aria-label': 'Close panel', title: 'Close' } });
  close.addEventListener('click', options.onClose);
  const badge = el('span', { className: 'type-badge', text: TYPE_NAMES[type] });
  badge.style.setProperty('--type-color', options.colorOf(type));

  const otherAliases = aliases.filter((a) => a !== label);
  const facts = el('dl', { className: 'facts' }, [
    ...(otherAliases.length > 0
      ? fact('Also', el('ul', { className: 'aliases' }, otherAliases.map((a) => el('li', { text: a }))))
      : []),
    ...fact('Mentions', String(mentions)),
    ...fact(docs.length === 1 ? 'Document' : `Documents (${docs.length})`,
      el('ul', { className: 'docs' }, docs.map((d) => el('li', { text: d })))),
  ]);

  const sections = [
    relationSection(graph, 'As subject', outgoing, node, options),
    relationSection(graph, 'As object', incoming, node, options),
  ];
  const present = sections.filter((s): s is HTMLElement => s !== null);
  const body = present.length > 0
    ? present
    : [el('p', { className: 'empty', text: 'No relations were extracted for this entity.' })];

  root.replaceChildren(
    el('header', {}, [badge, close]),
    el('h2', { text: label }),
    facts,
    ...body,
  );
  root.dataset.nodeId = node;
  root.hidden = false;
  root.scrollTop = 0;
}

export function hidePanel(root: HTMLElement): void {
  root.hidden = true;
  root.replaceChildren();
  delete root.dataset.nodeId;
}
