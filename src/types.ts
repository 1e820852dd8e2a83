/**
 * The domain of the pipeline, named once: ingest → extract → resolve → graph → export / query / serve.
 * Every offset is into the ORIGINAL text of a document (JavaScript string indices, end exclusive).
 */

/** A half-open range [start, end) of UTF-16 code units in a document's original text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Where a document's date was read: the web page's own metadata, the front matter of a text or markdown file, a
 * dateline or "Published …" line at the top of the text, or the file's modification time (the fallback).
 */
export type DateSource = 'page' | 'front matter' | 'dateline' | 'file';

/** What ingest reads about a document besides its text (ingest/meta). */
export interface DocumentMeta {
  /** The headline: the page's title, the front matter's, a "# Heading", or a first line that reads as one. */
  title?: string;
  /** The publication day, `YYYY-MM-DD`, as the source writes it (no time zone conversion); the file's in UTC. */
  date?: string;
  /** Set whenever `date` is. */
  dateSource?: DateSource;
}

/** A document as the graph lists it: named, without its text. */
export interface DocumentInfo extends DocumentMeta {
  id: string;
  path: string;
}

/** One input article, as read from disk. */
export interface Document extends DocumentMeta {
  /** Stable id: the file's path relative to the input root it was found under (or its base name). */
  id: string;
  /** Path the document was read from ("-" for standard input). */
  path: string;
  /** The original text, exactly as decoded from the file. All offsets point into it. */
  text: string;
  /**
   * Text prepared for analysis: quotes straightened, missing spaces restored, site furniture blanked.
   * `toOriginal(i)` maps an index of `clean` to an index of `text`.
   */
  clean: string;
  /** Maps an offset in `clean` to the offset in `text` (start-inclusive / end-exclusive safe). */
  toOriginal: (cleanOffset: number) => number;
}

/** A sentence of a document. `text` is `document.text.slice(start, end)`. */
export interface Sentence extends Span {
  doc: string;
  index: number;
  text: string;
}

export type EntityType = 'person' | 'organization' | 'place' | 'other';

/** One place in a document where an entity (or a concept) is named. */
export interface Mention extends Span {
  doc: string;
  /** `document.text.slice(start, end)`. */
  text: string;
  type: EntityType;
  /** Index of the sentence the mention is in. */
  sentence: number;
  /** True for proper names; false for concept noun phrases ("vessel", "tariffs") and pronouns. */
  named: boolean;
  /** Lemma of a concept's head noun ("tariff" for "tariffs"); the name itself for named mentions. */
  key: string;
  /** Set on pronouns and definite descriptions ("she", "the Secretary") that need an antecedent. */
  anaphor?: boolean;
  /** A title said of a person in this mention ("President" in "President Claudia Sheinbaum"). */
  title?: string;
  /** What recognition saw that resolution weighs. */
  evidence?: MentionEvidence;
}

/** Recognition's evidence about a mention, for resolution to weigh. */
export interface MentionEvidence {
  /** 0 for a pronoun or description, 1 for a guessed name, 2 for a name known or confirmed. */
  certainty: number;
  gender?: 'm' | 'f';
  plural?: boolean;
  /** Lower-cased title head ("secretary") for title-bearing names and descriptions. */
  titleHead?: string;
  acronym?: boolean;
  /** The name without the title or role the span takes in ("Claudia Sheinbaum" of "President Claudia Sheinbaum"). */
  name?: string;
}

/** A resolved real-world thing: one node of the graph. */
export interface Entity {
  id: string;
  /** The fullest proper name seen ("Marco Rubio"), or the concept's head ("vessel"). */
  label: string;
  type: EntityType;
  /** Every distinct surface form seen, label included. */
  aliases: string[];
  mentions: Mention[];
  /**
   * The state or province the text places a place in ("Cambridge, Massachusetts"), folded, when the gazetteer's
   * namesake of that name lies elsewhere: across documents it links only to places said to lie there too.
   */
  within?: string;
}

/** One argument of a triple: the full phrase (for Open IE output) and its head mention (for the graph). */
export interface Argument extends Span {
  /** The full argument as written ("an alleged drug boat"). */
  text: string;
  /**
   * The minimal form the graph connects: an entity name ("Marco Rubio") or a concept's head noun ("boat").
   * Absent when the argument names nothing a node can stand for (a date, a number, a clause).
   */
  head?: Mention;
  /** Modifiers dropped from the head (MinIE-style), kept as attributes ("alleged", "drug"). */
  modifiers: string[];
}

/** Where a fact was read: a sentence of a document. */
export interface Source extends Span {
  doc: string;
  /** The sentence itself, `document.text.slice(start, end)`. */
  text: string;
}

/**
 * Where an edge's fact was read, as the graph stores it: the sentence's text is kept once, in the graph's
 * `sentences` table, at index `sentence`, however many edges it supports (a long sentence copied into each of
 * its edges made graphs many times their input).
 */
export interface SourceRef extends Span {
  doc: string;
  /** Index of the sentence's text in the graph attribute `sentences`. */
  sentence: number;
}

/**
 * A named mention of a graph node: where the node's entity is named in a document, as `mentions.jsonl` has it,
 * one a line. `entity` is the node's key; `text` is `document.text.slice(start, end)`.
 */
export interface NodeMention extends Span {
  doc: string;
  text: string;
  entity: string;
  /** The node's type. */
  type: EntityType;
  /** Index of the sentence the mention is in. */
  sentence: number;
}

/** subject –relation→ object, read from one sentence. */
export interface Triple {
  subject: Argument;
  /** Normalised relation: a verb lemma, optionally with a particle/preposition ("meet", "travel to", "president of"). */
  relation: string;
  /**
   * The relation as written in the sentence ("met with"); empty when no words of the sentence say it,
   * as for relations read from a noun phrase ("Mexican President Claudia Sheinbaum" → president of).
   */
  relationText: string;
  object: Argument;
  /** The relation's kind in the small vocabulary of extract/relations.ts ("member of", "located in"), when it has one. */
  kind?: string;
  /** Further arguments as written, for n-ary Open IE output ("in the Caribbean Sea"). */
  adjuncts: string[];
  /** 0..1, higher is more certain. */
  confidence: number;
  negated: boolean;
  /**
   * Written in the passive with its agent ("the meeting was attended by Sheinbaum"): the subject is the
   * agent, while the sentence, and `relationText`, read object first.
   */
  passive: boolean;
  /** Modal verb or hedge ("will", "may", "could"), if any. */
  modality?: string;
  /** Who said it, when the clause is reported speech ("Sheinbaum stated that …"). */
  attribution?: string;
  /**
   * What the triple rests on besides its sentence: 'gazetteer' when the source names the subject and a gazetteer of
   * places says it lies in the object, which the document names ("Lyon" and "France"); 'name' when the subject is
   * named after the place it lies in ("University of Tartu" → Tartu); 'document' when the object is the only country
   * the document names and nothing else places the subject, a guess.
   */
  basis?: 'gazetteer' | 'name' | 'document';
  source: Source;
}

/** What extraction of one document yields. */
export interface Extraction {
  doc: Document;
  sentences: Sentence[];
  mentions: Mention[];
  triples: Triple[];
}

/** Node attributes of the knowledge graph. */
export interface NodeAttributes {
  label: string;
  type: EntityType;
  aliases: string[];
  /** Number of mentions across all documents. */
  mentions: number;
  /** Ids of the documents mentioning it. */
  docs: string[];
  /** Centrality (PageRank) the size is derived from. */
  centrality: number;
  community: number;
  size: number;
  color: string;
  x: number;
  y: number;
}

/** Edge attributes of the knowledge graph. One edge per (subject, relation, object). */
export interface EdgeAttributes {
  relation: string;
  label: string;
  /** The relation's kind in the relation vocabulary ("member of", "located in"), when it has one. */
  kind?: string;
  /** Set when the edge is not stated by its sentences but read with a gazetteer's knowledge or from a name: see `Triple.basis`. */
  basis?: 'gazetteer' | 'name' | 'document';
  /** Number of supporting sentences. */
  weight: number;
  /** The supporting sentences, their texts in the graph's `sentences` (graph/sentences resolves them). */
  sources: SourceRef[];
  /** True when every supporting sentence states it negated. */
  negated: boolean;
  /** Modal verbs seen ("will", "may"). */
  modality: string[];
  /** Speakers the fact is attributed to. */
  attribution: string[];
  /** The subjects and objects as written, modifiers and all ("an alleged drug boat" for the node "boat"). */
  subjectPhrases: string[];
  objectPhrases: string[];
  size: number;
  color: string;
}

export interface GraphAttributes {
  name: string;
  /** Each document's id and path, its title and its date, with where the date was read (ingest/meta). */
  documents: DocumentInfo[];
  createdAt: string;
  /** The text of every sentence an edge cites, each once; edges' SourceRef.sentence index it. */
  sentences: string[];
}
