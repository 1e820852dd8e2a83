import { expect } from 'chai';
import { findClauses, type Phrase } from '../../src/extract/clauses.js';
import { tokenize } from '../../src/extract/tokens.js';

function clauses(text: string) {
  const [s] = tokenize(text);
  const w = (p: Phrase) => s.tokens.slice(p.first, p.last + 1).map((t) => t.text).join(' ');
  return findClauses(s).map((c) => ({ verb: w(c.verb), subjects: c.subjects.map(w), from: c.subjectFrom, objects: c.objects.map(w), leading: c.leading.map(w), reports: c.reports }));
}

describe('extract/clauses', () => {
  it('keeps a subject\'s prepositional phrases and cuts a leading time phrase', () => {
    const [c] = clauses('Two weeks later the old bridge over the river was closed.');
    expect(c.subjects).to.deep.equal(['the old bridge over the river']);
    expect(c.leading).to.deep.equal(['Two weeks later']);
  });

  it('finds the subject before an apposition', () => {
    const [c] = clauses('Lena Park, a retired judge, wrote the report.');
    expect(c.subjects).to.deep.equal(['Lena Park']);
  });

  it('ends the object of the first clause where the second clause\'s subject starts', () => {
    const found = clauses('She sold the farm in 1990 and her brother bought a shop.');
    expect(found[1].subjects).to.deep.equal(['her brother']);
  });

  it('opens an object clause at "how"', () => {
    const found = clauses('The study showed how the virus reached the city.');
    expect(found[0].reports).to.equal(true);
    expect(found[1].subjects).to.deep.equal(['the virus']);
  });
});
