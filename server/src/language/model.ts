import { buildItemModel, type ItemModel } from './itemModel';
import type {
  ActionLine,
  AgendaItem,
  AttendanceEntry,
  BulletLine,
  HeaderField,
  NextMeetingLine,
  ParagraphSet,
  PersonRef,
  ProtokollAst,
  SignatureLine,
  Span,
} from './syntax/ast';
import {
  SIGNER_ROLES,
  type AttendanceGroup,
  type AttendeeRole,
  type SignerRole,
} from './syntax/keywords';
import { meetingRolesIn } from './syntax/meetingRoles';
import { includesParagraph } from './syntax/persons';
import { BulletLineNode } from './syntax/bodyLineNodes';
import { ItemNode } from './syntax/itemNode';
import { SpanNode } from './syntax/place';
import { nameKey } from './text';

export type { ItemMention, ItemModel, Vote } from './itemModel';

/** An attendee, present or absent, named in the attendance lists. */
export interface Person {
  readonly name: Span;
  readonly key: string;
  readonly firstKey: string;
  readonly entry: AttendanceEntry;
  /** In any list of people at the meeting (every group but Frånvarande). */
  readonly present: boolean;
  /** The list the person stands in. */
  readonly group: AttendanceGroup;
  /** Party letters as written (`S`). */
  readonly party?: Span;
  readonly role?: AttendeeRole;
  /** `kommunsekreterare`, for Övriga närvarande. */
  readonly function?: Span;
  /** The member a serving substitute replaces. */
  readonly replaces?: PersonRef;
  /** The items the person was there for (undefined: every item). */
  readonly paragraphs?: ParagraphSet;
}

/** A person elected to a role of this meeting, by an item's title or a line of its body. */
export interface Election {
  readonly role: SignerRole;
  readonly item: AgendaItem;
  readonly names: Span[];
  /** The same persons with their party letters. */
  readonly persons: PersonRef[];
  /** `title`: `§ 2 Val av justerare` and names in the body; `body`: `Till justerare utses …`. */
  readonly source: 'title' | 'body';
}

/** Where an organisation name occurs. */
export interface OrganisationMention {
  readonly span: Span;
  readonly where: 'present' | 'absent' | 'roundTable';
}

/** The meeting as the checks and features see it, derived once from the AST. */
export interface MeetingModel {
  readonly ast: ProtokollAst;
  /** Everybody in the attendance lists, in document order. */
  readonly people: Person[];
  /** Present people by full-name key. */
  readonly presentByKey: Map<string, Person[]>;
  /** The organisations of the attendance lists and the round tables. */
  readonly organisations: OrganisationMention[];
  readonly signers: Map<SignerRole, { line: SignatureLine; names: Span[] }[]>;
  readonly elections: Election[];
  /** Every action line with its item. */
  readonly actions: { line: ActionLine; item: AgendaItem }[];
  /** Every `Nästa möte:` line with its item. */
  readonly nextMeetings: { line: NextMeetingLine; item: AgendaItem }[];
  /** Resolves a full name, or a first name only one present person has. */
  resolvePerson(text: string): Person | undefined;
  /** The present people (one per full name) whose first name is `firstKey`, in document order. */
  presentNamesakes(firstKey: string): readonly Person[];

  // ---- v2 (municipal bodies and associations) ----
  /** `Organ: Kommunstyrelsen`. */
  readonly body?: Span;
  /** `Utses att justera: …`: elects the adjusters like an election item. */
  readonly appointedAdjusters?: HeaderField;
  /** `Justeringens plats och tid: …` (its `date` is the planned adjustment day). */
  readonly adjustmentPlace?: HeaderField;
  /** `Paragrafer: 26–38`, in the header or the signature block. */
  readonly paragraphs?: HeaderField;
  /** True when the document has Beslutande/Ledamöter or Tjänstgörande ersättare lists. */
  readonly hasVotingLists: boolean;
  /**
   * The voting members present: Beslutande and Tjänstgörande ersättare; in a document without
   * those lists, everybody under Närvarande.
   */
  readonly votingMembers: Person[];
  /** One entry per § item, in document order (built on first use). */
  readonly items: ItemModel[];
  /** True when some item has a v2 label (`Omröstning:`, `Jäv:`, …) or a vote tally. */
  readonly hasItemLabels: boolean;
  /** The item model of an item. */
  itemModel(item: AgendaItem): ItemModel | undefined;
  /**
   * Who takes part in the decisions of an item: the voting members there for it (their `§`
   * ranges), minus members replaced by a substitute for it, minus those who declared jäv in it.
   */
  votersIn(item: ItemModel): Person[];
  /** A person from any list (present or absent) by full name. */
  personByName(text: string): Person | undefined;
  /**
   * True when a name key (`nameKey`) is a listed person's full or first name: `- Sara: …` is a
   * person speaking, not an organisation.
   */
  isAttendeeName(key: string): boolean;
}

export function buildModel(ast: ProtokollAst): MeetingModel {
  const people: Person[] = [];
  const organisations: OrganisationMention[] = [];
  for (const section of ast.sections) {
    const present = section.kind === 'present';
    for (const entry of section.entries) {
      if (entry.name) {
        const key = nameKey(entry.name.text);
        people.push({
          name: entry.name,
          key,
          firstKey: key.split(' ')[0],
          entry,
          present,
          group: section.group,
          party: entry.party,
          role: entry.roleKind,
          function: entry.function,
          replaces: entry.replaces,
          paragraphs: entry.paragraphs,
        });
      }
      if (entry.organisation) organisations.push({ span: entry.organisation, where: section.kind });
    }
  }
  const presentByKey = new Map<string, Person[]>();
  const presentByFirst = new Map<string, Person[]>();
  const byKey = new Map<string, Person>();
  const firstNames = new Set<string>();
  // Keys already under their first name: a set, so 10,000 namesakes cost 10,000 steps, not 10,000².
  const keysByFirst = new Set<string>();
  for (const person of people) {
    if (!byKey.has(person.key) || person.present) byKey.set(person.key, person);
    firstNames.add(person.firstKey);
    if (!person.present) continue;
    push(presentByKey, person.key, person);
    if (!keysByFirst.has(person.key)) {
      keysByFirst.add(person.key);
      push(presentByFirst, person.firstKey, person);
    }
  }
  const resolvePerson = (text: string): Person | undefined => {
    const key = nameKey(text);
    const full = presentByKey.get(key);
    if (full) return full[0];
    const first = presentByFirst.get(key);
    return first?.length === 1 ? first[0] : undefined;
  };

  const signers = new Map<SignerRole, { line: SignatureLine; names: Span[] }[]>();
  for (const line of ast.signatures) {
    const role = SIGNER_ROLES.find((r) => r === line.kind);
    if (role) push(signers, role, { line, names: line.names });
  }

  const elections: Election[] = [];
  const actions: MeetingModel['actions'] = [];
  const nextMeetings: MeetingModel['nextMeetings'] = [];
  let hasItemLabels = false;
  for (const item of ast.items) {
    for (const line of item.body) {
      // Every round-table label; `isAttendeeName` tells a person speaking from an organisation.
      if (line.kind === 'bullet') {
        if (isRoundTable(line)) organisations.push(new RoundTableMention(line));
      } else if (line.kind === 'action') actions.push({ line, item });
      else if (line.kind === 'nextMeeting') nextMeetings.push({ line, item });
    }
    const parts = itemParts(item);
    if (parts === PLAIN) continue;
    if (parts.hasLabels) hasItemLabels = true;
    for (const e of parts.elections) elections.push(e);
  }
  // The item models are built on first use: most checks of a network meeting never read them.
  let items: ItemModel[] | undefined;
  let itemModels: Map<AgendaItem, ItemModel> | undefined;
  const allItems = (): ItemModel[] => {
    if (!items) {
      items = ast.items.map((item) => {
        const parts = itemParts(item);
        return parts === PLAIN ? buildItemModel(item) : parts.model;
      });
      itemModels = new Map(items.map((m) => [m.item, m]));
    }
    return items;
  };

  const header = (kind: HeaderField['kind']) => ast.header.find((h) => h.kind === kind);
  const hasVotingLists = ast.sections.some((s) => s.group === 'voting' || s.group === 'serving');
  const votingMembers = people.filter((p) =>
    hasVotingLists ? p.group === 'voting' || p.group === 'serving' : p.group === 'present',
  );
  const votersCache = new Map<ItemModel, Person[]>();
  const votersIn = (model: ItemModel): Person[] => {
    const cached = votersCache.get(model);
    if (cached) return cached;
    const n = model.item.value;
    const replaced = new Set<string>();
    // A substitute serving for some items (`§ 26–30`) takes the member's place in those; one
    // serving for all replaces an absent member (a present one is attendance/substitute-for-present).
    for (const p of votingMembers) {
      if (p.replaces && p.paragraphs && includesParagraph(p.paragraphs, n))
        replaced.add(nameKey(p.replaces.name.text));
    }
    const jav = new Set(model.jav.map((m) => nameKey(m.person.name.text)));
    const voters = votingMembers.filter(
      (p) =>
        includesParagraph(p.paragraphs, n) &&
        !jav.has(p.key) &&
        !(replaced.has(p.key) && !p.replaces),
    );
    votersCache.set(model, voters);
    return voters;
  };

  return {
    ast,
    people,
    presentByKey,
    organisations,
    signers,
    elections,
    actions,
    nextMeetings,
    resolvePerson,
    presentNamesakes: (firstKey) => presentByFirst.get(firstKey) ?? [],
    body: header('body')?.value,
    appointedAdjusters: header('appointedAdjusters'),
    adjustmentPlace: header('adjustmentPlace'),
    paragraphs: header('paragraphs'),
    hasVotingLists,
    votingMembers,
    get items() {
      return allItems();
    },
    hasItemLabels,
    itemModel: (item) => {
      allItems();
      return itemModels!.get(item);
    },
    votersIn,
    personByName: (text) => byKey.get(nameKey(text)),
    isAttendeeName: (key) => byKey.has(key) || firstNames.has(key),
  };
}

/**
 * What the model takes from one § item that has labels or elections (the body's round tables,
 * actions and next meetings are read from the body each time: a few kind tests per line), computed
 * once per item and kept while the item lives. Any other item keeps the shared `PLAIN`, so it
 * costs the model no object; its item model is built when asked for.
 */
class ItemParts {
  private built?: ItemModel;

  constructor(
    private readonly item: AgendaItem | undefined,
    readonly hasLabels: boolean,
    readonly elections: readonly Election[],
  ) {}

  /** The item model, built on first use. */
  get model(): ItemModel {
    return (this.built ??= buildItemModel(this.item as AgendaItem));
  }
}

const NONE: readonly never[] = Object.freeze([]);

/** The parts of an item without labels or elections. */
const PLAIN = new ItemParts(undefined, false, NONE);

/** The list without spare capacity (a list grown by `push` keeps room for 16 more). */
function exact<T>(list: T[] | undefined): readonly T[] {
  return list === undefined ? NONE : list.slice();
}

// An incremental parse keeps the nodes of unchanged items, so their parts are reused as well:
// kept in the parser's item node, or here for an item built elsewhere.
const partsOfItem = new WeakMap<AgendaItem, ItemParts>();

function itemParts(item: AgendaItem): ItemParts {
  const node = item instanceof ItemNode ? item : undefined;
  const cached = node ? (node._derived as ItemParts | undefined) : partsOfItem.get(item);
  if (cached) return cached;
  let elections: Election[] | undefined;
  let hasLabels = false;
  for (const line of item.body) {
    if (line.kind === 'label' || line.kind === 'tally') hasLabels = true;
    else if (line.kind === 'election') {
      (elections ??= []).push({
        role: line.role,
        item,
        names: line.persons.map((p) => p.name),
        persons: line.persons,
        source: 'body',
      });
    }
  }
  const title = item.title;
  const roles = title ? meetingRolesIn(title.text) : NONE;
  // A title naming several roles ("Val av ordförande och justerare") leaves unclear who got which.
  if (roles.length === 1 && !elections?.some((e) => e.role === roles[0])) {
    const persons = electedPersons(item);
    if (persons.length > 0) {
      (elections ??= []).push({
        role: roles[0],
        item,
        names: persons.map((p) => p.name),
        persons,
        source: 'title',
      });
    }
  }
  const parts = hasLabels || elections ? new ItemParts(item, hasLabels, exact(elections)) : PLAIN;
  if (node) node._derived = parts;
  else partsOfItem.set(item, parts);
  return parts;
}

function isRoundTable(line: BulletLine): boolean {
  return line instanceof BulletLineNode ? line._os >= 0 : line.roundTable !== undefined;
}

/**
 * A round-table bullet's organisation as a mention: one object holding the line (kept with the
 * model), its span made when read.
 */
class RoundTableMention implements OrganisationMention {
  constructor(private readonly line: BulletLine) {}

  get span(): Span {
    const line = this.line;
    return (line instanceof BulletLineNode ? line._organisation : line.roundTable?.organisation)!;
  }

  get where(): 'roundTable' {
    return 'roundTable';
  }
}

/**
 * The persons written in an election item's body: each text or bullet line that reads like a
 * list of capitalised names (`Britt Andersson`, `Anna Ek och Per Berg`, `Anna Ek (S), Per Berg`).
 */
function electedPersons(item: AgendaItem): PersonRef[] {
  const persons: PersonRef[] = [];
  for (const line of item.body) {
    const span =
      line.kind === 'text' || line.kind === 'bullet' || line.kind === 'decision'
        ? line.text
        : undefined;
    if (!span) continue;
    const parts = splitNames(span);
    if (!parts) continue;
    const read = parts.map(withParty);
    if (read.every((p) => /^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)+$/u.test(p.name.text)))
      persons.push(...read);
  }
  return persons;
}

/** `Anna Ek (S)` → the name and the party letters. */
function withParty(span: Span): PersonRef {
  // By hand, not /^(.*?)[ \t]*\((…)\)$/: that retries the blanks from every position (quadratic).
  const t = span.text;
  const open = t.lastIndexOf('(');
  if (!t.endsWith(')') || open < 0 || !/^\p{Lu}\p{L}{0,5}$/u.test(t.slice(open + 1, -1)))
    return { name: span };
  let nameEnd = open;
  while (nameEnd > 0 && (t[nameEnd - 1] === ' ' || t[nameEnd - 1] === '\t')) nameEnd--;
  const name = t.slice(0, nameEnd);
  const party = t.slice(open + 1, -1);
  return {
    name: partOf(span, 0, name.length, name),
    party: partOf(span, open + 1, open + 1 + party.length, party),
  };
}

/**
 * Columns `from`–`to` of `span` as a span of its own. The parts are kept with the item (see
 * `itemParts`), so a part of a span of the tree is a span of the same line: it moves with the
 * item's anchor when the next parse reuses the item, where a range copied now would not.
 */
function partOf(span: Span, from: number, to: number, text: string): Span {
  if (span instanceof SpanNode) return new SpanNode(span._p, span._s + from, span._s + to);
  const { line, character } = span.range.start;
  return {
    text,
    range: {
      start: { line, character: character + from },
      end: { line, character: character + to },
    },
  };
}

function splitNames(span: Span): Span[] | undefined {
  const out: Span[] = [];
  const text = span.text.replace(/[.]$/, '');
  for (const m of nameParts(text)) {
    let start = m.index;
    let word = m.text;
    const lead = /^(?:\s*,\s*|\s*(?:och|and)\s+|\s+)/.exec(word);
    if (lead) {
      start += lead[0].length;
      word = word.slice(lead[0].length);
    }
    if (!word) continue;
    out.push(partOf(span, start, start + word.length, word));
  }
  return out.length > 0 ? out : undefined;
}

/**
 * The matches of /[^,]+?(?=\s*(?:,|\soch\s|\sand\s|$))/g in `text`, in linear time: the regular
 * expression rescans a run of blanks from each of its positions. A part ends where only blanks
 * stand before a comma, ` och `/` and ` or the end.
 */
function nameParts(text: string): { index: number; text: string }[] {
  const isBlank = (c: string | undefined) => c !== undefined && /\s/u.test(c);
  // nextSolid[i]: the first position at or after i that is not white space.
  const nextSolid = new Array<number>(text.length + 1);
  nextSolid[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) nextSolid[i] = isBlank(text[i]) ? nextSolid[i + 1] : i;
  const endsHere = (i: number) => {
    const j = nextSolid[i];
    if (j === text.length || text[j] === ',') return true;
    const word = text.slice(j, j + 3);
    return j > i && (word === 'och' || word === 'and') && isBlank(text[j + 3]);
  };
  const parts: { index: number; text: string }[] = [];
  let p = 0;
  while (p < text.length) {
    if (text[p] === ',') {
      p++;
      continue;
    }
    let e = p + 1;
    while (!endsHere(e)) e++;
    parts.push({ index: p, text: text.slice(p, e) });
    p = e;
  }
  return parts;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
