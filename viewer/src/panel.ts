import type { EntityType } from '../../src/types.js';
import { el } from './dom.js';
import { fetchEdge, fetchRelations, type EdgeEvidence, type Sentence } from './evidence.js';
import type { GraphDocument, KnowledgeGraph, ViewerEdge } from './graph.js';
import { documentDate, documentName } from './reader.js';
import { TYPE_NAMES, type ViewerSettings } from './settings.js';

export interface PanelOptions extends Pick<ViewerSettings, 'sourcesShown' | 'relationsShown' | 'relationsPerGroup' | 'relationsUrl' | 'edgeUrl'> {
  colorOf: (type: EntityType) => string;
  /** A neighbour was clicked. */
  onSelect: (node: string) => void;
  /** A document was asked for, with the sentence to mark. */
  onOpenDocument: (doc: string, span: { start: number; end: number } | null) => void;
  onClose: () => void;
}

export interface Relation {
  edge: string;
  subject: string;
  object: string;
  attrs: ViewerEdge;
}

/** One relation label with its edges, strongest first. */
export interface RelationGroup {
  label: string;
  weight: number;
  relations: Relation[];
}

/** The entity's relations grouped by relation label (strongest groups first), each group by neighbour. */
export function relationGroups(graph: KnowledgeGraph, node: string): RelationGroup[] {
  const groups = new Map<string, RelationGroup>();
  graph.forEachEdge(node, (edge, attrs, subject, object) => {
    if (subject === object) return;
    const group = groups.get(attrs.label) ?? { label: attrs.label, weight: 0, relations: [] };
    group.weight += attrs.weight;
    group.relations.push({ edge, subject, object, attrs });
    groups.set(attrs.label, group);
  });
  for (const group of groups.values()) group.relations.sort((a, b) => b.attrs.weight - a.attrs.weight || a.edge.localeCompare(b.edge));
  return [...groups.values()].sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));
}

/** Groups narrowed to the relations whose label or either end's label contains `query`. */
export function filterGroups(graph: KnowledgeGraph, groups: readonly RelationGroup[], query: string): RelationGroup[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...groups];
  const named = (node: string) => graph.getNodeAttribute(node, 'label').toLowerCase().includes(q);
  return groups
    .map((g) => ({ ...g, relations: g.label.toLowerCase().includes(q) ? g.relations : g.relations.filter((r) => named(r.subject) || named(r.object)) }))
    .filter((g) => g.relations.length > 0);
}

function entityRef(graph: KnowledgeGraph, node: string, current: string, options: PanelOptions): HTMLElement {
  const { label, type } = graph.getNodeAttributes(node);
  if (node === current) return el('strong', { className: 'entity current', text: label });
  const button = el('button', { className: 'entity neighbour', text: label, attrs: { type: 'button', 'data-node-id': node, title: `Show ${label}` } });
  button.style.setProperty('--type-color', options.colorOf(type));
  button.addEventListener('click', () => options.onSelect(node));
  return button;
}

type DocumentLookup = (id: string) => GraphDocument | undefined;

function sourceItem(source: Sentence, docOf: DocumentLookup, options: PanelOptions): HTMLLIElement {
  const doc = docOf(source.doc);
  const open = el('button', { className: 'doc', text: [documentName(doc, source.doc), documentDate(doc)].filter(Boolean).join(' · '), attrs: { type: 'button', title: 'Open the article with this sentence marked' } });
  open.addEventListener('click', () => options.onOpenDocument(source.doc, { start: source.start, end: source.end }));
  return el('li', { className: 'source' }, [open, el('span', { className: 'sentence', text: source.text })]);
}

const plural = (n: number, one: string): string => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

/** Fills a relation's sentences: the first few, and a button fetching the rest of them. */
function fillSources(holder: HTMLElement, edge: string, evidence: EdgeEvidence, docOf: DocumentLookup, options: PanelOptions): void {
  const list = el('ul', { className: 'sources' }, evidence.sources.slice(0, options.sourcesShown).map((s) => sourceItem(s, docOf, options)));
  const rest = evidence.total - Math.min(options.sourcesShown, evidence.sources.length);
  const children: HTMLElement[] = [list];
  if (rest > 0) {
    const more = el('button', { className: 'more', text: `Show ${plural(rest, 'more sentence')}`, attrs: { type: 'button' } });
    more.addEventListener('click', async () => {
      more.disabled = true;
      try {
        const all = await fetchEdge(options.edgeUrl, edge);
        list.replaceChildren(...all.sources.map((s) => sourceItem(s, docOf, options)));
        more.remove();
      } catch (error) {
        more.textContent = `The sentences could not be loaded: ${(error as Error).message}`;
      }
    });
    children.push(more);
  }
  holder.replaceChildren(...children);
}

function qualifiers({ negated, modality, attribution }: ViewerEdge): HTMLElement | null {
  const tags = [
    ...(negated ? [el('span', { className: 'tag negated', text: 'negated' })] : []),
    ...modality.map((m) => el('span', { className: 'tag', text: m })),
    ...attribution.map((a) => el('span', { className: 'tag', text: `according to ${a}` })),
  ];
  return tags.length === 0 ? null : el('div', { className: 'qualifiers' }, tags);
}

/** The arguments as the sentences wrote them, where they say more than the node labels ("an alleged drug boat"). */
function phrases(graph: KnowledgeGraph, relation: Relation, evidence: EdgeEvidence | undefined): HTMLElement | null {
  if (!evidence) return null;
  const label = (node: string) => graph.getNodeAttribute(node, 'label').toLowerCase();
  const telling = (list: string[], node: string) => list.filter((p) => p.toLowerCase() !== label(node));
  const written = [...new Set([...telling(evidence.subjectPhrases, relation.subject), ...telling(evidence.objectPhrases, relation.object)])];
  return written.length === 0 ? null : el('div', { className: 'phrases', text: `as written: ${written.join(' · ')}` });
}

export function relationItem(graph: KnowledgeGraph, relation: Relation, current: string, evidence: EdgeEvidence | undefined, docOf: DocumentLookup, options: PanelOptions): HTMLLIElement {
  const { attrs } = relation;
  const weight = el('span', { className: 'weight', text: `×${attrs.weight}`, attrs: { title: plural(attrs.weight, 'supporting sentence') } });
  const triple = el('div', { className: 'triple' }, [
    el('span', { className: 'statement' }, [
      entityRef(graph, relation.subject, current, options),
      el('span', { className: 'relation', text: ` –${attrs.label}→ ` }),
      entityRef(graph, relation.object, current, options),
    ]),
    weight,
  ]);
  const holder = el('div', { className: 'evidence' }, [el('p', { className: 'loading', text: 'Loading sentences…' })]);
  if (evidence) fillSources(holder, relation.edge, evidence, docOf, options);
  return el('li', { className: 'relation-item', attrs: { 'data-edge-id': relation.edge } }, [triple, qualifiers(attrs), phrases(graph, relation, evidence), holder]);
}

function fact(name: string, value: string): HTMLElement[] {
  return [el('dt', { text: name }), el('dd', { text: value })];
}

/** The entity's documents, newest first, by title and date; each opens the article. */
function documentsSection(docs: readonly string[], docOf: DocumentLookup, options: PanelOptions, shown = 10): HTMLElement | null {
  if (docs.length === 0) return null;
  const sorted = [...docs].sort((a, b) => (docOf(b)?.date ?? '').localeCompare(docOf(a)?.date ?? '') || a.localeCompare(b));
  const item = (id: string): HTMLLIElement => {
    const doc = docOf(id);
    const open = el('button', { className: 'doc-link', text: documentName(doc, id), attrs: { type: 'button', 'data-doc-id': id, title: doc?.path ?? id } });
    open.addEventListener('click', () => options.onOpenDocument(id, null));
    return el('li', {}, [open, el('span', { className: 'date', text: documentDate(doc) })]);
  };
  const list = el('ul', {}, sorted.slice(0, shown).map(item));
  const section = el('section', { className: 'documents' }, [el('h3', { text: `Documents (${docs.length.toLocaleString('en')})` }), list]);
  if (sorted.length > shown) {
    const more = el('button', { className: 'more', text: `Show ${plural(sorted.length - shown, 'more document')}`, attrs: { type: 'button' } });
    more.addEventListener('click', () => {
      list.append(...sorted.slice(shown).map(item));
      more.remove();
    });
    section.append(more);
  }
  return section;
}

/**
 * Fills the panel with the entity's facts, its relations grouped by relation and neighbour (filterable, sentences
 * fetched from the server), and its documents; and shows it.
 */
export function showEntity(root: HTMLElement, graph: KnowledgeGraph, node: string, options: PanelOptions): void {
  const { label, type, aliases, mentions, docs } = graph.getNodeAttributes(node);
  const documents = new Map(graph.getAttribute('documents').map((d) => [d.id, d]));
  const docOf: DocumentLookup = (id) => documents.get(id);
  const groups = relationGroups(graph, node);
  let evidence: Map<string, EdgeEvidence> | undefined;
  let query = '';
  let groupLimit = options.relationsShown;

  const close = el('button', { className: 'close', text: '×', attrs: { type: 'button', 'aria-label': 'Close panel', title: 'Close' } });
  close.addEventListener('click', options.onClose);
  const badge = el('span', { className: 'type-badge', text: TYPE_NAMES[type] });
  badge.style.setProperty('--type-color', options.colorOf(type));

  const otherAliases = aliases.filter((a) => a !== label);
  const relationCount = groups.reduce((n, g) => n + g.relations.length, 0);
  const facts = el('dl', { className: 'facts' }, [
    ...(otherAliases.length > 0 ? [el('dt', { text: 'Also' }), el('dd', {}, [el('ul', { className: 'aliases' }, otherAliases.map((a) => el('li', { text: a })))])] : []),
    ...fact('Mentions', mentions.toLocaleString('en')),
    ...fact('Relations', relationCount.toLocaleString('en')),
  ]);

  const list = el('div', { className: 'relation-groups' });
  const expanded = new Set<string>();
  const render = (): void => {
    const shown = filterGroups(graph, groups, query);
    const sections: HTMLElement[] = shown.slice(0, groupLimit).map((group) => {
      const open = expanded.has(group.label);
      const relations = open ? group.relations : group.relations.slice(0, options.relationsPerGroup);
      const section = el('section', { className: 'relations', attrs: { 'data-relation': group.label } }, [
        el('h3', { text: `${group.label} (${group.relations.length})` }),
        el('ul', {}, relations.map((r) => relationItem(graph, r, node, evidence?.get(r.edge), docOf, options))),
      ]);
      if (!open && group.relations.length > relations.length) {
        const more = el('button', { className: 'more', text: `Show all ${group.relations.length} “${group.label}”`, attrs: { type: 'button' } });
        more.addEventListener('click', () => {
          expanded.add(group.label);
          render();
        });
        section.append(more);
      }
      return section;
    });
    if (shown.length > groupLimit) {
      const more = el('button', { className: 'more', text: `Show ${plural(shown.length - groupLimit, 'more relation')}`, attrs: { type: 'button' } });
      more.addEventListener('click', () => {
        groupLimit = shown.length;
        render();
      });
      sections.push(more);
    }
    if (sections.length === 0) sections.push(el('p', { className: 'empty', text: relationCount === 0 ? 'No relations were extracted for this entity.' : 'No relation matches.' }));
    list.replaceChildren(...sections);
  };

  const filter = el('input', { className: 'relation-filter', attrs: { type: 'search', placeholder: 'Filter relations or neighbours…', 'aria-label': 'Filter relations' } });
  filter.addEventListener('input', () => {
    query = filter.value;
    render();
  });

  root.replaceChildren(
    el('header', {}, [badge, close]),
    el('h2', { text: label }),
    facts,
    ...(relationCount > 0 ? [filter] : []),
    list,
    ...[documentsSection(docs, docOf, options)].filter((s): s is HTMLElement => s !== null),
  );
  render();
  root.dataset.nodeId = node;
  delete root.dataset.edgeId;
  root.hidden = false;
  root.scrollTop = 0;

  if (relationCount > 0) {
    fetchRelations(options.relationsUrl, node, options.sourcesShown).then(
      (answer) => {
        if (root.dataset.nodeId !== node) return;
        evidence = answer;
        render();
      },
      (error: Error) => {
        if (root.dataset.nodeId !== node) return;
        for (const loading of root.querySelectorAll('.evidence .loading')) loading.textContent = `Sentences could not be loaded: ${error.message}`;
      },
    );
  }
}

/** Fills the panel with one relation and every sentence it was read from. */
export function showEdge(root: HTMLElement, graph: KnowledgeGraph, edge: string, options: PanelOptions): void {
  const [subject, object] = graph.extremities(edge);
  const documents = new Map(graph.getAttribute('documents').map((d) => [d.id, d]));
  const docOf: DocumentLookup = (id) => documents.get(id);
  const relation: Relation = { edge, subject, object, attrs: graph.getEdgeAttributes(edge) };
  const close = el('button', { className: 'close', text: '×', attrs: { type: 'button', 'aria-label': 'Close panel', title: 'Close' } });
  close.addEventListener('click', options.onClose);
  const item = relationItem(graph, relation, '', undefined, docOf, { ...options, sourcesShown: Infinity });
  root.replaceChildren(el('header', {}, [el('span', { className: 'type-badge', text: 'Relation' }), close]), el('ul', { className: 'edge-view' }, [item]));
  root.dataset.edgeId = edge;
  delete root.dataset.nodeId;
  root.hidden = false;
  root.scrollTop = 0;
  fetchEdge(options.edgeUrl, edge).then(
    (evidence) => {
      if (root.dataset.edgeId !== edge) return;
      item.replaceWith(relationItem(graph, relation, '', evidence, docOf, { ...options, sourcesShown: Infinity }));
    },
    (error: Error) => {
      const loading = item.querySelector('.loading');
      if (loading) loading.textContent = `Sentences could not be loaded: ${error.message}`;
    },
  );
}

export function hidePanel(root: HTMLElement): void {
  root.hidden = true;
  root.replaceChildren();
  delete root.dataset.nodeId;
  delete root.dataset.edgeId;
}
