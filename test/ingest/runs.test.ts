import { expect } from 'chai';
import { boundRuns, clean, longRunNote } from '../../src/ingest/index.js';

const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i % 97}`).join(' ');

describe('ingest/runs: bounded work per sentence', () => {
  it('leaves text of news-length sentences alone', () => {
    const text = 'The minister met the president. They spoke for an hour!\n\nNothing else happened.';
    expect(boundRuns(text)).to.deep.equal({ cuts: [], skipped: [] });
    expect(longRunNote(text)).to.equal(undefined);
  });

  it('cuts a run without a sentence end at spaces, into parts no longer than the bound', () => {
    const text = words(2000);
    const { cuts, skipped } = boundRuns(text, { maxSentence: 100, maxRun: 1_000_000 });
    expect(skipped).to.deep.equal([]);
    let from = 0;
    for (const cut of cuts) {
      expect(cut - from).to.be.at.most(100);
      expect(text[cut]).to.equal(' ');
      from = cut;
    }
    expect(text.length - from).to.be.at.most(100);
  });

  it('cuts an unbroken token where the bound falls', () => {
    expect(boundRuns('x'.repeat(250), { maxSentence: 100, maxRun: 1000 }).cuts).to.deep.equal([100, 200]);
  });

  it('skips what of a run lies past the run bound', () => {
    const text = `Short one. ${words(1000)}`;
    const { skipped } = boundRuns(text, { maxSentence: 100, maxRun: 500 });
    expect(skipped).to.deep.equal([{ start: 10 + 500, end: text.length }]);
  });

  it('keeps offsets into the original text true across the breaks it inserts', () => {
    const text = `“Start” ${words(3000)}. End.`;
    const { clean: cleaned, toOriginal } = clean(text, { runs: { maxSentence: 200, maxRun: 1_000_000 } });
    expect(cleaned.length).to.be.greaterThan(text.length);
    for (const match of cleaned.matchAll(/word\d+/g)) {
      const start = toOriginal(match.index);
      expect(text.slice(start, start + match[0].length)).to.equal(match[0]);
    }
    expect(cleaned).to.contain('\n\n');
  });

  it('says in one line what it split and skipped', () => {
    const note = longRunNote(words(60_000));
    expect(note?.skipped).to.equal(true);
    expect(note?.text).to.match(/^text without a sentence end split at \d+ places into parts of at most 1,000 characters; [\d,]+ characters of it past the first 250,000 of a run skipped$/);
  });
});
