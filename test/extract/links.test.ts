import { expect } from 'chai';
import { documentFromText } from '../../src/ingest/index.js';
import { extract, relationKind } from '../../src/extract/index.js';

/** Relations between named entities read where no verb joins them, each shown on a sentence of its own. */
function relations(text: string): string[] {
  return extract(documentFromText('t.txt', text)).triples.map((t) => `${t.subject.head?.text ?? '∅'} | ${t.relation} | ${t.object.head?.text ?? '∅'}`);
}

function kinds(text: string): string[] {
  return extract(documentFromText('t.txt', text)).triples.filter((t) => t.kind).map((t) => `${t.subject.head?.text ?? '∅'} | ${t.kind} | ${t.object.head?.text ?? '∅'}`);
}

describe('extract/links', () => {
  it('reaches the party inside a copular description: "is a Danish politician for the Social Democrats"', () => {
    const found = relations('Mette Holm is a Danish politician for the Liberal Party.');
    expect(found).to.include('Mette Holm | politician for | Liberal Party');
    expect(found).to.include('Mette Holm | citizen of | Danish');
  });

  it('reads no nationality into a list of names that holds a demonym ("Air Canada, American, British Airways")', () => {
    const found = relations('Terminal 4: Aeroméxico, Air Canada, American, British Airways, Southwest, Volaris, WestJet.');
    expect(found.filter((r) => / \| (?:country|citizen of) \| /.test(r))).to.deep.equal([]);
    expect(relations('Guadeloupe, a French overseas department, is an island.')).to.include('Guadeloupe | country | French');
  });

  it('reaches the body inside an apposition: "X, a spokeswoman for Y, said"', () => {
    expect(relations('Anna Berg, a spokeswoman for Volvo, said the plant would close.')).to.include('Anna Berg | spokeswoman for | Volvo');
  });

  it('reads "the Premier of" a country in an apposition, a country recognition left out', () => {
    expect(relations('Li Wei, the Premier of China, toured the harbour.')).to.include('Li Wei | premier of | China');
  });

  it('places each place of a chain in every later one: "Hamar, Innlandet, Norway"', () => {
    const found = relations('The festival moved to Hamar, Innlandet, Norway.');
    expect(found).to.include.members(['Hamar | be in | Innlandet', 'Hamar | be in | Norway', 'Innlandet | be in | Norway']);
  });

  it('does not chain a list of places: "Oslo, Bergen and Tromsø"', () => {
    expect(relations('Flights leave from Oslo, Bergen and Tromsø.').filter((r) => r.includes('be in'))).to.deep.equal([]);
  });

  it('does not chain countries or towns side by side: "Malaysia, Indonesia, Singapore"', () => {
    expect(relations('The storm reached Malaysia, Indonesia, Singapore.').filter((r) => r.includes('be in'))).to.deep.equal([]);
  });

  it('carries "a town in" a place on along its chain: "Dunmore is a town in Lackawanna County, Pennsylvania"', () => {
    const found = relations('Dunmore is a town in Lackawanna County, Pennsylvania.');
    expect(found).to.include.members(['Dunmore | town in | Lackawanna County', 'Dunmore | town in | Pennsylvania']);
  });

  it('reads a birthplace in brackets after the date: "(born 2 May 1971 in Tartu)"', () => {
    expect(relations('Kadri Tamm (born 2 May 1971 in Tartu) is an Estonian painter.')).to.include.members(['Kadri Tamm | born in | Tartu', 'Kadri Tamm | citizen of | Estonian']);
  });

  it('reads where a person was born and died from a lifespan in brackets: "(4 May 1901, Uerdingen – 2 June 1970, Mölln)"', () => {
    const found = relations('Otto Brandt (4 May 1901, Uerdingen – 2 June 1970, Mölln) was a German chemist.');
    expect(found).to.include.members(['Otto Brandt | born in | Uerdingen', 'Otto Brandt | die in | Mölln']);
  });

  it('takes the name before the brackets as the subject: "X (1901 – 1980) was"', () => {
    expect(relations('Olav Lunde (1901 – 1980) was a Norwegian architect.')).to.include('Olav Lunde | citizen of | Norwegian');
  });

  it('reads a place or body before a role and a name: "Finland\'s capital, Helsinki", "the U.S. state of Ohio"', () => {
    expect(relations("The ferry reached Finland's capital, Helsinki.")).to.include('Helsinki | capital of | Finland');
    expect(relations('Akron lies in the U.S. state of Ohio.')).to.include('Ohio | state of | U.S.');
  });

  it('reads where a place is from an aside: "Wexford, in Leinster,"', () => {
    expect(relations('Wexford, in Leinster, grew quickly.')).to.include('Wexford | be in | Leinster');
  });

  it('relates the coordinated subjects of a reciprocal verb once: "Chile and Peru agreed"', () => {
    const found = relations('Chile and Peru agreed on Monday to reopen the border.');
    expect(found.filter((r) => r.startsWith('Chile | agree with | Peru'))).to.have.length(1);
  });

  it('attributes an event to the named actor before it: "a French naval strike sank a trawler"', () => {
    expect(relations('A French naval strike sank a trawler.')).to.include('French | strike | trawler');
  });

  it('does not invent an actor for an event no one is named for: "a naval strike sank a trawler"', () => {
    expect(relations('A naval strike sank a trawler.').filter((r) => r.includes('| strike |'))).to.deep.equal([]);
  });

  it('reads two names with only a preposition, a bracket or a possessive between them', () => {
    expect(relations('She studied at Ridley College in Halifax.')).to.include('Ridley College | be in | Halifax');
    expect(relations('The square lies in Altamira (Caracas).')).to.include('Altamira | be in | Caracas');
    expect(relations('Kari Dahl (Labour Party) voted against.')).to.include('Kari Dahl | member of | Labour Party');
    expect(relations('Helen of Greece arrived.')).to.include('Helen | of | Greece');
    expect(relations("Norway's Statoil grew.")).to.include('Statoil | be in | Norway');
  });

  it('gives a titled head of state the one country of the sentence nobody else in the article leads', () => {
    const found = relations('Swedish Prime Minister Eva Lind met Finland\'s leaders. Later, in Finland, Lind met President Aino Virta.');
    expect(found).to.include('Aino Virta | president of | Finland');
  });
});

describe('extract/containment', () => {
  function located(text: string): string[] {
    return extract(documentFromText('t.txt', text)).triples.filter((t) => t.basis).map((t) => `${t.subject.head?.text} | ${t.relation} | ${t.object.head?.text} | ${t.basis}`);
  }

  it('puts a place in the country the gazetteer puts it in, when the document names that country', () => {
    const found = located('The orchestra toured France in May. Its last concert was in Lyon.');
    expect(found).to.include('Lyon | located in | France | gazetteer');
  });

  it('cites the contained place\'s sentence and marks the triple as read with the gazetteer', () => {
    const t = extract(documentFromText('t.txt', 'The orchestra toured France in May. Its last concert was in Lyon.')).triples.find((x) => x.basis === 'gazetteer');
    expect(t?.source.text).to.equal('Its last concert was in Lyon.');
    expect(t?.kind).to.equal('located in');
  });

  it('takes no container the document does not name: "Paris" with Texas unnamed is in France, not Texas', () => {
    expect(located('The band played in Paris. Later it played in Dallas, a city in the United States.').filter((r) => r.startsWith('Paris'))).to.deep.equal([]);
  });

  it('reads a nationality adjective as its country where the country is not named: "Bologna" and "Italian"', () => {
    expect(located('Ferri was an Italian painter. He worked in Bologna.')).to.include('Bologna | located in | Italian | gazetteer');
  });

  it('does not put "Latin America" in America: one word before a place names a part of it', () => {
    expect(located('Trade with Latin America grew, the United States said.').filter((r) => r.startsWith('Latin America'))).to.deep.equal([]);
  });

  it('puts a body named after a place in it and in that place\'s country: "Tartu Airport"', () => {
    const found = located('Flights to Estonia stopped. Tartu Airport closed in 2010.');
    expect(found).to.include.members(['Tartu Airport | located in | Tartu | name', 'Tartu Airport | located in | Estonia | gazetteer']);
  });

  it('puts what the text places in a town in the town\'s country: "X is based in Lyon"', () => {
    expect(located('The Verte Foundation is based in Lyon. It funds schools across France.')).to.include('Verte Foundation | located in | France | gazetteer');
  });
});

describe('extract/containment, beyond the gazetteer', () => {
  function located(text: string): string[] {
    return extract(documentFromText('t.txt', text)).triples.filter((t) => t.basis).map((t) => `${t.subject.head?.text} | ${t.relation} | ${t.object.head?.text} | ${t.basis}`);
  }

  it('makes a citizen of a nationality a citizen of its country where the document names it: "a Danish rower" and Denmark', () => {
    expect(located('Mette Holm is a Danish rower. She won a medal for Denmark in 2004.')).to.include('Mette Holm | citizen of | Denmark | gazetteer');
  });

  it('puts a body nothing else places in the only country the document names, as a guess', () => {
    const t = extract(documentFromText('t.txt', 'The Verte Foundation funds schools. Most of them are in Norway.')).triples.find((x) => x.basis === 'document');
    expect(t && `${t.subject.head?.text} | ${t.relation} | ${t.object.head?.text}`).to.equal('Verte Foundation | located in | Norway');
    expect(t?.confidence).to.be.below(0.5);
  });

  it('puts a place nothing else places in the only region of that country the document names: a lake and Montana', () => {
    const found = located('Medicine Lake is a shallow lake. Most visitors come from Montana, in the United States.');
    expect(found).to.include.members(['Medicine Lake | located in | Montana | document', 'Medicine Lake | located in | United States | document']);
  });

  it('makes no such guess when the document names two countries, or the body is named after another', () => {
    expect(located('The Verte Foundation funds schools in Norway and Sweden.').filter((r) => r.endsWith('document'))).to.deep.equal([]);
    expect(located('The Danish Rowing Club trains in Norway.').filter((r) => r.endsWith('document'))).to.deep.equal([]);
  });
});

describe('extract/relations vocabulary', () => {
  it('names the kind of a relation beside its open text', () => {
    expect(relationKind('politician for')).to.equal('member of');
    expect(relationKind('spokeswoman for')).to.equal('works for');
    expect(relationKind('president of')).to.equal('leads');
    expect(relationKind('town in')).to.equal('located in');
    expect(relationKind('born in')).to.equal('born in');
    expect(relationKind('meet')).to.equal('meets');
    expect(relationKind('strike')).to.equal('attacks');
    expect(relationKind('sue')).to.equal('sues');
    expect(relationKind('discuss')).to.equal(undefined);
  });

  it('stores the kind on each triple: "Tove Ek was born in Umeå"', () => {
    expect(kinds('Tove Ek was born in Umeå.')).to.include('Tove Ek | born in | Umeå');
  });
});
