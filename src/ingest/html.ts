/**
 * Reads a saved web page as an article: its main text (the largest <article>, else <main>, else the body) with
 * scripts, styles, navigation, asides, footers and forms left out, block elements as line breaks, entities
 * decoded; and the page's title and publication date when it names them. Markup never reaches the text, so it
 * never reaches a label. One pass over the tags, linear in the page's length.
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

/**
 * A tag, comment, doctype or processing instruction. An attempt never reads past the next "<" outside quotes, nor
 * more than a bounded quoted value, so a page of unclosed tags costs linear time, not quadratic.
 */
const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:[^<>"']|"[^"<]{0,4096}"|'[^'<]{0,4096}')*)>|<!--[\s\S]*?(?:-->|$)|<![^<>]{0,4096}>|<\?[^<>]{0,4096}>/g;
const ATTRIBUTE = /([^\s=/]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** The named entities of Latin-1, in code point order from U+00A0. */
const LATIN1 = ('nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml').split(' ');
/** Other named entities news pages use. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(LATIN1.map((name, i) => [name, String.fromCharCode(0xa0 + i)])),
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ndash: '\u2013', mdash: '\u2014', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e',
  dagger: '\u2020', Dagger: '\u2021', bull: '\u2022', hellip: '\u2026', permil: '\u2030', prime: '\u2032', Prime: '\u2033',
  lsaquo: '\u2039', rsaquo: '\u203a', euro: '\u20ac', trade: '\u2122', OElig: '\u0152', oelig: '\u0153', Scaron: '\u0160',
  scaron: '\u0161', Yuml: '\u0178', Zcaron: '\u017d', zcaron: '\u017e', fnof: '\u0192', circ: '\u02c6', tilde: '\u02dc',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', minus: '\u2212',
};

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

export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of source.matchAll(ATTRIBUTE)) attributes.set(m[1].toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  return attributes;
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

/** The article text, title and date of a page. */
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
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    const between = html.slice(last, match.index);
    last = match.index + match[0].length;
    if (inTitle) title += between;
    else if (skipping.length === 0 && between) emit(decodeEntities(between).replace(/\s+/g, ' '));
    const [, closing, rawName, rawAttributes] = match;
    if (rawName === undefined) continue; // a comment, doctype or processing instruction
    const name = rawName.toLowerCase();
    if (name === 'title') inTitle = !closing && skipping.every((s) => s === 'head');
    if (!closing && name === 'meta') {
      const a = attributesOf(rawAttributes);
      const key = (a.get('property') ?? a.get('name') ?? a.get('itemprop') ?? '').toLowerCase();
      if (key && a.has('content') && !meta.has(key)) meta.set(key, a.get('content')!.trim());
    }
    if (!closing && name === 'time' && timeDate === undefined) timeDate = attributesOf(rawAttributes).get('datetime');
    if (SKIPPED.has(name)) {
      if (!closing && !rawAttributes.trimEnd().endsWith('/')) skipping.push(name);
      else if (closing && skipping.includes(name)) skipping.length = skipping.lastIndexOf(name); // closes what it holds too
      continue;
    }
    // </head> may be left out: the body starts where <body> says
    if (name === 'body' && !closing && skipping.includes('head')) skipping.length = skipping.indexOf('head');
    if (skipping.length > 0) continue;
    if (name === 'article' || name === 'main') {
      if (!closing) {
        const container = new Gathered();
        if (name === 'article') articles.push(container);
        else main ??= container;
        open.push(container);
      } else if (open.length > 0) open.pop();
    }
    if (BLOCKS.has(name) && !(VOID.has(name) && closing)) emit(name === 'br' ? '\n' : '\n\n');
  }
  if (skipping.length === 0 && !inTitle) emit(decodeEntities(html.slice(last)).replace(/\s+/g, ' '));
  const best = articles.reduce<Gathered | undefined>((a, b) => (a === undefined || b.length > a.length ? b : a), undefined);
  // a page of article teasers has small <article>s: the largest must hold a fair share of the page to be the article
  const chosen = best && best.length >= page.length * 0.25 ? best : main && main.length >= page.length * 0.25 ? main : page;
  const body = tidy(chosen.toString());
  const pageTitle = tidy(decodeEntities(TITLE_META.map((k) => meta.get(k)).find(Boolean) ?? title)).replace(/\n/g, ' ');
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
