import { DEFAULT_CONFIG, type Locale, type ProtokollConfig } from '../config';
import type { MeetingModel, Person } from '../model';
import {
  findMunicipality,
  foldDiacritics,
  normalizeName,
  rankMunicipalities,
  type Municipality,
} from '../municipalities/index';
import type { AgendaItem, ProtokollAst, Span } from '../syntax/ast';
import {
  ATTENDEE_ROLES,
  KEYWORDS,
  type AttendeeRole,
  type KeywordKind,
  type SignerRole,
} from '../syntax/keywords';
import { nameKey } from '../text';
import type { Position, Range } from '../types';
import { municipalityLines } from './hover';
import { lastIndexAtOrBefore, lineNodeAt } from './symbols';

/** LSP CompletionItemKind numbers used here. */
export const CompletionItemKind = {
  Variable: 6,
  Module: 9,
  Value: 12,
  Keyword: 14,
  EnumMember: 20,
} as const;

/** The kinds this service uses (a subset of LSP's CompletionItemKind). */
export type CompletionItemKindValue = (typeof CompletionItemKind)[keyof typeof CompletionItemKind];

/** Structurally LSP's CompletionItem (plain text inserts, markdown documentation). */
export interface CompletionItem {
  label: string;
  kind: CompletionItemKindValue;
  detail?: string;
  documentation?: { kind: 'markdown'; value: string };
  insertText?: string;
  textEdit?: { range: Range; newText: string };
  filterText?: string;
  sortText?: string;
  /** 1 = plain text. */
  insertTextFormat?: 1;
  preselect?: boolean;
}

/** Structurally LSP's CompletionList. */
export interface CompletionList {
  /** True when the server filtered and ranked for the typed text: ask again as typing goes on. */
  isIncomplete: boolean;
  items: CompletionItem[];
}

/** What completion reads: the text and its parse. */
export interface CompletionSource {
  readonly text: string;
  readonly ast: ProtokollAst;
  readonly model: MeetingModel;
}

/** A fresh empty list each time: callers may add to what they get. */
const empty = (): CompletionList => ({ isIncomplete: false, items: [] });

/**
 * Completions at a position, chosen by what the line is:
 * - `§` at line start: the next free item number;
 * - an attendance line: municipalities (and configured organisations) after `- Name, ` and in
 *   absence lists, role names after `(`;
 * - a bullet in an item body: municipalities for the round table (`- Gull|`);
 * - `Åtgärd: … @`: the attendees; a signature line: the attendees who may sign there;
 * - otherwise, at line start: the keywords valid on that line.
 * Municipalities are ranked by `rankMunicipalities` (prefix, then fuzzy, tolerant of missing
 * å/ä/ö) and keep that order through `sortText`.
 */
export function completions(
  source: CompletionSource,
  position: Position,
  config: ProtokollConfig = DEFAULT_CONFIG,
): CompletionList {
  const { ast } = source;
  if (position.line < 0 || position.line >= ast.lineCount) return empty();
  const lineText = textOfLine(source, position.line);
  const character = Math.max(0, Math.min(position.character, lineText.length));
  const before = lineText.slice(0, character);
  const after = lineText.slice(character);
  const at = (start: number): Range => ({
    start: { line: position.line, character: start },
    end: { line: position.line, character },
  });
  const ctx: Context = {
    source,
    config,
    locale: config.locale,
    before,
    after,
    at,
    line: position.line,
  };

  const itemMark = /^([ \t]*)§[ \t]*\d*$/.exec(before);
  if (itemMark) return itemNumberCompletions(ctx, itemMark[1].length);

  const node = lineNodeAt(ast, position.line);
  if (node?.kind === 'entry') {
    const role = /\(([ \t]*)([^()]*)$/.exec(before);
    if (role) return roleCompletions(ctx, role.index + 1 + role[1].length, role[2]);
    const afterComma = /^[ \t]*[-•*][ \t]*[^,()]*,([ \t]*)([^,()]*)$/.exec(before);
    if (afterComma) {
      const query = afterComma[2];
      const kind = node.section.kind === 'present' ? 'present' : 'absent';
      return organisationCompletions(ctx, character - query.length, query, kind);
    }
    const alone = /^[ \t]*[-•*][ \t]*([^,()]*)$/.exec(before);
    if (alone && node.section.kind === 'absent') {
      return organisationCompletions(ctx, character - alone[1].length, alone[1], 'absent');
    }
    return empty();
  }
  if (node?.kind === 'body') {
    const line = node.line;
    if (line.kind === 'action') {
      const owner = /@([ \t]*)([^@,]*)$/.exec(before);
      return owner ? ownerCompletions(ctx, owner.index + 1 + owner[1].length, owner[2]) : empty();
    }
    if (line.kind === 'bullet') {
      const bullet = /^[ \t]*[-•*][ \t]*([^:]*)$/.exec(before);
      if (bullet && bullet[1].trim().split(/\s+/).length <= 3) {
        return organisationCompletions(
          ctx,
          character - bullet[1].length,
          bullet[1],
          'roundTable',
          node.item,
        );
      }
      return empty();
    }
  }
  if (node?.kind === 'signature') {
    const kind = node.signature.kind;
    if (kind === 'chair' || kind === 'secretary' || kind === 'adjuster') {
      const colon = before.indexOf(':');
      if (colon < 0) return empty();
      return signerCompletions(ctx, kind, colon);
    }
    return empty();
  }
  const keyword = /^([ \t]*)((?:[\p{L}\p{M}]+(?:[ \t]+[\p{L}\p{M}]*)?)?)$/u.exec(before);
  if (keyword && after.trim() === '') return keywordCompletions(ctx, keyword[1].length, keyword[2]);
  return empty();
}

interface Context {
  readonly source: CompletionSource;
  readonly config: ProtokollConfig;
  readonly locale: Locale;
  readonly before: string;
  readonly after: string;
  readonly line: number;
  at(start: number): Range;
}

function textOfLine({ text, ast }: CompletionSource, line: number): string {
  const start = ast.lineStarts[line];
  const end = line + 1 < ast.lineStarts.length ? ast.lineStarts[line + 1] : text.length;
  return text.slice(start, end).replace(/\r?\n$|\r$/, '');
}

const sortKey = (i: number): string => String(i).padStart(5, '0');

// ---------------------------------------------------------------------------------------------
// § numbers

const ITEM_TEXT = {
  next: { sv: 'Nästa lediga nummer', en: 'Next free number' },
  after: {
    sv: (n: string) => `Följer på § ${n}; numrera om efteråt vid behov.`,
    en: (n: string) => `Follows § ${n}; renumber afterwards if needed.`,
  },
  inserted: {
    sv: (n: string) => `Punkt som lagts till under mötet, efter § ${n}`,
    en: (n: string) => `Item added at the meeting, after § ${n}`,
  },
};

function itemNumberCompletions(ctx: Context, markStart: number): CompletionList {
  const items = ctx.source.ast.items;
  const aboveIndex = lastIndexAtOrBefore(items, ctx.line - 1, (item) => item.mark.start.line);
  const above = aboveIndex >= 0 ? items[aboveIndex] : undefined;
  let belowIndex = aboveIndex + 1;
  if (items[belowIndex]?.mark.start.line === ctx.line) belowIndex++;
  const below = items[belowIndex];
  let max = 0;
  for (const item of items) {
    if (item.mark.start.line !== ctx.line && item.value !== undefined)
      max = Math.max(max, item.value);
  }
  let next: number;
  if (above?.value !== undefined && below) next = above.value + 1;
  else if (above || max > 0) next = max + 1;
  else next = below?.value ?? 1;
  const space = /^[ \t]/.test(ctx.after) ? '' : ' ';
  const out: CompletionItem[] = [
    {
      label: `§ ${next}`,
      kind: CompletionItemKind.Value,
      detail: ITEM_TEXT.next[ctx.locale],
      documentation:
        above?.value !== undefined && below
          ? { kind: 'markdown', value: ITEM_TEXT.after[ctx.locale](String(above.value)) }
          : undefined,
      textEdit: { range: ctx.at(markStart), newText: `§ ${next}${space}` },
      filterText: `§ ${next}`,
      sortText: sortKey(0),
      insertTextFormat: 1,
      preselect: true,
    },
  ];
  if (above?.value !== undefined && below) {
    const letter = nextSuffix(items, above.value);
    if (letter) {
      out.push({
        label: `§ ${above.value} ${letter}`,
        kind: CompletionItemKind.Value,
        detail: ITEM_TEXT.inserted[ctx.locale](String(above.value)),
        textEdit: { range: ctx.at(markStart), newText: `§ ${above.value} ${letter}${space}` },
        filterText: `§ ${above.value} ${letter}`,
        sortText: sortKey(1),
        insertTextFormat: 1,
      });
    }
  }
  return { isIncomplete: false, items: out };
}

function nextSuffix(items: readonly AgendaItem[], value: number): string | undefined {
  const used = new Set(
    items.filter((i) => i.value === value && i.suffix).map((i) => i.suffix!.text),
  );
  return [...'abcdefghijklmnopqrstuvwxyz'].find((letter) => !used.has(letter));
}

// ---------------------------------------------------------------------------------------------
// Organisations

const ORG_TEXT = {
  configured: { sv: 'Organisation från inställningarna', en: 'Organisation from the settings' },
  member: { sv: 'medlem, ej redovisad', en: 'member, not yet listed' },
  attending: { sv: 'närvarande', en: 'present' },
};

type OrganisationPlace = 'present' | 'absent' | 'roundTable';

interface Candidate {
  readonly score: number;
  readonly boosted: boolean;
  /** In a county the document's other organisations are in (a network is usually regional). */
  readonly nearby: boolean;
  readonly order: number;
  readonly item: CompletionItem;
}

function organisationCompletions(
  ctx: Context,
  start: number,
  query: string,
  place: OrganisationPlace,
  item?: AgendaItem,
): CompletionList {
  const { config, locale } = ctx;
  const typed = query.trimEnd();
  const intent = longFormIntent(typed);
  const boosted = boostedOrganisations(ctx.source.ast, config, place, item);
  const counties = new Set<string>();
  for (const organisation of attendanceOrganisations(ctx.source.model.ast)) {
    const county = findMunicipality(organisation.span.text)?.countyCode;
    if (county) counties.add(county);
  }
  const scores = new Map<Municipality, number>();
  const rankings = [typed, ...intent.stems].map((q) => rankMunicipalities(q));
  for (const ranking of rankings) {
    for (const { municipality, score } of ranking) {
      if (score > (scores.get(municipality) ?? -1)) scores.set(municipality, score);
    }
  }
  const range = ctx.at(start);
  const filterText = query === '' ? undefined : query;
  const foldedTyped = foldedKey(typed);
  const candidates: Candidate[] = [];
  let order = 0;
  for (const ranking of rankings) {
    for (const { municipality } of ranking) {
      const score = scores.get(municipality);
      if (score === undefined) continue;
      scores.delete(municipality);
      const folded = foldedKey(municipality.name);
      const official =
        !folded.startsWith(foldedTyped) &&
        (intent.long ||
          foldedTyped === `${folded}s` ||
          intent.stems.some((s) => foldedKey(s) === `${folded}s`));
      const isBoosted = boosted.has(municipality.code);
      candidates.push({
        score,
        boosted: isBoosted,
        nearby: counties.has(municipality.countyCode),
        order: order++,
        item: {
          label: municipality.name,
          kind: CompletionItemKind.Module,
          detail: `${municipality.county} · ${municipality.code}${isBoosted ? ` · ${boostLabel(place, locale)}` : ''}`,
          documentation: {
            kind: 'markdown',
            value: municipalityLines(municipality, locale).join('\n'),
          },
          textEdit: { range, newText: official ? municipality.official : municipality.name },
          filterText,
          insertTextFormat: 1,
        },
      });
    }
  }
  for (const name of config.organisations) {
    if (findMunicipality(name)) continue;
    const score = configuredScore(foldedKey(name), foldedTyped);
    if (score === 0 && foldedTyped !== '') continue;
    const isBoosted = boosted.has(normalizeName(name));
    candidates.push({
      score,
      boosted: isBoosted,
      nearby: true,
      order: order++,
      item: {
        label: name,
        kind: CompletionItemKind.Module,
        detail: `${ORG_TEXT.configured[locale]}${isBoosted ? ` · ${boostLabel(place, locale)}` : ''}`,
        textEdit: { range, newText: name },
        filterText,
        insertTextFormat: 1,
      },
    });
  }
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.boosted) - Number(a.boosted) ||
      Number(b.nearby) - Number(a.nearby) ||
      a.order - b.order,
  );
  const items = candidates.map((c, i) => ({ ...c.item, sortText: sortKey(i) }));
  if (items.length > 0) items[0].preselect = true;
  return { isIncomplete: true, items };
}

function boostLabel(place: OrganisationPlace, locale: Locale): string {
  return place === 'absent' ? ORG_TEXT.member[locale] : ORG_TEXT.attending[locale];
}

/** Normalised, without diacritics, hyphens as spaces: the key typed text is compared on. */
function foldedKey(s: string): string {
  return foldDiacritics(s).replace(/\s*-\s*/g, ' ');
}

/**
 * Whether the user started a long form (`Tidaholm k`, `Gullspångs kommun`, `Region G`), and
 * the name typed before the `kommun`/`stad` word (with and without a genitive `s`) to rank too.
 */
function longFormIntent(typed: string): { long: boolean; stems: string[] } {
  if (/^region\s/iu.test(typed)) return { long: true, stems: [] };
  const words = /^(.*\S)\s+(\S+)$/u.exec(typed);
  if (!words) return { long: false, stems: [] };
  const last = words[2].toLowerCase();
  if (!'kommun'.startsWith(last) && !'stad'.startsWith(last)) return { long: false, stems: [] };
  const stem = words[1];
  const stems = [stem];
  if (/\p{L}s$/u.test(stem)) stems.push(stem.slice(0, -1));
  return { long: true, stems };
}

function configuredScore(name: string, typed: string): number {
  if (typed === '') return 0;
  if (name.startsWith(typed)) return 88;
  if (name.split(' ').some((word) => word.startsWith(typed))) return 78;
  let i = 0;
  for (const c of name) if (c === typed[i]) i++;
  return i === typed.length && name[0] === typed[0] ? 10 : 0;
}

/**
 * Organisations to put first among equally ranked ones: in an absence list the configured
 * members nobody has accounted for yet; at a round-table bullet the organisations present that
 * have not reported in this item yet.
 */
function boostedOrganisations(
  ast: ProtokollAst,
  config: ProtokollConfig,
  place: OrganisationPlace,
  item: AgendaItem | undefined,
): Set<string> {
  const keyOf = (name: string): string => findMunicipality(name)?.code ?? normalizeName(name);
  const boosted = new Set<string>();
  if (place === 'absent') {
    const accounted = new Set(attendanceOrganisations(ast).map((o) => keyOf(o.span.text)));
    for (const member of config.members) {
      const key = keyOf(member);
      if (!accounted.has(key)) boosted.add(key);
    }
  } else if (place === 'roundTable') {
    const reported = new Set<string>();
    for (const line of item?.body ?? []) {
      if (line.kind === 'bullet' && line.roundTable) {
        reported.add(keyOf(line.roundTable.organisation.text));
      }
    }
    for (const o of attendanceOrganisations(ast)) {
      if (o.present && !reported.has(keyOf(o.span.text))) boosted.add(keyOf(o.span.text));
    }
  }
  return boosted;
}

/** The organisations of the attendance lists (not the round-table mentions, which can be many). */
function attendanceOrganisations(ast: ProtokollAst): { span: Span; present: boolean }[] {
  const out: { span: Span; present: boolean }[] = [];
  for (const section of ast.sections) {
    for (const entry of section.entries) {
      if (entry.organisation)
        out.push({ span: entry.organisation, present: section.kind === 'present' });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Roles in parentheses

const ROLE_TEXT: Record<AttendeeRole, { sv: string; en: string }> = {
  chair: { sv: 'Leder mötet', en: 'Chairs the meeting' },
  secretary: { sv: 'För protokollet', en: 'Takes the minutes' },
  adjuster: { sv: 'Justerar protokollet', en: 'Adjusts (checks and signs) the minutes' },
  coopted: {
    sv: 'Adjungerad: deltar utan att vara ledamot',
    en: 'Co-opted: takes part without being a member',
  },
  substitute: { sv: 'Ersättare för en ledamot', en: 'Substitute for a member' },
  viceChair: { sv: 'Vice ordförande', en: 'Vice chair' },
  secondViceChair: { sv: 'Andre vice ordförande', en: 'Second vice chair' },
};

function roleCompletions(ctx: Context, start: number, query: string): CompletionList {
  const typed = foldedKey(query);
  const close = /^[ \t]*[\p{L}\p{M}-]*[ \t]*\)/u.test(ctx.after) ? '' : ')';
  const items: CompletionItem[] = [];
  for (const [role, spellings] of Object.entries(ATTENDEE_ROLES) as [
    AttendeeRole,
    readonly string[],
  ][]) {
    // Vice chairs are written after a comma (`, vice ordförande`), not offered in parentheses.
    if (role === 'viceChair' || role === 'secondViceChair') continue;
    if (typed !== '' && !spellings.some((s) => matchesTyped(foldedKey(s), typed))) continue;
    items.push({
      label: spellings[0],
      kind: CompletionItemKind.EnumMember,
      detail: ctx.locale === 'sv' ? ROLE_TEXT[role].sv : `${spellings[1]} — ${ROLE_TEXT[role].en}`,
      textEdit: { range: ctx.at(start), newText: `${spellings[0]}${close}` },
      filterText: spellings.join(' '),
      sortText: sortKey(items.length),
      insertTextFormat: 1,
    });
  }
  return { isIncomplete: false, items };
}

/** A prefix of the text, or its characters in order starting with the same first letter. */
function matchesTyped(candidate: string, typed: string): boolean {
  if (candidate.startsWith(typed)) return true;
  if (candidate[0] !== typed[0]) return false;
  let i = 0;
  for (const c of candidate) if (c === typed[i]) i++;
  return i === typed.length;
}

// ---------------------------------------------------------------------------------------------
// People

const PEOPLE_TEXT = {
  role: {
    chair: { sv: 'ordförande', en: 'chair' },
    secretary: { sv: 'sekreterare', en: 'secretary' },
    adjuster: { sv: 'justerare', en: 'adjuster' },
  },
  elected: {
    sv: (role: string, item: string) => `vald till ${role} i § ${item}`,
    en: (role: string, item: string) => `elected ${role} in § ${item}`,
  },
  listedAs: {
    sv: (role: string) => `${role} enligt närvarolistan`,
    en: (role: string) => `${role} in the attendance list`,
  },
  named: { sv: 'nämns i åtgärden', en: 'named in the action' },
};

/** The people present, each once, in attendance order. */
function presentPeople(model: MeetingModel): Person[] {
  const byKey = new Map<string, Person>();
  for (const person of model.people) {
    if (person.present && !byKey.has(person.key)) byKey.set(person.key, person);
  }
  return [...byKey.values()];
}

function personItem(
  ctx: Context,
  person: Person,
  start: number,
  note: string | undefined,
): CompletionItem {
  // Right after `Ordförande:` or `Justerare: Anna,` the name needs its separating space.
  const space = /[:,]$/.test(ctx.before.slice(0, start)) ? ' ' : '';
  const details = [person.entry.organisation?.text, person.entry.role?.text, note];
  return {
    label: person.name.text,
    kind: CompletionItemKind.Variable,
    detail: details.filter((d) => d !== undefined).join(' · ') || undefined,
    textEdit: { range: ctx.at(start), newText: `${space}${person.name.text}` },
    filterText: person.name.text,
    insertTextFormat: 1,
  };
}

function matchesPerson(person: Person, query: string): boolean {
  const typed = foldedKey(query.trim());
  if (typed === '') return true;
  const name = foldedKey(person.name.text);
  return name.split(' ').some((_, i, words) => matchesTyped(words.slice(i).join(' '), typed));
}

function signerCompletions(ctx: Context, role: SignerRole, colon: number): CompletionList {
  const { model } = ctx.source;
  const value = ctx.before.slice(colon + 1);
  const lastComma = value.lastIndexOf(',');
  if (lastComma >= 0 && role !== 'adjuster') return empty();
  const segmentStart = colon + 1 + lastComma + 1;
  const segment = ctx.before.slice(segmentStart);
  const query = segment.replace(/^[ \t]+/, '');
  const start = ctx.before.length - query.length;
  const written = new Set(
    (ctx.before.slice(colon + 1, segmentStart) + ctx.after)
      .split(',')
      .map((s) => nameKey(s))
      .filter((s) => s !== ''),
  );
  const chairs = new Set(
    role === 'adjuster'
      ? (model.signers.get('chair') ?? []).flatMap((l) => l.names.map((n) => nameKey(n.text)))
      : [],
  );
  const ranked: { person: Person; priority: number; note?: string }[] = [];
  for (const person of presentPeople(model)) {
    if (written.has(person.key) || chairs.has(person.key) || !matchesPerson(person, query))
      continue;
    const election = model.elections.find(
      (e) => e.role === role && e.names.some((n) => nameKey(n.text) === person.key),
    );
    const roleName = PEOPLE_TEXT.role[role][ctx.locale];
    if (election) {
      const item = String(election.item.value ?? '');
      ranked.push({ person, priority: 0, note: PEOPLE_TEXT.elected[ctx.locale](roleName, item) });
    } else if (person.entry.roleKind === role) {
      ranked.push({ person, priority: 1, note: PEOPLE_TEXT.listedAs[ctx.locale](roleName) });
    } else {
      ranked.push({ person, priority: 2 });
    }
  }
  ranked.sort((a, b) => a.priority - b.priority);
  const items = ranked.map((r, i) => ({
    ...personItem(ctx, r.person, start, r.note),
    sortText: sortKey(i),
    preselect: i === 0 && r.priority < 2 ? true : undefined,
  }));
  return { isIncomplete: false, items };
}

function ownerCompletions(ctx: Context, start: number, query: string): CompletionList {
  const { model } = ctx.source;
  // People the action's own text names (`Ulf planerar … @`) are the likely owners.
  const named = new Set<string>();
  const textBefore = ctx.before.slice(0, ctx.before.lastIndexOf('@'));
  for (const word of textBefore.matchAll(
    /\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]*)?/gu,
  )) {
    const person = model.resolvePerson(word[0]) ?? model.resolvePerson(word[0].split(/[ \t]+/)[0]);
    if (person) named.add(person.key);
  }
  const ranked = presentPeople(model)
    .filter((person) => matchesPerson(person, query))
    .map((person, order) => ({ person, order, named: named.has(person.key) }))
    .sort((a, b) => Number(b.named) - Number(a.named) || a.order - b.order);
  const items = ranked.map((r, i) => ({
    ...personItem(ctx, r.person, start, r.named ? PEOPLE_TEXT.named[ctx.locale] : undefined),
    sortText: sortKey(i),
    preselect: r.named && i === 0 ? true : undefined,
  }));
  return { isIncomplete: false, items };
}

// ---------------------------------------------------------------------------------------------
// Keywords

const KEYWORD_TEXT: Record<KeywordKind, { sv: string; en: string; example: string }> = {
  date: { sv: 'Mötets datum', en: 'Date of the meeting', example: 'Datum: 2024-05-14' },
  time: { sv: 'Mötets tid', en: 'Time of the meeting', example: 'Tid: 09:00-12:00' },
  place: { sv: 'Plats för mötet', en: 'Where the meeting is held', example: 'Plats: Stadshuset' },
  present: {
    sv: 'Närvarolista: en rad per person',
    en: 'Attendance list: one line per person',
    example: 'Närvarande:\n- Anna Ek, Hjo (ordförande)',
  },
  absent: {
    sv: 'Frånvarande organisationer eller personer',
    en: 'Absent organisations or people',
    example: 'Frånvarande:\n- Tibro',
  },
  decision: {
    sv: 'Beslut i punkten',
    en: 'Decision of the item',
    example: 'Beslut: Förslaget godkänns.',
  },
  action: {
    sv: 'Åtgärd med ansvarig och datum',
    en: 'Action with owner and due date',
    example: 'Åtgärd: Boka lokal. @Anna Ek, 2024-06-01',
  },
  nextMeeting: {
    sv: 'Datum och plats för nästa möte',
    en: 'Date and place of the next meeting',
    example: 'Nästa möte: 2024-06-11, Stadshuset',
  },
  chair: {
    sv: 'Ordförandes underskrift',
    en: "The chair's signature",
    example: 'Ordförande: Anna Ek',
  },
  secretary: {
    sv: 'Sekreterarens underskrift',
    en: "The secretary's signature",
    example: 'Sekreterare: Per Berg',
  },
  adjuster: {
    sv: 'Justerare (en eller flera, med komma emellan)',
    en: 'Adjusters (one or more, separated by commas)',
    example: 'Justerare: Eva Lund',
  },
  adjusted: {
    sv: 'Dag då protokollet justerades (inom 14 dagar)',
    en: 'Day the minutes were adjusted (within 14 days)',
    example: 'Justerat: 2024-05-20',
  },
  posted: {
    sv: 'Dag då justeringen anslogs (senast andra dagen efter)',
    en: 'Day the adjustment was posted (by the second day after)',
    example: 'Anslaget: 2024-05-21',
  },
  body: {
    sv: 'Organet som sammanträder',
    en: 'The body that meets',
    example: 'Organ: Kommunstyrelsen',
  },
  appointedAdjusters: {
    sv: 'De som utses att justera protokollet',
    en: 'Those appointed to adjust the minutes',
    example: 'Utses att justera: Anna Ek (S), Per Ek (M)',
  },
  adjustmentPlace: {
    sv: 'Var och när protokollet justeras',
    en: 'Where and when the minutes are adjusted',
    example: 'Justeringens plats och tid: Kommunhuset, 2024-03-12 kl. 15.00',
  },
  paragraphs: {
    sv: 'Protokollets paragrafer',
    en: 'The items of the minutes',
    example: 'Paragrafer: 26–38',
  },
  voting: {
    sv: 'Beslutande ledamöter',
    en: 'Voting members',
    example: 'Beslutande:\n- Anna Ek (S), ordförande',
  },
  serving: {
    sv: 'Tjänstgörande ersättare (röstar)',
    en: 'Serving substitutes (they vote)',
    example: 'Tjänstgörande ersättare:\n- Per Ek (M), ersätter Anna Berg (M)',
  },
  substitutes: {
    sv: 'Närvarande ersättare (röstar inte)',
    en: 'Substitutes present (not voting)',
    example: 'Ersättare:\n- Lisa Berg (C)',
  },
  others: {
    sv: 'Övriga närvarande med funktion',
    en: 'Others present, with their function',
    example: 'Övriga närvarande:\n- Karin Lund, kommunsekreterare',
  },
  basis: {
    sv: 'Beslutsunderlag (lista)',
    en: 'Basis for decision (list)',
    example: 'Beslutsunderlag:\n- Tjänsteskrivelse',
  },
  proposal: {
    sv: 'Förslag till beslut',
    en: 'Proposed decision',
    example: 'Förslag till beslut: …',
  },
  motions: { sv: 'Yrkanden', en: 'Motions', example: 'Yrkanden:\n- Anna Ek (S): bifall' },
  order: { sv: 'Propositionsordning', en: 'Order of proposals', example: 'Propositionsordning: …' },
  vote: { sv: 'Omröstning', en: 'Vote', example: 'Omröstning:\nJa: 7\nNej: 4' },
  reservation: {
    sv: 'Reservation',
    en: 'Dissent',
    example: 'Reservation: Per Ek (M) reserverar sig.',
  },
  jav: { sv: 'Jäv', en: 'Conflict of interest', example: 'Jäv: Anna Ek (S) deltar inte.' },
  note: {
    sv: 'Protokollsanteckning',
    en: 'Note for the minutes',
    example: 'Protokollsanteckning: …',
  },
  sendTo: {
    sv: 'Beslutet skickas till (lista)',
    en: 'Decision sent to (list)',
    example: 'Beslutet skickas till:\n- Ekonomikontoret',
  },
  attachments: { sv: 'Bilagor (lista)', en: 'Attachments (list)', example: 'Bilagor:\n- Bilaga 1' },
  secrecy: {
    sv: 'Sekretess: punkten maskeras i den offentliga versionen',
    en: 'Secrecy: the item is masked in the public version',
    example: 'Sekretess: OSL 26 kap. 1 §',
  },
};

const HEADER_KEYWORDS: readonly KeywordKind[] = ['date', 'time', 'place', 'present', 'absent'];
const LABEL_KEYWORDS: readonly KeywordKind[] = ['decision', 'action', 'nextMeeting'];
const SIGNATURE_KEYWORDS: readonly KeywordKind[] = [
  'chair',
  'secretary',
  'adjuster',
  'adjusted',
  'posted',
];

function keywordCompletions(ctx: Context, start: number, typed: string): CompletionList {
  const { ast } = ctx.source;
  const line = ctx.line;
  const items = ast.items;
  const firstItemLine = items[0]?.mark.start.line ?? Infinity;
  const lastItemLine = items[items.length - 1]?.mark.start.line ?? -1;
  // Signatures may start once no text of the last item follows the cursor.
  const lastItemEnd = items[items.length - 1]?.range.end.line ?? -1;
  const elsewhere = (kind: KeywordKind): boolean =>
    ast.header.some((h) => h.kind === kind && h.range.start.line !== line) ||
    ast.sections.some((s) => s.kind === kind && s.keyword.range.start.line !== line) ||
    ast.signatures.some((s) => s.kind === kind && s.range.start.line !== line);
  let kinds: KeywordKind[];
  if (line < firstItemLine) {
    kinds = HEADER_KEYWORDS.filter((k) => !elsewhere(k));
  } else {
    const signaturesAbove = ast.signatures.some((s) => s.range.start.line < line);
    const signatures =
      line > lastItemLine && line >= lastItemEnd
        ? SIGNATURE_KEYWORDS.filter((k) => !elsewhere(k))
        : [];
    kinds =
      signaturesAbove && line > lastItemLine ? signatures : [...LABEL_KEYWORDS, ...signatures];
  }
  const folded = foldedKey(typed);
  const out: CompletionItem[] = [];
  for (const kind of kinds) {
    const spellings: readonly string[] = KEYWORDS[kind];
    if (folded !== '' && !spellings.some((s) => matchesTyped(foldedKey(s), folded))) continue;
    const text = KEYWORD_TEXT[kind];
    out.push({
      label: `${spellings[0]}:`,
      kind: CompletionItemKind.Keyword,
      detail: ctx.locale === 'sv' ? text.sv : `${spellings.slice(1).join(', ')} — ${text.en}`,
      documentation: { kind: 'markdown', value: `\`\`\`protokoll\n${text.example}\n\`\`\`` },
      textEdit: { range: ctx.at(start), newText: `${spellings[0]}: ` },
      filterText: spellings.join(' '),
      sortText: sortKey(out.length),
      insertTextFormat: 1,
    });
  }
  return { isIncomplete: false, items: out };
}
