import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { bulkMatch, compromiseBulkMatch } from '../../src/extract/sweep.js';

const world = (nlp as unknown as { world(): { methods: { one: { bulkMatch: unknown } } } }).world();

interface Term {
  text: string;
  tags: Set<string>;
  chunk?: string;
}

/** Every word of a parse with its tags and chunk, as compromise left them. */
function parsed(text: string, matcher: unknown): string[] {
  const saved = world.methods.one.bulkMatch;
  world.methods.one.bulkMatch = matcher;
  try {
    const doc = nlp(text) as unknown as { document: Term[][] };
    return doc.document.flat().map((t) => `${t.text} ${[...t.tags].join(',')} ${t.chunk ?? ''}`);
  } finally {
    world.methods.one.bulkMatch = saved;
  }
}

describe('extract/sweep', () => {
  it('is the matcher compromise runs once extraction is loaded', async () => {
    await import('../../src/extract/tokens.js');
    expect(world.methods.one.bulkMatch).to.equal(bulkMatch);
  });

  it("tags the sample articles word for word as compromise's own matcher does", () => {
    const dir = join(import.meta.dirname, '..', '..', 'seeds');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(parsed(text, bulkMatch), file).to.deep.equal(parsed(text, compromiseBulkMatch));
    }
  });

  it('tags contractions, slashes, hyphens, quotes, numbers and one-word sentences as compromise does', () => {
    const text = [
      "We've said we'd go, but they didn't; it's Smith's and/or Jones's call.",
      'The so-called "deal" was worth $3.5 million in 2019, up 12% from 1,200 units.',
      'Stop. Go! Really? Dr. J. R. R. Tolkien wasn\'t in New York City on Sept. 3rd.',
      'She is going to be running, having been told not to walk up and down the hill.',
      'The well-known, long-running U.N. talks -- in Geneva -- ended; Ms. Lee (D-Calif.) left.',
      'Is it? Yes it is. Could he have been so sure that the men who came were gone?',
    ].join(' ');
    expect(parsed(text, bulkMatch)).to.deep.equal(parsed(text, compromiseBulkMatch));
  });

  it('finds the same matches, in the same order, for a net of patterns a user sweeps', () => {
    const text = 'Marco Rubio met Claudia Sheinbaum in Mexico City on Thursday, and they said the talks went well. He was not going to sign it.';
    const net = (nlp as unknown as { buildNet(matches: { match: string }[]): object }).buildNet(['#Person+', '(met|said) #Noun?', 'not? going to #Verb', '#Place', '[#Determiner] talks', '^#ProperNoun+ #Verb', '. and they'].map((match) => ({ match })));
    const found = (matcher: unknown) => {
      const saved = world.methods.one.bulkMatch;
      world.methods.one.bulkMatch = matcher;
      try {
        return (nlp(text).match(net as never) as unknown as { out(format: 'array'): string[] }).out('array');
      } finally {
        world.methods.one.bulkMatch = saved;
      }
    };
    expect(found(bulkMatch)).to.deep.equal(found(compromiseBulkMatch)).and.to.include('not going to sign');
  });

  it('changes the tags when patterns are tried in another order (the order the test above holds it to)', () => {
    const reversed = (document: unknown, net: { hooks: Record<string, unknown[]>; always: unknown[] }, methods: unknown, opts: unknown) =>
      compromiseBulkMatch(document as never, { hooks: Object.fromEntries(Object.entries(net.hooks).reverse()), always: net.always } as never, methods as never, opts as never);
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'seeds', readdirSync(join(import.meta.dirname, '..', '..', 'seeds'))[0]), 'utf8');
    expect(parsed(text, reversed)).to.not.deep.equal(parsed(text, compromiseBulkMatch));
  });
});
