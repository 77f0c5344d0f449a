import type { Locale } from '../config';
import type { MeetingModel, Person } from '../model';
import type { AttendanceEntry, BodyLine, Span } from '../syntax/ast';
import type { SignerRole } from '../syntax/keywords';
import { nameKey } from '../text';
import { comparePositions, type Position, type Range, type TextEdit } from '../types';

/*
 * People as symbols. A person is a name in an attendance list (the definition); they are
 * mentioned in signatures, as `@owner` of actions, as the elected in an election item, and in
 * free text by full name or — when no other attendee shares it — by first name alone
 * (`Mattias sammanfattar.`). A Swedish genitive `s` (`Ulfs förslag`, `Britt Anderssons`) still
 * counts; the mention's range then stops before the `s` so a rename keeps it.
 */

/** A place in a document; structurally LSP's Location. */
export interface Location {
  uri: string;
  range: Range;
}

/** LSP DocumentHighlightKind: 2 = read, 3 = write. */
export interface DocumentHighlight {
  range: Range;
  kind: 2 | 3;
}

/** A refusal with a message for the user (rename on something that is not a person, …). */
export interface RenameError {
  error: string;
}

/** Structurally LSP's WorkspaceEdit with `changes`. */
export interface WorkspaceEdit {
  changes: { [uri: string]: TextEdit[] };
}

/** One person: everyone listed under the same full name. */
export interface PersonSymbol {
  readonly key: string;
  /** The full name as first written. */
  readonly name: string;
  readonly firstKey: string;
  /** Their attendance lines, the first being the definition. */
  readonly entries: readonly AttendanceEntry[];
  readonly present: boolean;
}

/**
 * Where a mention stands: attendance list, `ersätter` of a substitute, signature, `@owner`,
 * election (item or body line), `Utses att justera`, a vote's tally, a line of an item that
 * starts with people (yrkande, reservation, jäv, protokollsanteckning), or free text.
 */
export type MentionRole =
  | 'attendance'
  | 'replaces'
  | 'signature'
  | 'owner'
  | 'election'
  | 'appointed'
  | 'vote'
  | 'item'
  | 'text';

/** The roles of names written where a person is expected (not free text). */
export type NamedRole = Exclude<MentionRole, 'attendance' | 'text' | 'election'>;

/** Where a person is named. */
export interface Mention {
  readonly person: PersonSymbol;
  readonly range: Range;
  /** Whether the full name or the first name alone is written there. */
  readonly form: 'full' | 'first';
  readonly role: MentionRole;
  /** For signatures, the role signed in. */
  readonly signs?: SignerRole;
}

/** A name written where a person is expected (signature, `@owner`) that names nobody listed. */
export interface UnresolvedName {
  readonly span: Span;
  readonly role: NamedRole;
  /** The listed people sharing the written first name, when that is why it does not resolve. */
  readonly namesakes: readonly PersonSymbol[];
}

/** Every person and every mention of them in one document version. */
export interface PersonIndex {
  readonly persons: readonly PersonSymbol[];
  readonly byKey: ReadonlyMap<string, PersonSymbol>;
  readonly mentionsOf: ReadonlyMap<PersonSymbol, readonly Mention[]>;
  /** Looks up a full name, or a first name only one person has. */
  resolve(text: string): PersonSymbol | undefined;
  /** The people sharing a first name (more than one means it is ambiguous). */
  namesakes(firstKey: string): readonly PersonSymbol[];
  /** What is at a position: a mention, an unresolved signer/owner name, or an ambiguous name. */
  at(position: Position): PersonAt | undefined;
  /** Everything person-like on a line, in no particular order. */
  onLine(line: number): readonly PersonAt[];
}

/** What a position on a name resolves to. */
export type PersonAt =
  | { readonly kind: 'mention'; readonly mention: Mention }
  | { readonly kind: 'unresolved'; readonly name: UnresolvedName }
  | {
      readonly kind: 'ambiguous';
      readonly range: Range;
      readonly text: string;
      readonly namesakes: readonly PersonSymbol[];
    };

const indexes = new WeakMap<MeetingModel, PersonIndex>();

/** The person index of a model, built once per document version (cached with the parse). */
export function personIndex(model: MeetingModel): PersonIndex {
  let index = indexes.get(model);
  if (!index) {
    index = buildPersonIndex(model);
    indexes.set(model, index);
  }
  return index;
}

function buildPersonIndex(model: MeetingModel): PersonIndex {
  const byKey = new Map<string, PersonSymbol>();
  // Presence gathered with the entries: one pass, not a search of all people per name.
  const entriesByKey = new Map<
    string,
    { person: Person; entries: AttendanceEntry[]; present: boolean }
  >();
  for (const person of model.people) {
    const group = entriesByKey.get(person.key);
    if (group) {
      group.entries.push(person.entry);
      group.present ||= person.present;
    } else {
      entriesByKey.set(person.key, { person, entries: [person.entry], present: person.present });
    }
  }
  for (const [key, { person, entries, present }] of entriesByKey) {
    byKey.set(key, { key, name: person.name.text, firstKey: person.firstKey, entries, present });
  }
  const persons = [...byKey.values()];

  // First names: present people first; someone absent only when nobody present has the name.
  const byFirst = new Map<string, PersonSymbol[]>();
  for (const person of persons) push(byFirst, person.firstKey, person);
  // Filtered once per first name: thousands of `@Anna` share one list of namesakes.
  const namesakesOf = new Map<string, readonly PersonSymbol[]>();
  const namesakes = (firstKey: string): readonly PersonSymbol[] => {
    let found = namesakesOf.get(firstKey);
    if (!found) {
      const all = byFirst.get(firstKey) ?? [];
      const present = all.filter((p) => p.present);
      namesakesOf.set(firstKey, (found = present.length > 0 ? present : all));
    }
    return found;
  };
  const byFirstUnique = (firstKey: string): PersonSymbol | undefined => {
    const candidates = namesakes(firstKey);
    return candidates.length === 1 ? candidates[0] : undefined;
  };
  const resolve = (text: string): PersonSymbol | undefined => {
    const key = nameKey(text);
    return byKey.get(key) ?? byFirstUnique(key);
  };
  // Full names by their first word, longest first, for matching in free text.
  // Then by their second word: ten thousand `Per …` cost one lookup per `Per` in the text.
  const fullByFirstWord = new Map<string, Map<string, FullName[]>>();
  persons.forEach((person, order) => {
    const words = person.key.split(' ');
    if (words.length < 2) return;
    let bySecond = fullByFirstWord.get(words[0]);
    if (!bySecond) fullByFirstWord.set(words[0], (bySecond = new Map()));
    push(bySecond, words[1], { person, words, order });
  });
  for (const bySecond of fullByFirstWord.values()) {
    for (const list of bySecond.values()) list.sort(longestFirst);
  }

  const mentions: Mention[] = [];
  const unresolved: UnresolvedName[] = [];
  const ambiguous: { range: Range; text: string; namesakes: readonly PersonSymbol[] }[] = [];
  const seen = new Set<number>();
  const add = (mention: Mention): void => {
    const id = mention.range.start.line * 0x100000 + mention.range.start.character;
    if (seen.has(id)) return;
    seen.add(id);
    mentions.push(mention);
  };
  const addNamed = (span: Span, role: NamedRole, signs?: SignerRole): void => {
    const key = nameKey(span.text);
    const person = resolve(span.text);
    if (person) {
      add({ person, range: span.range, form: person.key === key ? 'full' : 'first', role, signs });
    } else {
      const others = key.includes(' ') ? [] : namesakes(key);
      unresolved.push({ span, role, namesakes: others });
      if (others.length > 1)
        ambiguous.push({ range: span.range, text: span.text, namesakes: others });
    }
  };

  for (const person of persons) {
    for (const entry of person.entries) {
      if (entry.name) add({ person, range: entry.name.range, form: 'full', role: 'attendance' });
    }
  }
  for (const [role, lines] of model.signers) {
    for (const { names } of lines) for (const span of names) addNamed(span, 'signature', role);
  }
  for (const { line } of model.actions) if (line.owner) addNamed(line.owner, 'owner');
  for (const person of model.people) {
    if (person.replaces) addNamed(person.replaces.name, 'replaces');
  }
  for (const ref of model.appointedAdjusters?.persons ?? []) addNamed(ref.name, 'appointed');
  for (const item of model.items) {
    for (const vote of item.votes) {
      for (const tally of vote.tallies) for (const ref of tally.persons) addNamed(ref.name, 'vote');
    }
    for (const mention of [...item.motions, ...item.reservations, ...item.jav, ...item.notes]) {
      addNamed(mention.person.name, 'item');
    }
  }
  for (const election of model.elections) {
    for (const span of election.names) {
      const person = byKey.get(nameKey(span.text));
      if (person) add({ person, range: span.range, form: 'full', role: 'election' });
    }
  }

  // Only capitalised words that are someone's first name (or a full name's first word) matter,
  // so most words are rejected by one map lookup.
  const scan = (span: Span | undefined): void => {
    if (!span) return;
    const text = span.text;
    const line = span.range.start.line;
    const base = span.range.start.character;
    const rangeOf = (start: number, end: number): Range => ({
      start: { line, character: base + start },
      end: { line, character: base + end },
    });
    let skipUntil = 0;
    for (const match of text.matchAll(CAPITALISED_WORD)) {
      const start = match.index;
      if (start > 0 && WORD_CHARACTER.test(text[start - 1])) continue;
      const end = start + match[0].length;
      if (end < skipUntil) continue;
      const key = wordKey(match[0]);
      const full = matchFullName(text, end, fullByFirstWord.get(key));
      if (full) {
        add({ person: full.person, range: rangeOf(start, full.end), form: 'full', role: 'text' });
        skipUntil = full.end + 1;
        continue;
      }
      const first = firstNameOf(key, byFirst);
      if (!first) continue;
      const candidates = namesakes(first.key);
      const range = rangeOf(start, end - first.genitive);
      if (candidates.length === 1) {
        const form = candidates[0].key === first.key ? 'full' : 'first';
        add({ person: candidates[0], range, form, role: 'text' });
      } else if (candidates.length > 1) {
        ambiguous.push({ range, text: text.slice(start, end), namesakes: candidates });
      }
    }
  };
  const scanBody = (line: BodyLine): void => {
    if (line.kind === 'text' || line.kind === 'decision') scan(line.text);
    else if (line.kind === 'bullet') scan(line.roundTable ? line.roundTable.text : line.text);
    else if (line.kind === 'action' || line.kind === 'label') scan(line.text);
    else if (line.kind === 'tally') scan(line.rest);
  };
  for (const line of model.ast.preamble) scanBody(line);
  for (const item of model.ast.items) {
    scan(item.title);
    for (const line of item.body) scanBody(line);
  }

  mentions.sort((a, b) => comparePositions(a.range.start, b.range.start));
  const mentionsOf = new Map<PersonSymbol, Mention[]>();
  for (const mention of mentions) push(mentionsOf, mention.person, mention);
  const byLine = new Map<number, PersonAt[]>();
  for (const mention of mentions)
    push(byLine, mention.range.start.line, { kind: 'mention', mention });
  for (const name of unresolved) {
    if (name.namesakes.length <= 1)
      push(byLine, name.span.range.start.line, { kind: 'unresolved', name });
  }
  for (const a of ambiguous) push(byLine, a.range.start.line, { kind: 'ambiguous', ...a });

  return {
    persons,
    byKey,
    mentionsOf,
    resolve,
    namesakes,
    onLine: (line) => byLine.get(line) ?? [],
    at: (position) =>
      byLine.get(position.line)?.find((found) => {
        const range =
          found.kind === 'mention'
            ? found.mention.range
            : found.kind === 'unresolved'
              ? found.name.span.range
              : found.range;
        return (
          range.start.character <= position.character && position.character <= range.end.character
        );
      }),
  };
}

const CAPITALISED_WORD = /\p{Lu}[\p{L}\p{M}\p{N}'’-]*/gu;
const FOLLOWING_WORD = /[ \t]+([\p{L}\p{M}\p{N}'’-]+)/uy;
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}'’-]/u;

function wordKey(word: string): string {
  return word.normalize('NFC').toLowerCase();
}

/**
 * The longest listed full name whose first word ends at `firstEnd` (a trailing genitive `s`
 * allowed on the last word): the person and where the name ends.
 */
function matchFullName(
  text: string,
  firstEnd: number,
  bySecond: ReadonlyMap<string, readonly FullName[]> | undefined,
): { person: PersonSymbol; end: number } | undefined {
  if (!bySecond) return undefined;
  FOLLOWING_WORD.lastIndex = firstEnd;
  const second = FOLLOWING_WORD.exec(text);
  if (!second) return undefined;
  const secondKey = wordKey(second[1]);
  // Names whose second word is the one written, or (two-word names) its genitive.
  const same = bySecond.get(secondKey) ?? [];
  const genitive = secondKey.endsWith('s')
    ? (bySecond.get(secondKey.slice(0, -1)) ?? []).filter((c) => c.words.length === 2)
    : [];
  const candidates = genitive.length ? [...same, ...genitive].sort(longestFirst) : same;
  for (const candidate of candidates) {
    let position = firstEnd;
    let end = -1;
    for (let k = 1; k < candidate.words.length; k++) {
      FOLLOWING_WORD.lastIndex = position;
      const next = FOLLOWING_WORD.exec(text);
      if (!next) break;
      const key = wordKey(next[1]);
      const last = k === candidate.words.length - 1;
      position += next[0].length;
      if (key === candidate.words[k]) {
        if (last) end = position;
      } else if (last && isGenitive(key, candidate.words[k])) {
        end = position - 1;
      } else {
        break;
      }
    }
    if (end >= 0) return { person: candidate.person, end };
  }
  return undefined;
}

interface FullName {
  readonly person: PersonSymbol;
  readonly words: readonly string[];
  // Position among the people, for a stable order among names of one length.
  readonly order: number;
}

function longestFirst(a: FullName, b: FullName): number {
  return b.words.length - a.words.length || a.order - b.order;
}

function isGenitive(written: string, name: string): boolean {
  return written === `${name}s` && !/[sxz]$/.test(name);
}

/** The first name a word is, possibly in the genitive (`Ulfs` → `ulf`). */
function firstNameOf(
  key: string,
  byFirst: ReadonlyMap<string, readonly PersonSymbol[]>,
): { key: string; genitive: number } | undefined {
  if (byFirst.has(key)) return { key, genitive: 0 };
  const stem = key.slice(0, -1);
  if (key.endsWith('s') && byFirst.has(stem) && isGenitive(key, stem)) {
    return { key: stem, genitive: 1 };
  }
  return undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The person at a position, if a mention is there. */
export function mentionAt(model: MeetingModel, position: Position): Mention | undefined {
  const found = personIndex(model).at(position);
  return found?.kind === 'mention' ? found.mention : undefined;
}

/** Go to definition: the person's (first) attendance line name. */
export function definition(model: MeetingModel, uri: string, position: Position): Location[] {
  const mention = mentionAt(model, position);
  const name = mention?.person.entries[0].name;
  return name ? [{ uri, range: name.range }] : [];
}

/** Every mention of the person at the position; attendance lines only with the declaration. */
export function references(
  model: MeetingModel,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const mention = mentionAt(model, position);
  if (!mention) return [];
  const all = personIndex(model).mentionsOf.get(mention.person) ?? [];
  return all
    .filter((m) => includeDeclaration || m.role !== 'attendance')
    .map((m) => ({ uri, range: m.range }));
}

/** The person's mentions in the document: attendance lines as writes, the rest as reads. */
export function documentHighlights(model: MeetingModel, position: Position): DocumentHighlight[] {
  const mention = mentionAt(model, position);
  if (!mention) return [];
  return (personIndex(model).mentionsOf.get(mention.person) ?? []).map((m) => ({
    range: m.range,
    kind: m.role === 'attendance' ? 3 : 2,
  }));
}

const MESSAGES = {
  notAPerson: {
    sv: 'Här står inget namn på en person i protokollet. Ställ markören på ett namn under Närvarande eller Frånvarande, i en underskrift, efter @ i en åtgärd eller på ett förnamn i texten.',
    en: 'There is no name of a person here. Put the cursor on a name under Närvarande (Present) or Frånvarande (Absent), in a signature, after @ in an action, or on a first name in the text.',
  },
  notListed: {
    sv: (name: string) =>
      `${name} står inte under Närvarande eller Frånvarande, så det finns inget att byta namn på. Lägg till personen i närvarolistan först.`,
    en: (name: string) =>
      `${name} is not listed under Närvarande (Present) or Frånvarande (Absent), so there is nothing to rename. Add the person to the attendance list first.`,
  },
  ambiguous: {
    sv: (name: string, who: string) =>
      `"${name}" kan vara flera personer (${who}). Byt namn där hela namnet står.`,
    en: (name: string, who: string) =>
      `"${name}" could be several people (${who}). Rename where the full name is written.`,
  },
  emptyName: {
    sv: 'Det nya namnet är tomt. Skriv för- och efternamn, till exempel Anna Ek.',
    en: 'The new name is empty. Write a first and last name, for example Anna Ek.',
  },
  badCharacter: {
    sv: (c: string) =>
      `Ett namn kan inte innehålla "${c}": tecknet har en egen betydelse i protokollet. Skriv bara namnet, till exempel Anna Ek.`,
    en: (c: string) =>
      `A name cannot contain "${c}": the character has its own meaning in minutes. Write just the name, for example Anna Ek.`,
  },
};

/** The range and current full name to rename, or a message saying why there is nothing to rename. */
export function prepareRename(
  model: MeetingModel,
  position: Position,
  locale: Locale = 'sv',
): { range: Range; placeholder: string } | RenameError {
  const found = personIndex(model).at(position);
  if (!found) return { error: MESSAGES.notAPerson[locale] };
  if (found.kind === 'unresolved') {
    if (found.name.namesakes.length > 1) {
      return { error: ambiguousMessage(found.name.span.text, found.name.namesakes, locale) };
    }
    return { error: MESSAGES.notListed[locale](found.name.span.text) };
  }
  if (found.kind === 'ambiguous') {
    return { error: ambiguousMessage(found.text, found.namesakes, locale) };
  }
  return { range: found.mention.range, placeholder: found.mention.person.name };
}

function ambiguousMessage(
  text: string,
  namesakes: readonly PersonSymbol[],
  locale: Locale,
): string {
  return MESSAGES.ambiguous[locale](text, namesakes.map((p) => p.name).join(', '));
}

/**
 * Renames the person at the position everywhere: full-name mentions get the new full name,
 * first-name mentions the new first name — or the full name when the new first name would be
 * shared with another attendee, so that every mention still names one person.
 */
export function rename(
  model: MeetingModel,
  uri: string,
  position: Position,
  newName: string,
  locale: Locale = 'sv',
): WorkspaceEdit | RenameError {
  const prepared = prepareRename(model, position, locale);
  if ('error' in prepared) return prepared;
  const name = newName.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name === '') return { error: MESSAGES.emptyName[locale] };
  const bad = /[,():@\r\n]|^[-•*#§]|^\/\//.exec(name);
  if (bad) return { error: MESSAGES.badCharacter[locale](bad[0].trim() || bad[0]) };
  const index = personIndex(model);
  const person = (mentionAt(model, position) as Mention).person;
  const newFirst = name.split(' ')[0];
  const clash = index
    .namesakes(nameKey(newFirst))
    .some((other) => other.key !== person.key && other.key !== nameKey(name));
  const edits: TextEdit[] = (index.mentionsOf.get(person) ?? []).map((m) => ({
    range: m.range,
    newText: m.form === 'full' || clash ? name : newFirst,
  }));
  return { changes: { [uri]: edits } };
}
