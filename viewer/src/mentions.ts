import type { DocumentMentions, MentionSummary } from '../../src/query/types.js';
import { el } from './dom.js';

/** What the panel shows of a document: the offsets stay with the API. */
type Shown = Pick<DocumentMentions, 'doc' | 'count' | 'forms'>;
type ShownSummary = Omit<MentionSummary, 'byDocument'> & { byDocument: Shown[] };

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

function shown(value: unknown): Shown | undefined {
  const d = value as Partial<DocumentMentions> | null;
  if (typeof d !== 'object' || d === null || typeof d.doc !== 'string' || !isCount(d.count)) return undefined;
  const forms = Array.isArray(d.forms) ? d.forms.filter((f) => typeof f?.text === 'string' && isCount(f.count)) : [];
  return { doc: d.doc, count: d.count, forms };
}

/** The server's answer, keeping only what has the expected shape: it carries document text, which is untrusted. */
function summaryFrom(data: unknown): ShownSummary | undefined {
  const s = data as Partial<MentionSummary> | null;
  if (typeof s !== 'object' || s === null || !isCount(s.total) || !isCount(s.documents) || !Array.isArray(s.byDocument)) return undefined;
  const byDocument = s.byDocument.map(shown).filter((d): d is Shown => d !== undefined);
  return { total: s.total, documents: s.documents, byDocument };
}

/**
 * Where the entity is named, from the server; undefined when it cannot say (no mentions.jsonl beside the graph,
 * an entity it does not know, a network error): the panel then simply has no such section.
 */
export async function fetchMentions(url: string, node: string): Promise<ShownSummary | undefined> {
  try {
    const response = await fetch(`${url}?entity=${encodeURIComponent(node)}`, { headers: { accept: 'application/json' } });
    return response.ok ? summaryFrom(await response.json()) : undefined;
  } catch {
    return undefined;
  }
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function documentItem(d: Shown): HTMLLIElement {
  return el('li', { className: 'mention-doc' }, [
    el('div', { className: 'mention-head' }, [
      el('span', { className: 'doc', text: d.doc }),
      el('span', { className: 'weight', text: `×${d.count}`, attrs: { title: plural(d.count, 'mention') } }),
    ]),
    el('ul', { className: 'forms', attrs: { 'aria-label': 'As written' } }, d.forms.map((f) => el('li', { text: f.count > 1 ? `${f.text} ×${f.count}` : f.text }))),
  ]);
}

/** The "Mentioned in" section: documents with counts and the forms as written; text only, never HTML. */
export function mentionsSection(summary: ShownSummary): HTMLElement | null {
  if (summary.total === 0) return null;
  const rest = summary.documents - summary.byDocument.length;
  return el('section', { className: 'mentions' }, [
    el('h3', { text: `Mentioned in ${plural(summary.documents, 'document')} (${plural(summary.total, 'time')})` }),
    el('ul', {}, summary.byDocument.map(documentItem)),
    rest > 0 ? el('p', { className: 'more-docs', text: `and ${plural(rest, 'more document')}` }) : null,
  ]);
}

/** Fetches and adds the section after the entity's facts, unless the panel has moved on to another entity meanwhile. */
export async function showMentions(root: HTMLElement, node: string, url: string): Promise<void> {
  const summary = await fetchMentions(url, node);
  if (summary === undefined || root.dataset.nodeId !== node || root.querySelector('.mentions')) return;
  const section = mentionsSection(summary);
  if (section === null) return;
  const facts = root.querySelector('.facts');
  if (facts) facts.after(section);
  else root.append(section);
}
