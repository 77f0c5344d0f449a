import type {
  ElectionLine,
  ImmediateLine,
  Keyword,
  LabelLine,
  PersonRef,
  Span,
  TallyLine,
} from './ast';
import { contentEnd } from '../text';
import type { LineTools } from './attendee';
import { voteChoice, type ItemLabelKind } from './keywords';
import { BODY_ELECTION, meetingRolesIn } from './meetingRoles';
import { ElectionLineNode, ImmediateLineNode, LabelLineNode, TallyLineNode } from './bodyLineNodes';
import type { LinePlace } from './place';
import { leadingPersons, personList } from './persons';

/** Labels whose text starts with the persons concerned. */
const PERSON_LABELS: ReadonlySet<ItemLabelKind> = new Set([
  'motions',
  'reservation',
  'jav',
  'note',
]);

/** `Reservation: Per Ek (M) reserverar sig …` and the other v2 labels of an item body. */
export function labelLine(
  tools: LineTools,
  label: ItemLabelKind,
  keyword: Keyword,
  value: Span | undefined,
  valueStart: number,
  end: number,
): LabelLine {
  let persons: PersonRef[] | undefined;
  if (value && PERSON_LABELS.has(label)) {
    const found = leadingPersons(tools.text, valueStart, end, tools.span).persons;
    if (found.length > 0) persons = found;
  }
  return new LabelLineNode(tools.place, label, keyword, value, persons);
}

/** The persons a bullet of a `Yrkanden`/`Reservation`/`Jäv`/note list starts with. */
export function bulletPersons(
  tools: LineTools,
  label: ItemLabelKind,
  start: number,
  end: number,
): PersonRef[] | undefined {
  if (!PERSON_LABELS.has(label)) return undefined;
  const found = leadingPersons(tools.text, start, end, tools.span).persons;
  return found.length > 0 ? found : undefined;
}

const TALLY = /(Ja|Nej|Avstår|Yes|No|Abstain|Abstained|Abstentions)[ \t]*:/iuy;

/**
 * A vote tally at `start` (`Ja: 7`, `Nej: Anna Ek (S), Per Ek (M)`), or undefined.
 */
export function tallyLine(
  tools: LineTools,
  start: number,
  end: number,
  /** The list marker's column when the line is a bullet, else -1. */
  marker: number,
): TallyLine | undefined {
  const { text, span } = tools;
  // Every choice starts with j, n, a or y (in either case).
  const lower = text.charCodeAt(start) | 0x20;
  if (lower !== 106 && lower !== 110 && lower !== 97 && lower !== 121) return undefined;
  // Trailing blanks of any kind change nothing (formatting removes them).
  end = contentEnd(text, start, end);
  TALLY.lastIndex = start;
  const m = TALLY.exec(text);
  if (!m || TALLY.lastIndex > end) return undefined;
  const after = TALLY.lastIndex;
  const next = text.charCodeAt(after);
  if (after < end && next !== 32 && next !== 9) return undefined;
  const choice = voteChoice(m[1])!;
  const { place } = tools;
  const label = span(start, after) as Span;
  const rest = span(after, end);
  if (!rest) return new TallyLineNode(place, marker, choice, label, []);
  if (/^\d{1,4}\.?$/.test(rest.text)) {
    const digits = /^\d+/.exec(rest.text)![0];
    const restStart = tools.offsetOf(rest);
    const count = span(restStart, restStart + digits.length);
    return new TallyLineNode(place, marker, choice, label, [], count, Number(digits));
  }
  const persons = personList(text, after, end, span);
  if (persons) return new TallyLineNode(place, marker, choice, label, persons);
  tools.problem(
    rest.range,
    `Skriv antalet röster (${m[1]}: 7) eller namnen (${m[1]}: Anna Ek (S), Per Ek (M)), inte "${rest.text}".`,
    `Write the number of votes (${m[1]}: 7) or the names (${m[1]}: Anna Ek (S), Per Ek (M)), not "${rest.text}".`,
  );
  return new TallyLineNode(place, marker, choice, label, [], undefined, undefined, rest);
}

const IMMEDIATE =
  /^(?:(?:paragrafen|punkten|beslutet)[ \t]+)?justeras[ \t]+omedelbart\.?$|^(?:the[ \t]+item[ \t]+is[ \t]+)?adjusted[ \t]+immediately\.?$/iu;

/** `Justeras omedelbart.` as a line of an item. */
export function immediateLine(text: Span, place: LinePlace): ImmediateLine | undefined {
  // Trailing blanks of any kind (a no-break space) change nothing: formatting removes them.
  return IMMEDIATE.test(text.text.trimEnd()) ? new ImmediateLineNode(place, text) : undefined;
}

/** `Till justerare utses Per Berg (S) och Eva Lind (M).` */
export function electionLine(
  tools: LineTools,
  text: Span,
  start: number,
  end: number,
): ElectionLine | undefined {
  const m = BODY_ELECTION.exec(text.text);
  if (!m) return undefined;
  const roles = meetingRolesIn(m[1]);
  if (roles.length !== 1) return undefined;
  const persons = personList(tools.text, start + m[0].length, end, tools.span);
  if (!persons) return undefined;
  return new ElectionLineNode(tools.place, text, roles[0], persons);
}
