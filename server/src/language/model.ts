import type {
  ActionLine,
  AgendaItem,
  AttendanceEntry,
  NextMeetingLine,
  ProtokollAst,
  SignatureLine,
  Span,
} from './syntax/ast';
import { SIGNER_ROLES, type SignerRole } from './syntax/keywords';
import { nameKey } from './text';

/** An attendee, present or absent, named in the attendance lists. */
export interface Person {
  readonly name: Span;
  readonly key: string;
  readonly firstKey: string;
  readonly entry: AttendanceEntry;
  readonly present: boolean;
}

/** A person elected in an item whose title names a role (`§ 1 Utse sekreterare`). */
export interface Election {
  readonly role: SignerRole;
  readonly item: AgendaItem;
  readonly names: Span[];
}

/** Where an organisation name occurs. */
export interface OrganisationMention {
  readonly span: Span;
  readonly where: 'present' | 'absent' | 'roundTable';
}

/** The meeting as the checks and features see it, derived once from the AST. */
export interface MeetingModel {
  readonly ast: ProtokollAst;
  readonly people: Person[];
  /** Present people by full-name key. */
  readonly presentByKey: Map<string, Person[]>;
  readonly organisations: OrganisationMention[];
  readonly signers: Map<SignerRole, { line: SignatureLine; names: Span[] }[]>;
  readonly elections: Election[];
  readonly actions: { line: ActionLine; item: AgendaItem }[];
  readonly nextMeetings: { line: NextMeetingLine; item: AgendaItem }[];
  /** Resolves a full name, or a first name only one present person has. */
  resolvePerson(text: string): Person | undefined;
}

const ROLE_IN_TITLE: [SignerRole, RegExp][] = [
  ['secretary', /\b(sekreterare|secretary)\b/iu],
  ['adjuster', /\b(justerare|justerande|justering|adjusters?)\b/iu],
  ['chair', /\b(ordförande|chair(?:person)?)\b/iu],
];

export function buildModel(ast: ProtokollAst): MeetingModel {
  const people: Person[] = [];
  const organisations: OrganisationMention[] = [];
  for (const section of ast.sections) {
    const present = section.kind === 'present';
    for (const entry of section.entries) {
      if (entry.name) {
        const key = nameKey(entry.name.text);
        people.push({ name: entry.name, key, firstKey: key.split(' ')[0], entry, present });
      }
      if (entry.organisation) organisations.push({ span: entry.organisation, where: section.kind });
    }
  }
  const presentByKey = new Map<string, Person[]>();
  const presentByFirst = new Map<string, Person[]>();
  for (const person of people) {
    if (!person.present) continue;
    push(presentByKey, person.key, person);
    if (!presentByFirst.get(person.firstKey)?.some((p) => p.key === person.key)) {
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
  for (const item of ast.items) {
    for (const line of item.body) {
      if (line.kind === 'bullet' && line.roundTable) {
        organisations.push({ span: line.roundTable.organisation, where: 'roundTable' });
      } else if (line.kind === 'action') actions.push({ line, item });
      else if (line.kind === 'nextMeeting') nextMeetings.push({ line, item });
    }
    const roles = item.title ? ROLE_IN_TITLE.filter(([, re]) => re.test(item.title!.text)) : [];
    // A title naming several roles ("Val av ordförande och justerare") leaves unclear who got which.
    if (roles.length === 1) {
      const names = electedNames(item);
      if (names.length > 0) elections.push({ role: roles[0][0], item, names });
    }
  }
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
  };
}

/**
 * The names written in an election item's body: each text or bullet line that reads like a list
 * of names ("Britt Andersson", "Anna Ek och Per Berg", "Anna Ek, Per Berg").
 */
function electedNames(item: AgendaItem): Span[] {
  const names: Span[] = [];
  for (const line of item.body) {
    const span =
      line.kind === 'text' || line.kind === 'bullet'
        ? line.text
        : line.kind === 'decision'
          ? line.text
          : undefined;
    if (!span) continue;
    const parts = splitNames(span);
    if (parts && parts.every((p) => /^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)+$/u.test(p.text)))
      names.push(...parts);
  }
  return names;
}

function splitNames(span: Span): Span[] | undefined {
  const out: Span[] = [];
  const re = /[^,]+?(?=\s*(?:,|\soch\s|\sand\s|$))/gu;
  const text = span.text.replace(/[.]$/, '');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let start = m.index;
    let word = m[0];
    const lead = /^(?:\s*,\s*|\s*(?:och|and)\s+|\s+)/.exec(word);
    if (lead) {
      start += lead[0].length;
      word = word.slice(lead[0].length);
    }
    if (!word) continue;
    const from = span.range.start.character + start;
    out.push({
      text: word,
      range: {
        start: { line: span.range.start.line, character: from },
        end: { line: span.range.start.line, character: from + word.length },
      },
    });
  }
  return out.length > 0 ? out : undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
