import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { htmlToText, looksLikeHtml } from '../../src/ingest/html.js';
import { readDocuments } from '../../src/ingest/index.js';
import { kg } from '../helpers.js';

const PAGE = `<!DOCTYPE html>
<html lang="en"><head>
  <meta charset="utf-8">
  <title>Rubio meets Sheinbaum | The Daily</title>
  <meta property="og:title" content="Rubio meets Sheinbaum in Mexico City">
  <meta property="article:published_time" content="2025-09-04T10:00:00Z">
  <style>.headline { color: red }</style>
  <script>var tracking = "<p>Marco Rubio</p>";</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article class="story">
    <h1 class="headline">Rubio meets Sheinbaum in Mexico City</h1>
    <p>Secretary of State <a href="/people/rubio"><b>Marco Rubio</b></a> met President
       Claudia Sheinbaum on Thursday.</p>
    <p>The talks covered security &amp; trade, Sheinbaum&rsquo;s office said&nbsp;later.</p>
    <figure><img src="a.jpg" alt="Rubio"><figcaption>Photo: Agency</figcaption></figure>
  </article>
  <aside><article><p>Related: other news</p></article></aside>
  <footer>&copy; The Daily</footer>
</body></html>`;

describe('ingest/html: web pages read as articles', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-html-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('takes the article text, without markup, scripts, styles, navigation, asides or footers', () => {
    const page = htmlToText(PAGE);
    expect(page.text).to.equal(
      'Rubio meets Sheinbaum in Mexico City\n\nSecretary of State Marco Rubio met President Claudia Sheinbaum on Thursday.\n\nThe talks covered security & trade, Sheinbaum’s office said\u00a0later.'.replace('\u00a0', ' '),
    );
    expect(page.text).not.to.match(/[<>]|tracking|Home|Related|Daily|color/);
  });

  it('takes the title and the publication date from the page', () => {
    expect(htmlToText(PAGE)).to.include({ title: 'Rubio meets Sheinbaum in Mexico City', date: '2025-09-04T10:00:00Z' });
    expect(htmlToText('<html><title>Only &amp; title</title><body><p>Body text here.</p></body></html>')).to.deep.equal({ text: 'Only & title\n\nBody text here.', title: 'Only & title' });
    expect(htmlToText('<p>Text</p><time datetime="2024-01-02">Jan 2</time>').date).to.equal('2024-01-02');
  });

  it('reads a page without </head>, without <article>, and with unclosed tags', () => {
    expect(htmlToText('<html><head><title>T</title><body><p>First<p>Second<br>line').text).to.equal('T\n\nFirst\n\nSecond\nline');
  });

  it('tells HTML from text that merely mentions a tag', () => {
    expect(looksLikeHtml(PAGE)).to.equal(true);
    expect(looksLikeHtml('<div><p>One</p><p>Two</p><span>three</span></div>')).to.equal(true);
    expect(looksLikeHtml('The senator wrote that 3 < 4 and used a <b> tag once.')).to.equal(false);
  });

  it('decodes named, decimal and hexadecimal entities, HTML5 ones included', () => {
    expect(htmlToText('<p>M&eacute;xico &#8212; &#x201C;AMLO&#x201D; &amp; Gda&nacute;sk &rarr; Łódź</p>').text).to.equal('México — “AMLO” & Gdańsk → Łódź');
  });

  it('reads .html files, and HTML saved as .txt with a line saying so', async () => {
    await writeFile(join(dir, 'story.html'), PAGE);
    await writeFile(join(dir, 'saved.txt'), PAGE);
    const { documents, problems } = await readDocuments([dir]);
    expect(documents.map((d) => d.id)).to.deep.equal(['saved.txt', 'story.html']);
    for (const d of documents) expect(d.text).to.match(/^Rubio meets Sheinbaum in Mexico City\n\nSecretary of State Marco Rubio/);
    expect(problems).to.deep.equal([{ path: join(dir, 'saved.txt'), message: 'HTML content; read as a web page, its main text extracted', skipped: false }]);
  });

  it('builds a graph from a page whose labels hold no markup, naming its title and date', async function () {
    this.timeout(30_000);
    const out = join(dir, 'out');
    const run = await kg(['build', join(dir, 'saved.txt'), '--out', out, '--no-progress', '--no-cache']);
    expect(run.code, run.stderr).to.equal(0);
    const graph = JSON.parse(await (await import('node:fs/promises')).readFile(join(out, 'graph.json'), 'utf8'));
    const labels: string[] = graph.nodes.map((n: { attributes: { label: string } }) => n.attributes.label);
    expect(labels).to.include.members(['Marco Rubio', 'Claudia Sheinbaum']);
    for (const label of labels) expect(label).not.to.match(/[<>=]|href|class/);
    for (const sentence of graph.attributes.sentences) expect(sentence).not.to.match(/[<>]/);
    expect(graph.attributes.documents[0]).to.include({ title: 'Rubio meets Sheinbaum in Mexico City', date: '2025-09-04', dateSource: 'page' });
  });
});
