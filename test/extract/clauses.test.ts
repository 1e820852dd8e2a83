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

  it('gives an opening participial clause the main clause\'s subject: "Having finished …, the engineers …"', () => {
    const [opening] = clauses('Having finished the survey, the engineers closed the road.');
    expect(opening.subjects).to.deep.equal(['the engineers']);
    expect(opening.from).to.equal('inherited');
  });

  it('reads the subject after a subordinator compromise tags a preposition: "After the museum was founded …"', () => {
    const [founded] = clauses('After the museum was founded in 1921, the town grew quickly.');
    expect(founded.subjects).to.deep.equal(['the museum']);
  });

  it('finds the subject before an aside: "Reed Mills, for example, sells …"', () => {
    const [sells] = clauses('Reed Mills, for example, sells cheap wool blankets.');
    expect(sells.subjects).to.deep.equal(['Reed Mills']);
  });

  it('gives ", including X" the noun phrase before the comma as subject', () => {
    const found = clauses('The market sells many spices, including saffron and cumin.');
    expect(found[1].subjects).to.deep.equal(['many spices']);
  });
});
