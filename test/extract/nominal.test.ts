import { expect } from 'chai';
import { documentFromText } from '../../src/ingest/index.js';
import { extract } from '../../src/extract/index.js';

/** Relations read from noun phrases, each shown on a sentence of its own. */
function relations(text: string): string[] {
  return extract(documentFromText('t.txt', text)).triples.map((t) => `${t.subject.head?.text ?? '∅'} | ${t.relation} | ${t.object.head?.text ?? '∅'}`);
}

describe('extract/nominal', () => {
  it('reads a title with a demonym as the title of the country: "French President Emmanuel Macron"', () => {
    expect(relations('French President Emmanuel Macron arrived in Berlin.')).to.include('Emmanuel Macron | president of | French');
  });

  it('reads a title after a place name: "U.K. Foreign Secretary David Lammy"', () => {
    const found = relations('The U.K. Foreign Secretary David Lammy spoke on Monday.');
    expect(found.some((r) => /^David Lammy \| .*secretary of \| U\.K\.$/i.test(r)), found.join('; ')).to.equal(true);
  });

  it('reads a possessive event: "Macron\'s visit to Algeria"', () => {
    expect(relations("Protests followed President Macron's visit to Algeria.")).to.include('Macron | visit | Algeria');
  });

  it('reads an event modified by its agent: "a Russian strike on a power plant"', () => {
    expect(relations('Officials condemned a Russian strike on a power plant.')).to.include('Russian | strike | plant');
  });

  it('gives an event noun the subject of its clause: "traveled to Kyiv for talks with Zelensky"', () => {
    expect(relations('Chancellor Olaf Scholz traveled to Kyiv for talks with President Volodymyr Zelensky.')).to.include('Olaf Scholz | talk with | Volodymyr Zelensky');
  });

  it('does not invent an agent when none is named: "the talks with the union"', () => {
    expect(relations('The talks with the union collapsed.').filter((r) => r.includes('talk with'))).to.deep.equal([]);
  });
});

describe('extract/nominal relation vocabulary', () => {
  it('merges "meetings with" into meet, as the verb "met with" is', () => {
    const found = relations('Chancellor Olaf Scholz held meetings with President Volodymyr Zelensky.');
    expect(found).to.include('Olaf Scholz | meet | Volodymyr Zelensky');
  });
});
