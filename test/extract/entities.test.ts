import { expect } from 'chai';
import type { Document, Mention } from '../../src/types.js';
import { tokenize } from '../../src/extract/tokens.js';
import { findMentions, findNames, nameAt } from '../../src/extract/entities.js';

function doc(text: string): Document {
  return { id: 't', path: 't', text, clean: text, toOriginal: (i) => i };
}

function mentions(text: string): Mention[] {
  const d = doc(text);
  return findMentions(d, tokenize(d.clean));
}

const named = (ms: Mention[]): [string, string][] => ms.filter((m) => m.named).map((m) => [m.text, m.type]);

describe('extract/entities', () => {
  it('keeps a title out of the name and records it', () => {
    const ms = mentions('President Claudia Sheinbaum met reporters on Monday.');
    const m = ms.find((x) => x.text === 'Claudia Sheinbaum')!;
    expect(m.type).to.equal('person');
    expect(m.title).to.equal('President');
    expect(named(ms)).to.deep.equal([['Claudia Sheinbaum', 'person']]);
  });

  it('splits "Secretary of State" from the name compromise tags as a place', () => {
    const ms = mentions('U.S. Secretary of State Marco Rubio traveled to Mexico this week.');
    expect(named(ms)).to.deep.equal([['U.S.', 'place'], ['Marco Rubio', 'person'], ['Mexico', 'place']]);
    expect(ms.find((m) => m.text === 'Marco Rubio')!.title).to.equal('Secretary of State');
  });

  it('gives the owner of a title from a demonym', () => {
    const [s] = tokenize('Mexican President Claudia Sheinbaum spoke.');
    const [name] = findNames(s);
    expect(name.titleOf).to.include({ text: 'Mexico', type: 'place' });
    expect(name.title).to.equal('President');
  });

  it('reads a lower-case title after a possessive owner', () => {
    const ms = mentions("Mexico's Foreign Affairs secretary Ramón de la Fuente said so.");
    expect(named(ms)).to.deep.equal([['Mexico', 'place'], ['Ramón de la Fuente', 'person']]);
    const [s] = tokenize("Mexico's Foreign Affairs secretary Ramón de la Fuente said so.");
    const person = findNames(s).find((n) => n.type === 'person')!;
    expect(person.titleOf).to.include({ text: 'Mexico', type: 'place' });
  });

  it('finds a surname used alone as a person', () => {
    const ms = mentions('Minister Ana Torres arrived. Later, Torres said the talks went well.');
    expect(named(ms)).to.deep.equal([['Ana Torres', 'person'], ['Torres', 'person']]);
  });

  it('types organisations by their head word', () => {
    const ms = mentions('The deal was signed by the Ministry of Health and Acme Widgets Inc. in March.');
    expect(named(ms)).to.deep.include(['Ministry of Health', 'organization']);
    expect(ms.some((m) => m.text.startsWith('Acme Widgets') && m.type === 'organization')).to.equal(true);
  });

  it('finds an acronym after its expansion', () => {
    const ms = mentions('Officials discussed the North Atlantic Treaty Organization (NATO) on Friday.');
    expect(named(ms)).to.deep.include(['North Atlantic Treaty Organization', 'organization']);
    expect(named(ms)).to.deep.include(['NATO', 'organization']);
  });

  it('reads an ALL-CAPS dateline as a place and never a date', () => {
    const ms = mentions('MEXICO CITY, Sept. 3 — Officials met on Tuesday.');
    expect(named(ms)).to.deep.equal([['MEXICO CITY', 'place']]);
  });

  it('keeps headings and months out', () => {
    const ms = mentions('Key Topics of Discussion\nIn September the Council met in Paris.');
    expect(named(ms).map((x) => x[0])).to.deep.equal(['Council', 'Paris']);
  });

  it('drops the possessive ending from a name', () => {
    const ms = mentions('Rubio’s visit follows Trump\'s order.');
    expect(ms.filter((m) => m.named).map((m) => m.text)).to.deep.equal(['Rubio', 'Trump']);
  });

  it('marks pronouns and title descriptions as anaphors', () => {
    const ms = mentions('The Secretary said she would return.');
    const an = ms.filter((m) => m.anaphor).map((m) => [m.text, m.type]);
    expect(an).to.deep.equal([['The Secretary', 'person'], ['she', 'person']]);
  });

  it('splits hyphen-joined places', () => {
    const ms = mentions('Broader U.S.-Mexico relations matter.');
    expect(named(ms)).to.deep.equal([['U.S.', 'place'], ['Mexico', 'place']]);
  });

  it('finds the named mention inside a phrase', () => {
    const text = 'She met President Claudia Sheinbaum today.';
    const ms = mentions(text);
    const m = nameAt(ms, text.indexOf('President'), text.indexOf(' today'));
    expect(m?.text).to.equal('Claudia Sheinbaum');
  });
});

describe('extract/entities nameAt', () => {
  it('prefers a name over the place nested in it', () => {
    const text = 'She studied at the University of Texas last year.';
    const d: Document = { id: 't', path: 't', text, clean: text, toOriginal: (i) => i };
    const ms = findMentions(d, tokenize(text));
    expect(ms.filter((m) => m.named).map((m) => m.text)).to.deep.equal(['University of Texas', 'Texas']);
    expect(nameAt(ms, text.indexOf('the University'), text.indexOf(' last'))?.text).to.equal('University of Texas');
  });
});
