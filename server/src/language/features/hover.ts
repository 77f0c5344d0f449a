import { ADJUSTMENT_DAYS, POSTING_DAYS } from '../checks/dates';
import { listNames } from '../checks/people';
import { escapeMarkdown } from './markdown';
import { DEFAULT_CONFIG, type Locale, type ProtokollConfig } from '../config';
import {
  addDays,
  dayNumber,
  formatIsoDate,
  parseIsoDate,
  weekday,
  type CalendarDate,
} from '../dates';
import type { MeetingModel } from '../model';
import { APPEAL_DAYS, postingDates, type PostingDates } from '../render/certificate';
import {
  matchMunicipality,
  nearestMunicipalities,
  normalizeName,
  type Municipality,
} from '../municipalities/index';
import type { Span } from '../syntax/ast';
import { ATTENDEE_ROLES, type AttendeeRole, type SignerRole } from '../syntax/keywords';
import type { Position, Range } from '../types';
import {
  adjustedNote,
  adjustmentPlaceText,
  immediateText,
  partySpansOn,
  partyText,
  personGroupLines,
  personItemLines,
  voteText,
} from './hoverMeeting';
import { personIndex, type PersonAt, type PersonSymbol } from './persons';
import { lineNodeAt } from './symbols';

/** Structurally LSP's Hover with markdown content. */
export interface Hover {
  contents: { kind: 'markdown'; value: string };
  range: Range;
}

/**
 * Hover: a municipality's official and legal names, SCB code and county; a person's
 * organisation, roles and mentions; a date's weekday and, for `Datum`, `Justerat` and `Anslaget`,
 * the legal deadlines that follow from it.
 */
export function hover(
  model: MeetingModel,
  position: Position,
  config: ProtokollConfig = DEFAULT_CONFIG,
): Hover | null {
  const locale = config.locale;
  const node = lineNodeAt(model.ast, position.line);
  const inside = (span: Span | undefined): span is Span =>
    span !== undefined &&
    span.range.start.character <= position.character &&
    position.character <= span.range.end.character;
  const result = (span: Span, value: string): Hover => ({
    contents: { kind: 'markdown', value },
    range: span.range,
  });

  if (node?.kind === 'entry' && inside(node.entry.organisation)) {
    return result(node.entry.organisation, organisationHover(node.entry.organisation.text, config));
  }
  if (node?.kind === 'body') {
    const line = node.line;
    if (line.kind === 'bullet' && inside(line.roundTable?.organisation)) {
      const organisation = line.roundTable.organisation;
      return result(organisation, organisationHover(organisation.text, config));
    }
    if (line.kind === 'nextMeeting' && inside(line.date)) {
      return result(line.date, dateHover(model, 'nextMeeting', line.date.text, locale));
    }
    if (line.kind === 'action' && inside(line.due)) {
      return result(line.due, dateHover(model, 'due', line.due.text, locale));
    }
  }
  if (node?.kind === 'header' && node.field.kind === 'date' && inside(node.field.value)) {
    return result(node.field.value, dateHover(model, 'date', node.field.value.text, locale));
  }
  if (node?.kind === 'signature' && inside(node.signature.date)) {
    const kind = node.signature.kind === 'posted' ? 'posted' : 'adjusted';
    let value = dateHover(model, kind, node.signature.date.text, locale);
    const note = kind === 'adjusted' ? adjustedNote(model, locale) : undefined;
    if (note) value += `\n\n${note}`;
    return result(node.signature.date, value);
  }
  const party = partySpansOn(node).find((span) => inside(span));
  if (party) return result(party, partyText(party.text, config));
  if (
    node?.kind === 'header' &&
    node.field.kind === 'adjustmentPlace' &&
    inside(node.field.value)
  ) {
    const value = adjustmentPlaceText(model, node.field, locale, (d) => longDate(d, locale));
    if (value) return result(node.field.value, value);
  }
  if (node?.kind === 'body') {
    const line = node.line;
    const item = model.itemModel(node.item);
    if (line.kind === 'immediate' && inside(line.text)) {
      return result(line.text, immediateText(model, locale));
    }
    const vote =
      line.kind === 'label' && line.label === 'vote' && inside(line.keyword)
        ? { span: line.keyword as Span, vote: item?.votes.find((v) => v.label === line) }
        : line.kind === 'tally' && inside(line.label)
          ? { span: line.label, vote: item?.votes.find((v) => v.tallies.includes(line)) }
          : undefined;
    if (vote?.vote && item) return result(vote.span, voteText(model, item, vote.vote, locale));
  }
  const person = personIndex(model).at(position);
  if (person) return personHover(model, person, locale);
  return null;
}

const T = {
  municipality: { sv: 'kommun', en: 'municipality' },
  official: { sv: 'Officiellt namn', en: 'Official name' },
  legal: { sv: 'Juridiskt namn', en: 'Legal name' },
  code: { sv: 'Kommunkod (SCB)', en: 'Municipality code (SCB)' },
  county: { sv: 'Län', en: 'County' },
  configured: {
    sv: 'Organisation som godkänns av inställningen `organisations`.',
    en: 'An organisation accepted by the `organisations` setting.',
  },
  notOfficial: {
    sv: (written: string, official: string) =>
      `\`${written}\` är inte en godkänd form av namnet. Skriv \`${official}\`.`,
    en: (written: string, official: string) =>
      `\`${written}\` is not an accepted form of the name. Write \`${official}\`.`,
  },
  unknown: {
    sv: 'Okänd organisation: varken en kommun eller angiven i inställningen `organisations`.',
    en: 'Unknown organisation: neither a municipality nor listed in the `organisations` setting.',
  },
  nearest: { sv: 'Närmaste kommuner', en: 'Nearest municipalities' },
  present: { sv: 'Närvarande', en: 'Present' },
  absent: { sv: 'Frånvarande', en: 'Absent' },
  signs: { sv: 'Skriver under som', en: 'Signs as' },
  elected: {
    sv: (role: string, item: string) => `Vald till ${role} i § ${item}`,
    en: (role: string, item: string) => `Elected ${role} in § ${item}`,
  },
  mentions: {
    sv: (n: number) =>
      n === 0
        ? 'Nämns inte utöver närvarolistan'
        : `Nämns ${n} ${n === 1 ? 'gång' : 'gånger'} utöver närvarolistan`,
    en: (n: number) =>
      n === 0
        ? 'Not mentioned outside the attendance list'
        : `Mentioned ${n} ${n === 1 ? 'time' : 'times'} outside the attendance list`,
  },
  notListed: {
    sv: (name: string) =>
      `**${name}** står inte under Närvarande. Skriv namnet som i närvarolistan.`,
    en: (name: string) =>
      `**${name}** is not listed under Närvarande (Present). Write the name as in the attendance list.`,
  },
  notInLists: {
    sv: (name: string) =>
      `**${name}** står inte i närvarolistorna (Beslutande, Tjänstgörande ersättare, Ersättare, Övriga närvarande, Frånvarande). Skriv namnet som där.`,
    en: (name: string) =>
      `**${name}** is not in the attendance lists (Beslutande, Tjänstgörande ersättare, Ersättare, Övriga närvarande, Frånvarande). Write the name as there.`,
  },
  ambiguous: {
    sv: (name: string, who: string) => `**${name}** kan vara flera personer: ${who}.`,
    en: (name: string, who: string) => `**${name}** could be several people: ${who}.`,
  },
  invalidDate: {
    sv: (text: string) => `\`${text}\` är inget giltigt datum. Skriv datum som ÅÅÅÅ-MM-DD.`,
    en: (text: string) => `\`${text}\` is not a valid date. Write dates as YYYY-MM-DD.`,
  },
} as const;

const SIGNER_ROLE_NAMES: Record<SignerRole, { sv: string; en: string }> = {
  chair: { sv: 'ordförande', en: 'chair' },
  secretary: { sv: 'sekreterare', en: 'secretary' },
  adjuster: { sv: 'justerare', en: 'adjuster' },
};

function organisationHover(written: string, config: ProtokollConfig): string {
  const locale = config.locale;
  const match = matchMunicipality(written);
  if (match.kind !== 'unknown') {
    const lines = [...municipalityLines(match.municipality, locale)];
    if (match.kind === 'misspelt-form') {
      lines.push('', T.notOfficial[locale](written, match.expected));
    }
    return lines.join('\n');
  }
  const key = normalizeName(written);
  if (config.organisations.some((o) => normalizeName(o) === key)) {
    return `**${escapeMarkdown(written)}**\n\n${T.configured[locale]}`;
  }
  const nearest = nearestMunicipalities(written, 3);
  const lines = [`**${escapeMarkdown(written)}**`, '', T.unknown[locale]];
  if (nearest.length > 0) {
    lines.push('', `${T.nearest[locale]}: ${nearest.map((m) => m.name).join(', ')}`);
  }
  return lines.join('\n');
}

/** The markdown lines describing a municipality (shared with completion documentation). */
export function municipalityLines(m: Municipality, locale: Locale): string[] {
  return [
    `**${m.name}** — ${T.municipality[locale]}`,
    '',
    `- ${T.official[locale]}: ${m.official}`,
    `- ${T.legal[locale]}: ${m.legal}`,
    `- ${T.code[locale]}: ${m.code}`,
    `- ${T.county[locale]}: ${m.county}`,
  ];
}

function personHover(model: MeetingModel, found: PersonAt, locale: Locale): Hover {
  if (found.kind === 'unresolved') {
    return {
      contents: {
        kind: 'markdown',
        value: (model.hasVotingLists ? T.notInLists : T.notListed)[locale](
          escapeMarkdown(found.name.span.text),
        ),
      },
      range: found.name.span.range,
    };
  }
  if (found.kind === 'ambiguous') {
    // A first name shared by a whole council: the first few names and how many more.
    const names = listNames(found.namesakes.map((p) => escapeMarkdown(p.name)));
    const who = locale === 'en' ? names.en : names.sv;
    return {
      contents: { kind: 'markdown', value: T.ambiguous[locale](escapeMarkdown(found.text), who) },
      range: found.range,
    };
  }
  const person = found.mention.person;
  return {
    contents: { kind: 'markdown', value: personLines(model, person, locale).join('\n') },
    range: found.mention.range,
  };
}

function personLines(model: MeetingModel, person: PersonSymbol, locale: Locale): string[] {
  const entry = person.entries[0];
  const organisation = entry.organisation?.text;
  const heading = `**${escapeMarkdown(person.name)}**${organisation ? ` — ${escapeMarkdown(organisation)}` : ''}`;
  const lines = [heading, ''];
  const roles = person.entries
    .map((e) => e.roleKind)
    .filter((r): r is AttendeeRole => r !== undefined)
    .map((r) => ATTENDEE_ROLES[r][locale === 'sv' ? 0 : 1]);
  const listed = model.people.filter((p) => p.key === person.key);
  const municipal = listed.some((p) => p.party || (p.group !== 'present' && p.group !== 'absent'));
  if (municipal) {
    lines.push(...personGroupLines(model, listed, locale));
  } else {
    const status = person.present ? T.present[locale] : T.absent[locale];
    lines.push(`- ${status}${roles.length > 0 ? ` (${[...new Set(roles)].join(', ')})` : ''}`);
  }
  const mentions = personIndex(model).mentionsOf.get(person) ?? [];
  const signs = [
    ...new Set(mentions.filter((m) => m.signs).map((m) => SIGNER_ROLE_NAMES[m.signs!][locale])),
  ];
  if (signs.length > 0) lines.push(`- ${T.signs[locale]} ${signs.join(', ')}`);
  for (const election of model.elections) {
    if (!election.names.some((n) => personIndex(model).resolve(n.text) === person)) continue;
    const item = `${election.item.value ?? ''}${election.item.suffix ? ` ${election.item.suffix.text}` : ''}`;
    lines.push(`- ${T.elected[locale](SIGNER_ROLE_NAMES[election.role][locale], item)}`);
  }
  lines.push(...personItemLines(model, listed, locale));
  lines.push(`- ${T.mentions[locale](mentions.filter((m) => m.role !== 'attendance').length)}`);
  return lines;
}

type DateKind = 'date' | 'adjusted' | 'posted' | 'nextMeeting' | 'due';

const D = {
  weekdays: {
    sv: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
    en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  },
  months: {
    sv: [
      'januari',
      'februari',
      'mars',
      'april',
      'maj',
      'juni',
      'juli',
      'augusti',
      'september',
      'oktober',
      'november',
      'december',
    ],
    en: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
  },
  adjustBy: {
    sv: (date: string) =>
      `Ska justeras senast ${date}: inom ${ADJUSTMENT_DAYS} dagar efter sammanträdet (kommunallagen)`,
    en: (date: string) =>
      `To be adjusted by ${date}: within ${ADJUSTMENT_DAYS} days of the meeting (Local Government Act)`,
  },
  meeting: { sv: 'Sammanträdet', en: 'Meeting' },
  adjustedDeadline: {
    sv: (date: string) =>
      `Sista dag för justering: ${date}, ${ADJUSTMENT_DAYS} dagar efter sammanträdet (kommunallagen)`,
    en: (date: string) =>
      `Last day for adjustment: ${date}, ${ADJUSTMENT_DAYS} days after the meeting (Local Government Act)`,
  },
  daysAfter: {
    sv: (n: number) => `justerat ${n} ${n === 1 ? 'dag' : 'dagar'} efter`,
    en: (n: number) => `adjusted ${n} ${n === 1 ? 'day' : 'days'} later`,
  },
  met: { sv: '✓ i tid', en: '✓ in time' },
  late: {
    sv: (n: number) => `✗ ${n} ${n === 1 ? 'dag' : 'dagar'} för sent`,
    en: (n: number) => `✗ ${n} ${n === 1 ? 'day' : 'days'} late`,
  },
  beforeMeeting: { sv: '✗ före sammanträdet', en: '✗ before the meeting' },
  postBy: {
    sv: (date: string) =>
      `Justeringen ska anslås senast ${date}, andra dagen efter justeringen (kommunallagen)`,
    en: (date: string) =>
      `The adjustment is to be posted by ${date}, the second day after adjustment (Local Government Act)`,
  },
  beforeAdjusted: { sv: '✗ före justeringen', en: '✗ before the adjustment' },
  lastAppeal: {
    sv: (date: string) =>
      `Sista dag för överklagande: ${date}, tre veckor från anslagsdagen (13 kap. 5 § kommunallagen)`,
    en: (date: string) =>
      `Last day of appeal: ${date}, three weeks from the day of posting (Local Government Act, ch. 13 § 5)`,
  },
  moved: {
    sv: (date: string) =>
      `Tre veckor infaller ${date}, som inte är en vardag; fristen löper till nästa vardag enligt lagen (1930:173) om beräkning av lagstadgad tid.`,
    en: (date: string) =>
      `Three weeks fall on ${date}, which is not a working day; the period runs to the next working day under the Act (1930:173) on the computation of statutory time limits.`,
  },
  takeDown: {
    sv: (date: string) =>
      `Anslaget får tas ned tidigast ${date}, dagen efter sista dag för överklagande`,
    en: (date: string) =>
      `The notice may come down on ${date} at the earliest, the day after the last day of appeal`,
  },
  noAdjusted: {
    sv: 'Ange `Justerat:` för att se när justeringen senast ska anslås.',
    en: 'Give `Justerat:` (Signed) to see the posting deadline.',
  },
  nextAfter: {
    sv: (n: number) => `${n} ${n === 1 ? 'dag' : 'dagar'} efter detta sammanträde`,
    en: (n: number) => `${n} ${n === 1 ? 'day' : 'days'} after this meeting`,
  },
};

/** A date written out with its weekday: `fredag 14 december 2018`, `Friday 14 December 2018`. */
export function longDate(d: CalendarDate, locale: Locale): string {
  return `${D.weekdays[locale][weekday(d)]} ${d.day} ${D.months[locale][d.month - 1]} ${d.year}`;
}

function dateHover(model: MeetingModel, kind: DateKind, text: string, locale: Locale): string {
  const date = parseIsoDate(text);
  if (!date) return T.invalidDate[locale](escapeMarkdown(text));
  const lines = [`**${longDate(date, locale)}**`];
  const meetingText = model.ast.header.find((h) => h.kind === 'date')?.value?.text;
  const meeting = meetingText ? parseIsoDate(meetingText) : undefined;
  const adjustedText = model.ast.signatures.find((s) => s.kind === 'adjusted')?.date?.text;
  const adjusted = adjustedText ? parseIsoDate(adjustedText) : undefined;
  const show = (d: CalendarDate): string =>
    `${formatIsoDate(d)} (${D.weekdays[locale][weekday(d)]})`;
  const verdict = (days: number, limit: number, before: string): string =>
    days < 0 ? before : days > limit ? D.late[locale](days - limit) : D.met[locale];

  if (kind === 'date') {
    lines.push('', `- ${D.adjustBy[locale](show(addDays(date, ADJUSTMENT_DAYS)))}`);
  } else if (kind === 'adjusted' && meeting) {
    const days = dayNumber(date) - dayNumber(meeting);
    lines.push(
      '',
      `- ${D.meeting[locale]}: ${show(meeting)}${days >= 0 ? `, ${D.daysAfter[locale](days)}` : ''}`,
      `- ${D.adjustedDeadline[locale](show(addDays(meeting, ADJUSTMENT_DAYS)))} — ${verdict(days, ADJUSTMENT_DAYS, D.beforeMeeting[locale])}`,
      `- ${D.postBy[locale](show(addDays(date, POSTING_DAYS)))}`,
    );
  } else if (kind === 'adjusted') {
    lines.push('', `- ${D.postBy[locale](show(addDays(date, POSTING_DAYS)))}`);
  } else if (kind === 'posted') {
    lines.push('');
    if (adjusted) {
      const days = dayNumber(date) - dayNumber(adjusted);
      lines.push(
        `- ${D.postBy[locale](show(addDays(adjusted, POSTING_DAYS)))} — ${verdict(days, POSTING_DAYS, D.beforeAdjusted[locale])}`,
      );
    } else {
      lines.push(`- ${D.noAdjusted[locale]}`);
    }
    // The certificate's rule (three weeks, moved past weekends and holidays by Lag (1930:173)).
    const appeal = postingDates(text) as PostingDates;
    const lastDay = parseIsoDate(appeal.lastDayOfAppeal) as CalendarDate;
    const threeWeeks = addDays(date, APPEAL_DAYS);
    lines.push(`- ${D.lastAppeal[locale](show(lastDay))}`);
    if (dayNumber(lastDay) !== dayNumber(threeWeeks)) {
      lines.push(`  ${D.moved[locale](show(threeWeeks))}`);
    }
    lines.push(`- ${D.takeDown[locale](show(parseIsoDate(appeal.takenDown) as CalendarDate))}`);
  } else if (meeting) {
    const days = dayNumber(date) - dayNumber(meeting);
    if (days > 0) lines.push('', `- ${D.nextAfter[locale](days)}`);
  }
  return lines.join('\n');
}
