import type { AttendanceEntry, AttendanceSection } from '../../syntax/ast';
import {
  ATTENDEE_ROLES,
  NATIONAL_PARTIES,
  attendeeRole,
  type AttendeeRole,
} from '../../syntax/keywords';
import { nameKey } from '../../text';
import {
  CompletionItemKind,
  empty,
  foldedKey,
  inOrder,
  matchesTyped,
  sortKey,
  type CompletionItem,
  type CompletionList,
  type Context,
} from './context';
import { organisationCompletions } from './organisations';

/*
 * Attendance lines: party letters and roles after `(`, roles (vice ordförande too), `ersätter`
 * and functions after a comma, the member a substitute replaces after `ersätter`, and the
 * municipalities of a network's lines.
 */

/** `, ersätter Anna Berg` and the other ways of writing whom a serving substitute replaces. */
const REPLACES =
  /,[ \t]*(?:tjänstgörande ersättare för|tjg\.? ersättare för|ersättare för|ersätter|i stället för|istället för|replacing|replaces|substitute for)[ \t]+([^,()]*)$/iu;

/**
 * Completions on an attendance line of `section`; the entry's text starts at `contentStart`
 * (after the `- ` marker, or after the colon of `Beslutande: Anna Ek (S)`).
 */
export function attendanceCompletions(
  ctx: Context,
  section: AttendanceSection,
  entry: AttendanceEntry,
  contentStart: number,
): CompletionList {
  const content = ctx.before.slice(contentStart);
  const character = ctx.before.length;
  const replaces = REPLACES.exec(content);
  if (replaces) {
    return replacedCompletions(ctx, entry, character - replaces[1].length, replaces[1]);
  }
  const paren = /\(([ \t]*)([^()]*)$/.exec(content);
  if (paren) {
    const start = contentStart + paren.index + 1 + paren[1].length;
    // Party letters stand right after the name (`- Anna Ek (`), before any comma; a network's
    // `- Name, Organisation (` takes a role only.
    const head = content.slice(0, paren.index);
    const afterName = !head.includes(',');
    const hasParty = /\([ \t]*\p{Lu}\p{L}{0,5}[ \t]*\)/u.test(head);
    const roles = roleCompletions(ctx, start, paren[2]).items;
    if (!afterName || hasParty || section.group === 'others') {
      return { isIncomplete: false, items: roles };
    }
    const name = /^[ \t]*([^,()]*)/.exec(content)?.[1].trim();
    const parties = partyItems(ctx, start, paren[2], name);
    return { isIncomplete: false, items: inOrder([...parties, ...roles]) };
  }
  const afterComma = /^[ \t]*[^,]*,([ \t]*)([^,()]*)$/.exec(content);
  if (afterComma) {
    const query = afterComma[2];
    const start = character - query.length;
    const network = !entry.party && (section.group === 'present' || section.group === 'absent');
    if (network) {
      const kind = section.kind === 'present' ? 'present' : 'absent';
      return organisationCompletions(ctx, start, query, kind);
    }
    if (section.group === 'absent') return empty();
    return commaCompletions(ctx, section, start, query);
  }
  const alone = /^[ \t]*([^,()]*)$/.exec(content);
  if (alone && section.group !== 'present' && section.group !== 'others') {
    const members = memberCompletions(ctx, section, entry, character - alone[1].length, alone[1]);
    if (members.items.length > 0 || section.kind !== 'absent') return members;
  }
  if (alone && section.kind === 'absent') {
    return organisationCompletions(ctx, character - alone[1].length, alone[1], 'absent');
  }
  return empty();
}

const MEMBER_TEXT = {
  member: { sv: 'ledamot enligt inställningarna', en: 'member in the settings' },
  notListed: { sv: 'ej redovisad än', en: 'not yet listed' },
};

/**
 * A name at `- ` in Beslutande, Tjänstgörande ersättare, Ersättare or Frånvarande: the
 * configured member persons (`members` objects) nobody has listed yet, with their party letters
 * (and role, in Beslutande).
 */
function memberCompletions(
  ctx: Context,
  section: AttendanceSection,
  entry: AttendanceEntry,
  start: number,
  query: string,
): CompletionList {
  const listed = new Set(
    ctx.source.model.people.filter((p) => p.entry !== entry).map((p) => p.key),
  );
  const items: CompletionItem[] = [];
  for (const member of ctx.config.memberPersons) {
    if (listed.has(nameKey(member.name)) || !matchesName(member.name, query)) continue;
    const party = member.party ? ` (${member.party})` : '';
    // Only a role the format knows (`ledamot` is what everybody in the list is).
    const role =
      section.group === 'voting' && member.role && attendeeRole(member.role)
        ? `, ${member.role}`
        : '';
    const name = NATIONAL_PARTIES[member.party ?? ''];
    items.push({
      label: `${member.name}${party}`,
      kind: CompletionItemKind.Variable,
      detail: [MEMBER_TEXT.member[ctx.locale], name, member.role, MEMBER_TEXT.notListed[ctx.locale]]
        .filter((d) => d !== undefined)
        .join(' · '),
      textEdit: { range: ctx.at(start), newText: `${member.name}${party}${role}` },
      filterText: member.name,
      insertTextFormat: 1,
    });
  }
  return { isIncomplete: false, items: inOrder(items) };
}

const ROLE_TEXT: Record<AttendeeRole, { sv: string; en: string }> = {
  chair: { sv: 'Leder mötet', en: 'Chairs the meeting' },
  secretary: { sv: 'För protokollet', en: 'Takes the minutes' },
  adjuster: { sv: 'Justerar protokollet', en: 'Adjusts (checks and signs) the minutes' },
  coopted: {
    sv: 'Adjungerad: deltar utan att vara ledamot',
    en: 'Co-opted: takes part without being a member',
  },
  substitute: { sv: 'Ersättare för en ledamot', en: 'Substitute for a member' },
  viceChair: {
    sv: 'Vice ordförande (skriver inte under som ordförande)',
    en: 'Vice chair (does not sign as chair)',
  },
  secondViceChair: {
    sv: 'Andre vice ordförande (skriver inte under som ordförande)',
    en: 'Second vice chair (does not sign as chair)',
  },
};

/** The five roles in parentheses (`(ordförande)`), closing the parenthesis when needed. */
export function roleCompletions(ctx: Context, start: number, query: string): CompletionList {
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

/** Roles as written after a comma, vice chairs included, in the order a list usually has them. */
const COMMA_ROLES: readonly { role: AttendeeRole; text: string; english: string }[] = [
  { role: 'chair', text: 'ordförande', english: 'chair' },
  { role: 'viceChair', text: 'vice ordförande', english: 'vice chair' },
  { role: 'viceChair', text: '1:e vice ordförande', english: 'first vice chair' },
  { role: 'secondViceChair', text: '2:e vice ordförande', english: 'second vice chair' },
  { role: 'secretary', text: 'sekreterare', english: 'secretary' },
  { role: 'adjuster', text: 'justerare', english: 'adjuster' },
  { role: 'coopted', text: 'adjungerad', english: 'co-opted' },
];

/** Functions of officials under Övriga närvarande, after those the document already uses. */
const FUNCTIONS = [
  'kommundirektör',
  'kommunsekreterare',
  'nämndsekreterare',
  'förvaltningschef',
  'ekonomichef',
  'handläggare',
];

const COMMA_TEXT = {
  replaces: {
    sv: 'Vem den tjänstgörande ersättaren ersätter',
    en: 'Whom the serving substitute replaces',
  },
  function: { sv: 'Funktion', en: 'Function' },
  used: { sv: 'Funktion som redan står i protokollet', en: 'Function already used in the minutes' },
};

/** After `- Anna Ek (S), `: roles (vice chairs too), `ersätter` for a substitute, functions. */
function commaCompletions(
  ctx: Context,
  section: AttendanceSection,
  start: number,
  query: string,
): CompletionList {
  const typed = foldedKey(query);
  const matches = (...texts: string[]): boolean =>
    typed === '' || texts.some((t) => matchesTyped(foldedKey(t), typed));
  const items: CompletionItem[] = [];
  const range = ctx.at(start);
  if (section.group === 'serving' && matches('ersätter', 'replaces')) {
    items.push({
      label: 'ersätter',
      kind: CompletionItemKind.Keyword,
      detail: COMMA_TEXT.replaces[ctx.locale],
      textEdit: { range, newText: 'ersätter ' },
      filterText: 'ersätter replaces',
      insertTextFormat: 1,
    });
  }
  if (section.group === 'others') {
    const used = new Set<string>();
    for (const person of ctx.source.model.people) {
      if (person.group === 'others' && person.function) used.add(person.function.text);
    }
    const functions = [...used, ...FUNCTIONS.filter((f) => !used.has(f))];
    for (const text of functions) {
      if (!matches(text)) continue;
      items.push({
        label: text,
        kind: CompletionItemKind.Value,
        detail: (used.has(text) ? COMMA_TEXT.used : COMMA_TEXT.function)[ctx.locale],
        textEdit: { range, newText: text },
        filterText: text,
        insertTextFormat: 1,
      });
    }
  }
  for (const { role, text, english } of COMMA_ROLES) {
    if (!matches(text, english)) continue;
    items.push({
      label: text,
      kind: CompletionItemKind.EnumMember,
      detail: ctx.locale === 'sv' ? ROLE_TEXT[role].sv : `${english} — ${ROLE_TEXT[role].en}`,
      textEdit: { range, newText: text },
      filterText: `${text} ${english}`,
      insertTextFormat: 1,
    });
  }
  return { isIncomplete: false, items: inOrder(items) };
}

/** The national parties, then the configured ones, as `{ short, name }`. */
export function knownParties(ctx: Context): { short: string; name?: string }[] {
  const out: { short: string; name?: string }[] = Object.entries(NATIONAL_PARTIES).map(
    ([short, name]) => ({ short, name }),
  );
  for (const party of ctx.config.parties) {
    if (!out.some((p) => p.short === party.short)) out.push(party);
  }
  return out;
}

const PARTY_TEXT = {
  configured: { sv: 'Parti från inställningarna', en: 'Party from the settings' },
  known: {
    sv: (name: string) => `${name}s parti enligt protokollet eller inställningarna`,
    en: (name: string) => `${name}'s party in the minutes or the settings`,
  },
};

/**
 * Party letters after `(`, closing the parenthesis when needed. The party the named person has
 * elsewhere in the minutes (or in the configured `members`) comes first.
 */
export function partyItems(
  ctx: Context,
  start: number,
  query: string,
  name: string | undefined,
): CompletionItem[] {
  const typed = foldedKey(query.trim());
  const close = /^[ \t]*\p{L}*[ \t]*\)/u.test(ctx.after) ? '' : ')';
  const own = name ? partyOf(ctx, name) : undefined;
  const parties = knownParties(ctx).sort(
    (a, b) => Number(b.short === own) - Number(a.short === own),
  );
  const items: CompletionItem[] = [];
  for (const party of parties) {
    const matchesShort = foldedKey(party.short).startsWith(typed);
    const matchesName = party.name !== undefined && matchesTyped(foldedKey(party.name), typed);
    if (typed !== '' && !matchesShort && !matchesName) continue;
    const detail = party.name ?? PARTY_TEXT.configured[ctx.locale];
    items.push({
      label: party.short,
      kind: CompletionItemKind.EnumMember,
      detail:
        party.short === own && name ? `${detail} · ${PARTY_TEXT.known[ctx.locale](name)}` : detail,
      textEdit: { range: ctx.at(start), newText: `${party.short}${close}` },
      filterText: `${party.short} ${party.name ?? ''}`.trim(),
      insertTextFormat: 1,
      preselect: party.short === own ? true : undefined,
    });
  }
  return items;
}

/** The party letters a person has in the attendance lists or the configured members. */
export function partyOf(ctx: Context, name: string): string | undefined {
  const key = nameKey(name);
  for (const person of ctx.source.model.people) {
    if (person.key === key && person.party) return person.party.text;
  }
  return ctx.config.memberPersons.find((m) => nameKey(m.name) === key && m.party)?.party;
}

const REPLACED_TEXT = {
  sameParty: {
    sv: (party: string) => `frånvarande ledamot, samma parti (${party})`,
    en: (party: string) => `absent member, same party (${party})`,
  },
  absent: { sv: 'frånvarande ledamot', en: 'absent member' },
  member: { sv: 'ledamot enligt inställningarna', en: 'member in the settings' },
  present: { sv: 'beslutande', en: 'voting member' },
  replaced: {
    sv: (by: string) => `ersätts redan av ${by}`,
    en: (by: string) => `already replaced by ${by}`,
  },
};

/**
 * After `ersätter `: the absent members of the substitute's party first, then the other absent
 * members, then the configured members and the voting members not accounted for (a substitute
 * may serve for some items only). Members another substitute already replaces come last.
 */
function replacedCompletions(
  ctx: Context,
  entry: AttendanceEntry,
  start: number,
  query: string,
): CompletionList {
  const { model } = ctx.source;
  const party = entry.party?.text;
  const self = entry.name ? nameKey(entry.name.text) : undefined;
  const replacedBy = new Map<string, string>();
  for (const person of model.people) {
    if (person.replaces && person.entry !== entry) {
      replacedBy.set(nameKey(person.replaces.name.text), person.name.text);
    }
  }
  const candidates: {
    name: string;
    party?: string;
    rank: number;
    note: string;
  }[] = [];
  const seen = new Set<string>();
  const add = (name: string, memberParty: string | undefined, rank: number, note: string) => {
    const key = nameKey(name);
    if (seen.has(key) || key === self) return;
    seen.add(key);
    const by = replacedBy.get(key);
    candidates.push({
      name,
      party: memberParty,
      rank: by ? 9 : rank,
      note: by ? REPLACED_TEXT.replaced[ctx.locale](by) : note,
    });
  };
  const absent = model.people.filter((p) => !p.present);
  for (const person of absent) {
    const same = party !== undefined && person.party?.text === party;
    add(
      person.name.text,
      person.party?.text,
      same ? 0 : 1,
      same ? REPLACED_TEXT.sameParty[ctx.locale](party) : REPLACED_TEXT.absent[ctx.locale],
    );
  }
  for (const member of ctx.config.memberPersons) {
    if (model.people.some((p) => p.present && p.key === nameKey(member.name))) continue;
    const same = party !== undefined && member.party === party;
    add(
      member.name,
      member.party,
      same ? 2 : 3,
      same && party ? REPLACED_TEXT.sameParty[ctx.locale](party) : REPLACED_TEXT.member[ctx.locale],
    );
  }
  for (const person of model.people) {
    if (person.group !== 'voting') continue;
    add(person.name.text, person.party?.text, 4, REPLACED_TEXT.present[ctx.locale]);
  }
  const typed = query.trim();
  const items = candidates
    .filter((c) => matchesName(c.name, typed))
    .sort((a, b) => a.rank - b.rank)
    .map((c, i): CompletionItem => ({
      label: c.party ? `${c.name} (${c.party})` : c.name,
      kind: CompletionItemKind.Variable,
      detail: c.note,
      textEdit: { range: ctx.at(start), newText: c.party ? `${c.name} (${c.party})` : c.name },
      filterText: c.name,
      sortText: sortKey(i),
      insertTextFormat: 1,
      preselect: i === 0 && c.rank === 0 ? true : undefined,
    }));
  return { isIncomplete: false, items };
}

/** Whether the typed text starts one of the name's words (diacritics and case ignored). */
export function matchesName(name: string, query: string): boolean {
  const typed = foldedKey(query.trim());
  if (typed === '') return true;
  const folded = foldedKey(name);
  return folded.split(' ').some((_, i, words) => matchesTyped(words.slice(i).join(' '), typed));
}
