import { parseIsoDate, dayNumber, formatIsoDate, type CalendarDate } from '../dates';
import type { AgendaItem, ProtokollAst } from '../syntax/ast';
import { nameKey } from '../text';
import type { Finding } from './context';
import { renumberEdits } from './numbering';

/** One minutes document of a workspace or CLI run. */
export interface SeriesMember {
  readonly uri: string;
  readonly ast: ProtokollAst;
}

interface Meeting {
  readonly member: SeriesMember;
  readonly date: CalendarDate;
  readonly first: AgendaItem;
  readonly last: AgendaItem;
}

/**
 * Numbering across the minutes of one body (same title) in one year, when the body numbers its
 * items through the year: each meeting's first § continues from the previous meeting's last.
 * A meeting that starts again at § 1 follows the other convention and is never reported.
 */
export function seriesFindings(members: readonly SeriesMember[]): Map<string, Finding[]> {
  const series = new Map<string, Meeting[]>();
  for (const member of members) {
    const title = member.ast.title?.text?.text;
    const dateText = member.ast.header.find((h) => h.kind === 'date')?.value?.text;
    const date = dateText ? parseIsoDate(dateText) : undefined;
    const numbered = member.ast.items.filter((i) => i.value !== undefined && i.number);
    if (!title || !date || numbered.length === 0) continue;
    const key = `${nameKey(title)}\u0000${date.year}`;
    const meeting = { member, date, first: numbered[0], last: numbered[numbered.length - 1] };
    series.set(key, [...(series.get(key) ?? []), meeting]);
  }
  const findings = new Map<string, Finding[]>();
  for (const meetings of series.values()) {
    meetings.sort(
      (a, b) => dayNumber(a.date) - dayNumber(b.date) || (a.member.uri < b.member.uri ? -1 : 1),
    );
    for (let i = 1; i < meetings.length; i++) {
      const previous = meetings[i - 1];
      const meeting = meetings[i];
      const expected = previous.last.value! + 1;
      const actual = meeting.first.value!;
      if (actual === 1 || actual === expected) continue;
      const where = `${fileName(previous.member.uri)} (${formatIsoDate(previous.date)})`;
      const finding: Finding =
        actual > expected
          ? {
              code: 'numbering/gap',
              range: meeting.first.number!.range,
              message: {
                sv: `Numreringen fortsätter från förra mötet: ${where} slutade med § ${previous.last.value}, så detta möte börjar med § ${expected}, inte § ${actual}.`,
                en: `Numbering continues from the previous meeting: ${where} ended with § ${previous.last.value}, so this meeting starts with § ${expected}, not § ${actual}.`,
              },
              fixes: [
                {
                  title: { sv: `Numrera om från § ${expected}`, en: `Renumber from § ${expected}` },
                  edits: renumberEdits(meeting.member.ast.items, expected),
                },
              ],
            }
          : {
              code: 'numbering/duplicate',
              range: meeting.first.number!.range,
              message: {
                sv: `§ ${actual} användes redan i ${where}, som slutade med § ${previous.last.value}. Detta möte börjar med § ${expected}.`,
                en: `§ ${actual} was already used in ${where}, which ended with § ${previous.last.value}. This meeting starts with § ${expected}.`,
              },
              fixes: [
                {
                  title: { sv: `Numrera om från § ${expected}`, en: `Renumber from § ${expected}` },
                  edits: renumberEdits(meeting.member.ast.items, expected),
                },
              ],
            };
      findings.set(meeting.member.uri, [...(findings.get(meeting.member.uri) ?? []), finding]);
    }
  }
  return findings;
}

function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
