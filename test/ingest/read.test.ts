import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { expect } from 'chai';
import { DEFAULT_READ_OPTIONS, documentFromText, readDocuments } from '../../src/ingest/read.js';
import type { Problem } from '../../src/ingest/read.js';

const ARTICLE = 'Marco Rubio met Claudia Sheinbaum in Mexico City.\n';

describe('readDocuments', () => {
  let root: string;

  /** Writes a file under the temporary root and returns its path. */
  async function write(path: string, content: string | Uint8Array): Promise<string> {
    const full = join(root, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
    return full;
  }

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'kg-ingest-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  describe('inputs', () => {
    it('reads a file, with its base name as id and the clean text mapped back', async () => {
      const path = await write('news/rubio.txt', 'Rubio’s visit\nThe meeting,held today.');
      const { documents, problems } = await readDocuments([path]);
      expect(problems).to.deep.equal([]);
      expect(documents).to.have.length(1);
      const [document] = documents;
      expect(document.id).to.equal('rubio.txt');
      expect(document.path).to.equal(path);
      expect(document.text).to.equal('Rubio’s visit\nThe meeting,held today.');
      expect(document.clean).to.equal("Rubio's visit.\nThe meeting, held today.");
      const held = document.clean.indexOf('held');
      expect(document.text.slice(document.toOriginal(held), document.toOriginal(held + 4))).to.equal('held');
    });

    it('reads a directory recursively and sorted, .txt and .md only, without dotfiles or node_modules', async () => {
      await write('in/b.txt', ARTICLE);
      await write('in/a.md', ARTICLE);
      await write('in/sub/c.TXT', ARTICLE);
      await write('in/sub/deeper/d.txt', ARTICLE);
      await write('in/notes.json', '{"not": "an article"}');
      await write('in/.hidden.txt', ARTICLE);
      await write('in/.git/e.txt', ARTICLE);
      await write('in/node_modules/pkg/readme.md', ARTICLE);
      const { documents, problems } = await readDocuments([join(root, 'in')]);
      expect(problems).to.deep.equal([]);
      expect(documents.map((d) => d.id)).to.deep.equal(['a.md', 'b.txt', 'sub/c.TXT', 'sub/deeper/d.txt']);
      expect(documents[2].path).to.equal(join(root, 'in/sub/c.TXT'));
    });

    it('expands a glob pattern, ids relative to the part without wildcards', async () => {
      await write('in/2025/b.txt', ARTICLE);
      await write('in/2024/a.txt', ARTICLE);
      await write('in/2024/skip.md', ARTICLE);
      const { documents, problems } = await readDocuments([`${root}/in/**/*.txt`]);
      expect(problems).to.deep.equal([]);
      expect(documents.map((d) => d.id)).to.deep.equal(['2024/a.txt', '2025/b.txt']);
    });

    it('expands braces in a glob pattern, even across a slash', async () => {
      await write('in/2025/b.txt', ARTICLE);
      await write('in/2024/a.txt', ARTICLE);
      await write('old/c.txt', ARTICLE);
      const { documents, problems } = await readDocuments([`${root}/{in/2024,old}/*.txt`]);
      expect(problems).to.deep.equal([]);
      expect(documents.map((d) => d.id)).to.deep.equal(['in/2024/a.txt', 'old/c.txt']);
    });

    it('reports a glob pattern that matches nothing', async () => {
      const pattern = `${root}/nowhere/*.txt`;
      const { documents, problems } = await readDocuments([pattern]);
      expect(documents).to.deep.equal([]);
      expect(problems).to.deep.equal([{ path: pattern, message: `no files match ${pattern}` , skipped: true }]);
    });

    it('reads standard input for "-"', async () => {
      const stdin = Readable.from([Buffer.from('Rubio arrived'), Buffer.from(' in Mexico.')]);
      const { documents, problems } = await readDocuments(['-'], { stdin });
      expect(problems).to.deep.equal([]);
      expect(documents).to.have.length(1);
      expect(documents[0]).to.include({ id: 'stdin', path: '-', text: 'Rubio arrived in Mexico.' });
    });

    it('reads a title and a date, and dates a file without a dateline by its modification day, saying so', async () => {
      const dated = await write('dated.md', '---\ntitle: Rubio in Mexico\ndate: 2025-09-03\n---\nRubio arrived in Mexico.\n');
      const undated = await write('undated.txt', 'Rubio meets Sheinbaum\n\nRubio arrived in Mexico.\n');
      await utimes(undated, new Date('2024-02-29T12:00:00Z'), new Date('2024-02-29T12:00:00Z'));
      const { documents } = await readDocuments([dated, undated]);
      expect(documents[0]).to.include({ title: 'Rubio in Mexico', date: '2025-09-03', dateSource: 'front matter' });
      expect(documents[1]).to.include({ title: 'Rubio meets Sheinbaum', date: '2024-02-29', dateSource: 'file' });
      expect(documents[0].clean.trim()).to.equal('Rubio arrived in Mexico.');
    });

    it('gives standard input, which has no file time, no date but its text\'s', async () => {
      const undated = await readDocuments(['-'], { stdin: Readable.from(['Rubio meets Sheinbaum\n\nRubio arrived.\n']) });
      expect(undated.documents[0]).to.include({ title: 'Rubio meets Sheinbaum' }).and.not.to.have.any.keys('date', 'dateSource');
      const dated = await readDocuments(['-'], { stdin: Readable.from(['Headline\nSeptember 3, 2025\n\nRubio arrived.\n']) });
      expect(dated.documents[0]).to.include({ date: '2025-09-03', dateSource: 'dateline' });
    });

    it('makes ids unique', async () => {
      const first = await write('one/a.txt', ARTICLE);
      const second = await write('two/a.txt', 'Another article.');
      const third = await write('three/a.txt', 'A third article.');
      const { documents } = await readDocuments([first, second, third]);
      expect(documents.map((d) => d.id)).to.deep.equal(['a.txt', 'a-2.txt', 'a-3.txt']);
    });

    it('hands out a folder of more files than it reads ahead in order, each once, with its own text and problems in place', async () => {
      const names = Array.from({ length: 30 }, (_, i) => `${String(i).padStart(2, '0')}.txt`);
      for (const [i, name] of names.entries()) await write(`in/${name}`, i === 12 ? '' : `Article ${i} names Rubio.`);
      await symlink(join(root, 'in', '03.txt'), join(root, 'in', '29a.txt'));
      const { documents, problems } = await readDocuments([join(root, 'in')]);
      const kept = names.filter((n) => n !== '12.txt');
      expect(documents.map((d) => d.id)).to.deep.equal(kept);
      expect(documents.map((d) => d.text)).to.deep.equal(kept.map((n) => `Article ${Number(n.slice(0, 2))} names Rubio.`));
      expect(problems.map((p) => p.message)).to.deep.equal(['empty file', 'already read as 03.txt, skipped']);
    });

    it('reads a file given twice once', async () => {
      const path = await write('in/a.txt', ARTICLE);
      const { documents, problems } = await readDocuments([join(root, 'in'), path]);
      expect(documents.map((d) => d.id)).to.deep.equal(['a.txt']);
      expect(problems).to.deep.equal([{ path, message: 'already read as a.txt, skipped' , skipped: false }]);
    });
  });

  describe('bad input', () => {
    it('reports a missing path', async () => {
      const path = join(root, 'missing.txt');
      const { documents, problems } = await readDocuments([path]);
      expect(documents).to.deep.equal([]);
      expect(problems).to.deep.equal([{ path, message: `no such file or directory: ${path}` , skipped: true }]);
    });

    it('reports an empty and a whitespace-only file', async () => {
      const empty = await write('empty.txt', '');
      const blank = await write('blank.txt', ' \n\t\u00A0\n');
      const { documents, problems } = await readDocuments([empty, blank]);
      expect(documents).to.deep.equal([]);
      expect(problems).to.deep.equal([
        { path: empty, message: 'empty file', skipped: false },
        { path: blank, message: 'empty file', skipped: false },
      ]);
    });

    it('skips a binary file with NUL bytes', async () => {
      const path = await write('image.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a, 0x1a]));
      const { documents, problems } = await readDocuments([path]);
      expect(documents).to.deep.equal([]);
      expect(problems).to.deep.equal([{ path, message: 'binary file, skipped' , skipped: true }]);
    });

    it('skips a file with many control characters', async () => {
      const bytes = Buffer.concat([Buffer.from('Rubio'), Buffer.alloc(20, 0x01), Buffer.from('Sheinbaum\x1b\x02\x03')]);
      const path = await write('controls.txt', bytes);
      const { problems } = await readDocuments([path]);
      expect(problems).to.deep.equal([{ path, message: 'binary file, skipped' , skipped: true }]);
    });

    it('keeps a file with an odd control character', async () => {
      const path = await write('escape.txt', `${ARTICLE}\x1b[0m and more text after a colour code.\n`);
      const { documents, problems } = await readDocuments([path]);
      expect(problems).to.deep.equal([]);
      expect(documents).to.have.length(1);
    });

    it('decodes a file that is not UTF-8 as Windows-1252, saying so', async () => {
      const bytes = Buffer.concat([Buffer.from('Ram'), Uint8Array.from([0xf3]), Buffer.from('n said '),
        Uint8Array.from([0x93]), Buffer.from('yes'), Uint8Array.from([0x94, 0x20, 0x80, 0x35, 0x81])]);
      const path = await write('latin.txt', bytes);
      const { documents, problems } = await readDocuments([path]);
      expect(problems).to.deep.equal([{ path, message: 'not UTF-8; decoded as Windows-1252' , skipped: false }]);
      expect(documents).to.have.length(1);
      expect(documents[0].text).to.equal('Ramón said “yes” €5\u0081');
      expect(documents[0].clean).to.equal('Ramón said "yes" €5\u0081.');
    });

    it('strips a UTF-8 byte-order mark, so offsets are into the text after it', async () => {
      const path = await write('bom.txt', Buffer.concat([Uint8Array.from([0xef, 0xbb, 0xbf]), Buffer.from('Rubio left.')]));
      const { documents, problems } = await readDocuments([path]);
      expect(problems).to.deep.equal([]);
      expect(documents[0].text).to.equal('Rubio left.');
      expect(documents[0].toOriginal(0)).to.equal(0);
    });

    it('decodes UTF-16 files with a byte-order mark', async () => {
      const text = 'Ramón de la Fuente met “Rubio”.';
      const little = Buffer.concat([Uint8Array.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      const big = Buffer.from(little);
      big.swap16();
      const le = await write('le.txt', little);
      const be = await write('be.txt', big);
      const { documents, problems } = await readDocuments([le, be]);
      expect(problems).to.deep.equal([]);
      expect(documents.map((d) => d.text)).to.deep.equal([text, text]);
    });

    it('skips a file over the size limit, giving size and limit', async () => {
      const path = await write('huge.txt', 'x'.repeat(3000));
      const { documents, problems } = await readDocuments([path], { maxBytes: 2048 });
      expect(documents).to.deep.equal([]);
      expect(problems).to.deep.equal([{ path, message: 'too large: 2.9 KB, limit 2.0 KB, skipped' , skipped: true }]);
    });

    it('limits standard input too', async () => {
      const stdin = Readable.from([Buffer.alloc(600, 0x61), Buffer.alloc(600, 0x62)]);
      const { documents, problems } = await readDocuments(['-'], { stdin, maxBytes: 1000 });
      expect(documents).to.deep.equal([]);
      expect(problems).to.deep.equal([{ path: '-', message: 'too large: more than 1.2 KB, limit 1000 B, skipped' , skipped: true }]);
    });

    it('has a default size limit of 20 MB', () => {
      expect(DEFAULT_READ_OPTIONS.maxBytes).to.equal(20 * 1024 * 1024);
    });

    it('rejects a size limit that is not a positive number', async () => {
      let error: unknown;
      await readDocuments([], { maxBytes: 0 }).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(RangeError);
    });

    it('reports a directory without .txt or .md files', async () => {
      await write('images/photo.jpg', 'not an article');
      const dir = join(root, 'images');
      const { documents, problems } = await readDocuments([dir]);
      expect(documents).to.deep.equal([]);
      expect(problems).to.deep.equal([{ path: dir, message: `no .txt, .md or .html files in ${dir}`, skipped: true }]);
    });

    it('still reads the good files next to bad ones, telling each problem as it comes', async () => {
      await write('in/a-good.txt', ARTICLE);
      await write('in/b-empty.txt', '');
      await write('in/c-binary.txt', Uint8Array.from([0, 1, 2, 3]));
      await write('in/d-latin.txt', Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x2e]));
      await write('in/e-good.md', 'Sheinbaum spoke.');
      const missing = join(root, 'missing.txt');
      const told: Problem[] = [];
      const { documents, problems } = await readDocuments([missing, join(root, 'in')], {
        onProblem: (problem) => told.push(problem),
      });
      expect(documents.map((d) => [d.id, d.text])).to.deep.equal([
        ['a-good.txt', ARTICLE],
        ['d-latin.txt', 'Café.'],
        ['e-good.md', 'Sheinbaum spoke.'],
      ]);
      expect(problems.map((p) => p.message)).to.deep.equal([
        `no such file or directory: ${missing}`,
        'empty file',
        'binary file, skipped',
        'not UTF-8; decoded as Windows-1252',
      ]);
      expect(told).to.deep.equal(problems);
    });
  });
});

describe('documentFromText', () => {
  it('makes a document with clean text, its path defaulting to its id', () => {
    const document = documentFromText('note', 'Rubio‘s “visit”');
    expect(document).to.include({ id: 'note', path: 'note', text: 'Rubio‘s “visit”', clean: `Rubio's "visit"` });
    expect(document.toOriginal(document.clean.length)).to.equal(document.text.length);
    expect(documentFromText('a', 'Text.', 'news/a.txt').path).to.equal('news/a.txt');
  });
});
