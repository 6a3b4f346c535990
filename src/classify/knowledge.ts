import { CODES } from "./codes.js";
import { loadMateriality } from "./data.js";
import { escapeRegExp } from "../text/regexp.js";
import { rememberedByText } from "../text/memo.js";
import { isAscii, plainText } from "../text/plain.js";
import { CATEGORIES, type Category, type DiffSettings } from "./types.js";

/**
 * The classifier's vocabulary, read from data/materiality.json and extended by a configuration's `diff` key,
 * compiled once into matchers. Code decides how words combine; which words count lives in the data.
 */

interface MaterialityData {
  sections: Record<Category, string[]>;
  columns: Record<"recipient" | "location" | "purpose" | "data" | "retention", string[]>;
  verbs: Record<"sharing" | "collection" | "use" | "location" | "retention", string[]>;
  recipientNouns: string[];
  dataNouns: string[];
  purposeWords: string[];
  thirdPartyMarkers: string[];
  rights: string[];
  rightNouns: string[];
  protections: string[];
  negations: string[];
  protectedVerbs: string[];
  modalWeakenings: { from: string[]; to: string[] }[];
  bindingTerms: Record<string, string[]>;
  obligationMarkers: string[];
  restrictives: string[];
  accessGroups: { tiers: string[][] };
  conjunctions: string[];
  fillers: string[];
  noTypo: string[];
  durationUnits: Record<string, number>;
  numberWords: Record<string, number>;
  openEnded: Record<string, number>;
  furniturePhrases: string[];
  homophones: string[][];
  contactMarkers: string[];
  scopeMarkers: string[];
  locations: string[];
  locationAliases: Record<string, string[] | string>;
  properNounStoplist: string[];
  corporateSuffixes: string[];
  equivalents: string[][];
  editorialRules: { minLength: number; suffixes: [string, string][] };
  literal: Record<
    "purposeConnectors" | "notPurposeAfter" | "notPurposeObjects" | "readerAims" | "forum" | "eligibility",
    string[]
  >;
  paymentTerms: string[];
  titleWords: string[];
  limitUnits: { sizeAbbreviations: Record<string, number>; sizeWords: Record<string, number>; counted: string[] };
  /** Reasons that are only words: a code of codes.ts → the phrases that came ("added") or went ("removed"). */
  phraseReasons?: Record<string, Partial<Record<PhraseSide, string[]>> | string>;
}

export type PhraseSide = "added" | "removed";

/** A reason found by its phrases alone (phrases.ts): its code, and a matcher for each side it has phrases for. */
export interface PhraseReason {
  code: string;
  added: Matcher | null;
  removed: Matcher | null;
}

export interface Match {
  /** The data entry that matched, as written there: the finding's key. */
  term: string;
  text: string;
  start: number;
  end: number;
}

const LETTERS = String.raw`\p{L}\p{N}`;
/** LETTERS without the `u` flag: what they read in a text whose letters and digits are all ASCII (plainText). */
const ASCII_LETTERS = "A-Za-z0-9";
const WORD = `[${LETTERS}]`;
const ASCII_WORD = `[${ASCII_LETTERS}]`;

// Texts a vocabulary remembers: at 256, an eighth of what it read on the largest history was a text it had read
// before and forgotten; at 2048, almost none.
const RECENT_TEXTS = 2048;

/** A list of phrases as one matcher; an entry with two or more capitals matches only as written (US, EU, DPO). */
export class Matcher {
  private readonly patterns: PhraseGroup[];

  constructor(phrases: readonly string[]) {
    const unique = [...new Set(phrases.filter((p) => p.trim()))].sort((a, b) => b.length - a.length);
    const exact = unique.filter((p) => (p.match(/\p{Lu}/gu) ?? []).length >= 2);
    const folded = unique.filter((p) => !exact.includes(p));
    this.patterns = [
      { terms: folded, flags: "giu" },
      { terms: exact, flags: "gu" },
    ]
      .filter((g) => g.terms.length)
      .map((g) => phraseGroup(g.terms, g.flags));
  }

  /**
   * The matches in the last texts read: a change's sentence, section and document texts are read again for each of
   * its deltas (on the largest corpus history, 45% of the characters every vocabulary read were a text it had just
   * read). Callers get their own array of the same (never written) matches.
   */
  private readonly remembered = rememberedByText((text) => this.search(text), RECENT_TEXTS / 2);

  find(text: string): Match[] {
    return this.remembered(text).slice();
  }

  private search(text: string): Match[] {
    const found: Match[] = [];
    const plain = plainText(text);
    for (const group of this.patterns) {
      const re = (plain && group.plain) || group.re;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        found.push({ term: group.termFor(m[0]), text: m[0], start: m.index, end: m.index + m[0].length });
        if (m[0].length === 0) re.lastIndex++;
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  test(text: string): boolean {
    return this.find(text).length > 0;
  }
}

/**
 * One alternation of phrases, and how to tell which phrase a match is. The alternation has no capture groups: with
 * one group per phrase, finding the group that took part read every group of every match (the largest cost of a
 * long `policylint log`). The phrase is the first in order whose own pattern matches the whole text (the one the
 * alternation tried first); a phrase without a wildcard is found by its spelling, and only wildcard phrases before
 * it, or a spelling that case folding reads otherwise, are tried one by one.
 */
interface PhraseGroup {
  re: RegExp;
  /**
   * The same alternation without the `u` flag, for a plain text (plainText): it finds the same matches there, at two
   * to three times the speed (a Unicode class in a lookbehind is slow in V8). Null when a phrase is not all ASCII.
   */
  plain: RegExp | null;
  terms: string[];
  /** The whole-text pattern of each phrase, made when first needed. */
  whole: (RegExp | undefined)[];
  flags: string;
  /** A plain phrase's spelling (see spelling) → its first index. */
  bySpelling: Map<string, number>;
  /** Indexes of the phrases with a wildcard, in order, each with the spelling of its words before the first `*`. */
  wildcards: { index: number; prefix: string }[];
  folded: boolean;
  /**
   * The phrase a matched text is (termOf), remembered: it depends on the matched text alone, and a vocabulary meets
   * the same few texts over and over ("personal information", "third parties").
   */
  termFor: (matched: string) => string;
}

function phraseGroup(terms: string[], flags: string): PhraseGroup {
  const folded = flags.includes("i");
  const bySpelling = new Map<string, number>();
  const wildcards: { index: number; prefix: string }[] = [];
  terms.forEach((term, i) => {
    if (term.includes("*")) {
      const prefix = spelling(term.trim().slice(0, term.trim().indexOf("*")), folded).trimEnd();
      wildcards.push({ index: i, prefix });
    } else {
      const key = spelling(term.trim(), folded);
      if (!bySpelling.has(key)) bySpelling.set(key, i);
    }
  });
  const re = new RegExp(`(?<!${WORD})(?:${terms.map((t) => source(t)).join("|")})(?!${WORD})`, flags);
  const ascii = terms.every(isAscii);
  const plainSource = `(?<!${ASCII_WORD})(?:${terms.map((t) => source(t, ASCII_LETTERS)).join("|")})(?!${ASCII_WORD})`;
  const group: PhraseGroup = {
    re,
    plain: ascii ? new RegExp(plainSource, flags.replace("u", "")) : null,
    terms,
    whole: [],
    flags: flags.replace("g", ""),
    bySpelling,
    wildcards,
    folded,
    termFor: rememberedByText((matched) => termOf(group, matched), 10_000),
  };
  return group;
}

/**
 * Runs of spaces and hyphens match one another in a phrase, and case does not count in a folded group (folded as a
 * case-insensitive pattern sees it, near enough: upper- then lower-casing maps "ſ" and the Kelvin sign as it does).
 */
function spelling(text: string, folded: boolean): string {
  const spaced = text.replace(/[\s-]+/g, " ");
  return folded ? spaced.toUpperCase().toLowerCase() : spaced;
}

function termOf(group: PhraseGroup, matched: string): string {
  const matches = (i: number): boolean => {
    const whole = (group.whole[i] ??= new RegExp(`^(?:${source(group.terms[i])})$`, group.flags));
    return whole.test(matched);
  };
  const spelt = spelling(matched, group.folded);
  const plain = group.bySpelling.get(spelt);
  // A text that does not begin with a wildcard phrase's first words cannot be that phrase; past ASCII, where case
  // folding and casing part ways (printable ASCII only, spaces being one space by now), every wildcard is tried.
  const ascii = !/[^ -~]/.test(spelt);
  for (const { index, prefix } of group.wildcards) {
    if (plain !== undefined && index > plain) break;
    if ((!ascii || spelt.startsWith(prefix)) && matches(index)) return group.terms[index];
  }
  // In printable ASCII the same spelling is the same phrase to the pattern; past it, the pattern has the last word.
  if (plain !== undefined && (ascii || matches(plain))) return group.terms[plain];
  // A spelling lower-casing reads otherwise than case folding: every phrase in order, as the alternation tried them.
  const i = group.terms.findIndex((_, j) => matches(j));
  if (i < 0) throw new Error(`no phrase matches "${matched}"`);
  return group.terms[i];
}

/** One phrase as the matcher looks for it, for a configuration to vet the phrases it adds. */
export function phrasePattern(phrase: string): RegExp {
  return new RegExp(`(?<!${WORD})(?:${source(phrase)})(?!${WORD})`, "iu");
}

/**
 * A `*` is the rest of a word: letters, digits, apostrophes and hyphens inside it. A hyphen counts only before a letter
 * or digit, so a wildcard and the separator after it ("consent* to") cannot share a run of hyphens, which made the
 * pattern quadratic on one; two wildcards in a row are one.
 */
const wildcard = (letters: string): string => `(?:[${letters}'’]|-(?=[${letters}]))*`;

function source(phrase: string, letters = LETTERS): string {
  // `*` is the lists' own wildcard: escaped with the rest, then turned into a pattern below.
  const escaped = escapeRegExp(phrase.trim()).replaceAll("\\*", "*");
  return escaped.replace(/[\s-]+/g, String.raw`[\s\-]+`).replace(/\*+/g, wildcard(letters));
}

/** A phrase of a group of equivalents, longest phrases first. */
export interface Equivalent {
  re: RegExp;
  /** The same pattern for a plain text (plainText), null for a phrase that is not all ASCII. */
  plain: RegExp | null;
  /** The group's neutral token. */
  canonical: string;
  /** The phrase itself, lower case: a text without it needs no replace. */
  phrase: string;
}

export interface Knowledge {
  sections: Record<Category, Matcher>;
  columns: Record<keyof MaterialityData["columns"], Matcher>;
  verbs: Record<keyof MaterialityData["verbs"], Matcher>;
  recipientNouns: Matcher;
  dataNouns: Matcher;
  purposeWords: Matcher;
  thirdPartyMarkers: Matcher;
  rights: Matcher;
  rightNouns: Matcher;
  protections: Matcher;
  negation: RegExp;
  protectedVerbs: Matcher;
  modalWeakenings: { from: Matcher; to: Matcher }[];
  binding: Matcher;
  bindingKey: Map<string, string>;
  obligationMarkers: Matcher;
  restrictives: Matcher;
  /** Who a promise lets at the reader's data ("employees", "personnel", "third parties"), and each entry's tier. */
  accessGroups: Matcher;
  groupTier: Map<string, number>;
  conjunction: RegExp;
  contactMarkers: Matcher;
  scopeMarkers: Matcher;
  locations: Matcher;
  /** A place's one name, whichever way it is written ("U.S." → "united states"). */
  placeName: (term: string) => string;
  material: Matcher | null;
  materialSections: Matcher | null;
  fillers: Set<string>;
  noTypo: Set<string>;
  stopNames: Set<string>;
  corporateSuffixes: Set<string>;
  equivalents: Equivalent[];
  suffixRules: { minLength: number; suffixes: [string, string][] };
  durationUnits: Record<string, number>;
  numberWords: Record<string, number>;
  openEnded: Record<string, number>;
  /** Lines of a web page's interface ("Back to top", "Expand table of contents"), lower case. */
  furniturePhrases: Set<string>;
  /** Words written for one another by mistake ("are" for "our"): each word → its group's first word. */
  homophones: Map<string, string>;
  firstParty: string[];
  /** A purpose stated: "in order to", "so we can", or "to" and a verb that completes no other ("to train"). */
  purpose: RegExp;
  /** A connector that states a purpose whatever the verb ("in order to", "for the purposes of"). */
  purposeConnector: RegExp;
  /** Words naming where disputes are heard or which law rules them (a bare "jurisdiction" may mean a country). */
  forum: RegExp;
  /** Words that say who may use the service ("must be at least", "eligible"). */
  eligibility: RegExp;
  /** The binding-term groups about what the reader pays. */
  paymentTerms: Set<string>;
  /** A number and what it counts ("15 GB", "10 users"): the number, then the unit as written. */
  quantity: RegExp;
  /** Storage units in megabytes, by their singular; other units count as they are. */
  sizes: Record<string, number>;
  phraseReasons: PhraseReason[];
}

let cachedData: MaterialityData | undefined;
const built = new Map<string, Knowledge>();
const data = (): MaterialityData => (cachedData ??= loadMateriality<MaterialityData>());
let titleWordSet: Set<string> | undefined;

/** The generic words of a policy's title ("Privacy", "Statement"), lower case: the others name its owner. */
export function titleWords(): ReadonlySet<string> {
  return (titleWordSet ??= new Set(data().titleWords.map((w) => w.toLowerCase())));
}

/** Words matched as written, one alternation: a list of such phrases holds only words and single spaces. */
function literal(d: MaterialityData, name: keyof MaterialityData["literal"]): string {
  return words(d.literal[name], `literal.${name}`);
}

/** The purpose connectors; one ending in "to" does not state a purpose before the reader's own aim ("to use the"). */
function connectors(d: MaterialityData): string {
  const aims = d.literal.readerAims.length ? literal(d, "readerAims") : "";
  const list = literal(d, "purposeConnectors").split("|");
  return list.map((c) => (aims && c.endsWith(" to") ? `${c}(?! (?:${aims}) )` : c)).join("|");
}

function words(list: readonly string[], where: string): string {
  const bad = list.find((phrase) => !/^[\p{L}'’]+(?: [\p{L}'’]+)*$/u.test(phrase));
  if (bad !== undefined) throw new Error(`data/materiality.json: ${where}: "${bad}" is not words and spaces`);
  return list.join("|");
}

/** The knowledge for a configuration's `diff` settings (cached per settings, so a run compiles it once). */
export function knowledgeFor(settings: DiffSettings = {}): Knowledge {
  const id = JSON.stringify(settings);
  let knowledge = built.get(id);
  if (!knowledge) {
    knowledge = build(data(), settings);
    built.set(id, knowledge);
  }
  return knowledge;
}

/** The knowledge compiled from the data and a configuration's additions (exported for tests that vary the data). */
export function build(d: MaterialityData, s: DiffSettings): Knowledge {
  const m = (...lists: (readonly string[] | undefined)[]): Matcher => new Matcher(lists.flatMap((l) => l ?? []));
  const aliases = Object.entries(d.locationAliases)
    .filter(([name]) => !name.startsWith("$"))
    .flatMap(([name, list]) => (list as string[]).map((alias): [string, string] => [alias, name]));
  const aliasOf = new Map(aliases.map(([alias, name]) => [alias.toLowerCase(), name]));
  const sections = Object.fromEntries(
    CATEGORIES.map((c) => [c, m(d.sections[c], s.sections?.[c], c === "history" ? s.editorialSections : undefined)]),
  ) as Record<Category, Matcher>;
  const bindingKey = new Map<string, string>();
  for (const [key, terms] of Object.entries(d.bindingTerms)) for (const t of terms) bindingKey.set(t, key);
  for (const t of s.bindingTerms ?? []) bindingKey.set(t, t);
  const groups = [...d.equivalents, ...(s.equivalents ?? [])];
  const equivalents = groups
    .flatMap((group, i) => group.map((phrase) => [phrase.toLowerCase(), `eqv${i}x`] as const))
    .sort((a, b) => b[0].length - a[0].length)
    .map(([phrase, canonical]): Equivalent => ({
      re: new RegExp(`(?<!${WORD})${escapeRegExp(phrase)}(?!${WORD})`, "gu"),
      plain: isAscii(phrase) ? new RegExp(`(?<!${ASCII_WORD})${escapeRegExp(phrase)}(?!${ASCII_WORD})`, "g") : null,
      canonical,
      phrase,
    }));
  const suffixNegations = d.negations.filter((n) => /^n['’]t$/.test(n));
  const wordNegations = d.negations.filter((n) => !suffixNegations.includes(n));
  return {
    sections,
    columns: {
      recipient: m(d.columns.recipient, s.recipientColumns),
      location: m(d.columns.location, s.locationColumns),
      purpose: m(d.columns.purpose, s.purposeColumns),
      data: m(d.columns.data, s.dataColumns),
      retention: m(d.columns.retention, s.retentionColumns),
    },
    verbs: {
      sharing: m(d.verbs.sharing),
      collection: m(d.verbs.collection),
      use: m(d.verbs.use),
      location: m(d.verbs.location),
      retention: m(d.verbs.retention),
    },
    recipientNouns: m(d.recipientNouns, s.recipients),
    dataNouns: m(d.dataNouns, s.dataCategories),
    purposeWords: m(d.purposeWords, s.purposes),
    thirdPartyMarkers: m(d.thirdPartyMarkers),
    rights: m(d.rights, s.rights),
    rightNouns: m(d.rightNouns),
    protections: m(d.protections, s.protections),
    negation: new RegExp(
      `(?<!${WORD})(?:${wordNegations.map((n) => n.replace(/\s+/g, "\\s+")).join("|")})(?!${WORD})` +
        `|(?:${suffixNegations.join("|")})(?!${WORD})`,
      "giu",
    ),
    protectedVerbs: m(d.protectedVerbs),
    modalWeakenings: d.modalWeakenings.map((w) => ({ from: m(w.from), to: m(w.to) })),
    binding: m([...bindingKey.keys()]),
    bindingKey,
    obligationMarkers: m(d.obligationMarkers),
    restrictives: m(d.restrictives),
    accessGroups: m(...d.accessGroups.tiers),
    groupTier: new Map(d.accessGroups.tiers.flatMap((tier, i) => tier.map((g): [string, number] => [g, i]))),
    conjunction: new RegExp(
      `^\\s*(?:,|;|(?:${d.conjunctions.map((c) => c.replace(/\s+/g, "\\s+")).join("|")})(?!${WORD}))` +
        `|(?:,|(?<!${WORD})(?:and|or))\\s*$`,
      "iu",
    ),
    contactMarkers: m(d.contactMarkers),
    scopeMarkers: m(d.scopeMarkers),
    locations: m(
      d.locations,
      aliases.map(([alias]) => alias),
      s.locations,
    ),
    placeName: (term: string) => aliasOf.get(term.toLowerCase()) ?? term.toLowerCase(),
    material: s.material?.length ? m(s.material) : null,
    materialSections: s.materialSections?.length ? m(s.materialSections) : null,
    fillers: new Set(d.fillers),
    noTypo: new Set(d.noTypo),
    stopNames: new Set(d.properNounStoplist),
    corporateSuffixes: new Set(d.corporateSuffixes),
    equivalents,
    suffixRules: d.editorialRules,
    durationUnits: d.durationUnits,
    numberWords: d.numberWords,
    openEnded: d.openEnded,
    furniturePhrases: new Set(d.furniturePhrases.map((p) => p.toLowerCase())),
    homophones: new Map(d.homophones.flatMap((group) => group.map((w): [string, string] => [w, group[0]]))),
    firstParty: s.firstParty ?? [],
    purpose: new RegExp(
      String.raw`\b(?:${connectors(d)}|(?<!\b(?:${literal(d, "notPurposeAfter")})\s)to ` +
        String.raw`(?!(?:${literal(d, "notPurposeObjects")})\b)\p{L}{3,})`,
      "iu",
    ),
    purposeConnector: new RegExp(String.raw`\b(?:${connectors(d)})\b`, "i"),
    forum: new RegExp(String.raw`\b(?:${literal(d, "forum")})\b`, "i"),
    eligibility: new RegExp(String.raw`\b(?:${literal(d, "eligibility")})\b`, "i"),
    paymentTerms: new Set(d.paymentTerms),
    quantity: quantityPattern(d.limitUnits),
    sizes: { ...d.limitUnits.sizeAbbreviations, ...d.limitUnits.sizeWords },
    phraseReasons: phraseReasons(d.phraseReasons ?? {}),
  };
}

/**
 * The phrase reasons, each code checked against codes.ts: a code the data names but no table declares would have no
 * significance or sentence, and a side other than "added" or "removed" no detector reads.
 */
function phraseReasons(entries: NonNullable<MaterialityData["phraseReasons"]>): PhraseReason[] {
  const where = "data/materiality.json: phraseReasons";
  return Object.entries(entries)
    .filter(([code]) => !code.startsWith("$"))
    .map(([code, sides]) => {
      if (!Object.hasOwn(CODES, code)) throw new Error(`${where}: "${code}" is not a code declared in codes.ts`);
      if (typeof sides !== "object") throw new Error(`${where}.${code}: not an object of "added" and "removed"`);
      const odd = Object.keys(sides).find((side) => side !== "added" && side !== "removed");
      if (odd !== undefined) throw new Error(`${where}.${code}: "${odd}" is neither "added" nor "removed"`);
      const side = (list: string[] | undefined) => (list?.length ? new Matcher(list) : null);
      return { code, added: side(sides.added), removed: side(sides.removed) };
    });
}

/** "15 GB", "25 megabytes", "10 users": abbreviations exactly as listed, words with or without a plural s. */
function quantityPattern(units: MaterialityData["limitUnits"]): RegExp {
  const short = words(Object.keys(units.sizeAbbreviations), "limitUnits.sizeAbbreviations");
  const long = words([...Object.keys(units.sizeWords), ...units.counted], "limitUnits");
  return new RegExp(String.raw`(?<!\d)(\d+(?:[.,]\d+)?)\s*(${short}|(?:${long})s?)\b`, "gi");
}
