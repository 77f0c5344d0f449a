import type { MeetingModel, Person } from '../../model';
import type { ItemModel } from '../../itemModel';
import type { AgendaItem, PersonRef } from '../../syntax/ast';
import { NATIONAL_PARTIES, type SignerRole } from '../../syntax/keywords';
import { includesParagraph } from '../../syntax/persons';
import { nameKey } from '../../text';
import { matchesName, partyItems } from './attendance';
import {
  CompletionItemKind,
  empty,
  sortKey,
  type CompletionItem,
  type CompletionList,
  type Context,
} from './context';

/*
 * People: signers, `@owner` of an action, the names of a vote's `Ja:`/`Nej:`/`Avstår:` lines,
 * reservations, jäv, yrkanden, protokollsanteckningar, `Utses att justera` and elections in an
 * item's body. Party letters are inserted where the format's examples write them (votes and the
 * lines of an item), not on signature lines.
 */

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
  appointed: { sv: 'utsedd att justera', en: 'appointed to adjust' },
  listedAs: {
    sv: (role: string) => `${role} enligt närvarolistan`,
    en: (role: string) => `${role} in the attendance list`,
  },
  viceChair: { sv: 'vice ordförande', en: 'vice chair' },
  named: { sv: 'nämns i åtgärden', en: 'named in the action' },
  group: {
    present: { sv: 'närvarande', en: 'present' },
    voting: { sv: 'beslutande', en: 'voting member' },
    serving: { sv: 'tjänstgörande ersättare', en: 'serving substitute' },
    substitutes: { sv: 'ersättare', en: 'substitute' },
    others: { sv: 'övrig närvarande', en: 'also present' },
    absent: { sv: 'frånvarande', en: 'absent' },
  },
  votedNo: { sv: 'röstade nej', en: 'voted no' },
  voter: { sv: 'deltar i beslutet', en: 'takes part in the decision' },
  notVoter: { sv: 'deltar inte i beslutet', en: 'does not take part in the decision' },
};

/** The people present, each once, in attendance order. */
export function presentPeople(model: MeetingModel): Person[] {
  const byKey = new Map<string, Person>();
  for (const person of model.people) {
    if (person.present && !byKey.has(person.key)) byKey.set(person.key, person);
  }
  return [...byKey.values()];
}

/** `Anna Ek (S)` when the person has party letters and `withParty`, else the name. */
export function writtenName(person: Person, withParty: boolean): string {
  return withParty && person.party
    ? `${person.name.text} (${person.party.text})`
    : person.name.text;
}

function personItem(
  ctx: Context,
  person: Person,
  start: number,
  note: string | undefined,
  withParty = false,
): CompletionItem {
  // Right after `Ordförande:` or `Justerare: Anna,` the name needs its separating space.
  const space = /[:,]$/.test(ctx.before.slice(0, start)) ? ' ' : '';
  const party = person.party ? NATIONAL_PARTIES[person.party.text] : undefined;
  const details = [
    person.entry.organisation?.text,
    person.party ? `${person.party.text}${party ? ` ${party}` : ''}` : undefined,
    person.entry.role?.text ?? person.function?.text,
    note,
  ];
  const written = writtenName(person, withParty);
  return {
    label: written,
    kind: CompletionItemKind.Variable,
    detail: details.filter((d) => d !== undefined).join(' · ') || undefined,
    textEdit: { range: ctx.at(start), newText: `${space}${written}` },
    filterText: person.name.text,
    insertTextFormat: 1,
  };
}

/** A ranked candidate: lower priorities first, then attendance order. */
interface Ranked {
  readonly person: Person;
  readonly priority: number;
  readonly note?: string;
}

function rankedList(
  ctx: Context,
  ranked: Ranked[],
  start: number,
  withParty: boolean,
  preselectBelow: number,
): CompletionList {
  const order = new Map(ctx.source.model.people.map((p, i) => [p, i]));
  ranked.sort(
    (a, b) => a.priority - b.priority || (order.get(a.person) ?? 0) - (order.get(b.person) ?? 0),
  );
  const items = ranked.map((r, i) => ({
    ...personItem(ctx, r.person, start, r.note, withParty),
    sortText: sortKey(i),
    preselect: i === 0 && r.priority < preselectBelow ? true : undefined,
  }));
  return { isIncomplete: false, items };
}

/**
 * Where a list of names is being written after `valueStart` (`Ja: Anna Ek (S), Per|`): the
 * start and text of the name being typed and the names already written on the line, or
 * undefined when the text before the cursor is not a list of names (a reservation's prose).
 */
function nameInList(
  ctx: Context,
  valueStart: number,
):
  | {
      start: number;
      query: string;
      written: Set<string>;
      party?: { start: number; query: string; name: string };
    }
  | undefined {
  const value = ctx.before.slice(valueStart);
  const separator = /(?:,|;|[ \t]+(?:och|and|samt)[ \t]+)/giu;
  let segmentStart = 0;
  for (const m of value.matchAll(separator)) segmentStart = m.index + m[0].length;
  const done = value.slice(0, segmentStart);
  const NAME = String.raw`[ \t]*\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*)*(?:[ \t]*\([ \t]*\p{L}{1,6}[ \t]*\))?[ \t]*`;
  const LIST = new RegExp(`^(?:${NAME}(?:,|;|[ \\t]+(?:och|and|samt)[ \\t]+))*$`, 'u');
  if (done !== '' && !LIST.test(done)) return undefined;
  const segment = value.slice(segmentStart);
  const written = new Set<string>();
  const rest = done + ctx.after;
  for (const part of rest.split(/,|;|[ \t]+(?:och|and|samt)[ \t]+/u)) {
    const name = part.replace(/\([^()]*\)?/g, '').trim();
    if (name !== '') written.add(nameKey(name));
  }
  const paren =
    /^[ \t]*(\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*)*)[ \t]*\(([ \t]*)(\p{L}*)$/u.exec(
      segment,
    );
  if (paren) {
    const query = paren[3];
    return {
      start: ctx.before.length,
      query: '',
      written,
      party: { start: ctx.before.length - query.length, query, name: paren[1] },
    };
  }
  // A name being typed: words, no more than four, nothing else.
  if (!/^[ \t]*(?:[\p{L}'’.-]+(?:[ \t]+[\p{L}'’.-]*){0,3})?$/u.test(segment)) return undefined;
  const query = segment.replace(/^[ \t]+/, '');
  return { start: ctx.before.length - query.length, query, written };
}

/** What a list of names on an item's line is for. */
export type ItemListPurpose = 'tally' | 'reservation' | 'jav' | 'motions' | 'note';

/**
 * Names on a line of an item: a tally (`Ja: `), a reservation, a jäv, a yrkande or a note,
 * after the colon of the label or the marker of a bullet under it.
 */
export function itemPeopleCompletions(
  ctx: Context,
  item: AgendaItem,
  purpose: ItemListPurpose,
  valueStart: number,
): CompletionList {
  const found = nameInList(ctx, valueStart);
  if (!found) return empty();
  if (found.party) return partyList(ctx, found.party);
  const { model } = ctx.source;
  const itemModel = model.itemModel(item);
  if (!itemModel) return empty();
  const voters = model.votersIn(itemModel);
  const voterKeys = new Set(voters.map((p) => p.key));
  const exclude = new Set(found.written);
  const ranked: Ranked[] = [];
  const groupNote = (p: Person) => PEOPLE_TEXT.group[p.group][ctx.locale];
  if (purpose === 'tally') {
    const vote = itemModel.votes.find((v) =>
      v.tallies.some((t) => t.range.start.line === ctx.line),
    );
    for (const tally of vote?.tallies ?? []) {
      if (tally.range.start.line === ctx.line) continue;
      for (const person of tally.persons) exclude.add(nameKey(person.name.text));
    }
    for (const person of voters) ranked.push({ person, priority: 0, note: groupNote(person) });
  } else if (purpose === 'reservation') {
    for (const m of itemModel.reservations)
      if (m.line.range.start.line !== ctx.line) exclude.add(nameKey(m.person.name.text));
    const votedNo = new Set(
      itemModel.votes.flatMap((v) =>
        v.tallies
          .filter((t) => t.choice === 'no')
          .flatMap((t) => t.persons.map((p) => nameKey(p.name.text))),
      ),
    );
    for (const person of voters) {
      const no = votedNo.has(person.key);
      ranked.push({
        person,
        priority: no ? 0 : 1,
        note: no ? PEOPLE_TEXT.votedNo[ctx.locale] : groupNote(person),
      });
    }
  } else if (purpose === 'jav') {
    for (const m of itemModel.jav)
      if (m.line.range.start.line !== ctx.line) exclude.add(nameKey(m.person.name.text));
    for (const person of membersThere(model, itemModel)) {
      ranked.push({ person, priority: 0, note: groupNote(person) });
    }
  } else {
    // Who already moved (or noted) something in the item may do so again: after the others.
    const done = new Set(
      (purpose === 'motions' ? itemModel.motions : itemModel.notes)
        .filter((m) => m.line.range.start.line !== ctx.line)
        .map((m) => nameKey(m.person.name.text)),
    );
    for (const person of presentPeople(model)) {
      const voter = voterKeys.has(person.key);
      ranked.push({
        person,
        priority: (voter ? 0 : 2) + (done.has(person.key) ? 1 : 0),
        note: voter
          ? PEOPLE_TEXT.voter[ctx.locale]
          : `${groupNote(person)}, ${PEOPLE_TEXT.notVoter[ctx.locale]}`,
      });
    }
  }
  const kept = ranked.filter(
    (r) => !exclude.has(r.person.key) && matchesName(r.person.name.text, found.query),
  );
  return rankedList(ctx, kept, found.start, true, Infinity);
}

/** The voting members there for an item (their `§` ranges), jäv not taken off. */
function membersThere(model: MeetingModel, item: ItemModel): Person[] {
  return model.votingMembers.filter((p) => includesParagraph(p.paragraphs, item.item.value));
}

function partyList(
  ctx: Context,
  party: { start: number; query: string; name: string },
): CompletionList {
  const items = partyItems(ctx, party.start, party.query, party.name);
  return {
    isIncomplete: false,
    items: items.map((item, i) => ({ ...item, sortText: sortKey(i) })),
  };
}

/**
 * The people for a signer role, best first: those elected to it (an election item, `Utses att
 * justera` for adjusters), those the attendance list gives the role, vice chairs for the chair,
 * the officials whose function is a secretary's for the secretary, then everybody else present.
 */
export function signerRanking(ctx: Context, role: SignerRole): Ranked[] {
  const { model } = ctx.source;
  const roleName = PEOPLE_TEXT.role[role][ctx.locale];
  const appointed = new Set(
    role === 'adjuster'
      ? (model.appointedAdjusters?.persons ?? []).map((p: PersonRef) => nameKey(p.name.text))
      : [],
  );
  const ranked: Ranked[] = [];
  for (const person of presentPeople(model)) {
    const election = model.elections.find(
      (e) => e.role === role && e.names.some((n) => nameKey(n.text) === person.key),
    );
    if (election) {
      const item = String(election.item.value ?? '');
      ranked.push({ person, priority: 0, note: PEOPLE_TEXT.elected[ctx.locale](roleName, item) });
    } else if (appointed.has(person.key)) {
      ranked.push({ person, priority: 0, note: PEOPLE_TEXT.appointed[ctx.locale] });
    } else if (person.entry.roleKind === role) {
      ranked.push({ person, priority: 1, note: PEOPLE_TEXT.listedAs[ctx.locale](roleName) });
    } else if (
      role === 'chair' &&
      (person.role === 'viceChair' || person.role === 'secondViceChair')
    ) {
      ranked.push({ person, priority: 2, note: PEOPLE_TEXT.viceChair[ctx.locale] });
    } else if (
      role === 'secretary' &&
      person.function &&
      /sekreterare|secretary/i.test(person.function.text)
    ) {
      ranked.push({ person, priority: 2, note: person.function.text });
    } else if (
      (role !== 'chair' && person.role === 'chair') ||
      (role !== 'secretary' && person.role === 'secretary')
    ) {
      // The chair and the secretary sign in their own role.
      ranked.push({ person, priority: 4 });
    } else {
      ranked.push({ person, priority: 3 });
    }
  }
  const order = new Map(model.people.map((p, i) => [p, i]));
  return ranked.sort(
    (a, b) => a.priority - b.priority || (order.get(a.person) ?? 0) - (order.get(b.person) ?? 0),
  );
}

/** Names after `Ordförande:`, `Sekreterare:`, `Justerare:` (and their synonyms). */
export function signerCompletions(ctx: Context, role: SignerRole, colon: number): CompletionList {
  const found = nameInList(ctx, colon + 1);
  if (!found) return empty();
  if (found.party) return partyList(ctx, found.party);
  const { model } = ctx.source;
  const chairs = new Set(
    role === 'adjuster'
      ? (model.signers.get('chair') ?? []).flatMap((l) => l.names.map((n) => nameKey(n.text)))
      : [],
  );
  const ranked = signerRanking(ctx, role).filter(
    (r) =>
      !found.written.has(r.person.key) &&
      !chairs.has(r.person.key) &&
      matchesName(r.person.name.text, found.query),
  );
  return rankedList(ctx, ranked, found.start, false, 3);
}

/**
 * `Utses att justera: ` and `Till justerare utses `: the people present; those the attendance
 * list makes adjusters first, the chair and the secretary (who sign anyway) last.
 */
export function adjusterCompletions(ctx: Context, valueStart: number): CompletionList {
  const found = nameInList(ctx, valueStart);
  if (!found) return empty();
  if (found.party) return partyList(ctx, found.party);
  const { model } = ctx.source;
  const voting = new Set(model.votingMembers.map((p) => p.key));
  const ranked: Ranked[] = [];
  for (const person of presentPeople(model)) {
    if (found.written.has(person.key) || !matchesName(person.name.text, found.query)) continue;
    const signsAnyway = person.role === 'chair' || person.role === 'secretary';
    const priority =
      person.role === 'adjuster' ? 0 : signsAnyway ? 3 : voting.has(person.key) ? 1 : 2;
    const note =
      person.role === 'adjuster'
        ? PEOPLE_TEXT.listedAs[ctx.locale](PEOPLE_TEXT.role.adjuster[ctx.locale])
        : PEOPLE_TEXT.group[person.group][ctx.locale];
    ranked.push({ person, priority, note });
  }
  return rankedList(ctx, ranked, found.start, model.hasVotingLists, 1);
}

/** Names after `@` in an action; the people the action's own text names first. */
export function ownerCompletions(ctx: Context, start: number, query: string): CompletionList {
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
    .filter((person) => matchesName(person.name.text, query))
    .map((person, order) => ({ person, order, named: named.has(person.key) }))
    .sort((a, b) => Number(b.named) - Number(a.named) || a.order - b.order);
  const items = ranked.map((r, i) => ({
    ...personItem(ctx, r.person, start, r.named ? PEOPLE_TEXT.named[ctx.locale] : undefined),
    sortText: sortKey(i),
    preselect: r.named && i === 0 ? true : undefined,
  }));
  return { isIncomplete: false, items };
}
