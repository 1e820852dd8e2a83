import { expect } from 'chai';
import type { Document, Entity } from '../../src/types.js';
import { tokenize } from '../../src/extract/tokens.js';
import { findMentions } from '../../src/extract/entities.js';
import { resolveCorpus, resolveDocument } from '../../src/resolve/index.js';

function resolve(text: string, id: string): Entity[] {
  const doc: Document = { id, path: id, text, clean: text, toOriginal: (i) => i };
  return resolveDocument(doc, findMentions(doc, tokenize(doc.clean)));
}

describe('resolve/corpus', () => {
  const people = (es: Entity[]): string[] => es.filter((e) => e.type === 'person').map((e) => e.label).sort();
  it('merges one person named in two articles, with every alias', () => {
    const a = resolve('President Claudia Sheinbaum spoke in Mexico City.', 'a');
    const b = resolve('Sheinbaum answered questions. Claudia Sheinbaum then left Mexico.', 'b');
    const { entities, idOf } = resolveCorpus([a, b]);
    const people = entities.filter((e) => e.type === 'person');
    expect(people).to.have.length(1);
    expect(people[0].aliases).to.include.members(['Claudia Sheinbaum', 'Sheinbaum']);
    for (const e of [...a, ...b]) expect(idOf.has(e.id)).to.equal(true);
  });

  it('keeps two people who share a surname apart, and a bare surname with them', () => {
    const a = resolve('Senator John Carter spoke.', 'a');
    const b = resolve('Judge Mary Carter ruled.', 'b');
    const c = resolve('Carter disagreed.', 'c');
    const { entities } = resolveCorpus([a, b, c]);
    const carters = entities.filter((e) => e.label.endsWith('Carter'));
    expect(carters.map((e) => e.label).sort()).to.deep.equal(['Carter', 'John Carter', 'Mary Carter']);
  });

  it('joins no bare word to a person whose hyphenated surname ends in it ("Sun" is not "Hong Chŏng-sun")', () => {
    const a = resolve('His mother was Lady Hong Chŏng-sun, a former telephone operator. Hong Chŏng-sun died in 2010.', 'a');
    const b = resolve('The album See The Sun sold well. Sun reached number one.', 'b');
    const { entities } = resolveCorpus([a, b]);
    expect(entities.find((e) => e.aliases.includes('Hong Chŏng-sun'))!.aliases).to.not.include('Sun');
  });

  it('links no bare "Constitution" or "Crown" across articles: each article means its own', () => {
    const a = resolve('The court said the Constitution protects speech.', 'a');
    const b = resolve('Parliament amended the Constitution in 1982.', 'b');
    expect(resolveCorpus([a, b]).entities.filter((e) => e.label === 'Constitution')).to.have.length(2);
  });

  it('joins no two bodies through an acronym their different names share ("MTA")', () => {
    const a = resolve('The Metropolitan Transportation Authority (MTA) runs the subway. The MTA raised fares.', 'a');
    const b = resolve('The Maryland Transit Administration (MTA) runs buses in Baltimore. The MTA cut routes.', 'b');
    const c = resolve('The Metropolitan Transportation Authority said trains were late.', 'c');
    const { entities } = resolveCorpus([a, b, c]);
    const mta = entities.filter((e) => e.aliases.includes('MTA')).map((e) => e.label).sort();
    expect(mta).to.deep.equal(['Maryland Transit Administration', 'Metropolitan Transportation Authority']);
    expect(entities.find((e) => e.label === 'Metropolitan Transportation Authority')!.mentions.some((m) => m.doc === 'c')).to.equal(true);
  });

  it('keeps an acronym a gazetteer knows with its place, not with another name its letters spell', () => {
    const a = resolve('The USSR collapsed in 1991.', 'a');
    const b = resolve('The region joined the Ukrainian Soviet Socialist Republic in 1939.', 'b');
    const { entities } = resolveCorpus([a, b]);
    const ussr = entities.find((e) => e.aliases.includes('USSR'))!;
    expect(ussr.label).to.equal('Soviet Union');
    expect(ussr.aliases).to.not.include('Ukrainian Soviet Socialist Republic');
  });

  it('joins a bare surname to the one full name that has it', () => {
    const a = resolve('Senator John Carter spoke.', 'a');
    const c = resolve('Carter disagreed.', 'c');
    expect(resolveCorpus([a, c]).entities.filter((e) => e.type === 'person')).to.have.length(1);
  });

  it('in a larger corpus, wants the full name in two articles or an entity the articles share', () => {
    const unrelated = Array.from({ length: 10 }, (_, k) => resolve('Professor Ana Ruiz spoke in Madrid.', `u${k}`));
    const a = resolve('Coach Clay Miller praised the team in Leeds.', 'a');
    const b = resolve('Miller published a study of memory.', 'b');
    expect(people(resolveCorpus([...unrelated, a, b]).entities)).to.deep.equal(['Ana Ruiz', 'Clay Miller', 'Miller']);
    const c = resolve('Miller praised the fans in Leeds again.', 'c');
    expect(people(resolveCorpus([...unrelated, a, c]).entities)).to.deep.equal(['Ana Ruiz', 'Clay Miller']);
    const d = resolve('Clay Miller spoke.', 'd');
    expect(people(resolveCorpus([...unrelated, a, d, b]).entities)).to.deep.equal(['Ana Ruiz', 'Clay Miller']);
  });

  it('labels an organisation by its name, not by the generic head an article calls it by most', () => {
    const a = resolve('The United States Court of Appeals heard the case. The Court said the law was clear. The Court ruled on Friday. The Court also rejected a delay.', 'a');
    const courts = resolveCorpus([a]).entities.filter((e) => e.aliases.includes('Court'));
    expect(courts.map((e) => e.label)).to.deep.equal(['United States Court of Appeals']);
  });

  it('merges and separates by the alias file', () => {
    const a = resolve('The Pentagon spoke. Acme Widgets Inc. agreed.', 'a');
    const b = resolve('The Department of Defense spoke.', 'b');
    const merged = resolveCorpus([a, b], { aliases: { merge: [['Pentagon', 'Department of Defense']] } });
    const pentagon = merged.entities.find((e) => e.aliases.includes('Pentagon'))!;
    expect(pentagon.aliases).to.include('Department of Defense');

    const x = resolve('Senator John Carter spoke.', 'x');
    const y = resolve('John Carter ruled.', 'y');
    const apart = resolveCorpus([x, y], { aliases: { separate: [['John Carter', 'John Carter']] } });
    expect(apart.entities.filter((e) => e.label === 'John Carter')).to.have.length(1);
  });

  it('resolves concepts by key across documents', () => {
    const m = (doc: string) => ({ doc, start: 0, end: 6, text: 'vessel', type: 'other' as const, sentence: 0, named: false, key: 'vessel' });
    const a: Entity[] = [{ id: 'a#v', label: 'vessel', type: 'other', aliases: ['vessel'], mentions: [m('a')] }];
    const b: Entity[] = [{ id: 'b#v', label: 'vessel', type: 'other', aliases: ['vessel'], mentions: [m('b')] }];
    const { entities, idOf } = resolveCorpus([a, b]);
    expect(entities).to.have.length(1);
    expect(idOf.get('a#v')).to.equal(idOf.get('b#v'));
  });

  it('splits a document entity that joins names the alias file keeps apart', () => {
    const a = resolve('Jeb Bush spoke on Monday. Bush thanked the crowd.', 'a');
    const { entities } = resolveCorpus([a], { aliases: { separate: [['Jeb Bush', 'Bush']] } });
    expect(entities.filter((e) => /Bush/.test(e.label)).map((e) => e.label).sort()).to.deep.equal(['Bush', 'Jeb Bush']);
  });

  const holding = (es: Entity[], alias: string): Entity[] => es.filter((e) => e.mentions.some((m) => m.named && m.text === alias));

  it('never makes two different full names one person, though each article also says the bare surname', () => {
    const a = resolve('Ken Clarke spoke in Leeds. Clarke said taxes must fall.', 'a');
    const b = resolve('Charles Clarke answered in Hull. Clarke said schools need money.', 'b');
    const { entities } = resolveCorpus([a, b]);
    expect(people(entities)).to.deep.equal(['Charles Clarke', 'Ken Clarke']);
  });

  it('joins variants of one full name across articles (Vince / Vincent)', () => {
    const a = resolve('Vince Cable criticised the budget. Vince Cable said it was unfair.', 'a');
    const b = resolve('Vincent Cable spoke in Twickenham.', 'b');
    const { entities, review } = resolveCorpus([a, b]);
    expect(people(entities)).to.deep.equal(['Vince Cable']);
    expect(review.map((r) => r.reasons)).to.deep.equal([['full names']]);
    expect(review[0].names.map((n) => n.name).sort()).to.deep.equal(['Vince Cable', 'Vincent Cable']);
  });

  it('attaches a bare surname to the full name the corpus names far more often, by the honorific\'s gender', () => {
    const tony = ['a', 'b', 'c', 'd'].map((id) => resolve('Tony Blair visited Basra. Tony Blair met soldiers.', id));
    const cherie = resolve('Cherie Blair opened a school.', 'e');
    const bare = resolve('Blair defended the war.', 'f');
    const mrs = resolve('Mrs Blair thanked the teachers.', 'g');
    const { entities, review } = resolveCorpus([...tony, cherie, bare, mrs]);
    expect(people(entities)).to.deep.equal(['Cherie Blair', 'Tony Blair']);
    const t = entities.find((e) => e.label === 'Tony Blair')!;
    const c = entities.find((e) => e.label === 'Cherie Blair')!;
    expect(t.mentions.some((m) => m.doc === 'f')).to.equal(true);
    expect(c.mentions.some((m) => m.doc === 'g')).to.equal(true);
    expect(review.find((r) => r.entity === t.id)?.reasons).to.deep.equal(['partial names']);
  });

  it('leaves a bare surname alone when the corpus evidence is split', () => {
    const a = resolve('Ken Clarke spoke.', 'a');
    const b = resolve('Charles Clarke spoke.', 'b');
    const c = resolve('Clarke was asked again.', 'c');
    expect(people(resolveCorpus([a, b, c]).entities)).to.deep.equal(['Charles Clarke', 'Clarke', 'Ken Clarke']);
  });

  it('keeps two people of one surname in one article apart, "Mr" and "Mrs" each to their own', () => {
    const a = resolve('Tony Blair and Cherie Blair arrived in Rome. Mr Blair met the Pope. Mrs Blair visited a hospital.', 'a');
    const { entities } = resolveCorpus([a]);
    expect(people(entities)).to.deep.equal(['Cherie Blair', 'Tony Blair']);
    expect(entities.find((e) => e.label === 'Tony Blair')!.mentions.map((m) => m.text)).to.include('Blair');
    expect(entities.find((e) => e.label === 'Cherie Blair')!.mentions.map((m) => m.text)).to.include('Blair');
  });

  it('does not take a place for the place it lies in, in one article or across articles', () => {
    const a = resolve('Talks in Northern Ireland went on while Ireland voted.', 'a');
    const b = resolve('Ireland won the vote. Voters in South Wales and in Wales were asked.', 'b');
    const c = resolve('Fighting in northern Syria spread to Syria.', 'c');
    const { entities } = resolveCorpus([a, b, c]);
    const places = entities.filter((e) => e.type === 'place').map((e) => e.label).sort();
    expect(places).to.deep.equal(['Ireland', 'Northern Ireland', 'South Wales', 'Syria', 'Wales', 'northern Syria']);
    expect(holding(entities, 'Ireland')).to.have.length(1);
  });

  it('keeps a country apart from its team in a match report', () => {
    const a = resolve('England beat Sweden 2-1 in the final. England scored twice in the second half. The goalkeeper of Sweden was booked.', 'a');
    const b = resolve('The queen returned to England on Monday.', 'b');
    const { entities } = resolveCorpus([a, b]);
    expect(holding(entities, 'England').map((e) => e.type).sort()).to.deep.equal(['organization', 'place']);
  });

  it('links nothing across articles by a generic head written alone ("the Court")', () => {
    const a = resolve('The Supreme Court of Ohio heard the case. The Court ruled on Monday.', 'a');
    const b = resolve('The Court of Appeals in Paris met. The Court adjourned.', 'b');
    const { entities } = resolveCorpus([a, b]);
    expect(holding(entities, 'Court').length).to.be.greaterThan(1);
  });

  it('keeps a town said to lie in another state apart from its namesake named alone', () => {
    const a = resolve('The company moved from Cambridge, Massachusetts, to Boston.', 'a');
    const b = resolve('Students in Cambridge punted on the river Cam.', 'b');
    const c = resolve('MIT is in Cambridge, Massachusetts, near the river.', 'c');
    const towns = resolveCorpus([a, b, c]).entities.filter((e) => e.label === 'Cambridge');
    expect(towns.map((e) => e.mentions.length).sort()).to.deep.equal([1, 2]);
  });
});
