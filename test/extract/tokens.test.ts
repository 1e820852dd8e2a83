import { expect } from 'chai';
import { detokenise, looksTokenised } from '../../src/extract/ptb.js';
import { isPastParticiple, tokenize } from '../../src/extract/tokens.js';

describe('extract/tokens', () => {
  it('reads PTB-tokenised text as prose and maps every character back to the input', () => {
    const line = "The port 's new owner -LRB- a state - run firm -RRB- said `` yes '' .";
    expect(looksTokenised(line)).to.equal(true);
    const d = detokenise(line);
    expect(d.text).to.equal('The port\'s new owner (a state-run firm) said "yes".');
    expect(line.slice(d.start[d.text.indexOf('(')], d.end[d.text.indexOf('(')])).to.equal('-LRB-');
  });

  it('leaves prose alone', () => {
    expect(looksTokenised('The port\'s new owner said yes.')).to.equal(false);
  });

  it('gives PTB tokens offsets into the input line', () => {
    const line = "The port 's owner wo n't sell .";
    const [s] = tokenize(line);
    for (const t of s.tokens) expect(line.slice(t.start, t.end).replace(/ /g, '')).to.equal(line.slice(t.start, t.end).replace(/ /g, ''));
    const port = s.tokens.find((t) => t.normal.startsWith('port'))!;
    expect(line.slice(port.start, port.end)).to.equal("port 's");
  });

  it('reads "drug boat" before a comma as a noun, not a verb', () => {
    const [s] = tokenize('A patrol sank a small smuggling boat, officials said.');
    expect(s.tokens.find((t) => t.normal === 'boat')!.tags.has('Noun')).to.equal(true);
  });

  it('reads a plural before "the" as a verb: "Acme, for example, sells the …"', () => {
    const [s] = tokenize('Our rival, for example, peddles the same bikes.');
    expect(s.tokens.find((t) => t.normal === 'peddles')!.tags.has('Verb')).to.equal(true);
  });

  it('reads a participle between a verb and its object noun as an adjective: "made veiled threats"', () => {
    const [s] = tokenize('The rebels made veiled threats against the town.');
    expect(s.tokens.find((t) => t.normal === 'veiled')!.tags.has('Adjective')).to.equal(true);
  });

  it('reads "that" before a plural as a complementizer, not a determiner', () => {
    const [s] = tokenize('The clerk said that all forms were lost.');
    expect(s.tokens.find((t) => t.normal === 'that')!.tags.has('Determiner')).to.equal(false);
  });

  it('gives lemmas as compromise\'s root compute does', () => {
    const [s] = tokenize('The geese were flying over the children.');
    expect(s.tokens.map((t) => t.lemma)).to.deep.equal(['the', 'goose', 'is', 'fly', 'over', 'the', 'child']);
  });

  it('reads an -s word closing a verb\'s prepositional object as a plural noun: "a shelter for runaway trains in …"', () => {
    const [s] = tokenize('The depot became a shelter for runaway trains in the winter.');
    expect(s.tokens.find((t) => t.normal === 'trains')!.tags.has('Noun')).to.equal(true);
    const [t] = tokenize('Interest in the market for used bikes is growing.');
    expect(t.tokens.find((w) => w.normal === 'bikes')!.tags.has('Noun')).to.equal(true);
  });

  it('tells a past participle from a simple past: "renamed", "taken", not "took", "became"', () => {
    const [s] = tokenize('They renamed it, took it and became owners after it was taken.');
    const participle = (w: string) => isPastParticiple(s.tokens.find((t) => t.normal === w)!);
    expect([participle('renamed'), participle('taken'), participle('took'), participle('became')]).to.deep.equal([true, true, false, false]);
  });
  it('reads a bare word between "were" and "by" as a participle, and "surrounding" before a plural as its modifier', () => {
    const [s] = tokenize('The port and surrounding towns were hit by a heavy storm.');
    expect(s.tokens.find((t) => t.normal === 'hit')!.tags.has('Verb')).to.equal(true);
    expect(s.tokens.find((t) => t.normal === 'surrounding')!.tags.has('Adjective')).to.equal(true);
  });
});
