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

  it('joins a bare surname to the one full name that has it', () => {
    const a = resolve('Senator John Carter spoke.', 'a');
    const c = resolve('Carter disagreed.', 'c');
    const { entities } = resolveCorpus([a, c]);
    expect(entities.filter((e) => e.type === 'person')).to.have.length(1);
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
});
