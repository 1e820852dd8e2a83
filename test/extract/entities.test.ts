import { expect } from 'chai';
import type { Document, Mention } from '../../src/types.js';
import { tokenize } from '../../src/extract/tokens.js';
import { findMentions, findNames, nameAt } from '../../src/extract/entities.js';

function doc(text: string): Document {
  return { id: 't', path: 't', text, clean: text, toOriginal: (i) => i };
}

function mentions(text: string): Mention[] {
  const d = doc(text);
  return findMentions(d, tokenize(d.clean));
}

const named = (ms: Mention[]): [string, string][] => ms.filter((m) => m.named).map((m) => [m.text, m.type]);

describe('extract/entities', () => {
  it('keeps a title out of the name and records it', () => {
    const ms = mentions('President Claudia Sheinbaum met reporters on Monday.');
    const m = ms.find((x) => x.text === 'Claudia Sheinbaum')!;
    expect(m.type).to.equal('person');
    expect(m.title).to.equal('President');
    expect(named(ms)).to.deep.equal([['Claudia Sheinbaum', 'person']]);
  });

  it('splits "Secretary of State" from the name compromise tags as a place', () => {
    const ms = mentions('U.S. Secretary of State Marco Rubio traveled to Mexico this week.');
    expect(named(ms)).to.deep.equal([['U.S.', 'place'], ['Marco Rubio', 'person'], ['Mexico', 'place']]);
    expect(ms.find((m) => m.text === 'Marco Rubio')!.title).to.equal('Secretary of State');
  });

  it('leaves a transcript\'s false start out of a name ("P- Petitioner")', () => {
    expect(named(mentions('P- Petitioner still remains confined in the hospital.'))).to.deep.equal([['Petitioner', 'person']]);
  });

  it('reads a role word before an event\'s head as part of the event ("the American Revolutionary War"), not a title', () => {
    expect(named(mentions('He enlisted in the American Revolutionary War in 1777.'))).to.deep.equal([['American Revolutionary War', 'other']]);
  });

  it('reads a legal form after a comma as the company\'s ("Atari, Inc."), never as a body of its own', () => {
    expect(named(mentions('The game was published by Atari, Inc., in 1976.'))).to.deep.equal([['Atari', 'organization']]);
    const apple = mentions('Apple Inc. released a phone.').find((m) => m.text === 'Apple Inc')!;
    expect(apple.type).to.equal('organization');
    expect(apple.key).to.equal('apple');
  });

  it('starts and ends no name with a capitalised preposition or conjunction ("[6] In Byron\'s memoirs")', () => {
    expect(named(mentions('She was in love with him. [6] In Byron\'s later memoirs, she is portrayed.'))).to.deep.equal([['Byron', 'person']]);
    expect(named(mentions('The slide was titled "Debbie Left Because".')).map(([name]) => name)).to.not.include('Debbie Left Because');
  });

  it('keeps a world war\'s number in its name ("World War I" is neither "World War II" nor a pronoun)', () => {
    const ms = named(mentions('After World War I ended, he served in World War II and wrote of World War 2.'));
    expect(ms).to.deep.equal([['World War I', 'other'], ['World War II', 'other'], ['World War 2', 'other']]);
    expect(named(mentions('He fought in World War I. Angell wrote of World War Two.'))).to.deep.equal([['World War I', 'other'], ['Angell', 'person'], ['World War Two', 'other']]);
    const keys = mentions('World War 2 began. World War II ended. World War Two was long.').filter((m) => m.named).map((m) => m.key);
    expect(new Set(keys).size).to.equal(1);
  });

  it('leaves a caption\'s credit label out of names ("Ahmed Mohamed Image: Twitter")', () => {
    const ms = named(mentions('Obama wrote to student Ahmed Mohamed Image: Twitter / Barack Obama.')).map(([name]) => name);
    expect(ms).to.include('student Ahmed Mohamed');
    expect(ms.some((name) => /Image/.test(name))).to.equal(false);
  });

  it('reads "Washington, D.C." as one place, the capital, and no currency or kind of record as a name', () => {
    const ms = mentions('He moved to Washington, D.C. in 2001 and loved D.C. for years. The band spent US$ 5,000 on an EP.');
    expect(named(ms)).to.deep.equal([['Washington, D.C.', 'place'], ['D.C.', 'place']]);
    expect(ms.filter((m) => m.named)[0].key).to.equal(ms.filter((m) => m.named)[1].key);
  });

  it('ends a name with the word after its particle ("Naomi van As"), and reads "the Siege of …" as an event', () => {
    expect(named(mentions('Naomi van As (born 1983) is a Dutch player.'))).to.deep.equal([['Naomi van As', 'person']]);
    const ms = named(mentions('He was wounded at the Siege of Savannah, after the War of the Quadruple Alliance.'));
    expect(ms.filter(([, type]) => type !== 'place')).to.deep.equal([['Siege of Savannah', 'other'], ['War of the Quadruple Alliance', 'other']]);
  });

  it('types a former state a place, whatever its head word', () => {
    const ms = mentions('Chomsky said the Soviet Union had collapsed. The USSR was vast. Ceylon and Prussia were ruled from afar. Austria-Hungary fought on.');
    expect(named(ms)).to.deep.include.members([['Soviet Union', 'place'], ['USSR', 'place'], ['Ceylon', 'place'], ['Prussia', 'place'], ['Austria-Hungary', 'place']]);
    expect(ms.find((m) => m.text === 'USSR')!.key).to.equal(ms.find((m) => m.text === 'Soviet Union')!.key);
  });

  it('gives the owner of a title from a demonym', () => {
    const [s] = tokenize('Mexican President Claudia Sheinbaum spoke.');
    const [name] = findNames(s);
    expect(name.titleOf).to.include({ text: 'Mexico', type: 'place' });
    expect(name.title).to.equal('President');
  });

  it('reads a lower-case title after a possessive owner', () => {
    const ms = mentions("Mexico's Foreign Affairs secretary Ramón de la Fuente said so.");
    expect(named(ms)).to.deep.equal([['Mexico', 'place'], ['Ramón de la Fuente', 'person']]);
    const [s] = tokenize("Mexico's Foreign Affairs secretary Ramón de la Fuente said so.");
    const person = findNames(s).find((n) => n.type === 'person')!;
    expect(person.titleOf).to.include({ text: 'Mexico', type: 'place' });
  });

  it('finds a surname used alone as a person', () => {
    const ms = mentions('Minister Ana Torres arrived. Later, Torres said the talks went well.');
    expect(named(ms)).to.deep.equal([['Ana Torres', 'person'], ['Torres', 'person']]);
  });

  it('types organisations by their head word', () => {
    const ms = mentions('The deal was signed by the Ministry of Health and Acme Widgets Inc. in March.');
    expect(named(ms)).to.deep.include(['Ministry of Health', 'organization']);
    expect(ms.some((m) => m.text.startsWith('Acme Widgets') && m.type === 'organization')).to.equal(true);
  });

  it('finds an acronym after its expansion', () => {
    const ms = mentions('Officials discussed the North Atlantic Treaty Organization (NATO) on Friday.');
    expect(named(ms)).to.deep.include(['North Atlantic Treaty Organization', 'organization']);
    expect(named(ms)).to.deep.include(['NATO', 'organization']);
  });

  it('reads an ALL-CAPS dateline as a place and never a date', () => {
    const ms = mentions('MEXICO CITY, Sept. 3 — Officials met on Tuesday.');
    expect(named(ms)).to.deep.equal([['MEXICO CITY', 'place']]);
  });

  it('keeps headings and months out', () => {
    const ms = mentions('Key Topics of Discussion\nIn September the Council met in Paris.');
    expect(named(ms).map((x) => x[0])).to.deep.equal(['Council', 'Paris']);
  });

  it('drops the possessive ending from a name', () => {
    const ms = mentions('Rubio’s visit follows Trump\'s order.');
    expect(ms.filter((m) => m.named).map((m) => m.text)).to.deep.equal(['Rubio', 'Trump']);
  });

  it('marks pronouns and title descriptions as anaphors', () => {
    const ms = mentions('The Secretary said she would return.');
    const an = ms.filter((m) => m.anaphor).map((m) => [m.text, m.type]);
    expect(an).to.deep.equal([['The Secretary', 'person'], ['she', 'person']]);
  });

  it('splits hyphen-joined places', () => {
    const ms = mentions('Broader U.S.-Mexico relations matter.');
    expect(named(ms)).to.deep.equal([['U.S.', 'place'], ['Mexico', 'place']]);
  });

  it('finds the named mention inside a phrase', () => {
    const text = 'She met President Claudia Sheinbaum today.';
    const ms = mentions(text);
    const m = nameAt(ms, text.indexOf('President'), text.indexOf(' today'));
    expect(m?.text).to.equal('Claudia Sheinbaum');
  });
});

describe('extract/entities: shapes and context', () => {
  it('takes a lower-case role into a person span but keeps it out of the key', () => {
    const m = mentions('The film starred actor Tom Hanks in 1994.').find((x) => x.type === 'person')!;
    expect([m.text, m.key, m.title]).to.deep.equal(['actor Tom Hanks', 'tom hanks', 'actor']);
  });

  it('leaves a role with a determiner out of the span: an apposition', () => {
    const ms = mentions('Residents met the mayor Ana Ruiz on Friday.');
    expect(named(ms)).to.deep.equal([['Ana Ruiz', 'person']]);
  });

  it('reads countries in a match report as teams, and the place a match is held in as a place', () => {
    const text = 'Brazil beat Chile 2 – 1 in Argentina. Brazil scored a late goal from a penalty. The referee booked two Chilean players. Chile had more possession in the match.';
    const ms = named(mentions(text));
    expect(ms).to.deep.include(['Brazil', 'organization']);
    expect(ms).to.deep.include(['Chile', 'organization']);
    expect(ms).to.deep.include(['Argentina', 'place']);
  });

  it('reads a town name used as a surname as the person', () => {
    const ms = named(mentions('Marjeta Paris, a former nurse, sued the clinic. Paris said she was never paid.'));
    expect(ms).to.deep.equal([['Marjeta Paris', 'person'], ['Paris', 'person']]);
  });

  it('types stations as places, festivals as events and a municipality as a body', () => {
    const ms = named(mentions('Crowds left Ueno Station for the Harbin Ice Festival, said the Municipality of Harbin.'));
    expect(ms).to.deep.include(['Ueno Station', 'place']);
    expect(ms).to.deep.include(['Harbin Ice Festival', 'other']);
    expect(ms).to.deep.include(['Municipality of Harbin', 'organization']);
  });

  it('does not take a name after "the" or with a plural end for a person', () => {
    const ms = named(mentions('Members of the Blue Lantern met the Free Thinkers on Sunday.'));
    expect(ms.filter(([, type]) => type === 'person')).to.deep.equal([]);
  });

  it('reads a hyphenated romanised given name as a person', () => {
    expect(named(mentions('Voters backed Lau Siu-lai in the west.'))).to.deep.equal([['Lau Siu-lai', 'person']]);
  });

  it('types the party a person belongs to from "of" and a possessive', () => {
    const ms = named(mentions("Wu Chi-wai of Civic Action won, and Civic Action's Ho Man-kit lost."));
    expect(ms.filter(([t]) => t === 'Civic Action')).to.deep.equal([['Civic Action', 'organization'], ['Civic Action', 'organization']]);
  });

  it('keeps a possessive inside a body name', () => {
    expect(named(mentions("Units of the Korean People's Army moved north."))).to.deep.include(["Korean People's Army", 'organization']);
  });

  it('reads peoples and faiths in the plural as people', () => {
    const ms = named(mentions('Many Afghans and Muslims attended the vigil.'));
    expect(ms).to.deep.equal([['Afghans', 'person'], ['Muslims', 'person']]);
  });

  it('reads an outlet named "…news" as a body', () => {
    expect(named(mentions('The story was first reported by Ukrinews on Monday.'))).to.deep.equal([['Ukrinews', 'organization']]);
  });

  it('reads an unknown name after "in" as a place, but not a language', () => {
    const ms = named(mentions('The fair was held in Vrbnik and the guide spoke in Slovenian.'));
    expect(ms.filter(([, type]) => type === 'place')).to.deep.equal([['Vrbnik', 'place']]);
  });

  it('types a town or province from the city gazetteer, also inside a body\'s name', () => {
    const ms = named(mentions('Flooding closed roads around Greensboro. The Municipality of Livorno in Liguria sent help.'));
    expect(ms).to.deep.include(['Greensboro', 'place']);
    expect(ms).to.deep.include(['Municipality of Livorno', 'organization']);
    expect(ms).to.deep.include(['Livorno', 'place']);
    expect(ms).to.deep.include(['Liguria', 'place']);
  });

  it('does not take an ordinary word or a given name that is also a town for a place', () => {
    const ms = named(mentions('Staff of the University said Irving Cole had left.'));
    expect(ms.filter(([, type]) => type === 'place')).to.deep.equal([]);
  });

  it('types an unknown acronym as a body only when the sentence treats it as one', () => {
    const body = named(mentions("The FTU's Wong Kin won a seat, and Anna Lau of NWSC was elected, according to AFP."));
    expect(body).to.deep.include(['FTU', 'organization']);
    expect(body).to.deep.include(['NWSC', 'organization']);
    expect(body).to.deep.include(['AFP', 'organization']);
    const expanded = named(mentions('The Union of Rationalist Atheists and Agnostics (UAAR) objected.'));
    expect(expanded).to.deep.include(['UAAR', 'organization']);
    const none = named(mentions('Children can lose IQ points, and the ZRT system replaced the old tax.'));
    expect(none.filter(([, type]) => type === 'organization')).to.deep.equal([]);
  });

  it('keeps honours after a name out of the entities', () => {
    const ms = named(mentions('The prosecutor, Mark Tedesco, QC, said the jury should convict.'));
    expect(ms).to.deep.equal([['Mark Tedesco', 'person']]);
  });

  it('does not read a particle name beside a common noun as a person', () => {
    const ms = named(mentions('Police seized a Casa de Oro gang boat. Later the group Casa de Oro said it had no boats.'));
    expect(ms.filter(([, type]) => type === 'person')).to.deep.equal([]);
    expect(named(mentions('Ramón de la Fuente said so.'))).to.deep.equal([['Ramón de la Fuente', 'person']]);
  });

  it('does not take a person\'s surname before a thing for a new person', () => {
    const ms = named(mentions('Andy Warhol took photos. The Warhol Polaroid prints were shown, and the Polaroid format spread.'));
    expect(ms.filter(([, type]) => type === 'person').map(([text]) => text)).to.deep.equal(['Andy Warhol', 'Warhol']);
  });
});

describe('extract/entities nameAt', () => {
  it('prefers a name over the place nested in it', () => {
    const text = 'She studied at the University of Texas last year.';
    const d: Document = { id: 't', path: 't', text, clean: text, toOriginal: (i) => i };
    const ms = findMentions(d, tokenize(text));
    expect(ms.filter((m) => m.named).map((m) => m.text)).to.deep.equal(['University of Texas', 'Texas']);
    expect(nameAt(ms, text.indexOf('the University'), text.indexOf(' last'))?.text).to.equal('University of Texas');
  });

  describe('parties, factions and titles before a name', () => {
    it('keeps a party before a name out of the span and types the party ("Senior Tories Ken Clarke and …")', () => {
      const ms = mentions('Senior Tories Ken Clarke and Michael Portillo backed the plan.');
      expect(named(ms)).to.deep.equal([['Tories', 'organization'], ['Ken Clarke', 'person'], ['Michael Portillo', 'person']]);
    });

    it('keeps a faction adjective out of the span ("Blairite Alan Milburn")', () => {
      expect(named(mentions('On Friday, Blairite Alan Milburn resigned.'))).to.deep.equal([['Alan Milburn', 'person']]);
    });

    it('keeps a minister\'s brief with the title, not the name ("Pensions Secretary Alan Johnson")', () => {
      const ms = mentions('He said Pensions Secretary Alan Johnson was wrong.');
      const m = ms.find((x) => x.named)!;
      expect([m.text, m.type, m.title, m.evidence?.name, m.evidence?.titleHead]).to.deep.equal(['Alan Johnson', 'person', 'Pensions Secretary', 'Alan Johnson', 'secretary']);
    });

    it('makes a body before a title its owner ("Bank of England Governor Mark Carney")', () => {
      const [s] = tokenize('He met Bank of England Governor Mark Carney.');
      const names = findNames(s);
      const person = names.find((n) => n.type === 'person')!;
      expect([person.title, person.titleOf?.text, person.titleOf?.type]).to.deep.equal(['Governor', 'Bank of England', 'organization']);
      // England, a place the gazetteer knows, is named inside the body's name as Texas is in "University of Texas".
      expect(names.map((n) => n.key)).to.deep.equal(['bank of england', 'england', 'mark carney']);
    });

    it('reads a party adjective before a title as the title\'s owner ("Tory MP Ken Clarke")', () => {
      const [s] = tokenize('Tory MP Ken Clarke and Republican Senator Ana Ruiz met.');
      const names = findNames(s);
      expect(names.map((n) => [n.key, n.title, n.titleOf?.text, n.titleOf?.type])).to.deep.equal([
        ['ken clarke', 'MP', 'Tory', 'organization'],
        ['ana ruiz', 'Senator', 'Republican', 'organization'],
      ]);
    });

    it('starts a new name at an honorific inside a capitalised run ("Harrogate Mr Kennedy")', () => {
      const ms = mentions('He met Harrogate Mr Kennedy on Friday.');
      const kennedy = ms.find((m) => m.evidence?.name === 'Kennedy')!;
      expect(kennedy.type).to.equal('person');
      expect(kennedy.title).to.equal('Mr');
      expect(kennedy.evidence?.gender).to.equal('m');
      expect(ms.some((m) => m.named && m.text.includes('Harrogate') && m.type === 'person')).to.equal(false);
    });

    it('glues no name across a line break', () => {
      const ms = mentions('Speaking in Harrogate Mr Kenne\ndy said the Lib Dems would win. Ken\nClarke agreed.');
      for (const m of ms) expect(m.text).to.not.include('\n');
      expect(ms.some((m) => m.type === 'person' && /Harrogate/.test(m.text))).to.equal(false);
    });
  });

  describe('parties and government bodies', () => {
    it('types "the Lib Dems" as one organisation, with no place "Lib" inside', () => {
      expect(named(mentions('The Lib Dems won the seat.'))).to.deep.equal([['Lib Dems', 'organization']]);
    });

    it('types party names and plural party nouns as organisations', () => {
      const ms = mentions('Democrats and Republicans voted. The Greens, Plaid Cymru and Sinn Fein joined Labour, and the Liberal Democrats left.');
      expect(named(ms)).to.deep.equal([
        ['Democrats', 'organization'], ['Republicans', 'organization'], ['Greens', 'organization'], ['Plaid Cymru', 'organization'],
        ['Sinn Fein', 'organization'], ['Labour', 'organization'], ['Liberal Democrats', 'organization'],
      ]);
    });

    it('types a party possessive before its member ("Labour\'s Alan Milburn")', () => {
      expect(named(mentions("Labour's Alan Milburn said so."))).to.deep.equal([['Labour', 'organization'], ['Alan Milburn', 'person']]);
    });

    it('types a local party branch as an organisation ("Aldridge Brownhills Conservatives")', () => {
      expect(named(mentions('He voted for Aldridge Brownhills Conservatives in May.'))).to.deep.include(['Aldridge Brownhills Conservatives', 'organization']);
    });

    it('types "the Treasury" and "the Home Office" as organisations', () => {
      expect(named(mentions('The Home Office and the Treasury disagreed.'))).to.deep.equal([['Home Office', 'organization'], ['Treasury', 'organization']]);
    });

    it('makes countries sides in a match result, and only there', () => {
      const ms = mentions('Ministers met in Paris. England beat France 2-1 in the match on Saturday. Voters in England were pleased.');
      expect(named(ms)).to.deep.equal([['Paris', 'place'], ['England', 'organization'], ['France', 'organization'], ['England', 'place']]);
    });
  });

  describe('words that name nothing', () => {
    it('makes no name of expletive "There" or a capitalised common noun', () => {
      const ms = mentions('There is a risk. The Chancellor said the Budget was fair.');
      expect(ms.filter((m) => m.named)).to.deep.equal([]);
    });
  });
});

describe('extract/entities: places, parts of places, roads and teams', () => {
  it('keeps the word that names a part of a place in the span: a place of its own', () => {
    expect(named(mentions('Fighting in northern Syria spread across Syria.'))).to.deep.equal([['northern Syria', 'place'], ['Syria', 'place']]);
    expect(named(mentions('West Oakland is poorer than Oakland.'))).to.deep.equal([['West Oakland', 'place'], ['Oakland', 'place']]);
    expect(named(mentions('We ate in downtown Tulsa.'))).to.deep.equal([['downtown Tulsa', 'place']]);
    const nested = named(mentions('She studied at the University of Southern California.'));
    expect(nested).to.deep.include(['Southern California', 'place']);
    expect(nested.map(([t]) => t)).to.not.include('California');
  });

  it('reads a road code as a road, not as the country its letters spell', () => {
    const ms = mentions('Take US-412 east, then US 75 north to the US border.');
    expect(ms.filter((m) => m.named).map((m) => [m.text, m.key])).to.deep.equal([['US-412', 'us 412'], ['US 75', 'us 75'], ['US', 'united states']]);
  });

  it('types a name led by a place head as a place ("Fort Lee", "Lake Merritt")', () => {
    expect(named(mentions('He moved to Fort Lee after a week at Lake Merritt.'))).to.deep.equal([['Fort Lee', 'place'], ['Lake Merritt', 'place']]);
  });

  it('reads a place and a capitalised plural as a team, not a place and a stray name', () => {
    expect(named(mentions('He signed with the Pittsburgh Pirates in 2012.'))).to.deep.include(['Pittsburgh Pirates', 'organization']);
    expect(named(mentions('He signed with the Pittsburgh Pirates in 2012.')).map(([t]) => t)).to.not.include('Pirates');
    expect(named(mentions('Aides in the U.S. Rubio\'s team spoke.')).map(([t]) => t)).to.not.include("U.S. Rubio");
  });
});

describe('extract/entities: acronyms of kinds of things', () => {
  it('names no entity by "TV" or "DVD", and still names a broadcaster by its letters', () => {
    expect(named(mentions('The BBC made a TV film that came out on DVD.'))).to.deep.equal([['BBC', 'organization']]);
  });
});

describe('extract/entities: given names that are places, descriptions after "a"', () => {
  it('reads a place that is also a given name, leading a short name, as the given name', () => {
    expect(named(mentions('She starred with Chad Michael Murray and Victoria Beckham.'))).to.deep.equal([['Chad Michael Murray', 'person'], ['Victoria Beckham', 'person']]);
    expect(named(mentions('Officials in Chad said so.'))).to.deep.equal([['Chad', 'place']]);
  });

  it('reads capitals after "a" headed by an ordinary noun as a description, not a name', () => {
    expect(named(mentions('The island became a World Heritage Site in 2008.'))).to.deep.equal([]);
  });

  it('reads a cathedral, a minster or a turnpike as a place of its own, not the town it is named after', () => {
    expect(named(mentions('We toured York Minster and drove the Muskogee Turnpike.'))).to.deep.include.members([['York Minster', 'place'], ['Muskogee Turnpike', 'place']]);
  });

  it('knows only the country initials news writes ("DC" is not DR Congo)', () => {
    const ms = mentions('Officials in the UK and the UAE met DC Comics staff.');
    expect(ms.filter((m) => m.named && m.key === 'dr congo')).to.deep.equal([]);
    expect(ms.filter((m) => m.named && m.type === 'place').map((m) => m.key)).to.include.members(['united kingdom', 'united arab emirates']);
  });

  it('reads a word capitalised inside as a brand, not a given name, unless it is a surname prefix (McCain)', () => {
    const ms = named(mentions('The HealthSpace Cleveland museum opened. John McCain and Ron DeSantis came.'));
    expect(ms.filter(([, type]) => type === 'person').map(([text]) => text)).to.deep.equal(['John McCain', 'Ron DeSantis']);
  });

  it('reads a place head after a given name as a place, unless the head is a common surname', () => {
    const ms = named(mentions('The Roman Empire fell. Damon Hill won the race.'));
    expect(ms).to.deep.include.members([['Roman Empire', 'place'], ['Damon Hill', 'person']]);
  });

  it('finds the person a place is named after, not a place, inside "George Washington Bridge"', () => {
    const ms = named(mentions('Traffic crawled over the George Washington Bridge.'));
    expect(ms).to.deep.include.members([['George Washington Bridge', 'place'], ['George Washington', 'person']]);
    expect(ms.map(([text]) => text)).to.not.include('Washington');
  });

  it('keeps a title\'s possessive in the body it names ("King\'s College")', () => {
    expect(named(mentions('He studied at King\'s College before the war.'))).to.deep.equal([["King's College", 'organization']]);
  });

  it('keeps a university\'s campus in its name ("University of California, Berkeley", "… at Chapel Hill")', () => {
    const ms = named(mentions('She taught at the University of California, Berkeley and then at the University of North Carolina at Chapel Hill.'));
    expect(ms.filter(([, type]) => type === 'organization').map(([text]) => text)).to.deep.equal(['University of California, Berkeley', 'University of North Carolina at Chapel Hill']);
  });

  it('joins a name across "and" when the text writes its acronym ("National Aeronautics and Space Administration", NASA)', () => {
    expect(named(mentions('The National Aeronautics and Space Administration launched it. NASA said so.'))).to.deep.equal([
      ['National Aeronautics and Space Administration', 'organization'],
      ['NASA', 'organization'],
    ]);
    expect(named(mentions('Microsoft and Apple Inc. sued each other.')).map(([text]) => text)).to.deep.equal(['Microsoft', 'Apple Inc']);
  });

  it('reads "Fort" + a name at the start of a sentence as one place, even where the text writes "fort" in lower case', () => {
    const ms = named(mentions('The old fort stands on the cliffs. Fort Lee is a city in Bergen County.'));
    expect(ms[0]).to.deep.equal(['Fort Lee', 'place']);
  });

  it('reads what "the village of", "the town of" … names as a place', () => {
    expect(named(mentions('They settled in the village of Brin, near the town of Esna.'))).to.deep.equal([['Brin', 'place'], ['Esna', 'place']]);
  });

  it('reads "New York City" as the New York news names bare, but "Quebec City" and "Oklahoma City" as towns of their own', () => {
    const keys = (text: string): string[] => mentions(text).filter((m) => m.named).map((m) => m.key);
    expect(keys('New York City is big. New York is bigger.')).to.deep.equal(['new york', 'new york']);
    expect(keys('Quebec City is old.')[0]).to.not.equal('quebec');
    expect(keys('Oklahoma City is flat.')[0]).to.not.equal('oklahoma');
  });

  it('reads no person in a law named after a title-like word ("the HEROES Act")', () => {
    expect(named(mentions('The Secretary invoked the HEROES Act to suspend payments.')).filter(([, type]) => type === 'person')).to.deep.equal([]);
  });

  it('ends a name at a plural\'s possessive ("DC Comics\' Superman" is two names)', () => {
    expect(named(mentions("He drew for DC Comics' Superman in 1990.")).map(([text]) => text)).to.deep.equal(['DC Comics', 'Superman']);
  });
});
