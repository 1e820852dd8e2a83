import { expect } from 'chai';
import { join } from 'node:path';
import { mentionsFileName, mentionsPathOf, toMentionsJsonl } from '../../src/export/index.js';
import { HOSTILE, sampleMentions } from '../fixtures/graph.js';

describe('export/mentions', () => {
  it('writes one JSON object a line in score.py\'s form, keys in its order', () => {
    const lines = toMentionsJsonl(sampleMentions().slice(0, 2)).split('\n');
    expect(lines).to.deep.equal([
      '{"doc":"news/rubio-visit.txt","start":0,"end":11,"text":"Marco Rubio","entity":"marco-rubio","type":"person","sentence":0}',
      '{"doc":"news/rubio-visit.txt","start":21,"end":38,"text":"Claudia Sheinbaum","entity":"claudia-sheinbaum","type":"person","sentence":0}',
      '',
    ]);
  });

  it('keeps text that looks like markup as JSON data', () => {
    const [line] = toMentionsJsonl(sampleMentions().filter((m) => m.entity === 'hostile')).trim().split('\n');
    expect(JSON.parse(line).text).to.equal(HOSTILE);
  });

  it('writes an empty file for no mentions', () => {
    expect(toMentionsJsonl([])).to.equal('');
  });

  it('names the file after the graph: mentions.jsonl beside graph.json, news.mentions.jsonl beside news.json', () => {
    expect(mentionsFileName('graph')).to.equal('mentions.jsonl');
    expect(mentionsFileName('news')).to.equal('news.mentions.jsonl');
    expect(mentionsPathOf(join('out', 'graph.json'))).to.equal(join('out', 'mentions.jsonl'));
    expect(mentionsPathOf(join('out', 'news.json'))).to.equal(join('out', 'news.mentions.jsonl'));
  });
});
