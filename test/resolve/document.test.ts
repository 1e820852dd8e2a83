import { expect } from 'chai';
import type { Document, Entity } from '../../src/types.js';
import { tokenize } from '../../src/extract/tokens.js';
import { findMentions } from '../../src/extract/entities.js';
import { resolveDocument } from '../../src/resolve/index.js';

function resolve(text: string, id = 'd'): Entity[] {
  const doc: Document = { id, path: id, text, clean: text, toOriginal: (i) => i };
  return resolveDocument(doc, findMentions(doc, tokenize(doc.clean)));
}

const find = (es: Entity[], label: string): Entity | undefined => es.find((e) => e.label === label);

describe('resolve/document', () => {
  it('joins full name, title + surname, possessive and lower-case forms', () => {
    const es = resolve('Senator Marta Quiroga spoke first. Senator Quiroga’s plan won praise, and quiroga trended.');
    const e = find(es, 'Marta Quiroga')!;
    expect(e.type).to.equal('person');
    expect(e.aliases).to.include.members(['Marta Quiroga', 'Quiroga', 'quiroga']);
    expect(es.filter((x) => x.type === 'person')).to.have.length(1);
  });

  it('joins an acronym to its expansion', () => {
    const es = resolve('The United States-Mexico-Canada Agreement (USMCA) was reviewed. The USMCA stays.');
    const e = es.find((x) => x.aliases.includes('USMCA'))!;
    expect(e.label).to.equal('United States-Mexico-Canada Agreement');
    expect(e.mentions.filter((m) => m.named)).to.have.length(3);
  });

  it('joins a bare country name to the one compass-qualified name the text gives', () => {
    const es = resolve('Troops from South Korea arrived. Korea sent more ships later.');
    const e = find(es, 'South Korea')!;
    expect(e.mentions.filter((m) => m.named).map((m) => m.text)).to.deep.equal(['South Korea', 'Korea']);
    const both = resolve('North Korea fired at South Korea. Korea is divided.');
    expect(find(both, 'South Korea')!.mentions.map((m) => m.text)).to.not.include('Korea');
  });

  it('joins a given name to the person the text names far more often than any other bearer', () => {
    const text = 'Student Farid Haddad built a clock. Haddad was arrested. Haddad was released. Haddad moved. Haddad spoke. ' +
      'His cousin Farid Nasser came too. Teachers praised Farid.';
    const es = resolve(text);
    expect(find(es, 'Farid Haddad')!.mentions.map((m) => m.text)).to.include('Farid');
    const even = resolve('Farid Haddad met Farid Nasser. Haddad and Nasser talked. Teachers praised Farid.');
    expect(find(even, 'Farid Haddad')!.mentions.map((m) => m.text)).to.not.include('Farid');
  });

  it('makes U.S., US and the United States one place', () => {
    const es = resolve('The U.S. said so. The United States agreed. US officials left.');
    const places = es.filter((x) => x.type === 'place');
    expect(places).to.have.length(1);
    expect(places[0].label).to.equal('United States');
  });

  it('attaches a pronoun to the one person it can mean', () => {
    const es = resolve('Claudia Sheinbaum met Marco Rubio. She said the talks were useful.');
    expect(find(es, 'Claudia Sheinbaum')!.mentions.map((m) => m.text)).to.include('She');
    expect(find(es, 'Marco Rubio')!.mentions.map((m) => m.text)).to.not.include('She');
  });

  it('leaves a pronoun unattached when two people fit', () => {
    const es = resolve('Marco Rubio met Daniel Noboa. He said the talks were useful.');
    for (const e of es) expect(e.mentions.map((m) => m.text)).to.not.include('He');
  });

  it('attaches "the Secretary" to the person with that title', () => {
    const es = resolve('Secretary of State Marco Rubio met Claudia Sheinbaum. The Secretary later left.');
    expect(find(es, 'Marco Rubio')!.mentions.map((m) => m.text)).to.include('The Secretary');
  });

  it('joins a given name used alone to the one person who bears it', () => {
    const es = resolve('Farid Haddad built the clock at home. Farid said he liked electronics.');
    expect(find(es, 'Farid Haddad')!.mentions.map((m) => m.text)).to.include('Farid');
  });

  it('joins a body\'s bare name to "the Church of" it', () => {
    const es = resolve('The Church of Eckankar opened a temple. Critics of Eckankar protested.');
    expect(find(es, 'Church of Eckankar')!.mentions.map((m) => m.text)).to.include('Eckankar');
  });

  it('labels a person without the role the span takes in', () => {
    const es = resolve('The film starred actor Tom Hanks. Hanks was praised.');
    const e = find(es, 'Tom Hanks')!;
    expect(e.mentions.map((m) => m.text)).to.deep.equal(['actor Tom Hanks', 'Hanks']);
    expect(e.aliases).to.deep.equal(['Tom Hanks', 'Hanks']);
  });

  it('reads "America" as the United States', () => {
    const es = resolve('Officials in the United States disagreed. America will decide.');
    expect(find(es, 'United States')!.mentions).to.have.length(2);
  });

  it('joins a body\'s head word alone to the one body of the text that has it ("the Church")', () => {
    const es = resolve('The Church of Scientology denied the claims. The Church said the report was false.');
    expect(find(es, 'Church of Scientology')!.mentions.filter((m) => m.named)).to.have.length(2);
    const two = resolve('The Supreme Court of Ohio and the Court of Appeals disagreed. The Court ruled.');
    expect(two.filter((e) => e.mentions.some((m) => m.named && m.text === 'Court'))[0].label).to.equal('Court');
  });

  it('reads "the State of Texas" as Texas', () => {
    const es = resolve('The State of Texas sued. Texas lost the case.');
    expect(es.filter((e) => e.type === 'place').map((e) => e.label)).to.deep.equal(['Texas']);
  });

  it('reads "Mr" + a surname named like a town as the person the article named in full', () => {
    const es = resolve('Deputy Prime Minister John Prescott flew to Belfast. Mr Prescott met party leaders there.');
    expect(find(es, 'John Prescott')!.mentions.map((m) => m.text)).to.deep.equal(['John Prescott', 'Prescott']);
  });

  it('reads a bare surname as the person the text names most, and on a tie the one it names first', () => {
    const es = resolve('Pierre Dumont, an engineer, was born in Lyon. His mother was Marie Dumont, a seamstress. Dumont later moved to Paris.');
    expect(find(es, 'Pierre Dumont')!.mentions.filter((m) => m.named).map((m) => m.text)).to.deep.equal(['Pierre Dumont', 'Dumont']);
    expect(find(es, 'Marie Dumont')!.mentions.filter((m) => m.named).map((m) => m.text)).to.deep.equal(['Marie Dumont']);
  });

  it('reads a name before a comma and a state as a place in that state, not a person of that surname', () => {
    const es = resolve('General Thomas Easton inspected the fort. He later retired to Easton, Pennsylvania, where he died.');
    expect(find(es, 'Thomas Easton')!.mentions.filter((m) => m.named).map((m) => m.text)).to.deep.equal(['Thomas Easton']);
    expect(es.find((e) => e.type === 'place' && e.label === 'Easton')).to.not.equal(undefined);
  });

  it('notes the state a town is said to lie in when the gazetteer\'s namesake lies elsewhere', () => {
    expect(find(resolve('She studied in Cambridge, Massachusetts, for a year.'), 'Cambridge')!.within).to.equal('massachusetts');
    expect(find(resolve('She grew up in Boston, Massachusetts, and in Maine.'), 'Boston')!.within).to.equal(undefined);
  });

  it('does not read an acronym typed a body as a place with those initials ("CBS", "Cleveland Browns Stadium")', () => {
    const es = resolve('Fans filled the Cleveland Browns Stadium on Sunday. The network CBS said it would broadcast the match.');
    expect(find(es, 'Cleveland Browns Stadium')!.aliases).to.not.include('CBS');
  });

  it('joins a bare name only to a body named "<body> of" it, not to a role "of" it ("Co-founder of Google")', () => {
    const es = resolve('Sergey Brin, Co-founder of Google, spoke on Monday. Google shares rose.');
    expect(es.find((e) => e.aliases.includes('Google') && e.aliases.includes('Co-founder of Google'))).to.equal(undefined);
  });

  it('reads "Washington, D.C." as the city, not the person named Washington before it', () => {
    const es = resolve('General George Washington led the army. The capital, Washington, D.C., was later named after him.');
    expect(find(es, 'George Washington')!.mentions.filter((m) => m.named).map((m) => m.text)).to.deep.equal(['George Washington']);
    expect(es.find((e) => e.aliases.includes('Washington, D.C.'))!.type).to.equal('place');
  });
});
