/*
 * Municipality names: normalisation, exact matching, suggestions and completion ranking.
 *
 * Pure module (no fs, vscode or node imports); the lookup maps are built once at load.
 *
 * Matching rules (matchMunicipality):
 * - Comparison is on normalizeName: NFC, lower-case, trimmed, inner whitespace collapsed. So NFC
 *   and NFD `å` are equal, and `Vara Kommun`, `VARA KOMMUN` and `Göteborgs stad` are simply the
 *   official forms (case is not a form error).
 * - Accepted forms: the short name (`Gullspång`), the official form (`Gullspångs kommun`,
 *   `Stockholms stad`, `Region Gotland`) and the legal form (`Stockholms kommun`,
 *   `Gotlands kommun`). When official and legal coincide the form is reported as 'official'.
 * - Misspelt form: the name ends in `kommun`/`stad` (optionally followed by a genitive `s`:
 *   `Vara kommuns`), and what precedes it (separated by spaces, a hyphen or nothing:
 *   `Tidaholmskommun`) is exactly a short name, a short name plus genitive `s`, or the stem of an
 *   official/legal form (`Falu stad` → Falun). Every such name that is not an accepted form is
 *   'misspelt-form' with `expected` = the official form: `Tidaholm kommun` → `Tidaholms kommun`,
 *   `Stockholm stad` and `Stockholm kommun` → `Stockholms stad`, `Gotland kommun` →
 *   `Region Gotland`, `Tidaholms stad` → `Tidaholms kommun`.
 * - The name part must be exact apart from case/normalisation: `Gotene kommun` (missing
 *   diacritics) and `Tidaholms` (genitive without `kommun`) are 'unknown'; nearestMunicipalities
 *   suggests the right name for those.
 * - `Region X` is only accepted for Gotland (`Region Skåne` is a county, not a municipality).
 *
 * Suggestions (nearestMunicipalities): optimal-string-alignment Damerau–Levenshtein distance on
 * folded names (diacritics removed, hyphens as spaces), comparing the query as written and with
 * a `kommun`/`stad` suffix, a `Region ` prefix or a trailing genitive `s` removed, against each
 * short name. A candidate is kept when distance ≤ max(2, ⌊max(|query|, |name|) / 3⌋), i.e. up
 * to a third of the characters may be wrong; `Gulspång` → Gullspång, but `Kommunalförbundet`
 * has no municipality that close and gets []. Ties are broken by Swedish alphabetical order.
 *
 * Completion ranking (rankMunicipalities), higher score first, then alphabetical:
 *   100 exact short name · 95 exact folded short name · 90 prefix of the short name as typed
 *   (diacritics significant: `Göt`) · 85 folded prefix (`got`, `gote`) · 80 prefix of a later
 *   word of the name or of the official/legal form (`Väsby`, `Region G`, `Tidaholms k`) ·
 *   31–40 folded prefix within edit distance 1 (queries of 3+ characters: `Gota` → Götene),
 *   21–30 within distance 2 (queries of 6+ characters), less the full-name distance (max 8)
 *   and 1 more if the first letter differs · 1–20 the query's characters appear in order in
 *   the name, starting at a word start, fewer skipped characters scoring higher. Other names
 *   are left out; the empty query returns every municipality with score 0, alphabetically.
 */
import {
  editDistance,
  editDistanceFrom,
  nameKey,
  prefixEditDistance,
  prefixEditDistanceLowerBound,
} from '../text.js';
import { MUNICIPALITIES, SWEDISH_ORDER, type Municipality } from './data.generated.js';

import { REGIONS as REGIONS_DATA, type Region } from './regions.generated';
export { MUNICIPALITIES, type Municipality };

/** The result of matching an organisation name against the municipalities. */
export type OrganisationMatch =
  | { kind: 'municipality'; municipality: Municipality; form: 'short' | 'official' | 'legal' }
  | { kind: 'misspelt-form'; municipality: Municipality; expected: string }
  | { kind: 'unknown' };

/**
 * Canonical comparison key: NFC, lower-case (locale-independent), trimmed, with runs of inner
 * whitespace collapsed to one space.
 */
export const normalizeName: (s: string) => string = nameKey;

// Letters that do not decompose into base letter + combining mark under NFD.
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};

/**
 * normalizeName, then diacritics removed (å/ä → a, ö/ø → o, é → e, ü → u, æ → ae, …), for
 * tolerant matching: `foldDiacritics('Götene') === 'gotene'`.
 */
export function foldDiacritics(s: string): string {
  return normalizeName(s)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øæœßđðłıþ]/g, (c) => SPECIAL_FOLDS[c] ?? c)
    .normalize('NFC');
}

// Folded key for fuzzy comparison: hyphens count as spaces (`Upplands Bro` ≈ `Upplands-Bro`).
function fuzzyKey(s: string): string {
  return foldDiacritics(s).replace(/\s*-\s*/g, ' ');
}

type ExactEntry = { municipality: Municipality; form: 'short' | 'official' | 'legal' };

// Name split into "<base><separator>kommun|stad[s]"; the base is checked against BASE_MAP.
const LONG_FORM = /^(.*[^\s-])[\s-]*(?:kommun|stad)s?$/;
const REGION_PREFIX = /^region /;

interface Indexed {
  readonly municipality: Municipality;
  // Position in Swedish alphabetical order, for tie-breaking.
  readonly order: number;
  readonly short: string;
  readonly folded: string;
  readonly foldedLong: readonly string[];
  // Folded tails of the short name from its second, third… word on (`vasby`).
  readonly laterWords: readonly string[];
  // editDistance(folded, text), bit-parallel.
  readonly distanceTo: (text: string) => number;
}

const ALPHABETICAL_RANK = new Map(SWEDISH_ORDER.map((code, rank) => [code, rank]));
const EXACT_MAP = new Map<string, ExactEntry>();
const BASE_MAP = new Map<string, Municipality>();
const BY_CODE = new Map<string, Municipality>();
const INDEXED: readonly Indexed[] = buildIndex();

function buildIndex(): Indexed[] {
  const setIfAbsent = <V>(map: Map<string, V>, key: string, value: V): void => {
    if (!map.has(key)) map.set(key, value);
  };
  for (const m of MUNICIPALITIES) {
    BY_CODE.set(m.code, m);
    // Official before legal, so a form that is both reports 'official'.
    setIfAbsent(EXACT_MAP, normalizeName(m.name), { municipality: m, form: 'short' });
    setIfAbsent(EXACT_MAP, normalizeName(m.official), { municipality: m, form: 'official' });
    setIfAbsent(EXACT_MAP, normalizeName(m.legal), { municipality: m, form: 'legal' });
    const short = normalizeName(m.name);
    setIfAbsent(BASE_MAP, short, m);
    setIfAbsent(BASE_MAP, `${short}s`, m);
    for (const long of [m.official, m.legal]) {
      const base = LONG_FORM.exec(normalizeName(long).replace(REGION_PREFIX, ''))?.[1];
      setIfAbsent(BASE_MAP, base ?? normalizeName(long).replace(REGION_PREFIX, ''), m);
    }
  }
  const rank = (m: Municipality): number => ALPHABETICAL_RANK.get(m.code) ?? MUNICIPALITIES.length;
  const sorted = [...MUNICIPALITIES].sort((a, b) => rank(a) - rank(b));
  return sorted.map((m, order) => {
    const foldedLong = [...new Set([fuzzyKey(m.official), fuzzyKey(m.legal)])];
    // Only the name's own words: `kommun`/`stad` would make every municipality match `kom`.
    const words = fuzzyKey(m.name).split(' ');
    const laterWords = words.slice(1).map((_, i) => words.slice(i + 1).join(' '));
    return {
      municipality: m,
      order,
      short: normalizeName(m.name).replace(/\s*-\s*/g, ' '),
      folded: fuzzyKey(m.name),
      distanceTo: editDistanceFrom(fuzzyKey(m.name)),
      foldedLong,
      laterWords,
    };
  });
}

/**
 * Classifies an organisation name: an accepted municipality form, a misspelt long form (with
 * the official form to use instead), or unknown. O(1) map lookups after normalisation.
 */
export function matchMunicipality(name: string): OrganisationMatch {
  const key = normalizeName(name);
  const exact = EXACT_MAP.get(key);
  if (exact !== undefined) {
    return { kind: 'municipality', municipality: exact.municipality, form: exact.form };
  }
  const base = LONG_FORM.exec(key)?.[1];
  if (base !== undefined) {
    const municipality = BASE_MAP.get(base);
    if (municipality !== undefined) {
      return { kind: 'misspelt-form', municipality, expected: municipality.official };
    }
  }
  return { kind: 'unknown' };
}

/** The municipality a name refers to in any accepted or misspelt form, else undefined. */
export function findMunicipality(name: string): Municipality | undefined {
  const match = matchMunicipality(name);
  return match.kind === 'unknown' ? undefined : match.municipality;
}

/** The municipality with the given 4-digit SCB code (`'1498'`), else undefined. */
export function municipalityByCode(code: string): Municipality | undefined {
  return BY_CODE.get(code);
}

// The folded query, and variants without a long-form suffix, `Region ` prefix or genitive `s`.
function queryVariants(name: string): string[] {
  const key = fuzzyKey(name);
  const variants = new Set<string>([key]);
  const unprefixed = key.replace(REGION_PREFIX, '');
  variants.add(unprefixed);
  const base = LONG_FORM.exec(unprefixed)?.[1];
  if (base !== undefined) variants.add(base);
  for (const v of [...variants]) {
    if (v.length > 2 && v.endsWith('s')) variants.add(v.slice(0, -1));
  }
  return [...variants].filter((v) => v.length > 0);
}

/**
 * Up to `limit` municipalities nearest to `name` by edit distance on folded names (also trying
 * the name without `kommun`/`stad`, `Region ` or a genitive `s`), nearest first, ties in
 * Swedish alphabetical order. Only candidates within max(2, ⌊longer length / 3⌋) edits are
 * returned, so a name unlike any municipality gives [].
 */
export function nearestMunicipalities(
  name: string,
  limit = 3,
  { withinBound = true }: { withinBound?: boolean } = {},
): Municipality[] {
  const nearest = nearestMunicipalitiesBoth(name, limit);
  return withinBound ? nearest.withinBound : nearest.regardless;
}

/**
 * Both answers of `nearestMunicipalities(name, limit)`, with and without the bound, from one
 * pass: each name is compared once per query variant.
 */
export function nearestMunicipalitiesBoth(
  name: string,
  limit = 3,
): { withinBound: Municipality[]; regardless: Municipality[] } {
  if (limit <= 0) return { withinBound: [], regardless: [] };
  // No municipality name is longer than 30 characters: beyond twice that, a longer query only
  // adds the same distance to every candidate, and costs a row per character against all 290.
  const variants = queryVariants(name.slice(0, 64));
  // Each kept sorted by distance, then alphabetical order (entries come in that order, so a
  // later one must be strictly nearer), at most `limit` long. Distances are bit-parallel: a
  // few operations per character of the query, whatever the name.
  const within = new Kept(limit);
  const regardless = new Kept(limit);
  for (const entry of INDEXED) {
    let best = NO_DISTANCE;
    let bestWithin = NO_DISTANCE;
    for (const v of variants) {
      const d = entry.distanceTo(v);
      if (d < best) best = d;
      const bound = Math.max(2, Math.floor(Math.max(v.length, entry.folded.length) / 3));
      if (d <= bound && d < bestWithin) bestWithin = d;
    }
    regardless.offer(entry, best);
    within.offer(entry, bestWithin);
  }
  return { withinBound: within.municipalities(), regardless: regardless.municipalities() };
}

const NO_DISTANCE = 0x7fffffff;

// The `limit` nearest entries offered so far, nearest first; an entry offered later must be
// strictly nearer to displace one.
class Kept {
  private readonly entries: Indexed[] = [];
  private readonly distances: number[] = [];
  constructor(private readonly limit: number) {}

  offer(entry: Indexed, distance: number): void {
    if (distance === NO_DISTANCE) return;
    let at = this.entries.length;
    while (at > 0 && this.distances[at - 1] > distance) at--;
    if (at >= this.limit) return;
    this.entries.splice(at, 0, entry);
    this.distances.splice(at, 0, distance);
    if (this.entries.length > this.limit) {
      this.entries.pop();
      this.distances.pop();
    }
  }

  municipalities(): Municipality[] {
    return this.entries.map((entry) => entry.municipality);
  }
}

// Score of `entry` for the query (folded `q`, normalised `typed`); 0 means no match.
function rankScore(entry: Indexed, q: string, typed: string): number {
  if (typed === entry.short) return 100;
  if (q === entry.folded) return 95;
  if (entry.short.startsWith(typed)) return 90;
  if (entry.folded.startsWith(q)) return 85;
  if (
    entry.foldedLong.some((l) => l.startsWith(q)) ||
    entry.laterWords.some((w) => w.startsWith(q))
  ) {
    return 80;
  }
  if (q.length >= 3 && prefixEditDistanceLowerBound(q, entry.folded, 2) <= 2) {
    // Bounded: only distances up to 2 count, so a long query stops after a few rows.
    const d = prefixEditDistance(q, entry.folded, 2);
    if (d <= 1 || (d <= 2 && q.length >= 6)) {
      // Within the tier, the closer whole name wins, and a matching first letter (typos rarely
      // hit the first letter: `Gota` means Götene more likely than Motala).
      const firstLetter = q[0] === entry.folded[0] ? 0 : 1;
      return 50 - 10 * d - Math.min(8, editDistance(q, entry.folded, 8)) - firstLetter;
    }
  }
  if (q.length >= 2) {
    const skipped = subsequenceSkips(q, entry.folded);
    if (skipped !== undefined) return Math.max(1, 20 - skipped);
  }
  return 0;
}

// Characters of `name` skipped when `q` is matched as a subsequence starting at a word start
// (the best such start), or undefined if there is none.
function subsequenceSkips(q: string, name: string): number | undefined {
  let best: number | undefined;
  for (let start = 0; start < name.length; start++) {
    if ((start > 0 && name[start - 1] !== ' ') || name[start] !== q[0]) continue;
    let i = 0;
    let j = start;
    let skipped = 0;
    while (i < q.length && j < name.length) {
      if (q[i] === name[j]) i++;
      else skipped++;
      j++;
    }
    if (i === q.length && (best === undefined || skipped < best)) best = skipped;
  }
  return best;
}

/**
 * Municipalities ranked for completion of `query`, best first (ties alphabetical): exact and
 * prefix matches on the short name (folded, so `gote` finds Götene), word and long-form
 * prefixes, then prefixes within one or two edits (`Gota` → Götene), then in-order character
 * matches. Non-matching names are omitted; the empty query returns all, alphabetically, score 0.
 */
export function rankMunicipalities(query: string): { municipality: Municipality; score: number }[] {
  const typed = normalizeName(query).replace(/\s*-\s*/g, ' ');
  const q = fuzzyKey(query);
  if (q === '') return INDEXED.map((entry) => ({ municipality: entry.municipality, score: 0 }));
  const ranked: { entry: Indexed; score: number }[] = [];
  for (const entry of INDEXED) {
    const score = rankScore(entry, q, typed);
    if (score > 0) ranked.push({ entry, score });
  }
  ranked.sort((a, b) => b.score - a.score || a.entry.order - b.entry.order);
  return ranked.map((r) => ({ municipality: r.entry.municipality, score: r.score }));
}

/** The lowest score of the close tiers: prefixes, long-form and word prefixes, one edit. */
export const CLOSE_RANK_SCORE = 31;

/**
 * Up to `limit` municipalities of `rankMunicipalities(query)` scoring at least CLOSE_RANK_SCORE
 * (prefix matches and prefixes within one edit), in the same order; only the names that share
 * a key of the prefix index with the query are scored, instead of all 290.
 */
export function closelyRankedMunicipalities(query: string, limit = 3): Municipality[] {
  const typed = normalizeName(query).replace(/\s*-\s*/g, ' ');
  const q = fuzzyKey(query);
  if (q === '' || limit <= 0) return [];
  const index = (prefixIndex ??= buildPrefixIndex());
  const candidates = new Set<Indexed>();
  const lookUp = (key: string) => index.get(key)?.forEach((entry) => candidates.add(entry));
  lookUp(typed);
  lookUp(q);
  // Keys are no longer than the longest name: a longer query has no deletion among them.
  if (q.length >= 3 && q.length <= longestPrefixKey + 1) {
    for (let i = 0; i < q.length; i++) lookUp(q.slice(0, i) + q.slice(i + 1));
  }
  const ranked: { entry: Indexed; score: number }[] = [];
  for (const entry of candidates) {
    const score = rankScore(entry, q, typed);
    if (score >= CLOSE_RANK_SCORE) ranked.push({ entry, score });
  }
  ranked.sort((a, b) => b.score - a.score || a.entry.order - b.entry.order);
  return ranked.slice(0, limit).map((r) => r.entry.municipality);
}

// The keys under which a query can reach CLOSE_RANK_SCORE: every prefix of the short name as
// typed, of the folded long forms and later words (the prefix tiers), and every prefix of the
// folded name with each one-character deletion of it (a query one edit from a prefix shares a
// string one deletion away from both). Built on first use.
let prefixIndex: Map<string, Indexed[]> | undefined;
let longestPrefixKey = 0;

function buildPrefixIndex(): Map<string, Indexed[]> {
  const index = new Map<string, Indexed[]>();
  for (const entry of INDEXED) {
    const add = (key: string) => {
      longestPrefixKey = Math.max(longestPrefixKey, key.length);
      const list = index.get(key);
      if (!list) index.set(key, [entry]);
      else if (list[list.length - 1] !== entry) list.push(entry);
    };
    for (const word of [entry.short, ...entry.foldedLong, ...entry.laterWords]) {
      for (let n = 1; n <= word.length; n++) add(word.slice(0, n));
    }
    for (let n = 1; n <= entry.folded.length; n++) {
      const prefix = entry.folded.slice(0, n);
      add(prefix);
      for (let i = 0; i < n; i++) add(prefix.slice(0, i) + prefix.slice(i + 1));
    }
  }
  return index;
}

export { REGIONS, type Region } from './regions.generated';

const REGION_BY_KEY = new Map(REGIONS_DATA.map((r) => [normalizeName(r.name), r]));

/**
 * The region a name is (`Region Skåne`, `Västra Götalandsregionen`), by its official name.
 * `Region Gotland` is also the municipality Gotland's official name; both lookups accept it.
 */
export function findRegion(name: string): Region | undefined {
  return REGION_BY_KEY.get(normalizeName(name));
}

// Every string `foldDiacritics(name)` of a municipality becomes by deleting up to two characters,
// with the municipalities it comes from: built once, on first use.
let deletionIndex: Map<string, Municipality[]> | undefined;
let longestFolded = 0;

function deletions(s: string, depth: number, into: Set<string>): void {
  into.add(s);
  if (depth === 0) return;
  for (let i = 0; i < s.length; i++) {
    const shorter = s.slice(0, i) + s.slice(i + 1);
    if (!into.has(shorter)) deletions(shorter, depth - 1, into);
  }
}

/**
 * The municipalities whose diacritic-folded name is within `limit` (at most 2) edits of the
 * folded `text`, found through an index of deletions (any two strings within k edits share a
 * string reachable by at most k deletions from each): a few hundred map lookups per query,
 * whatever its length, instead of an edit distance against all 290 names.
 */
export function municipalitiesWithin(text: string, limit: 1 | 2): Municipality[] {
  if (!deletionIndex) {
    deletionIndex = new Map();
    for (const m of MUNICIPALITIES) {
      const folded = foldDiacritics(m.name);
      longestFolded = Math.max(longestFolded, folded.length);
      const set = new Set<string>();
      deletions(folded, 2, set);
      for (const d of set) {
        const list = deletionIndex.get(d);
        if (!list) deletionIndex.set(d, [m]);
        else if (list[list.length - 1] !== m) list.push(m);
      }
    }
  }
  if (text.length > longestFolded + limit) return [];
  const found = new Set<Municipality>();
  const variants = new Set<string>();
  deletions(text, limit, variants);
  for (const v of variants) {
    for (const m of deletionIndex.get(v) ?? []) {
      if (!found.has(m) && editDistance(text, foldDiacritics(m.name), limit) <= limit) found.add(m);
    }
  }
  return [...found];
}
