import type { EntityType } from '../../src/types.js';
import { el } from './dom.js';
import type { KnowledgeGraph } from './graph.js';
import { TYPE_NAMES } from './settings.js';

export interface EntityRow {
  node: string;
  label: string;
  type: EntityType;
  mentions: number;
  degree: number;
  pagerank: number;
  documents: number;
}

export type Column = 'label' | 'type' | 'mentions' | 'degree' | 'pagerank' | 'documents';

const COLUMNS: readonly { key: Column; name: string }[] = [
  { key: 'label', name: 'Entity' },
  { key: 'type', name: 'Type' },
  { key: 'mentions', name: 'Mentions' },
  { key: 'degree', name: 'Relations' },
  { key: 'pagerank', name: 'PageRank' },
  { key: 'documents', name: 'Documents' },
];

export function entityRows(graph: KnowledgeGraph, nodes: Iterable<string>): EntityRow[] {
  return [...nodes].map((node) => {
    const { label, type, mentions, centrality, docs } = graph.getNodeAttributes(node);
    return { node, label, type, mentions, degree: graph.degree(node), pagerank: centrality, documents: docs.length };
  });
}

/** Rows sorted by a column: text columns ascending, numbers descending (the most prominent first). */
export function sortRows(rows: readonly EntityRow[], by: Column, descending: boolean): EntityRow[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[by];
    const y = b[by];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * order || a.label.localeCompare(b.label);
  });
}

/** A CSV cell: quoted, quotes doubled, and a leading = + - @ defused so that no spreadsheet runs a label as a formula. */
function cell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly EntityRow[]): string {
  const header = ['id', ...COLUMNS.map((c) => c.name.toLowerCase())].map(cell).join(',');
  const lines = rows.map((r) => [r.node, r.label, r.type, r.mentions, r.degree, r.pagerank, r.documents].map(cell).join(','));
  return `${[header, ...lines].join('\r\n')}\r\n`;
}

/** Offers text as a file download from a blob URL. */
export function download(name: string, type: string, content: BlobPart): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = el('a', { attrs: { href: url, download: name } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface TableOptions {
  rowsShown: number;
  onSelect: (node: string) => void;
  onClose: () => void;
}

/** The sortable table of the entities in view, with a CSV download of every row. */
export function showTable(root: HTMLElement, graph: KnowledgeGraph, nodes: Iterable<string>, options: TableOptions): void {
  const rows = entityRows(graph, nodes);
  let by: Column = 'mentions';
  let descending = true;
  let shown = options.rowsShown;
  const body = el('tbody');
  const head = el('tr');

  const render = (): void => {
    const sorted = sortRows(rows, by, descending);
    head.replaceChildren(...COLUMNS.map(({ key, name }) => {
      const button = el('button', { text: name, attrs: { type: 'button', 'data-column': key } });
      button.addEventListener('click', () => {
        descending = by === key ? !descending : key !== 'label' && key !== 'type';
        by = key;
        render();
      });
      const sort = by === key ? (descending ? 'descending' : 'ascending') : 'none';
      return el('th', { attrs: { 'aria-sort': sort, scope: 'col' } }, [button]);
    }));
    body.replaceChildren(...sorted.slice(0, shown).map((r) => {
      const name = el('button', { className: 'entity-link', text: r.label, attrs: { type: 'button', 'data-node-id': r.node } });
      name.addEventListener('click', () => options.onSelect(r.node));
      return el('tr', {}, [
        el('td', {}, [name]), el('td', { text: TYPE_NAMES[r.type] }), el('td', { text: r.mentions.toLocaleString('en') }),
        el('td', { text: r.degree.toLocaleString('en') }), el('td', { text: r.pagerank.toFixed(5) }), el('td', { text: r.documents.toLocaleString('en') }),
      ]);
    }));
    more.hidden = sorted.length <= shown;
    more.textContent = `Show ${Math.min(sorted.length - shown, options.rowsShown * 5).toLocaleString('en')} more`;
  };

  const more = el('button', { className: 'more', attrs: { type: 'button' } });
  more.addEventListener('click', () => {
    shown += options.rowsShown * 5;
    render();
  });
  const csv = el('button', { text: 'Download CSV', attrs: { type: 'button', id: 'csv-download' } });
  csv.addEventListener('click', () => download('entities.csv', 'text/csv;charset=utf-8', toCsv(sortRows(rows, by, descending))));
  const close = el('button', { className: 'close', text: '×', attrs: { type: 'button', 'aria-label': 'Close table', title: 'Close' } });
  close.addEventListener('click', options.onClose);
  root.replaceChildren(
    el('header', {}, [el('h2', { text: `Entities in view (${rows.length.toLocaleString('en')})` }), csv, close]),
    el('div', { className: 'table-scroll' }, [el('table', {}, [el('thead', {}, [head]), body])]),
    more,
  );
  render();
  root.hidden = false;
}
