import { el } from './dom.js';
import { fetchDocument, type DocumentText } from './evidence.js';
import type { GraphDocument } from './graph.js';

/** A document's name in lists: its title, else its id; and its date with where the date came from. */
export function documentName(doc: GraphDocument | undefined, id: string): string {
  return doc?.title?.trim() || id;
}

export function documentDate(doc: Pick<GraphDocument, 'date' | 'dateSource'> | undefined): string {
  if (!doc?.date) return '';
  const day = doc.date.slice(0, 10);
  return doc.dateSource === 'file' ? `${day} (file date)` : day;
}

/**
 * The article's text with [start, end) marked, built from text nodes and one <mark>: the text is never parsed as HTML.
 * Offsets out of the text mark nothing.
 */
export function markedText(text: string, start: number, end: number): Node[] {
  if (!(start >= 0 && end > start && end <= text.length)) return [document.createTextNode(text)];
  return [document.createTextNode(text.slice(0, start)), el('mark', { text: text.slice(start, end) }), document.createTextNode(text.slice(end))];
}

function render(root: HTMLElement, doc: DocumentText, start: number, end: number, onClose: () => void): void {
  const close = el('button', { className: 'close', text: '×', attrs: { type: 'button', 'aria-label': 'Close article', title: 'Close' } });
  close.addEventListener('click', onClose);
  const date = documentDate(doc);
  root.replaceChildren(
    el('header', {}, [
      el('div', {}, [
        el('h2', { text: doc.title?.trim() || doc.id }),
        el('p', { className: 'doc-meta', text: [date, doc.path].filter((s) => s !== '').join(' · ') }),
      ]),
      close,
    ]),
    el('div', { className: 'article-text' }, markedText(doc.text, start, end)),
  );
}

/** Opens the reader on a document, the sentence [start, end) marked and scrolled into view. */
export async function openDocument(root: HTMLElement, url: string, id: string, span: { start: number; end: number } | null): Promise<void> {
  const close = (): void => {
    root.hidden = true;
    root.replaceChildren();
  };
  root.replaceChildren(el('p', { className: 'empty', text: 'Loading the article…' }));
  root.dataset.docId = id;
  root.hidden = false;
  try {
    const doc = await fetchDocument(url, id);
    if (root.dataset.docId !== id) return;
    render(root, doc, span?.start ?? -1, span?.end ?? -1, close);
    root.querySelector('mark')?.scrollIntoView({ block: 'center' });
  } catch (error) {
    if (root.dataset.docId !== id) return;
    const button = el('button', { className: 'close', text: '×', attrs: { type: 'button', 'aria-label': 'Close article' } });
    button.addEventListener('click', close);
    root.replaceChildren(el('header', {}, [el('h2', { text: id }), button]), el('p', { className: 'empty', text: `The article could not be loaded: ${(error as Error).message}.` }));
  }
}
