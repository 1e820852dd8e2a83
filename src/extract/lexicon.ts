import nlp from 'compromise';

/**
 * The words the extractor knows that are not names of places: titles and honorifics, roles, head words of bodies,
 * places and events, parties, and nouns that refer to nothing in particular. compromise's lexicon supplies what it
 * has (organisation and place head words; its Honorific, Actor and Organization tags are read where words are
 * looked up); the rest is written here, as data. Place and demonym gazetteers are in gazetteer.ts.
 */

const model = (nlp as unknown as { world(): { model: { two: Record<string, Record<string, boolean>> } } }).world().model.two;

/** Head words that end organisation names: compromise's list plus a few it lacks. */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  ...Object.keys(model.orgWords),
  'agreement', 'alliance', 'assembly', 'cabinet', 'commission', 'congress', 'court', 'forces', 'force', 'front',
  'guard', 'league', 'movement', 'navy', 'organisation', 'parliament', 'party', 'senate', 'standards', 'unit',
  'institution', 'authorities', 'regime', 'airforce', 'corps', 'bank', 'network', 'channel', 'studios',
  'laboratories', 'inc', 'co', 'llp', 'gmbh', 'ag', 'sa', 'nv', 'fc', 'brigade', 'battalion', 'command',
  'secretariat', 'ministry', 'department', 'agency', 'council', 'committee', 'university', 'program', 'programme',
  'municipality', 'district', 'instituto', 'istituto', 'universidad', 'universita', 'partido', 'partito', 'movimento',
  'movimiento', 'ministerio', 'ministero',
]);
/** A company's legal form, written after its name ("Apple Inc.", "Atari, Inc."): part of no name's identity. */
export const LEGAL_FORMS: ReadonlySet<string> = new Set(['inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'plc', 'corp', 'co', 'gmbh', 'ag', 'nv', 'pty']);
/** "Agreement" names a treaty, not a body; it keeps the name together but types it 'other'. */
export const NON_ORG_HEADS: ReadonlySet<string> = new Set(['agreement', 'treaty', 'accord', 'act', 'convention', 'protocol', 'program', 'programme']);

/**
 * Head words that end place names (River, County, Island …): compromise's list, less words that name bodies
 * as often as buildings, plus structures news names as places ("Shandao Station", "the Grand Mosque").
 */
export const PLACE_HEADS: ReadonlySet<string> = new Set(
  [
    ...Object.keys(model.placeWords), 'sea', 'ocean', 'peninsula', 'archipelago', 'station', 'mosque', 'temple',
    'towers', 'hall', 'plaza', 'square', 'base', 'airport', 'harbour', 'harbor', 'port', 'cathedral', 'minster', 'abbey', 'turnpike',
    'chapel', 'highway', 'freeway', 'expressway', 'motorway', 'parkway', 'boulevard', 'tunnel', 'empire', 'caliphate', 'sultanate',
  ].filter((w) => !['house', 'centre', 'memorial', 'museum', 'office', 'library', 'building', 'site', 'complex', 'way', 'bar', 'field', 'municipality', 'district'].includes(w)),
);

/** Head words of events: a name ending in one is neither a body nor a place ("Google Science Fair", "World Cup"). */
export const EVENT_HEADS: ReadonlySet<string> = new Set([
  'fair', 'festival', 'expo', 'cup', 'olympics', 'games', 'prize', 'award', 'awards', 'summit', 'marathon', 'election',
  'elections', 'war', 'championship', 'championships', 'tournament', 'series', 'open', 'day', 'week', 'show',
  'exhibition', 'biennale', 'concert', 'parade', 'derby',
]);

/** Words that begin an event's name before "of": "the Battle of Hastings", "the Siege of Savannah", "the War of 1812". */
export const LEADING_EVENT_HEADS: ReadonlySet<string> = new Set(['battle', 'siege', 'war', 'sack', 'fall', 'massacre', 'invasion', 'liberation', 'treaty', 'peace', 'edict', 'revolt', 'rebellion', 'uprising']);

/** Single words that name a governing body when capitalised ("the White House", "the Kremlin"). */
export const INSTITUTIONS: ReadonlySet<string> = new Set([
  'white house', 'pentagon', 'kremlin', 'congress', 'parliament', 'senate', 'knesset', 'bundestag', 'duma', 'state department',
  'vatican', 'downing street', 'whitehall', 'interpol', 'europol',
  // Government departments British news names by one word or an "Office": "the Treasury", "the Home Office".
  'treasury', 'exchequer', 'home office', 'foreign office', 'cabinet office', 'scottish office', 'welsh office', 'northern ireland office',
]);

/** Titles that precede a person's name. compromise's Honorific and Actor words count too (see entities' isTitleHead). */
export const TITLES: ReadonlySet<string> = new Set([
  'president', 'vice', 'minister', 'premier', 'secretary', 'senator', 'sen', 'rep', 'representative', 'congressman',
  'congresswoman', 'governor', 'gov', 'mayor', 'king', 'queen', 'prince', 'princess', 'pope', 'emperor', 'general',
  'gen', 'colonel', 'col', 'captain', 'capt', 'lieutenant', 'lt', 'sergeant', 'sgt', 'admiral', 'commander', 'chief',
  'director', 'chairman', 'chairwoman', 'chair', 'ceo', 'professor', 'prof', 'dr', 'doctor', 'mr', 'mrs', 'ms', 'miss',
  'sir', 'dame', 'lord', 'lady', 'judge', 'justice', 'ambassador', 'chancellor', 'ayatollah', 'sheikh', 'rev',
  'reverend', 'father', 'bishop', 'archbishop', 'cardinal', 'rabbi', 'imam', 'officer', 'detective', 'inspector',
  'sheriff', 'deputy', 'commissioner', 'spokesman', 'spokeswoman', 'spokesperson', 'coach', 'manager', 'founder',
  'editor', 'leader', 'head', 'mp', 'mep', 'attorney', 'superintendent', 'constable', 'marshal', 'dean', 'rector',
  'councillor', 'councilman', 'councilwoman', 'chairperson', 'treasurer', 'prosecutor', 'lawyer', 'envoy',
  'spokesmen', 'presidents', 'ministers', 'secretaries', 'senators', 'monsignor', 'brother', 'sister', 'saint', 'st',
]);

/** Words that qualify a title ("Foreign Minister", "Deputy Secretary", "former President"). */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set([
  'vice', 'deputy', 'prime', 'foreign', 'former', 'acting', 'interim', 'assistant', 'associate', 'senior', 'chief',
  'executive', 'general', 'state', 'defense', 'defence', 'finance', 'interior', 'home', 'health', 'justice', 'trade',
  'affairs', 'first', 'lord', 'supreme', 'lieutenant', 'attorney', 'press', 'national', 'security', 'homeland',
  'education', 'energy', 'treasury', 'commerce', 'labor', 'labour', 'agriculture', 'transportation', 'economy',
  'economic', 'culture', 'environment', 'cabinet', 'opposition', 'party', 'majority', 'minority', 'house', 'senate',
  'crown', 'managing', 'technical', 'head', 'team', 'club', 'army', 'police', 'military', 'elect', 'then', 'late',
  'shadow', 'junior', 'emeritus', 'honorary', 'visiting',
  // A minister's brief ("Pensions Secretary", "Transport Minister", "Work and Pensions Secretary").
  'pensions', 'work', 'transport', 'business', 'industry', 'housing', 'communities', 'welfare', 'employment', 'immigration',
  'development', 'international', 'media', 'sport', 'sports', 'science', 'technology', 'digital', 'environmental', 'rural',
  'food', 'fisheries', 'equalities', 'women', 'children', 'families', 'veterans', 'climate', 'constitutional', 'local',
  'government', 'european', 'brexit', 'scottish', 'welsh', 'tourism',
  'heritage', 'arts', 'universities', 'schools', 'skills', 'policing', 'prisons', 'armed', 'public', 'services', 'solicitor',
]);

/** Lower-case particles inside personal names ("Ramón de la Fuente", "Ludwig van Beethoven"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'la', 'del', 'della', 'da', 'das', 'do', 'dos', 'du', 'van', 'von', 'der', 'den', 'ter', 'bin', 'ibn', 'al', 'el', 'le', 'di', 'y', 'ben', 'mac', 'st']);

/**
 * Courtesy titles that open a person's name, with the gender they tell ("Mrs" → f; "Dr" tells none). compromise tags
 * most as Honorific but keeps no gender. One in the middle of a capitalised run starts a new name ("Harrogate Mr Kennedy").
 */
export const HONORIFICS: ReadonlyMap<string, 'm' | 'f' | undefined> = new Map<string, 'm' | 'f' | undefined>([
  ['mr', 'm'], ['messrs', 'm'], ['sir', 'm'], ['mrs', 'f'], ['ms', 'f'], ['miss', 'f'], ['mme', 'f'], ['mlle', 'f'], ['dame', 'f'],
  ['mx', undefined], ['dr', undefined],
]);

const gendered = (g: 'm' | 'f'): string[] => [...HONORIFICS].filter(([, x]) => x === g).map(([w]) => w);
/** Gendered titles, for pronoun agreement. */
export const MALE_TITLES: ReadonlySet<string> = new Set([
  ...gendered('m'), 'king', 'prince', 'lord', 'father', 'brother', 'spokesman', 'chairman', 'congressman', 'councilman', 'emperor',
  'pope', 'rabbi', 'monsignor',
]);
export const FEMALE_TITLES: ReadonlySet<string> = new Set([
  ...gendered('f'), 'queen', 'princess', 'lady', 'sister', 'spokeswoman', 'chairwoman', 'congresswoman', 'councilwoman',
]);

/** Letters written after a person's name: honours, degrees, offices ("QC", "OBE", "MP", "PhD"). */
export const POST_NOMINALS: ReadonlySet<string> = new Set(['qc', 'kc', 'sc', 'mp', 'mep', 'msp', 'mla', 'mpp', 'obe', 'mbe', 'cbe', 'kbe', 'dbe', 'frs', 'phd', 'md', 'jr', 'sr', 'esq', 'rn']);

/** Words that begin a body's name: "Instituto Gonzaga", "Group F", "Team Estonia". */
export const LEADING_ORG_HEADS: ReadonlySet<string> = new Set(['instituto', 'istituto', 'institut', 'universidad', 'universita', 'universite', 'movimento', 'movimiento', 'partido', 'partito', 'ministerio', 'ministero', 'group', 'team', 'club']);

/**
 * Political parties named without a head word, normalised: a capitalised one is a body wherever it stands
 * ("Labour", "the Lib Dems", "Plaid Cymru", "Democrats").
 */
export const PARTY_NAMES: ReadonlySet<string> = new Set([
  'labour', 'tories', 'conservatives', 'lib dems', 'lib dem', 'libdems', 'liberal democrats', 'liberals', 'greens', 'plaid cymru',
  'plaid', 'sinn fein', 'ukip', 'snp', 'dup', 'sdlp', 'uup', 'democrats', 'republicans', 'social democrats', 'christian democrats',
  'fianna fail', 'fine gael', 'likud', 'reform uk',
]);

/**
 * Plural nouns for a party's members that end a party branch's name and make it a body: "Aldridge Brownhills
 * Conservatives", "Scottish Tories", "Welsh Liberal Democrats", "Young Republicans".
 */
export const PARTY_MEMBERS: ReadonlySet<string> = new Set([
  'conservatives', 'tories', 'democrats', 'dems', 'republicans', 'liberals', 'greens', 'socialists', 'unionists', 'nationalists',
  'labour',
]);

/**
 * Adjectives of party or faction that stand before a member's name and are no part of it: "Tory Ken Clarke",
 * "Republican John McCain". Followers of a politician are named with -ite or -ist ("Blairite", "Marxist"), see
 * entities' isFactionWord.
 */
export const PARTY_ADJECTIVES: ReadonlySet<string> = new Set([
  'tory', 'labour', 'conservative', 'liberal', 'republican', 'democratic', 'democrat', 'unionist', 'nationalist', 'socialist',
  'communist', 'libdem',
]);

/** Plural nouns for followers of a faith or creed, named like peoples ("Muslims", "Agnostics"). */
export const ADHERENTS: ReadonlySet<string> = new Set(['muslims', 'christians', 'jews', 'hindus', 'buddhists', 'sikhs', 'catholics', 'protestants', 'mormons', 'atheists', 'agnostics', 'scientologists', 'evangelicals', 'shiites', 'sunnis', 'orthodox']);

/** Verbs that report speech: a name before one is a speaker ("…, Smith said"). */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(['say', 'tell', 'add', 'explain', 'state', 'note', 'announce', 'argue', 'claim', 'write', 'ask', 'reply', 'insist', 'warn']);

/** Words of match reports: in a document full of them, a country named as an actor is its national team. */
export const SPORTS_WORDS: ReadonlySet<string> = new Set([
  'match', 'goal', 'goals', 'scored', 'scoring', 'cup', 'championship', 'league', 'tournament', 'squad', 'coach', 'penalty',
  'defeated', 'beat', 'qualifier', 'striker', 'goalkeeper', 'referee', 'stadium', 'semifinal', 'semi-final', 'possession',
  'header', 'assist', 'kick', 'booked', 'substituted', 'equalise', 'equalize', 'equaliser', 'equalizer', 'halftime',
  'half-time', 'innings', 'wicket', 'playoff', 'playoffs', 'fixture', 'kickoff', 'scoreboard', 'debutants', 'midfielder',
]);

/**
 * Head nouns that refer to nothing in particular: no concept node is made of them ("there" in "there is a risk",
 * "people", "someone", "a lot of …"). Keys are lemmas, so "people" comes as "person".
 */
export const GENERIC_NOUNS: ReadonlySet<string> = new Set([
  'there', 'person', 'people', 'persons', 'thing', 'things', 'one', 'ones', 'someone', 'somebody', 'something', 'anyone', 'anybody',
  'anything', 'everyone', 'everybody', 'everything', 'nobody', 'nothing', 'way', 'ways', 'lot', 'lots',
  'part', 'number', 'kind', 'type', 'some', 'many', 'much', 'more', 'most', 'all', 'both', 'each', 'other', 'others', 'any',
  'none', 'few', 'several', 'this', 'that', 'these', 'those', 'which', 'what', 'who', 'whom', 'side', 'sides', 'fact', 'time',
  'times', 'case', 'cases', 'place',
]);

/** Words that name a part of a place ("northern Syria", "downtown Tulsa", "West Oakland"): a place of its own. */
export const PLACE_PART = /^(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|downtown|mainland|upper|lower|inner|outer|old|greater)$/;

/** Words that begin a place's name: "Fort Lee", "Mount Hood", "Lake Merritt", "Cape Cod". */
export const LEADING_PLACE_HEADS: ReadonlySet<string> = new Set(['fort', 'mount', 'mt', 'lake', 'loch', 'cape', 'isle', 'port']);

/** Acronyms of kinds of things, not of one body or place: "a TV film", "on DVD". */
export const COMMON_ACRONYMS: ReadonlySet<string> = new Set([
  'tv', 'dvd', 'dvds', 'cd', 'cds', 'gps', 'ufo', 'pc', 'usb', 'hiv', 'dna', 'rna', 'gdp', 'sms', 'pdf', 'url', 'led', 'lcd', 'mp3', 'atm',
  'suv', 'vip', 'faq', 'diy', 'iq', 'ipo', 'mba', 'phd', 'rpg', 'fps', 'vr', 'cctv', 'wifi', 'ppe', 'ep', 'lp', 'bce', 'ce', 'cdp',
]);

/** Titles of a country's head of state or government: one holder per country at a time ("President", "Prime Minister"). */
export const HEAD_TITLES: ReadonlySet<string> = new Set(['president', 'prime minister', 'premier', 'chancellor', 'king', 'queen', 'emperor', 'vice president']);

/** Nouns that describe a place: "Brookston is a city", "a river in Wales". */
export const PLACE_NOUNS: ReadonlySet<string> = new Set([
  'city', 'town', 'village', 'hamlet', 'community', 'municipality', 'commune', 'suburb', 'neighbourhood', 'neighborhood', 'district',
  'county', 'province', 'region', 'state', 'country', 'island', 'archipelago', 'river', 'creek', 'stream', 'tributary', 'lake',
  'mountain', 'peak', 'volcano', 'glacier', 'valley', 'bay', 'peninsula', 'settlement', 'locality', 'parish', 'borough', 'township',
  'capital', 'port', 'park', 'forest', 'reserve', 'desert', 'canyon', 'plateau', 'cape', 'beach', 'coast', 'area', 'territory',
  'prefecture', 'oblast', 'voivodeship', 'canton', 'department', 'governorate', 'emirate', 'kingdom', 'republic', 'place', 'cdp',
  'unincorporated community', 'neighbourhood', 'resort', 'street', 'road', 'highway', 'freeway', 'square', 'bridge', 'airport', 'station',
]);

/** Place nouns too vague to make what they are "of" a place: "the area of physics", "the capital of Ohio's economy". */
export const VAGUE_PLACE_NOUNS: ReadonlySet<string> = new Set(['area', 'place', 'department', 'capital']);

/** Nouns that describe a body of people: "Acme is a company", "The Swingles are a vocal group". */
export const ORG_NOUNS: ReadonlySet<string> = new Set([
  'company', 'corporation', 'firm', 'business', 'band', 'group', 'club', 'team', 'party', 'university', 'college', 'school',
  'organization', 'organisation', 'agency', 'association', 'society', 'union', 'federation', 'league', 'airline', 'bank', 'publisher',
  'label', 'studio', 'network', 'newspaper', 'magazine', 'broadcaster', 'channel', 'station', 'orchestra', 'choir', 'ensemble',
  'institute', 'foundation', 'charity', 'church', 'museum', 'hospital', 'army', 'navy', 'militia', 'government', 'ministry',
  'council', 'committee', 'subsidiary', 'manufacturer', 'retailer', 'chain', 'brand', 'developer', 'duo', 'trio', 'quartet',
]);

/** Adjectives of a faith or creed ("a Catholic school", "Jewish faith"): words of a kind, never a body of their own. */
export const CREEDS: ReadonlySet<string> = new Set([
  'catholic', 'protestant', 'christian', 'muslim', 'jewish', 'islamic', 'hindu', 'buddhist', 'sikh', 'orthodox', 'evangelical',
  'anglican', 'baptist', 'methodist', 'lutheran', 'presbyterian', 'mormon', 'shia', 'shiite', 'sunni', 'pentecostal', 'quaker',
]);

/**
 * States that no longer exist, which the country lists (world-countries) leave out, and their other names. News and
 * encyclopaedias write of them as places ("born in the Soviet Union", "Prussia's army"); without them a head word
 * such as "Union" or "Reich" makes the name a body.
 */
export const FORMER_STATES: Readonly<Record<string, readonly string[]>> = {
  'Soviet Union': ['USSR', 'Union of Soviet Socialist Republics', 'Soviet Russia'],
  Yugoslavia: ['Kingdom of Yugoslavia', 'Socialist Federal Republic of Yugoslavia'],
  Czechoslovakia: [],
  'East Germany': ['German Democratic Republic', 'GDR'],
  'West Germany': ['Federal Republic of Germany'],
  'Nazi Germany': ['Third Reich'],
  'Weimar Republic': [],
  Prussia: ['Kingdom of Prussia'],
  'Austria-Hungary': ['Austro-Hungarian Empire'],
  'Ottoman Empire': [],
  'Russian Empire': [],
  'Holy Roman Empire': [],
  'Roman Empire': [],
  'Byzantine Empire': [],
  'British Empire': [],
  'Confederate States of America': ['Confederate States'],
  Rhodesia: [],
  Zaire: [],
  Ceylon: [],
  Persia: [],
  Siam: [],
};

/** Countries' initials that news writes for them (the initials of the others name other things: "SS", "MI", "DC"). */
export const COUNTRY_INITIALISMS: ReadonlySet<string> = new Set(['US', 'UK', 'UAE', 'NZ', 'PNG']);

/** What a surname may start with before a second capital: McCain, MacArthur, DeSantis, LaGuardia, DiCaprio, VanDyke. */
export const NAME_PREFIXES = /^(?:mc|mac|de|di|da|du|la|le|van|von|fitz|st|o|al|el|ben|bin)$/i;

/** Place heads that are common surnames too: after a given name they end a person's name ("Damon Hill", "Joan Rivers"). */
export const SURNAME_HEADS: ReadonlySet<string> = new Set([
  'hill', 'hills', 'park', 'lake', 'brook', 'brooks', 'wood', 'woods', 'green', 'ford', 'castle', 'hall', 'field', 'fields',
  'banks', 'wells', 'church', 'heath', 'moore', 'cross', 'forest', 'mills', 'mill', 'marsh', 'bay', 'grove', 'vale', 'ridge',
  'dale', 'glen', 'rivers', 'mount', 'port', 'beach', 'bridges', 'gates', 'house', 'town', 'temple', 'chapel', 'station',
]);
