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
  it('keeps an opening "That night ," as every coordinated clause\'s time, out of the subject', () => {
    const found = clauses('That night, 200 volunteers of the Red Cross cleared the road and opened a shelter.');
    expect(found[0].subjects).to.deep.equal(['200 volunteers of the Red Cross']);
    expect(found[0].leading).to.deep.equal(['That night']);
    expect(found[1].leading).to.deep.equal(['That night']);
  });

  it('finds the name after a dated prepositional phrase: "In 1998 Anna Weber founded …"', () => {
    const [c] = clauses('In 1998 Anna Weber founded a bakery in Hamburg.');
    expect(c.subjects).to.deep.equal(['Anna Weber']);
    expect(c.leading).to.deep.equal(['In 1998']);
  });

  it('gives "who" after "X is a …" the copula\'s subject: "Berg is an architect who designs bridges"', () => {
    const found = clauses('Tomas Berg is a Swedish architect who designs bridges for the city of Oslo.');
    expect(found[1].subjects).to.deep.equal(['Tomas Berg']);
  });

  it('finds the subject before a prepositional or participial aside', () => {
    expect(clauses('The ferry, at a speed of twenty knots, crossed the bay.')[0].subjects).to.deep.equal(['The ferry']);
    const found = clauses('The second phase, costing 40 million euros, was finished in May.');
    expect(found.map((c) => c.subjects)).to.deep.equal([['The second phase'], ['The second phase']]);
  });

  it('keeps an approximate number whole and skips "now" before the verb', () => {
    expect(clauses('About 300 have signed the petition.')[0].subjects).to.deep.equal(['About 300']);
    expect(clauses('Kessler, chief of the harbour police, now had a free hand.')[0].subjects).to.deep.equal(['Kessler']);
  });
});
