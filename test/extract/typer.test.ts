import { expect } from 'chai';
import type { Document, Mention } from '../../src/types.js';
import { tokenize } from '../../src/extract/tokens.js';
import { findMentions } from '../../src/extract/entities.js';
import { documentFromText } from '../../src/ingest/index.js';
import { DEFAULT_TYPER_OPTIONS, asTyperModel, classify, decideType, type TyperOptions } from '../../src/extract/typer.js';

function doc(text: string): Document {
  return { id: 't', path: 't', text, clean: text, toOriginal: (i) => i };
}

function named(text: string, typer: Partial<TyperOptions> = {}): [string, string][] {
  const d = doc(text);
  return findMentions(d, tokenize(d.clean), typer).filter((m: Mention) => m.named).map((m) => [m.text, m.type]);
}

const RULES_ONLY = { model: null };

describe('extract/typer', () => {
  it('types an unknown surname with a possessive argument and critics as a person', () => {
    const text = "The reviewers praised Trelawney's argument, and Trelawney's critics agreed with the reviewers.";
    expect(named(text, RULES_ONLY)).to.deep.equal([['Trelawney', 'other'], ['Trelawney', 'other']]);
    expect(named(text)).to.deep.equal([['Trelawney', 'person'], ['Trelawney', 'person']]);
  });

  it('types an unknown "-Gate" company that people join and that employs engineers as an organization', () => {
    const text = 'She joined DataGate in 2015. DataGate employs 300 engineers and its board approved the merger.';
    expect(named(text, RULES_ONLY)).to.deep.equal([['DataGate', 'other']]);
    expect(named(text)).to.deep.equal([['DataGate', 'organization']]);
  });

  it('keeps a town after "in" a place and a company with "Inc" an organization', () => {
    expect(named('She grew up in Tarnowice, a small town near the border. Tarnowice has a market square and two churches.')).to.deep.equal([
      ['Tarnowice', 'place'], ['Tarnowice', 'place'],
    ]);
    expect(named('The contract went to Brovik Inc, which builds bridges. Brovik Inc said the work would start in May.')).to.deep.equal([
      ['Brovik Inc', 'organization'], ['Brovik Inc', 'organization'],
    ]);
  });

  it('leaves capitalised works and products other', () => {
    expect(named('He published Silent Harbours in 1998, and Silent Harbours sold well.')).to.deep.equal([
      ['Silent Harbours', 'other'], ['Silent Harbours', 'other'],
    ]);
    expect(named('The team tested the app on Android and iOS phones. The Spectra Plus camera was used for all photographs.')).to.deep.equal([
      ['Android', 'other'], ['Spectra Plus', 'other'],
    ]);
  });

  it('overrules the rules only past its thresholds, and never trades one entity type for another', () => {
    const t = { up: 0.7, down: 0.9 };
    const all = new Set(['person', 'organization', 'place'] as const);
    // person, organization, place, other
    expect(decideType('other', [0.5, 0.1, 0.1, 0.3], t, all)).to.equal('person');
    expect(decideType('other', [0.3, 0.1, 0.1, 0.5], t, all)).to.equal('other');
    expect(decideType('other', [0.5, 0.1, 0.1, 0.3], t, new Set(['place'] as const))).to.equal('other');
    expect(decideType('place', [0.05, 0.0, 0.05, 0.9], t, new Set(['other'] as const))).to.equal('other');
    expect(decideType('place', [0.05, 0.0, 0.05, 0.9], t, new Set())).to.equal('place');
    expect(decideType('place', [0.1, 0.1, 0.0, 0.8], t, new Set(['other'] as const))).to.equal('place');
    const text = "The reviewers praised Trelawney's argument.";
    expect(named(text, { thresholds: { up: 1.01, down: 1.01 } })).to.deep.equal(named(text, RULES_ONLY));
  });

  describe('guards: a model sure of everything still leaves the rules their say', () => {
    // Says "place" of every name, as sure as can be, and unmakes every guess.
    const eager = { model: asTyperModel({ header: {}, weights: { bias: [0, 0, 9, 0] }, thresholds: { up: 0.5, down: 0.5 } }) };
    const sure = { model: asTyperModel({ header: {}, weights: { bias: [0, 0, 0, 9] }, thresholds: { up: 0.5, down: 0.5 } }) };

    it('types up a name the rules left other', () => {
      const text = "The reviewers praised Trelawney's argument.";
      expect(named(text, RULES_ONLY)).to.deep.equal([['Trelawney', 'other']]);
      expect(named(text, eager)).to.deep.equal([['Trelawney', 'place']]);
    });

    it('never unmakes or re-types a name the rules are sure of', () => {
      const text = 'Officials in Canberra criticised U.S. tariffs on Australian beef.';
      const rules = findMentions(doc(text), tokenize(text), RULES_ONLY).filter((m) => m.named && (m.evidence?.certainty ?? 0) >= 2);
      expect(rules.map((m) => m.text)).to.include.members(['Canberra', 'U.S.']);
      for (const typer of [eager, sure]) {
        const after = findMentions(doc(text), tokenize(text), typer).filter((m) => m.named && (m.evidence?.certainty ?? 0) >= 2);
        expect(after.map((m) => [m.text, m.type])).to.deep.equal(rules.map((m) => [m.text, m.type]));
      }
    });

    it('types up no name in a heading', () => {
      const text = 'Tolliver Greets Harbour Chief Amid Storm\n\nThe storm closed the port on Monday.';
      const ms = findMentions(documentFromText('t.txt', text), tokenize(documentFromText('t.txt', text).clean), eager);
      expect(ms.filter((m) => m.named && m.sentence === 0 && m.type !== 'other')).to.deep.equal([]);
    });

    it('gives a bare name no type that disagrees with the longer name it is part of', () => {
      const text = 'Critics of Wendrith say the Church of Wendrith hides its accounts.';
      const ms = findMentions(doc(text), tokenize(text), eager).filter((m) => m.named);
      const bare = ms.find((m) => m.text === 'Wendrith');
      expect(bare?.type).to.not.equal('place');
    });
  });

  it('scores with the summed weights of the features it knows', () => {
    const model = asTyperModel({ header: {}, weights: { bias: [0, 0, 0, 1], 'w=x': [2, 0, 0, 0] }, thresholds: { up: 0.5, down: 0.5 } });
    const p = classify(model, ['bias', 'w=x', 'unseen']);
    expect(p.reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-9);
    expect(p[0]).to.be.greaterThan(p[3]);
    expect(() => asTyperModel({ weights: {} })).to.throw(TypeError);
  });

  it('ships a model that records its training data and licence', () => {
    const header = DEFAULT_TYPER_OPTIONS.model!.header as { training: { data: string }; licence: string };
    expect(header.training.data).to.match(/train split/);
    expect(header.licence).to.match(/CC BY 4\.0/);
  });
});
