import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { clean, FURNITURE } from '../../src/ingest/clean.js';
import type { Cleaned } from '../../src/ingest/clean.js';

const SEEDS = join(import.meta.dirname, '../../seeds');
const seeds = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(SEEDS, name), 'utf8') }));

/** The quote and space repairs, written out independently of the code under test. */
function straighten(text: string): string {
  return text
    .replace(/[‘’‚‛′‹›´ʼ]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u2028\u2029\u0085]/g, '\n');
}

/**
 * Every clean character is either an original character (kept or straightened), a blank over one,
 * or an insertion that consumes no original character; the map is monotonic and covers the text.
 */
function expectMapsBack(text: string, { clean: cleaned, toOriginal }: Cleaned): void {
  expect(toOriginal(0)).to.equal(0);
  expect(toOriginal(cleaned.length)).to.equal(text.length);
  for (let i = 0; i < cleaned.length; i++) {
    const from = toOriginal(i);
    const to = toOriginal(i + 1);
    if (to === from) {
      expect(cleaned[i], `inserted character at ${i}`).to.be.oneOf([' ', '.']);
    } else {
      expect(to - from, `one original character for clean offset ${i}`).to.equal(1);
      expect(cleaned[i], `clean offset ${i}`).to.be.oneOf([text[from], straighten(text[from]), ' ']);
    }
  }
}

/** clean(text).clean, after checking that every offset maps back. */
function cleaned(text: string): string {
  const result = clean(text);
  expectMapsBack(text, result);
  return result.clean;
}

/** A small deterministic PRNG (mulberry32), so random spans are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

describe('clean', () => {
  describe('offsets', () => {
    for (const { name, text } of seeds) {
      it(`maps every word of ${name} back to the same word`, () => {
        const { clean: cleanText, toOriginal } = clean(text);
        const words = [...cleanText.matchAll(WORD)];
        expect(words.length).to.be.greaterThan(100);
        for (const word of words) {
          const original = text.slice(toOriginal(word.index), toOriginal(word.index + word[0].length));
          expect(straighten(original)).to.equal(word[0]);
        }
      });

      it(`maps random spans of words of ${name} back to the same text`, () => {
        const { clean: cleanText, toOriginal } = clean(text);
        const next = random(name.length * 7919);
        const lines = cleanText.split('\n').map((line, i, all) => ({
          words: [...line.matchAll(WORD)],
          offset: all.slice(0, i).reduce((sum, l) => sum + l.length + 1, 0),
        })).filter(({ words }) => words.length > 0);
        for (let n = 0; n < 200; n++) {
          const { words, offset } = lines[Math.floor(next() * lines.length)];
          const first = Math.floor(next() * words.length);
          const last = first + Math.floor(next() * (words.length - first));
          const start = offset + words[first].index;
          const end = offset + words[last].index + words[last][0].length;
          const original = straighten(text.slice(toOriginal(start), toOriginal(end)));
          const span = cleanText.slice(start, end);
          expect(original.replace(/[\s.]/g, ''), `span ${start}..${end}`).to.equal(span.replace(/[\s.]/g, ''));
          expect(original.match(WORD)).to.deep.equal(span.match(WORD));
        }
      });

      it(`accounts for every character of ${name}`, () => {
        expectMapsBack(text, clean(text));
      });
    }

    it('maps a span that ends at an inserted space to the original without it', () => {
      const text = 'The meeting,held today.';
      const { clean: cleanText, toOriginal } = clean(text);
      expect(cleanText).to.equal('The meeting, held today.');
      const comma = cleanText.indexOf(',');
      expect(text.slice(toOriginal(4), toOriginal(comma + 1))).to.equal('meeting,');
      expect(toOriginal(comma + 1)).to.equal(text.indexOf('held'));
      const held = cleanText.indexOf('held');
      expect(text.slice(toOriginal(held), toOriginal(held + 4))).to.equal('held');
    });

    it('maps the full stop added to a headline to the end of its line', () => {
      const text = 'Looking Ahead\nRubio left.';
      const { clean: cleanText, toOriginal } = clean(text);
      expect(cleanText).to.equal('Looking Ahead.\nRubio left.');
      expect(toOriginal(13)).to.equal(13);
      expect(text.slice(toOriginal(0), toOriginal(14))).to.equal('Looking Ahead');
      expect(text.slice(toOriginal(15), toOriginal(cleanText.length))).to.equal('Rubio left.');
    });

    it('rejects offsets outside the clean text', () => {
      const { clean: cleanText, toOriginal } = clean('Short text.');
      expect(() => toOriginal(-1)).to.throw(RangeError);
      expect(() => toOriginal(cleanText.length + 1)).to.throw(RangeError);
      expect(() => toOriginal(1.5)).to.throw(RangeError);
    });

    it('cleans the empty text to the empty text', () => {
      const { clean: cleanText, toOriginal } = clean('');
      expect(cleanText).to.equal('');
      expect(toOriginal(0)).to.equal(0);
    });
  });

  describe('quotes and spaces', () => {
    it('straightens curly quotes, apostrophes, primes and guillemets', () => {
      expect(cleaned('“It’s ‘basic’,” said de la Fuente; „ja“, «oui» and a 5′ 6″ man.')).to.equal(
        `"It's 'basic'," said de la Fuente; "ja", "oui" and a 5' 6" man.`,
      );
    });

    it('turns non-breaking and other odd spaces into plain spaces, keeping dashes and tabs', () => {
      expect(cleaned('Marco\u00A0Rubio met\u2009Sheinbaum\u202Fin Mexico City — and left –\tagain.')).to.equal(
        'Marco Rubio met Sheinbaum in Mexico City — and left –\tagain.',
      );
    });

    it('neither lowercases nor collapses white space', () => {
      expect(cleaned('MEXICO CITY:  Rubio   ARRIVED.')).to.equal('MEXICO CITY:  Rubio   ARRIVED.');
    });
  });

  describe('missing spaces', () => {
    it('restores the space after a comma between words', () => {
      expect(cleaned('The meeting,held in Mexico City,was attended by Rubio.')).to.equal(
        'The meeting, held in Mexico City, was attended by Rubio.',
      );
      expect(cleaned('It is basic to show to U.S. society,Mexican society,that yes,it works.')).to.equal(
        'It is basic to show to U.S. society, Mexican society, that yes, it works.',
      );
    });

    it('restores the space after a full stop before a capitalised or a lowercase word', () => {
      expect(cleaned('They fight drug cartels.The deployment of warships followed.')).to.equal(
        'They fight drug cartels. The deployment of warships followed.',
      );
      expect(cleaned('He toured Latin America.the challenges remain.')).to.equal(
        'He toured Latin America. the challenges remain.',
      );
      expect(cleaned('She said "no".The talks ended.')).to.equal('She said "no". The talks ended.');
      expect(cleaned('Rubio met the cartels.the talks ended.')).to.equal('Rubio met the cartels. the talks ended.');
    });

    it('restores the space after a semicolon and a colon', () => {
      expect(cleaned('Rubio came;Sheinbaum listened.')).to.equal('Rubio came; Sheinbaum listened.');
      expect(cleaned('The agenda:security and trade.')).to.equal('The agenda: security and trade.');
    });

    it('leaves numbers alone', () => {
      const text = 'About 1,000 troops, a 3.5 percent rise, at 10:30 on 2025.09.03.';
      expect(cleaned(text)).to.equal(text);
    });

    it('leaves abbreviations and acronyms alone', () => {
      const text = 'The U.S. and U.S.-Mexico talks, e.g. on tariffs, on Sept. 3 with Ph.D. students and i.e. others at ASP.NET.';
      expect(cleaned(text)).to.equal(text);
    });

    it('leaves URLs, e-mail addresses and domain names alone', () => {
      const text =
        'See https://example.com/a,b.html?q=1;x=2 or www.gob.mx/sre,news, write to press.office@state.gov, ' +
        'visit example.com, gob.mx or Amazon.com and read report.pdf about Node.js.';
      expect(cleaned(text)).to.equal(text);
    });

    it('leaves HTML entities alone', () => {
      const text = 'AT&amp;T and Johnson&amp;Johnson reported.';
      expect(cleaned(text)).to.equal(text);
    });
  });

  describe('site furniture', () => {
    for (const line of FURNITURE) {
      it(`blanks the line "${line}", keeping its newline`, () => {
        const text = `Rubio left.\n${line}\nSheinbaum stayed.`;
        expect(cleaned(text)).to.equal(`Rubio left.\n${' '.repeat(line.length)}\nSheinbaum stayed.`);
      });
    }

    it('matches case-insensitively on the trimmed line, with a trailing colon or ellipsis', () => {
      expect(cleaned('Rubio left.\n  SHARE THIS:  \nRead More...\nYou  may also LIKE\n')).to.equal(
        `Rubio left.\n${' '.repeat(15)}\n${' '.repeat(12)}\n${' '.repeat(18)}\n`,
      );
    });

    it('matches the whole line only', () => {
      const text = 'Both nations share a border.\nRelated talks will follow.\nShare prices fell.\n';
      expect(cleaned(text)).to.equal(text);
    });

    it('blanks lines of punctuation, brackets and bars only', () => {
      expect(cleaned('Rubio left.\nCollection\n[\n|\n...\n]')).to.equal(
        'Rubio left.\n          \n \n \n   \n ',
      );
    });

    it('keeps bylines, which are real text', () => {
      expect(cleaned('by Ethan Brooks\n\nRubio left.')).to.equal('by Ethan Brooks.\n\nRubio left.');
    });

    it('blanks front matter, fences and all, so its names are never extracted, and offsets stay true', () => {
      const text = '---\ntitle: Rubio meets Sheinbaum\ndate: 2025-09-03\n---\nRubio left.';
      const { clean: cleanText, toOriginal } = clean(text);
      expect(cleanText).to.equal(`${' '.repeat(3)}\n${' '.repeat(28)}\n${' '.repeat(16)}\n${' '.repeat(3)}\nRubio left.`);
      expect(toOriginal(cleanText.indexOf('Rubio'))).to.equal(text.indexOf('Rubio left'));
    });

    it('keeps a block between rules that is not front matter', () => {
      const text = 'Rubio left.\n---\nTitle: Rubio meets Sheinbaum\n---\n';
      expect(cleaned(text)).to.contain('Title: Rubio meets Sheinbaum');
    });

    it('takes its own list of furniture', () => {
      const { clean: cleanText } = clean('Rubio left.\nMore on this story\nRelated', { furniture: ['More on this story'] });
      expect(cleanText).to.equal(`Rubio left.\n${' '.repeat(18)}\nRelated.`);
    });
  });

  describe('bullets', () => {
    it('blanks the bullet glyph and keeps the item', () => {
      expect(cleaned('  • Rubio met Sheinbaum.\n- Trade was discussed.\n* Migration too.\n– Ecuador is next.')).to.equal(
        '    Rubio met Sheinbaum.\n  Trade was discussed.\n  Migration too.\n  Ecuador is next.',
      );
    });

    it('blanks a bullet cut off mid-word entirely', () => {
      const text = '  • Mexico and the U.S. will maintain c\n  • The agreement emphasizes cooperation.';
      expect(cleaned(text)).to.equal(`${' '.repeat(39)}\n    The agreement emphasizes cooperation.`);
      expect(cleaned('- Both sides agreed to co')).to.equal(' '.repeat(25));
    });

    it('keeps a bullet ending in a real short word', () => {
      expect(cleaned('- Prices went up')).to.equal('  Prices went up.');
    });

    it('does not take a leading minus or a dash inside a line for a bullet', () => {
      const text = '-5 degrees were measured - a record.';
      expect(cleaned(text)).to.equal(text);
    });
  });

  describe('headlines', () => {
    it('ends a line without final punctuation with a full stop', () => {
      expect(cleaned('Rubio Meets Mexico President\n\nMexico and the United States agreed.')).to.equal(
        'Rubio Meets Mexico President.\n\nMexico and the United States agreed.',
      );
      expect(cleaned('Key Topics of Discussion\nCartel Crackdown: Rubio spoke.')).to.equal(
        'Key Topics of Discussion.\nCartel Crackdown: Rubio spoke.',
      );
    });

    it('adds nothing to a line that ends in . ! ? : " or \'', () => {
      const text = 'Done.\nReally!\nWhy?\nAs follows:\nHe said "yes"\nThe nations\'\n';
      expect(cleaned(text)).to.equal(text);
    });

    it('puts the full stop after the last word, before trailing spaces and a CRLF', () => {
      expect(cleaned('Looking Ahead  \r\nRubio left.\r\n')).to.equal('Looking Ahead.  \r\nRubio left.\r\n');
    });

    it('keeps blank lines as they are', () => {
      const text = 'One.\n\n\n   \nTwo.';
      expect(cleaned(text)).to.equal(text);
    });

    it('adds nothing inside a hard-wrapped sentence', () => {
      const text = 'Rubio held talks on security and\nmigration with the president,\nwho agreed.';
      expect(cleaned(text)).to.equal(text);
    });
  });

  describe('the seed articles', () => {
    const seed = (prefix: string): string => seeds.find(({ name }) => name.startsWith(prefix))?.text ?? '';

    it('cleans the bullets, commas, stops and tail of 004', () => {
      const result = cleaned(seed('004'));
      expect(result).to.include('The meeting, held in Mexico City, was attended by Mexican President');
      expect(result).to.include('against drug cartels. The deployment of warships');
      expect(result).to.include('Latin American coast, alongside the strike');
      expect(result).to.include('"It\'s basic to show to U.S. society, Mexican society, that yes, models of cooperation, of');
      expect(result).to.include('Despite Trump\'s demands, Sheinbaum');
      expect(result).to.include('MEXICO CITY, Sept. 3, 2025.\n');
      expect(result).to.include('\n    The agreement emphasizes cooperation');
      expect(result).not.to.include('maintain c');
      expect(result).not.to.include('You may also like');
      expect(result).not.to.include('Leave a Comment');
      expect(result.trimEnd()).to.match(/appeared only once\.$/);
    });

    it('blanks the "Collection [ | ... ]" tail of 003', () => {
      const result = cleaned(seed('003'));
      expect(result.trimEnd()).to.match(/killing all 11 crewmembers\.$/);
      expect(result.split('\n')).to.have.length(seed('003').split('\n').length);
    });

    it('blanks "Leave a Reply" at the end of 000 and ends its subheadings', () => {
      const result = cleaned(seed('000'));
      expect(result.trimEnd()).to.match(/in the coming months\.$/);
      expect(result).to.include('\nImplications for Bilateral Relations.\n');
      expect(result).to.include('\nLooking Ahead.\n');
    });
  });
});
