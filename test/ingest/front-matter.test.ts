import { expect } from 'chai';
import { frontMatter } from '../../src/ingest/front-matter.js';

describe('ingest/front-matter', () => {
  it('reads the keys of a front matter block and where it ends', () => {
    const text = '---\ntitle: "Rubio: the visit"\nDate: 2025-09-03\ntags:\n  - mexico\n- security\nauthor: \'O\'\'Brien\' # the desk\n---\nBody.\n';
    const front = frontMatter(text)!;
    expect(text.slice(front.end)).to.equal('Body.\n');
    expect([...front.fields]).to.deep.equal([['title', 'Rubio: the visit'], ['date', '2025-09-03'], ['tags', ''], ['author', "O'Brien"]]);
  });

  it('takes a block scalar for no one-line value', () => {
    expect(frontMatter('---\ntitle: >-\n  Rubio meets\n  Sheinbaum\ndate: 2025-09-03\n---\n')!.fields.get('title')).to.equal('');
  });

  it('closes on "..." and takes Windows line breaks', () => {
    const text = '---\r\ntitle: T\r\n...\r\nBody.';
    expect(text.slice(frontMatter(text)!.end)).to.equal('Body.');
  });

  it('takes a rule, a block without keys or an unclosed one for no front matter', () => {
    for (const text of ['Text\n---\ntitle: T\n---\n', '---\nJust a paragraph between rules.\n---\n', '---\n---\nText', '---\ntitle: T\nno end', ' ---\ntitle: T\n---\n']) {
      expect(frontMatter(text), text).to.equal(undefined);
    }
  });
});
