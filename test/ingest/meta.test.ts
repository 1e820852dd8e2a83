import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'chai';
import { DEFAULT_META_OPTIONS, documentMeta } from '../../src/ingest/meta.js';
import { ROOT } from '../helpers.js';

/** The tops of real documents of the evaluation sets beside the project (GUM, Re-DocRED), as they are written. */
const WIKINEWS = `After visa snags, all-girl Afghan team honored for 'courageous achievement' at international robotics competition

Friday, July 21, 2017

A group of Afghan teenagers was awarded a silver medal for "courageous achievement" on Tuesday in the FIRST Global Challenge.
`;
const WIKINEWS_RUN_ON = `Wikinews interviews New York bar owner on Santorum cocktail

Thursday, March 15, 2012 Wikinews interviewed one of the owners of a New York City bar about a popular new politically-themed drink.
`;
const WIKINEWS_DATE_FIRST = `Friday, January 3, 2014

Preston, Victoria, Australia On Saturday, Wikinews interviewed Tina McKenzie, a former member of the Australia women's national team.
`;
const BIOGRAPHY = `Daniel Bernoulli

Daniel Bernoulli FRS (German pronunciation: [bɛʁˈnʊli]; 8 February 1700 – 17 March 1782) was a Swiss mathematician and physicist.
`;
const BIOGRAPHY_BORN = `Matthew Goode

Matthew William Goode (born 3 April 1978) is an English character actor.
`;
const COURT = `Dr. Guruswamy.

My Lords, thank you. My Lord the Chief Justice may recognize, my Lords, that the Hindu Marriage Act is not an issue.
`;
const PARAGRAPH = 'Ross Patterson Alger (August 20, 1920 – January 16, 1992) was a politician in the Canadian province of Alberta, who served as mayor of Calgary from 1977 to 1980. Born in Prelate, Saskatchewan, he moved to Alberta with his family in 1930s.\n';
const TRAVEL = `Athens (Greek: Αθήνα, Athína), is the capital city of Greece with a metropolitan population of 3.7 million inhabitants.

Understand
`;

describe('ingest/meta', () => {
  describe('title', () => {
    it('takes a headline line above the article, however long a headline may be', () => {
      expect(documentMeta(WIKINEWS).title).to.equal("After visa snags, all-girl Afghan team honored for 'courageous achievement' at international robotics competition");
      expect(documentMeta(BIOGRAPHY).title).to.equal('Daniel Bernoulli');
    });

    it('takes no title from a first line that is a sentence, a paragraph, a date or a byline, or the whole text', () => {
      for (const text of [COURT, PARAGRAPH, TRAVEL, WIKINEWS_DATE_FIRST, 'By Ethan Brooks\n\nRubio met Sheinbaum.\n', 'Rubio meets Sheinbaum\n', 'https://example.com/story\n\nText.\n', 'pilgrims at the Grand Mosque\n\nText.\n']) {
        expect(documentMeta(text).title, text).to.equal(undefined);
      }
    });

    it('reads a markdown heading and the front matter, the front matter first', () => {
      expect(documentMeta('# Rubio visits *Mexico*\n\nRubio met Sheinbaum.\n').title).to.equal('Rubio visits Mexico');
      expect(documentMeta('---\ntitle: "Rubio: the visit"\n---\n# A heading\n\nText.\n').title).to.equal('Rubio: the visit');
    });

    it('takes the title a web page gives itself before anything in its text', () => {
      expect(documentMeta('Some line\n\nText.\n', { page: { title: '  Rubio  meets\nSheinbaum ' } }).title).to.equal('Rubio meets Sheinbaum');
    });

    it('titles the sample articles that have a headline, and only those', async () => {
      const seeds = await Promise.all(['000_592193eb5327dbc5.txt', '002_bd396a460ea74169.txt', '004_cf42cf6c70decb27.txt'].map((f) => readFile(join(ROOT, 'seeds', f), 'utf8')));
      expect(seeds.map((text) => documentMeta(text).title)).to.deep.equal([
        undefined,
        'Marco Rubio tackles drug cartels and migration in key meetings with Mexico',
        'Rubio Meets Mexico President Amidst Trump Military Show',
      ]);
    });
  });

  describe('date', () => {
    it('reads a date line under the headline, and a weekday date that opens a line', () => {
      expect(documentMeta(WIKINEWS)).to.include({ date: '2017-07-21', dateSource: 'dateline' });
      expect(documentMeta(WIKINEWS_RUN_ON)).to.include({ date: '2012-03-15', dateSource: 'dateline' });
      expect(documentMeta(WIKINEWS_DATE_FIRST)).to.include({ date: '2014-01-03', dateSource: 'dateline' });
    });

    it('reads datelines of agencies and papers', () => {
      const datelines: [string, string][] = [
        ['WASHINGTON, Sept. 3, 2025 (Reuters) - The United States said', '2025-09-03'],
        ['MEXICO CITY, Sept. 3, 2025', '2025-09-03'],
        ['Preston, Victoria, 3 September 2025 — Text', '2025-09-03'],
        ['Published: 2025-09-03 10:22 EDT', '2025-09-03'],
        ['Posted on September 3, 2025 at 10:22 a.m.', '2025-09-03'],
        ['By Ethan Brooks | September 3, 2025', '2025-09-03'],
        ['September 3, 2025', '2025-09-03'],
        ['3 September 2025, 10:22 GMT', '2025-09-03'],
      ];
      for (const [line, date] of datelines) expect(documentMeta(`Headline here\n\n${line}\n\nBody text.\n`).date, line).to.equal(date);
    });

    it('prefers the publication date to an update above it', () => {
      expect(documentMeta('Headline\nUpdated September 5, 2025\nPublished September 3, 2025\n\nText.\n').date).to.equal('2025-09-03');
      expect(documentMeta('Headline\nLast updated: 5 Sept 2025\n\nText.\n').date).to.equal('2025-09-05');
    });

    it('never takes a date the article talks about, nor one deep in the body', () => {
      for (const text of [BIOGRAPHY, BIOGRAPHY_BORN, PARAGRAPH, COURT, 'Mexico City, September 2025 — Rubio traveled to Mexico.\n', 'Rubio said on September 3, 2025 that talks went well.\n']) {
        expect(documentMeta(text).date, text).to.equal(undefined);
      }
      const deep = `Headline\n\n${'A sentence of the article.\n\n'.repeat(DEFAULT_META_OPTIONS.datelineLines)}September 3, 2025\n`;
      expect(documentMeta(deep).date).to.equal(undefined);
      expect(documentMeta(deep, {}, { datelineLines: DEFAULT_META_OPTIONS.datelineLines + 2 }).date).to.equal('2025-09-03');
    });

    it('takes no impossible day for a date', () => {
      expect(documentMeta('Headline\n\nFebruary 30, 2025\n\nText.\n').date).to.equal(undefined);
    });

    it('ranks the page, the front matter, the dateline, then the file, and says which it took', () => {
      const modified = new Date('2026-01-02T12:00:00Z');
      const text = '---\ndate: 2025-09-01\n---\nHeadline\n\nSeptember 2, 2025\n\nText.\n';
      expect(documentMeta(text, { page: { date: '2025-08-31T23:00:00-05:00' }, modified })).to.include({ date: '2025-08-31', dateSource: 'page' });
      expect(documentMeta(text, { page: { date: 'yesterday' }, modified })).to.include({ date: '2025-09-01', dateSource: 'front matter' });
      expect(documentMeta(text.replace('date: 2025-09-01', 'author: Ethan Brooks'), { modified })).to.include({ date: '2025-09-02', dateSource: 'dateline' });
      expect(documentMeta('Headline\n\nText.\n', { modified })).to.include({ date: '2026-01-02', dateSource: 'file' });
      expect(documentMeta('Headline\n\nText.\n')).not.to.have.any.keys('date', 'dateSource');
    });

    it('dates the sample article that has a dateline, and no other by its text', async () => {
      const texts = await Promise.all(['000_592193eb5327dbc5.txt', '003_25649428e7383f58.txt', '004_cf42cf6c70decb27.txt'].map((f) => readFile(join(ROOT, 'seeds', f), 'utf8')));
      expect(texts.map((text) => documentMeta(text).date)).to.deep.equal([undefined, undefined, '2025-09-03']);
    });
  });

  it('rejects options that are not whole numbers', () => {
    expect(() => documentMeta('Text.', {}, { datelineLines: -1 })).to.throw(RangeError, /datelineLines/);
  });
});
