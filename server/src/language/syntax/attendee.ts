import { indexBefore } from '../text';
import type { Range } from '../types';
import type { AttendanceEntry, ParagraphSet, PersonRef, Span } from './ast';
import { attendeeRole, type AttendanceGroup, type AttendeeRole } from './keywords';
import { EntryNode } from './attendanceNodes';
import type { LineAt, LinePlace } from './place';
import { isPartyLetters, paragraphSet, readPerson, type SpanMaker } from './persons';

/** Where the line readers create spans and nodes and report problems: the line being read. */
export interface LineTools extends LineAt {
  readonly text: string;
  /** The line being read, for the nodes read from it. */
  readonly place: LinePlace;
  /** The offset where the line being read starts. */
  readonly lineStart: number;
  /** A trimmed span between two offsets of the line being read. */
  readonly span: SpanMaker;
  /** The range between two offsets of the line being read. */
  readonly range: (start: number, end: number) => Range;
  /** The absolute offset where a span starts. */
  offsetOf(span: Span): number;
  problem(range: Range, sv: string, en: string): void;
}

const REPLACES =
  /^(?:tjänstgörande ersättare för|tjg\.? ersättare för|ersättare för|ersätter|i stället för|istället för|replacing|replaces|substitute for)[ \t]+/iu;

const SHAPE_SV = '- Namn (Parti), roll eller - Namn, Organisation (roll)';
const SHAPE_EN = '- Name (Party), role or - Name, Organisation (role)';

/**
 * The content of an attendance line after its marker: `Anna Ek (S), ordförande`,
 * `Per Ek (M), ersätter Anna Berg (M), § 26–30`, `Karin Lund, kommunsekreterare, § 12–15`,
 * `Ulf Andersson, Gullspång (ordförande)`. Never throws; problems go to `tools.problem`.
 */
export function readAttendeeContent(
  tools: LineTools,
  from: number,
  end: number,
  group: AttendanceGroup,
  markerStart: number,
  markerEnd: number,
): AttendanceEntry {
  const { text, span } = tools;
  let cut = end;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 /* , */ || c === 40 /* ( */) {
      cut = i;
      break;
    }
  }
  let name = span(from, cut);
  let organisation: Span | undefined;
  let fn: Span | undefined;
  let role: Span | undefined;
  let roleKind: AttendeeRole | undefined;
  let party: Span | undefined;
  let replaces: PersonRef | undefined;
  let paragraphs: ParagraphSet | undefined;

  const takeRole = (inner: Span) => {
    role = inner;
    roleKind = attendeeRole(inner.text);
    if (!roleKind) {
      tools.problem(
        inner.range,
        `Okänd roll "${inner.text}". Använd ordförande, vice ordförande, sekreterare, justerare, adjungerad eller ersättare, eller partibeteckning som (S).`,
        `Unknown role "${inner.text}". Use chair, vice chair, secretary, adjuster, co-opted or substitute (or the Swedish ordförande, sekreterare, justerare, adjungerad, ersättare), or party letters such as (S).`,
      );
    }
  };
  /** Reads `( … )` at `p`; returns the offset after it, or -1 when it is not closed. */
  const paren = (p: number, limit: number, allowParty: boolean): number => {
    const close = indexBefore(text, 41 /* ) */, p, limit);
    if (close < 0) {
      unexpected(tools, limit, end);
      return -1;
    }
    const inner = span(p + 1, close);
    if (inner) {
      if (allowParty && !party && !role && isPartyLetters(inner.text)) party = inner;
      else takeRole(inner);
    }
    return close + 1;
  };

  let p = cut;
  // Parentheses right after the name: party letters and/or a role.
  while (p < end && text.charCodeAt(p) === 40) {
    p = paren(p, end, name !== undefined);
    if (p < 0) return entry();
    p = skip(text, p, end);
  }
  // Comma-separated segments: a role, `ersätter …`, `§ …`, or an organisation / function.
  while (p < end) {
    if (text.charCodeAt(p) !== 44) {
      unexpected(tools, p, end);
      break;
    }
    const segStart = p + 1;
    let segEnd = end;
    let depth = 0;
    // `§ 26, 28` runs to the line end: its commas list items.
    const paragraphsFollow = text.charCodeAt(skip(text, segStart, end)) === 167; /* § */
    for (let i = paragraphsFollow ? end : segStart; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 40) depth++;
      else if (c === 41) depth = Math.max(0, depth - 1);
      else if (c === 44 && depth === 0) {
        segEnd = i;
        break;
      }
    }
    const segment = span(segStart, segEnd);
    p = segEnd;
    if (!segment) continue;
    const s = skip(text, segStart, segEnd);
    const replace = REPLACES.exec(segment.text);
    if (replace) {
      const read = readPerson(text, s + replace[0].length, segEnd, span);
      if (read) {
        replaces = read.person;
        continue;
      }
    }
    const set = paragraphSet(text, segStart, segEnd, span);
    if (set) {
      paragraphs = set;
      continue;
    }
    if (attendeeRole(segment.text)) {
      role = segment;
      roleKind = attendeeRole(segment.text);
      continue;
    }
    const open = indexBefore(text, 40 /* ( */, s, segEnd);
    const main = span(s, open >= 0 ? open : segEnd);
    if (open >= 0) {
      const after = paren(open, segEnd, false);
      if (after < 0) return entry();
      if (skip(text, after, segEnd) < segEnd) unexpected(tools, skip(text, after, segEnd), end);
    }
    if (!main) continue;
    if (organisation || fn) {
      unexpected(tools, segStart - 1, end);
      continue;
    }
    // A function is written in lower case (`kommunsekreterare`); an organisation is a name.
    if (group === 'others' || !/^\p{Lu}/u.test(main.text)) fn = main;
    else organisation = main;
  }
  return entry();

  function entry(): AttendanceEntry {
    // `- Hjo` under Frånvarande is an organisation; `- Anna Berg (M)` is a person.
    if (group === 'absent' && name && !organisation && !party && !fn && !role) {
      organisation = name;
      name = undefined;
    }
    return new EntryNode(
      tools.place,
      markerStart,
      markerEnd,
      name,
      organisation,
      role,
      roleKind,
      party,
      fn,
      replaces,
      paragraphs,
    );
  }
}

function skip(text: string, p: number, end: number): number {
  while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  return p;
}

function unexpected(tools: LineTools, at: number, end: number): void {
  const { text } = tools;
  if (at >= end) {
    tools.problem(
      tools.place.range,
      `Oväntat radslut här. Raden ska ha formen ${SHAPE_SV}.`,
      `Unexpected end of line here. The line should read ${SHAPE_EN}.`,
    );
    return;
  }
  let stop = at + 1;
  while (stop < end && !/[,()]/.test(text[stop]) && !/[,()]/.test(text[at])) stop++;
  const image = text.slice(at, stop).trimEnd();
  if (image === '') {
    // A blank that is not a space or a tab (a no-break or thin space): say which one.
    const code = `U+${text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`;
    tools.problem(
      tools.range(at, at + 1),
      `Oväntat tecken ${code} (ett blanktecken som inte är mellanslag) här. Skriv ett vanligt mellanslag. Raden ska ha formen ${SHAPE_SV}.`,
      `Unexpected character ${code} (a blank that is not a space) here. Type an ordinary space. The line should read ${SHAPE_EN}.`,
    );
    return;
  }
  tools.problem(
    tools.range(at, at + image.length),
    `Oväntat "${image}" här. Raden ska ha formen ${SHAPE_SV}.`,
    `Unexpected "${image}" here. The line should read ${SHAPE_EN}.`,
  );
}
