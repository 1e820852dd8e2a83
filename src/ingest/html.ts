import { Parser } from 'htmlparser2';

/**
 * Reads a saved web page as an article: its main text (the largest <article>, else <main>, else the body) with
 * scripts, styles, navigation, asides, footers and forms left out, block elements as line breaks, entities
 * decoded (every HTML5 entity); and the page's title and publication date when it names them. Markup never reaches
 * the text, so it never reaches a label. Parsed with htmlparser2, in one pass, linear in the page's length.
 *
 * Offsets of an HTML document are into this extracted text, which is the document's text.
 */

export interface HtmlPage {
  text: string;
  title?: string;
  /** As the page writes it (ISO 8601 in the usual metadata). */
  date?: string;
}

/** Elements whose content is never article text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'head', 'nav', 'aside', 'footer', 'form', 'button', 'select', 'textarea', 'figure']);
/** Elements that end a paragraph (<br> only a line), so that no sentence runs from one into the next. */
const BLOCKS = new Set(['p', 'div', 'br', 'hr', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'main', 'header', 'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'caption', 'address', 'body', 'html', 'title']);
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'source', 'wbr', 'area', 'base', 'col', 'embed', 'param', 'track']);

/** Metadata naming the page's title or date, in order of trust. */
const TITLE_META = ['og:title', 'twitter:title', 'headline'];
const DATE_META = ['article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'dc.date.issued', 'og:published_time', 'sailthru.date'];

/** A page saved as HTML whatever its file name says: a document type or root element, or markup throughout. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(head)) return true;
  const tags = text.slice(0, 65536).match(/<\/?(?:p|div|span|a|br|h[1-6]|li|ul|ol|table|tr|td|script|style|meta|link|article|section|img|em|strong|b|i)\b[^>]*>/gi);
  return (tags?.length ?? 0) >= 5;
}

/** Text of one container (an <article>, <main> or the whole page) as it is gathered. */
class Gathered {
  private readonly parts: string[] = [];
  length = 0;
  add(text: string): void {
    this.parts.push(text);
    if (text.trim()) this.length += text.length;
  }
  toString(): string {
    return this.parts.join('');
  }
}

/** The article text, title and date of a page, read with htmlparser2 (it closes what the page leaves open). */
export function htmlToText(html: string): HtmlPage {
  const page = new Gathered();
  const articles: Gathered[] = [];
  let main: Gathered | undefined;
  const open: Gathered[] = [];
  const skipping: string[] = [];
  let title = '';
  let inTitle = false;
  const meta = new Map<string, string>();
  let timeDate: string | undefined;
  const emit = (text: string): void => {
    page.add(text);
    for (const container of open) container.add(text);
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'meta') {
          const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? '').toLowerCase();
          if (key && attributes.content !== undefined && !meta.has(key)) meta.set(key, attributes.content.trim());
        }
        if (name === 'time' && timeDate === undefined && attributes.datetime) timeDate = attributes.datetime;
        if (name === 'title') inTitle = true;
        // </head> may be left out: the body starts where <body> says
        if (name === 'body' && skipping.includes('head')) skipping.length = skipping.indexOf('head');
        if (SKIPPED.has(name)) skipping.push(name);
        if (skipping.length > 0) return;
        if (name === 'article' || name === 'main') {
          const container = new Gathered();
          if (name === 'article') articles.push(container);
          else main ??= container;
          open.push(container);
        }
        if (BLOCKS.has(name)) emit(name === 'br' ? '\n' : '\n\n');
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (skipping.length === 0) emit(text.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIPPED.has(name)) {
          if (skipping.includes(name)) skipping.length = skipping.lastIndexOf(name); // closes what it holds too
          return;
        }
        if (skipping.length > 0) return;
        if (name === 'article' || name === 'main') open.pop();
        if (BLOCKS.has(name) && !VOID.has(name)) emit('\n\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  const best = articles.reduce<Gathered | undefined>((a, b) => (a === undefined || b.length > a.length ? b : a), undefined);
  // a page of article teasers has small <article>s: the largest must hold a fair share of the page to be the article
  const chosen = best && best.length >= page.length * 0.25 ? best : main && main.length >= page.length * 0.25 ? main : page;
  const body = tidy(chosen.toString());
  const pageTitle = tidy(TITLE_META.map((k) => meta.get(k)).find(Boolean) ?? title).replace(/\n/g, ' ');
  const date = DATE_META.map((k) => meta.get(k)).find(Boolean) ?? timeDate;
  const text = pageTitle && !body.slice(0, pageTitle.length + 200).includes(pageTitle) ? `${pageTitle}\n\n${body}` : body;
  return { text, ...(pageTitle ? { title: pageTitle } : {}), ...(date ? { date: date.trim() } : {}) };
}

/** Lines trimmed, runs of blank lines made one: blocks become paragraphs. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n\n')
    .trim();
}
