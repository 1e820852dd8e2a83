/**
 * Every word resolution knows, in one place. Given names that are one person's forms ("Vince" and "Vincent"
 * are caught by prefix; these are not): each line lists a formal name and its common short forms.
 */
const GIVEN_NAME_FORMS: string[][] = [
  ['william', 'bill', 'billy', 'will', 'willie'],
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'bert'],
  ['richard', 'dick', 'rick', 'ricky', 'rich'],
  ['anthony', 'tony'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['michael', 'mike', 'mick', 'mickey'],
  ['margaret', 'maggie', 'peggy', 'meg'],
  ['elizabeth', 'liz', 'beth', 'betty', 'lizzie', 'eliza'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['charles', 'chuck', 'charlie'],
  ['john', 'jack', 'johnny'],
  ['joseph', 'joe', 'joey'],
  ['thomas', 'tom', 'tommy'],
  ['henry', 'harry', 'hank'],
  ['katherine', 'catherine', 'kate', 'kathy', 'cathy', 'katie'],
  ['alexander', 'alex', 'sandy'],
  ['nicholas', 'nick', 'nicky'],
  ['christopher', 'chris'],
  ['stephen', 'steven', 'steve'],
  ['benjamin', 'ben'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave'],
  ['samuel', 'sam'],
  ['patrick', 'pat', 'paddy'],
  ['peter', 'pete'],
  ['frederick', 'fred', 'freddie'],
  ['lawrence', 'laurence', 'larry'],
  ['gerald', 'gerry', 'jerry'],
  ['rebecca', 'becky'],
  ['susan', 'sue', 'susie'],
  ['deborah', 'debbie', 'debra'],
  ['andrew', 'andy', 'drew'],
  ['timothy', 'tim'],
  ['kenneth', 'ken', 'kenny'],
  ['douglas', 'doug'],
  ['gordon', 'gordie'],
  ['donald', 'don', 'donny'],
  ['ronald', 'ron', 'ronnie'],
  ['jennifer', 'jen', 'jenny'],
  ['vincent', 'vince'],
  ['nathaniel', 'nathan', 'nate'],
];

/** Given name → the id of its group of forms, for names with more than one common form. */
export const GIVEN_NAME_GROUP: ReadonlyMap<string, number> = new Map(GIVEN_NAME_FORMS.flatMap((forms, i) => forms.map((f) => [f, i] as const)));


/**
 * Heads that name a kind of body or place: written alone and capitalised ("the Court", "the Church", "Downtown")
 * they mean the one the article is about, so such a name links nothing across documents.
 */
export const GENERIC_HEADS: ReadonlySet<string> = new Set([
  'academy', 'accord', 'act', 'administration', 'agency', 'army', 'assembly', 'association', 'bank', 'board', 'bridge', 'cabinet', 'castle',
  'cathedral', 'center', 'centre', 'chamber', 'charter', 'church', 'city', 'club', 'college', 'commission', 'committee', 'company', 'constitution',
  'convention', 'corporation', 'council', 'county', 'court', 'crown', 'department', 'district', 'downtown', 'embassy', 'empire', 'federation',
  'force', 'foundation', 'fund', 'government', 'group', 'hospital', 'institute', 'island', 'kingdom', 'lake', 'league', 'ministry', 'mosque',
  'museum', 'navy', 'office', 'palace', 'park', 'party', 'police', 'province', 'region', 'republic', 'river', 'school', 'sea', 'senate', 'society',
  'square', 'state', 'station', 'street', 'temple', 'treaty', 'tribunal', 'union', 'university',
]);
