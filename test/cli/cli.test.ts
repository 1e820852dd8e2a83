import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { ROOT, kg, serve } from '../helpers.js';

const IMPLICIT_RELATIONS = ['be', 'has'];
const ARTICLE = 'Secretary Rubio met with Mexican President Claudia Sheinbaum in Mexico City. Sheinbaum rejected any U.S. military intervention.\n';

describe('kg (command line)', function () {
  this.timeout(60_000);
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-cli-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('has --help for every command', async () => {
    for (const cmd of ['build', 'neighbours', 'search', 'extract', 'serve']) {
      const run = await kg([cmd, '--help']);
      expect(run.code, cmd).to.equal(0);
      expect(run.stdout).to.include(`Usage: kg ${cmd}`);
    }
  });

  describe('build with bad input', () => {
    let run: Awaited<ReturnType<typeof kg>>;
    let out: string;

    before(async () => {
      const inputs = join(dir, 'inputs');
      await mkdir(join(inputs, 'nothing-here'), { recursive: true });
      await writeFile(join(inputs, 'nothing-here', 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
      await writeFile(join(inputs, 'good.txt'), ARTICLE);
      await writeFile(join(inputs, 'empty.txt'), '  \n');
      await writeFile(join(inputs, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 0, 12, 0]));
      await writeFile(join(inputs, 'latin1.txt'), Buffer.from('President Sheinbaum met Ramón de la Fuente in México.\n', 'latin1'));
      out = join(dir, 'out');
      run = await kg(['build', join(inputs, 'good.txt'), join(inputs, 'empty.txt'), join(inputs, 'binary.txt'), join(inputs, 'latin1.txt'), join(inputs, 'missing.txt'), join(inputs, 'nothing-here'), '--out', out]);
    });

    it('still builds the good documents, Latin-1 included, and says by its exit code (3) that inputs were skipped', async () => {
      expect(run.code, run.stderr).to.equal(3);
      expect(run.stdout).to.match(/: 2 documents \(/);
      const graph = JSON.parse(await readFile(join(out, 'graph.json'), 'utf8'));
      expect(graph.nodes.some((n: { attributes: { label: string } }) => n.attributes.label === 'Ramón de la Fuente')).to.equal(true);
    });

    it('says what is wrong with each bad input in one line', () => {
      const lines = run.stderr.trim().split('\n');
      expect(lines.find((l) => l.includes('missing.txt'))).to.match(/no such file/);
      expect(lines.find((l) => l.includes('empty.txt'))).to.match(/empty/);
      expect(lines.find((l) => l.includes('binary.txt'))).to.match(/binary/);
      expect(lines.find((l) => l.includes('latin1.txt'))).to.match(/not UTF-8/);
      expect(lines.find((l) => l.includes('nothing-here'))).to.match(/no \.txt, \.md or \.html files/);
      expect(lines).to.have.length(5);
    });

    it('fails with one line when no input is usable, and leaves no graph behind', async () => {
      const none = join(dir, 'none');
      const bad = await kg(['build', join(dir, 'inputs', 'missing.txt'), '--out', none]);
      expect(bad.code).to.equal(1);
      expect(bad.stderr.trim().split('\n').at(-1)).to.match(/^kg: no documents to build/);
      expect(existsSync(join(none, 'graph.json'))).to.equal(false);
    });
  });

  describe('build with an alias file', () => {
    it('merges the names the user merges and keeps apart the ones the user separates', async () => {
      await writeFile(join(dir, 'cdmx.txt'), 'Claudia Sheinbaum governed CDMX before 2023. Rubio arrived in Mexico City on Wednesday. George Bush met Sheinbaum. Bush thanked the governor.\n');
      await writeFile(join(dir, 'aliases.json'), JSON.stringify({ merge: [['Mexico City', 'CDMX']], separate: [['George Bush', 'Bush']] }));
      const run = await kg(['build', join(dir, 'cdmx.txt'), '--aliases', join(dir, 'aliases.json'), '--out', join(dir, 'aliased')]);
      expect(run.code, run.stderr).to.equal(0);
      const graph = JSON.parse(await readFile(join(dir, 'aliased', 'graph.json'), 'utf8'));
      const city = graph.nodes.filter((n: { attributes: { aliases: string[] } }) => n.attributes.aliases.some((a) => a === 'CDMX' || a === 'Mexico City'));
      expect(city).to.have.length(1);
      expect(city[0].attributes.aliases).to.include.members(['CDMX', 'Mexico City']);
      const bushes = graph.nodes.filter((n: { attributes: { label: string } }) => /Bush/.test(n.attributes.label));
      expect(bushes.map((n: { attributes: { label: string } }) => n.attributes.label).sort()).to.deep.equal(['Bush', 'George Bush']);
    });

    it('refuses a malformed alias file in one line', async () => {
      await writeFile(join(dir, 'bad-aliases.json'), '{"merge": "Rubio"}');
      const run = await kg(['build', join(dir, 'cdmx.txt'), '--aliases', join(dir, 'bad-aliases.json'), '--out', join(dir, 'never')]);
      expect(run.code).to.equal(1);
      expect(run.stderr.trim().split('\n')).to.have.length(1);
      expect(run.stderr).to.match(/bad-aliases\.json: "merge" must be an array/);
    });
  });

  describe('extract', () => {
    it('extracts many files in one run into --out DIR/<name>.json, as one file prints', async () => {
      await writeFile(join(dir, 'one.txt'), 'Rubio met Sheinbaum.\n');
      await writeFile(join(dir, 'two.txt'), 'Anna Berg, a spokeswoman for Volvo, spoke.\n');
      const run = await kg(['extract', join(dir, 'one.txt'), join(dir, 'two.txt'), '--format', 'json', '--out', join(dir, 'many')]);
      expect(run.code, run.stderr).to.equal(0);
      const single = await kg(['extract', join(dir, 'two.txt'), '--format', 'json']);
      expect(await readFile(join(dir, 'many', 'two.json'), 'utf8')).to.equal(single.stdout);
      expect(JSON.parse(await readFile(join(dir, 'many', 'one.json'), 'utf8'))).to.have.keys('date', 'dateSource', 'sentences', 'entities', 'triples');
    });

    it('asks for --out when given several files', async () => {
      const run = await kg(['extract', join(dir, 'one.txt'), join(dir, 'two.txt')]);
      expect(run.code).to.equal(2);
      expect(run.stderr).to.match(/--out/);
    });

    it('prints a document as JSON with offsets into the file text', async () => {
      const file = join(dir, 'article.txt');
      const text = '“Rubio’s visit,” the paper said.\nThe meeting,held in Mexico City,was attended by Sheinbaum and Rubio.\n';
      await writeFile(file, text);
      const run = await kg(['extract', file, '--format', 'json']);
      expect(run.code, run.stderr).to.equal(0);
      const result = JSON.parse(run.stdout);
      expect(result).to.have.keys('date', 'dateSource', 'sentences', 'entities', 'triples');
      expect(result.dateSource).to.equal('file');
      for (const s of result.sentences) expect(text.slice(s.start, s.end)).to.equal(s.text);
      for (const e of result.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).to.equal(m.text);
      const rubio = result.entities.filter((e: { label: string }) => /rubio/i.test(e.label));
      expect(rubio).to.have.length(1);
      const attend = result.triples.find((t: { relation: string }) => t.relation === 'attend');
      expect(attend, JSON.stringify(result.triples.map((t: { relation: string }) => t.relation))).to.exist;
      for (const t of result.triples) {
        expect(text.slice(t.subject.start, t.subject.end)).to.equal(t.subject.text);
        expect(text.slice(t.object.start, t.object.end)).to.equal(t.object.text);
      }
    });

    it('prints the title and date it read, and extracts nothing of front matter, offsets still into the file', async () => {
      const text = '---\ntitle: Sheinbaum in Washington\ndate: 2025-09-03\n---\nRubio met Sheinbaum in Mexico City.\n';
      const run = await kg(['extract', '-', '--format', 'json'], { input: text });
      expect(run.code, run.stderr).to.equal(0);
      const result = JSON.parse(run.stdout);
      expect(result).to.include({ title: 'Sheinbaum in Washington', date: '2025-09-03', dateSource: 'front matter' });
      const mentions = result.entities.flatMap((e: { mentions: { start: number; end: number; text: string }[] }) => e.mentions);
      expect(mentions.map((m: { text: string }) => m.text)).to.include.members(['Rubio', 'Sheinbaum']).and.not.to.include('Washington');
      for (const m of mentions) expect(m.start).to.be.above(text.indexOf('Rubio') - 1);
      for (const m of mentions) expect(text.slice(m.start, m.end)).to.equal(m.text);
    });

    it('reads standard input and treats each line as a sentence with --lines', async () => {
      const run = await kg(['extract', '-', '--lines', '--format', 'jsonl'], { input: 'Rubio met Sheinbaum.\n\nTrump ordered a strike.\n' });
      expect(run.code, run.stderr).to.equal(0);
      const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((l) => l.sentence)).to.deep.equal(['Rubio met Sheinbaum.', 'Trump ordered a strike.']);
      const [first] = lines;
      for (const e of first.entities) expect(first.sentence.slice(e.start, e.end)).to.equal(e.text);
      expect(first.triples[0]).to.include({ relation: 'meet' });
    });

    it('says in one line when there is nothing to extract', async () => {
      const run = await kg(['extract'], { input: '' });
      expect(run.code).to.equal(1);
      expect(run.stderr.trim().split('\n')).to.deep.equal(['kg: -: empty file']);
    });

    it('prints CaRB predictions whose fields are slices of the input line', async () => {
      const line = 'The strike was ordered by President Trump , officials said .';
      const run = await kg(['extract', '--lines', '--format', 'carb'], { input: line + '\n' });
      expect(run.code, run.stderr).to.equal(0);
      const rows = run.stdout.trim().split('\n').map((r) => r.split('\t'));
      expect(rows.length).to.be.at.least(1);
      for (const [sentence, confidence, relation, ...args] of rows) {
        expect(sentence).to.equal(line);
        expect(Number(confidence)).to.be.within(0, 1);
        for (const word of args.join(' ').split(' ')) expect(line.split(' ')).to.include(word);
        // relations are slices too, but for the implicit "be"/"has" of appositions, titles and possessives
        if (!IMPLICIT_RELATIONS.includes(relation)) for (const word of relation.split(' ')) expect(line.split(' ')).to.include(word);
      }
    });
  });

  describe('neighbours and search', () => {
    let graphPath: string;
    before(async () => {
      await writeFile(join(dir, 'a.txt'), ARTICLE);
      const run = await kg(['build', join(dir, 'a.txt'), '--out', join(dir, 'g')]);
      expect(run.code, run.stderr).to.equal(0);
      graphPath = join(dir, 'g', 'graph.json');
    });

    it('writes mentions.jsonl beside graph.json: named mentions as written, each pointing at a node', async () => {
      const lines = (await readFile(join(dir, 'g', 'mentions.jsonl'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
      const graph = JSON.parse(await readFile(graphPath, 'utf8'));
      const labelOf = new Map(graph.nodes.map((n: { key: string; attributes: { label: string } }) => [n.key, n.attributes.label]));
      for (const m of lines) {
        expect(m.doc).to.equal('a.txt');
        expect(ARTICLE.slice(m.start, m.end)).to.equal(m.text);
      }
      const named = lines.map((m) => `${m.text} → ${labelOf.get(m.entity)}`);
      expect(named).to.include.members(['Claudia Sheinbaum → Claudia Sheinbaum', 'Sheinbaum → Claudia Sheinbaum', 'Mexico City → Mexico City']);
    });

    it('stops quietly when its reader stops reading ("kg neighbours X | head -1")', async () => {
      const { spawn } = await import('node:child_process');
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'kg.js'), 'neighbours', 'sheinbaum', '--graph', graphPath]);
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((done) => child.on('close', done));
      expect(stderr).to.equal('');
      expect(code).to.equal(0);
    });

    it('adds where the entity is named to neighbours --json, and a line to the text', async () => {
      const run = await kg(['neighbours', 'sheinbaum', '--json', '--graph', graphPath]);
      expect(run.code, run.stderr).to.equal(0);
      const { entity, mentions } = JSON.parse(run.stdout);
      expect(entity.label).to.equal('Claudia Sheinbaum');
      expect(mentions.total).to.equal(2);
      expect(mentions.documents).to.equal(1);
      const [doc] = mentions.byDocument;
      expect(doc.doc).to.equal('a.txt');
      expect(doc.forms.map((f: { text: string }) => f.text).sort()).to.deep.equal(['Claudia Sheinbaum', 'Sheinbaum']);
      for (const { start, end } of doc.first) expect(ARTICLE.slice(start, end)).to.match(/Sheinbaum$/);
      const text = await kg(['neighbours', 'sheinbaum', '--graph', graphPath]);
      expect(text.stdout.split('\n')[1]).to.match(/^ {2}named 2 time\(s\) in a\.txt ×2 \(/);
    });

    it('answers neighbours and search without loading compromise, which only extraction needs', async () => {
      // a module hook that fails any import of compromise
      const hook = join(dir, 'no-compromise-hook.mjs');
      await writeFile(hook, "export async function resolve(specifier, context, next) { if (/^compromise(\\/|$)/.test(specifier)) throw new Error('compromise was loaded'); return next(specifier, context); }\n");
      const register = join(dir, 'no-compromise.mjs');
      await writeFile(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
      const env = { NODE_OPTIONS: `--import=${pathToFileURL(register).href}` };
      for (const args of [['neighbours', 'sheinbaum', '--json'], ['search', 'rubio', '--json']]) {
        const run = await kg([...args, '--graph', graphPath], { env });
        expect(run.code, run.stderr).to.equal(0);
      }
      // the hook does stop an extraction
      const extract = await kg(['extract', join(dir, 'a.txt')], { env });
      expect(extract.code).to.not.equal(0);
      expect(extract.stderr).to.include('compromise was loaded');
    });

    it('prints neighbours as text with their sentences', async () => {
      const run = await kg(['neighbours', 'sheinbaum', '--graph', graphPath]);
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stdout).to.match(/^Claudia Sheinbaum \(person\)/);
      expect(run.stdout).to.match(/meet– Rubio \(person\)/);
      expect(run.stdout).to.include('Secretary Rubio met with');
    });

    it('says in one line when the entity is unknown or an option is bad', async () => {
      const unknown = await kg(['neighbours', 'Nobody Atall', '--graph', graphPath]);
      expect(unknown.code).to.equal(1);
      expect(unknown.stderr.trim().split('\n')).to.have.length(1);
      const depth = await kg(['neighbours', 'Rubio', '--depth', 'x', '--graph', graphPath]);
      expect(depth.code).to.not.equal(0);
      expect(depth.stderr).to.match(/integer/);
    });

    it('searches by alias', async () => {
      const run = await kg(['search', 'rub', '--json', '--graph', graphPath]);
      expect(JSON.parse(run.stdout)[0].label).to.match(/Rubio/);
    });

    it('refuses an empty search in one line, as the API answers 400', async () => {
      for (const q of ['', '   ']) {
        const run = await kg(['search', q, '--json', '--graph', graphPath]);
        expect(run.code).to.equal(2);
        expect(run.stdout).to.equal('');
        expect(run.stderr).to.equal('kg: search needs a query: a name or part of one\n');
      }
    });

    it('serves the API on 127.0.0.1 with 400 for bad parameters', async () => {
      const { url, child } = await serve(['--graph', graphPath]);
      try {
        const ok = await fetch(`${url}/api/neighbours?entity=Rubio&depth=1`);
        expect(ok.status).to.equal(200);
        expect((await ok.json()).entity.label).to.equal('Rubio');
        const bad = await fetch(`${url}/api/neighbours?depth=1`);
        expect(bad.status).to.equal(400);
        expect(await bad.json()).to.have.property('error');
        expect((await fetch(`${url}/api/search?q=shein`)).status).to.equal(200);
        expect((await fetch(`${url}/api/graph`)).status).to.equal(200);
        const document = await (await fetch(`${url}/api/document?id=a.txt`)).json();
        expect(document).to.include({ id: 'a.txt', text: ARTICLE, dateSource: 'file' });
        for (const m of (await (await fetch(`${url}/api/mentions?entity=Rubio`)).json()).byDocument[0].first) {
          expect(document.text.slice(m.start, m.end)).to.match(/Rubio/);
        }
        expect((await fetch(`${url}/api/document?id=b.txt`)).status).to.equal(404);
      } finally {
        child.kill();
      }
    });

    it('serves the texts of a documents file given with --documents', async () => {
      const other = join(dir, 'other.jsonl');
      await writeFile(other, JSON.stringify({ id: 'a.txt', text: 'Another text.' }) + '\n');
      const { url, child } = await serve(['--graph', graphPath, '--documents', other]);
      try {
        expect((await (await fetch(`${url}/api/document?id=a.txt`)).json()).text).to.equal('Another text.');
      } finally {
        child.kill();
      }
    });
  });
});
