import { parseIsoDate, dayNumber, formatIsoDate, type CalendarDate } from '../dates';
import type { AgendaItem, ProtokollAst } from '../syntax/ast';
import { nameKey } from '../text';
import type { Finding } from './context';
import { renumberEdits } from './numbering';

/**
 * What the numbering across files needs of a meeting that only precedes or follows the others
 * (a file on disk whose own findings are not wanted): a few values instead of its tree.
 */
export interface SeriesSummary {
  /** The title as compared across files (`nameKey`). */
  readonly titleKey: string;
  readonly date: CalendarDate;
  /** The first and last § numbers. */
  readonly first: number;
  readonly last: number;
}

/**
 * One minutes document of a workspace or CLI run: its tree, or only its summary (it then gets
 * no findings of its own).
 */
export type SeriesMember =
  | { readonly uri: string; readonly ast: ProtokollAst }
  | { readonly uri: string; readonly summary: SeriesSummary };

interface Meeting {
  readonly uri: string;
  readonly ast?: ProtokollAst;
  readonly date: CalendarDate;
  /** The first numbered item, when the tree is at hand. */
  readonly firstItem?: AgendaItem;
  readonly first: number;
  readonly last: number;
}

/** The summary of a document for {@link seriesFindings}; undefined when it takes no part. */
export function seriesSummary(ast: ProtokollAst): SeriesSummary | undefined {
  return summarise(ast)?.summary;
}

function summarise(
  ast: ProtokollAst,
): { summary: SeriesSummary; firstItem: AgendaItem } | undefined {
  const title = ast.title?.text?.text;
  const dateText = ast.header.find((h) => h.kind === 'date')?.value?.text;
  const date = dateText ? parseIsoDate(dateText) : undefined;
  const numbered = ast.items.filter((i) => i.value !== undefined && i.number);
  if (!title || !date || numbered.length === 0) return undefined;
  const summary = {
    titleKey: nameKey(title),
    date,
    first: numbered[0].value!,
    last: numbered[numbered.length - 1].value!,
  };
  return { summary, firstItem: numbered[0] };
}

/**
 * Numbering across the minutes of one body (same title) in one year, when the body numbers its
 * items through the year: each meeting's first § continues from the previous meeting's last.
 * A meeting that starts again at § 1 follows the other convention and is never reported.
 */
export function seriesFindings(members: readonly SeriesMember[]): Map<string, Finding[]> {
  const series = new Map<string, Meeting[]>();
  for (const member of members) {
    const read =
      'ast' in member ? summarise(member.ast) : { summary: member.summary, firstItem: undefined };
    if (!read) continue;
    const { summary, firstItem } = read;
    const key = `${summary.titleKey}\u0000${summary.date.year}`;
    const meeting: Meeting = {
      uri: member.uri,
      ast: 'ast' in member ? member.ast : undefined,
      date: summary.date,
      firstItem,
      first: summary.first,
      last: summary.last,
    };
    series.set(key, [...(series.get(key) ?? []), meeting]);
  }
  const findings = new Map<string, Finding[]>();
  for (const meetings of series.values()) {
    meetings.sort((a, b) => dayNumber(a.date) - dayNumber(b.date) || (a.uri < b.uri ? -1 : 1));
    for (let i = 1; i < meetings.length; i++) {
      const previous = meetings[i - 1];
      const meeting = meetings[i];
      const expected = previous.last + 1;
      const actual = meeting.first;
      const { ast, firstItem } = meeting;
      if (actual === 1 || actual === expected || !ast || !firstItem) continue;
      const where = `${fileName(previous.uri)} (${formatIsoDate(previous.date)})`;
      const finding: Finding =
        actual > expected
          ? {
              code: 'numbering/gap',
              range: firstItem.number!.range,
              message: {
                sv: `Numreringen fortsätter från förra mötet: ${where} slutade med § ${previous.last}, så detta möte börjar med § ${expected}, inte § ${actual}.`,
                en: `Numbering continues from the previous meeting: ${where} ended with § ${previous.last}, so this meeting starts with § ${expected}, not § ${actual}.`,
              },
              fixes: [
                {
                  title: { sv: `Numrera om från § ${expected}`, en: `Renumber from § ${expected}` },
                  edits: renumberEdits(ast.items, expected),
                },
              ],
            }
          : {
              code: 'numbering/duplicate',
              range: firstItem.number!.range,
              message: {
                sv: `§ ${actual} användes redan i ${where}, som slutade med § ${previous.last}. Detta möte börjar med § ${expected}.`,
                en: `§ ${actual} was already used in ${where}, which ended with § ${previous.last}. This meeting starts with § ${expected}.`,
              },
              fixes: [
                {
                  title: { sv: `Numrera om från § ${expected}`, en: `Renumber from § ${expected}` },
                  edits: renumberEdits(ast.items, expected),
                },
              ],
            };
      findings.set(meeting.uri, [...(findings.get(meeting.uri) ?? []), finding]);
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
