import { ADJUSTMENT_DAYS, lastDayOf } from '../checks/dates';
import type { Locale, ProtokollConfig } from '../config';
import { dayNumber, formatIsoDate, parseIsoDate, type CalendarDate } from '../dates';
import type { ItemModel, MeetingModel, Person, Vote } from '../model';
import type { HeaderField, PersonRef, Span } from '../syntax/ast';
import { NATIONAL_PARTIES } from '../syntax/keywords';
import { nameKey } from '../text';
import { escapeMarkdown as md } from './markdown';
import type { LineNode } from './symbols';

/*
 * Hover texts for the parts of a municipal body's minutes: party letters, a vote's result, an
 * immediate adjustment, the planned adjustment (`Justeringens plats och tid`) and what the
 * minutes say about a person (list, party, substitute for whom, items taken part in).
 */

const T = {
  party: {
    national: { sv: 'riksdagsparti', en: 'party in the Riksdag' },
    configured: {
      sv: 'parti enligt inställningen `parties`',
      en: 'party from the `parties` setting',
    },
    unknown: {
      sv: (p: string) =>
        `Okänd partibeteckning \`${p}\`: varken ett riksdagsparti (S, M, SD, C, V, KD, L, MP) eller angiven i inställningen \`parties\`.`,
      en: (p: string) =>
        `Unknown party letters \`${p}\`: neither a party in the Riksdag (S, M, SD, C, V, KD, L, MP) nor listed in the \`parties\` setting.`,
    },
  },
  vote: {
    title: { sv: (n: string) => `Omröstning i § ${n}`, en: (n: string) => `Vote in § ${n}` },
    more: { sv: (n: number) => `och ${n} till`, en: (n: number) => `and ${n} more` },
    yes: { sv: 'Ja', en: 'Yes (Ja)' },
    no: { sv: 'Nej', en: 'No (Nej)' },
    abstain: { sv: 'Avstår', en: 'Abstain (Avstår)' },
    meaning: { sv: 'Ja och nej står för', en: 'Yes and no stand for' },
    yesMeans: { sv: 'Ja står för', en: 'Yes stands for' },
    noMeans: { sv: 'Nej står för', en: 'No stands for' },
    carriesYes: {
      sv: (y: number, n: number, what?: string) =>
        `**Ja vinner** med ${y} mot ${n}${what ? `: ${what}` : ''}.`,
      en: (y: number, n: number, what?: string) =>
        `**Yes carries** by ${y} to ${n}${what ? `: ${what}` : ''}.`,
    },
    carriesNo: {
      sv: (y: number, n: number, what?: string) =>
        `**Nej vinner** med ${n} mot ${y}${what ? `: ${what}` : ''}.`,
      en: (y: number, n: number, what?: string) =>
        `**No carries** by ${n} to ${y}${what ? `: ${what}` : ''}.`,
    },
    tie: {
      sv: (n: number) =>
        `**Lika röstetal** (${n}–${n}): ordföranden har utslagsröst (kommunallagen 5 kap. 57 § för fullmäktige, 6 kap. 34 § för nämnder). Skriv i beslutet hur ordföranden röstade.`,
      en: (n: number) =>
        `**A tie** (${n}–${n}): the chair has the casting vote (utslagsröst; Local Government Act ch. 5 § 57 for the council, ch. 6 § 34 for boards). Write in the decision how the chair voted.`,
    },
    incomplete: {
      sv: 'Både Ja och Nej behövs för att se utfallet.',
      en: 'Both Ja (yes) and Nej (no) are needed to see the outcome.',
    },
    voters: {
      sv: (cast: number, voters: number) =>
        `${cast} av ${voters} som deltar i beslutet har röstat eller avstått.`,
      en: (cast: number, voters: number) =>
        `${cast} of the ${voters} taking part in the decision voted or abstained.`,
    },
  },
  immediate: {
    sv: (date?: string) =>
      `**Justeras omedelbart** (omedelbar justering): paragrafen läses upp och godkänns vid sammanträdet och räknas som justerad på sammanträdesdagen${date ? `, ${date}` : ''}, så att beslutet kan verkställas utan att vänta på justeringen av hela protokollet. Resten av protokollet justeras som vanligt.`,
    en: (date?: string) =>
      `**Adjusted at once** (omedelbar justering): the item is read out and approved at the meeting and counts as adjusted on the meeting day${date ? `, ${date}` : ''}, so the decision can take effect without waiting for the adjustment of the whole minutes. The rest of the minutes is adjusted as usual.`,
  },
  adjustment: {
    planned: {
      sv: (date: string, days: number) =>
        `Planerad justering ${date}, ${days} ${days === 1 ? 'dag' : 'dagar'} efter sammanträdet`,
      en: (date: string, days: number) =>
        `Adjustment planned for ${date}, ${days} ${days === 1 ? 'day' : 'days'} after the meeting`,
    },
    deadline: {
      sv: (date: string) =>
        `Sista dag för justering: ${date} (inom ${ADJUSTMENT_DAYS} dagar, kommunallagen; lagen (1930:173) flyttar en helgdag till nästa vardag)`,
      en: (date: string) =>
        `Last day for adjustment: ${date} (within ${ADJUSTMENT_DAYS} days, Local Government Act; the Act (1930:173) moves a holiday to the next working day)`,
    },
    late: { sv: '✗ för sent', en: '✗ too late' },
    inTime: { sv: '✓ i tid', en: '✓ in time' },
    differs: {
      sv: (planned: string, done: string) =>
        `\`Justeringens plats och tid\` är när justeringen planeras (${planned}); \`Justerat\` är när protokollet faktiskt justerades (${done}). De skiljer sig åt, vilket är tillåtet: fristerna räknas från \`Justerat\`.`,
      en: (planned: string, done: string) =>
        `\`Justeringens plats och tid\` is when the adjustment is planned (${planned}); \`Justerat\` is when the minutes were actually adjusted (${done}). They differ, which is allowed: the deadlines count from \`Justerat\`.`,
    },
    same: {
      sv: 'Justerades som planerat (`Justerat` samma dag).',
      en: 'Adjusted as planned (`Justerat` on the same day).',
    },
  },
  groups: {
    present: { sv: 'Närvarande', en: 'Present' },
    voting: { sv: 'Beslutande', en: 'Voting member (Beslutande)' },
    serving: { sv: 'Tjänstgörande ersättare', en: 'Serving substitute' },
    substitutes: {
      sv: 'Ersättare (närvarande, tjänstgör inte)',
      en: 'Substitute (present, not serving)',
    },
    others: { sv: 'Övriga närvarande', en: 'Also present' },
    absent: { sv: 'Frånvarande', en: 'Absent' },
  },
  replaces: {
    sv: (who: string) => `ersätter ${who}`,
    en: (who: string) => `replaces ${who}`,
  },
  replacedBy: {
    sv: (who: string) => `Ersätts av ${who}`,
    en: (who: string) => `Replaced by ${who}`,
  },
  items: { sv: '§', en: '§' },
  voted: {
    sv: (choice: string, item: string) => `Röstade ${choice} i § ${item}`,
    en: (choice: string, item: string) => `Voted ${choice} in § ${item}`,
  },
  choice: {
    yes: { sv: 'ja', en: 'yes' },
    no: { sv: 'nej', en: 'no' },
    abstain: { sv: 'avstod', en: 'abstain' },
  },
  reserved: {
    sv: (i: string) => `Reserverade sig i § ${i}`,
    en: (i: string) => `Entered a reservation in § ${i}`,
  },
  jav: {
    sv: (i: string) => `Jäv i § ${i}`,
    en: (i: string) => `Conflict of interest (jäv) in § ${i}`,
  },
  motion: {
    sv: (i: string) => `Yrkande i § ${i}`,
    en: (i: string) => `Made a proposal (yrkande) in § ${i}`,
  },
  note: {
    sv: (i: string) => `Protokollsanteckning i § ${i}`,
    en: (i: string) => `Note for the minutes in § ${i}`,
  },
  appointed: {
    sv: 'Utsedd att justera (`Utses att justera`)',
    en: 'Appointed to adjust (`Utses att justera`)',
  },
  takesPart: {
    sv: (items: string) => `Deltar i besluten i ${items}`,
    en: (items: string) => `Takes part in the decisions of ${items}`,
  },
};

/** The full name of party letters, or what is wrong with them. */
export function partyText(letters: string, config: ProtokollConfig): string {
  const locale = config.locale;
  const national = NATIONAL_PARTIES[letters];
  if (national) return `**${letters}** — ${national} (${T.party.national[locale]})`;
  const configured = config.parties.find((p) => nameKey(p.short) === nameKey(letters));
  if (configured) {
    return `**${md(letters)}**${configured.name ? ` — ${md(configured.name)}` : ''} (${T.party.configured[locale]})`;
  }
  // In a code span, where markdown is not read; a backtick would end it.
  return T.party.unknown[locale](letters.replace(/`/g, "'"));
}

/** The party letters written on a line (attendance, tallies, labels, signatures, header). */
export function partySpansOn(node: LineNode | undefined): Span[] {
  const spans: Span[] = [];
  const refs = (list: readonly PersonRef[] | undefined) => {
    for (const ref of list ?? []) if (ref.party) spans.push(ref.party);
  };
  if (!node) return spans;
  if (node.kind === 'entry') {
    if (node.entry.party) spans.push(node.entry.party);
    if (node.entry.replaces?.party) spans.push(node.entry.replaces.party);
  } else if (node.kind === 'header') refs(node.field.persons);
  else if (node.kind === 'signature') refs(node.signature.persons);
  else if (node.kind === 'body') {
    const line = node.line;
    if (line.kind === 'tally' || line.kind === 'election') refs(line.persons);
    else if (line.kind === 'label' || line.kind === 'bullet') refs(line.persons);
  }
  return spans;
}

const itemNumber = (item: ItemModel): string =>
  `${item.item.value ?? ''}${item.item.suffix ? ` ${item.item.suffix.text}` : ''}`;

/** What Ja and Nej stand for, read from `Ja för X, nej för Y`. */
function meanings(meaning: string): { yes: string; no: string } | undefined {
  const m =
    /^ja[ \t]+(?:för|=|innebär|betyder)[ \t]+(.+?)[ \t]*[,;][ \t]*(?:och[ \t]+)?nej[ \t]+(?:för|=|innebär|betyder)[ \t]+(.+?)\.?$/iu.exec(
      meaning.trim(),
    );
  return m ? { yes: m[1], no: m[2] } : undefined;
}

/** How many names of a Ja, Nej or Avstår list a vote's hover shows. */
const MAX_VOTE_NAMES = 101;

/** A vote's tallies, its result and whether it carries; a tie names the chair's casting vote. */
export function voteText(model: MeetingModel, item: ItemModel, vote: Vote, locale: Locale): string {
  const lines = [`**${T.vote.title[locale](itemNumber(item))}**`, ''];
  for (const choice of ['yes', 'no', 'abstain'] as const) {
    const count = vote.counts[choice];
    if (count === undefined) continue;
    const names = vote.tallies
      .filter((t) => t.choice === choice)
      .flatMap((t) => t.persons.map((p) => md(p.name.text)));
    // Every member of the largest council (101); a longer list is not minutes but noise.
    const shown =
      names.length > MAX_VOTE_NAMES
        ? `${names.slice(0, MAX_VOTE_NAMES).join(', ')} ${T.vote.more[locale](names.length - MAX_VOTE_NAMES)}`
        : names.join(', ');
    lines.push(`- ${T.vote[choice][locale]}: ${count}${names.length > 0 ? ` (${shown})` : ''}`);
  }
  const meant = vote.meaning ? meanings(vote.meaning.text) : undefined;
  if (meant) {
    lines.push(
      `- ${T.vote.yesMeans[locale]}: ${md(meant.yes)}`,
      `- ${T.vote.noMeans[locale]}: ${md(meant.no)}`,
    );
  } else if (vote.meaning) {
    lines.push(`- ${T.vote.meaning[locale]}: ${md(vote.meaning.text)}`);
  }
  lines.push('');
  const yes = vote.counts.yes;
  const no = vote.counts.no;
  if (yes === undefined || no === undefined) lines.push(T.vote.incomplete[locale]);
  else if (yes === no) lines.push(T.vote.tie[locale](yes));
  else if (yes > no) lines.push(T.vote.carriesYes[locale](yes, no, meant && md(meant.yes)));
  else lines.push(T.vote.carriesNo[locale](yes, no, meant && md(meant.no)));
  const voters = model.votersIn(item).length;
  const cast = (yes ?? 0) + (no ?? 0) + (vote.counts.abstain ?? 0);
  if (voters > 0) lines.push('', T.vote.voters[locale](cast, voters));
  return lines.join('\n');
}

/** `Justeras omedelbart.`: the item counts as adjusted on the meeting day. */
export function immediateText(model: MeetingModel, locale: Locale): string {
  return T.immediate[locale](model.ast.header.find((h) => h.kind === 'date')?.value?.text);
}

/**
 * `Justeringens plats och tid`: the planned day against the meeting and the law's 14 days, and
 * how it relates to `Justerat` when both are written (design: no diagnostic, the hover says it).
 */
export function adjustmentPlaceText(
  model: MeetingModel,
  field: HeaderField,
  locale: Locale,
  show: (d: CalendarDate) => string,
): string | undefined {
  const planned = field.date ? parseIsoDate(field.date.text) : undefined;
  if (!planned) return undefined;
  const lines = [`**${show(planned)}**`, ''];
  const meetingText = model.ast.header.find((h) => h.kind === 'date')?.value?.text;
  const meeting = meetingText ? parseIsoDate(meetingText) : undefined;
  if (meeting) {
    const days = dayNumber(planned) - dayNumber(meeting);
    const last = lastDayOf(meeting, ADJUSTMENT_DAYS);
    lines.push(`- ${T.adjustment.planned[locale](formatIsoDate(planned), days)}`);
    const late = dayNumber(planned) > dayNumber(last);
    lines.push(
      `- ${T.adjustment.deadline[locale](show(last))} — ${late ? T.adjustment.late[locale] : T.adjustment.inTime[locale]}`,
    );
  }
  const note = adjustedNote(model, locale);
  if (note) lines.push('', note);
  return lines.join('\n');
}

/** The difference between the planned and the actual adjustment, when both are written. */
export function adjustedNote(model: MeetingModel, locale: Locale): string | undefined {
  const plannedSpan = model.adjustmentPlace?.date;
  const adjustedSpan = model.ast.signatures.find((s) => s.kind === 'adjusted')?.date;
  const planned = plannedSpan ? parseIsoDate(plannedSpan.text) : undefined;
  const adjusted = adjustedSpan ? parseIsoDate(adjustedSpan.text) : undefined;
  if (!planned || !adjusted) return undefined;
  if (dayNumber(planned) === dayNumber(adjusted)) return T.adjustment.same[locale];
  return T.adjustment.differs[locale](formatIsoDate(planned), formatIsoDate(adjusted));
}

/** `§ 26–28, 31` from item numbers. */
function paragraphRanges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return `§ ${parts.join(', ')}`;
}

/** The lists a person stands in, with party, role, `ersätter`, function and `§` range. */
export function personGroupLines(
  model: MeetingModel,
  people: readonly Person[],
  locale: Locale,
): string[] {
  const lines: string[] = [];
  const key = people[0]?.key;
  for (const person of people) {
    const parts: string[] = [T.groups[person.group][locale]];
    if (person.party) parts[0] += ` (${md(person.party.text)})`;
    if (person.entry.role) parts.push(md(person.entry.role.text));
    if (person.replaces) {
      const { name, party } = person.replaces;
      parts.push(T.replaces[locale](`${md(name.text)}${party ? ` (${md(party.text)})` : ''}`));
    }
    if (person.function) parts.push(md(person.function.text));
    if (person.paragraphs) parts.push(md(person.paragraphs.span.text));
    lines.push(`- ${parts.join(', ')}`);
  }
  for (const other of model.people) {
    if (other.replaces && nameKey(other.replaces.name.text) === key) {
      const when = other.paragraphs ? ` (${md(other.paragraphs.span.text)})` : '';
      lines.push(`- ${T.replacedBy[locale](md(other.name.text))}${when}`);
    }
  }
  return lines;
}

/**
 * The items a person voted, reserved, declared jäv, moved or noted in; for a voting member who
 * is not there for every item (a `§` range, jäv, a substitute serving for some items) also the
 * items whose decisions they take part in.
 */
export function personItemLines(
  model: MeetingModel,
  people: readonly Person[],
  locale: Locale,
): string[] {
  const lines: string[] = [];
  const key = people[0]?.key ?? '';
  if (model.appointedAdjusters?.persons?.some((p) => nameKey(p.name.text) === key)) {
    lines.push(`- ${T.appointed[locale]}`);
  }
  const isVoter = people.some((p) => model.votingMembers.includes(p));
  const takesPart: number[] = [];
  for (const item of model.items) {
    const n = itemNumber(item);
    const mine = (ref: PersonRef) => nameKey(ref.name.text) === key;
    for (const vote of item.votes) {
      for (const tally of vote.tallies) {
        if (tally.persons.some(mine))
          lines.push(`- ${T.voted[locale](T.choice[tally.choice][locale], n)}`);
      }
    }
    if (item.motions.some((m) => mine(m.person))) lines.push(`- ${T.motion[locale](n)}`);
    if (item.reservations.some((m) => mine(m.person))) lines.push(`- ${T.reserved[locale](n)}`);
    if (item.jav.some((m) => mine(m.person))) lines.push(`- ${T.jav[locale](n)}`);
    if (item.notes.some((m) => mine(m.person))) lines.push(`- ${T.note[locale](n)}`);
    if (
      isVoter &&
      item.item.value !== undefined &&
      model.votersIn(item).some((p) => p.key === key)
    ) {
      takesPart.push(item.item.value);
    }
  }
  if (model.hasVotingLists && isVoter && takesPart.length < model.items.length) {
    lines.push(`- ${T.takesPart[locale](takesPart.length > 0 ? paragraphRanges(takesPart) : '—')}`);
  }
  return lines;
}
