import type { MeetingModel, Person } from '../model';
import type { AttendanceGroup } from '../syntax/keywords';
import type { Sourced } from './itemBlocks';
import { personText } from './itemBlocks';
import type { Labels } from './labels';

/**
 * The first page of a municipal body's minutes (`kind: kommunal`): what a registrar needs to
 * find and trust the decisions — body, date, place and time, who decided, who else was there,
 * who adjusts where and when, and which paragraphs.
 */
export interface FrontPageView {
  /** `Organ:`, else the `#` title. */
  readonly body?: Sourced<string>;
  /** The `#` title when it says more than the body (`Kommunstyrelsen` / `Extra sammanträde`). */
  readonly subtitle?: Sourced<string>;
  /** `Plats och tid`: place, then the time (`Kommunhuset, kl. 13.00–16.10`). */
  readonly placeAndTime?: { readonly lines: number[]; readonly value: string };
  /** Beslutande, Närvarande, Ersättare, Övriga närvarande, Frånvarande: the lists written. */
  readonly rows: FrontPageRow[];
  /** From `Utses att justera`, else from the election of adjusters (no line of its own then). */
  readonly appointedAdjusters?: { readonly line?: number; readonly value: string };
  readonly adjustmentPlace?: Sourced<string>;
  /** `26–38`: as written under `Paragrafer:`, else the first and last § of the minutes. */
  readonly paragraphs?: { readonly line?: number; readonly value: string };
}

export interface FrontPageRow {
  readonly group: AttendanceGroup;
  readonly heading: string;
  readonly line: number;
  /** The lines of every list shown in the row (Beslutande and Tjänstgörande ersättare). */
  readonly sectionLines: number[];
  readonly entries: FrontPageEntry[];
}

export interface FrontPageEntry {
  readonly line: number;
  /** The name, or an organisation listed alone. */
  readonly name: string;
  /** `(S)`. */
  readonly party?: string;
  /** `ordförande`, `kommunsekreterare`, `tjg ersättare för Johan Lind (M)`, `§ 26–28`. */
  readonly details: string[];
}

/**
 * A list of more people than this is set in two columns (the HTML where the page is wide enough
 * for two, the PDF always), as councils print their Beslutande.
 */
export const MAX_PEOPLE_IN_ONE_COLUMN = 6;

const ROW_ORDER: readonly AttendanceGroup[] = [
  'voting',
  'present',
  'substitutes',
  'others',
  'absent',
];

/** Builds the first page from the meeting model. */
export function buildFrontPage(
  model: MeetingModel,
  labels: Labels,
  time: Sourced<string> | undefined,
  place: Sourced<string> | undefined,
): FrontPageView {
  const { ast } = model;
  const title = ast.title?.text
    ? { line: ast.title.range.start.line, value: ast.title.text.text }
    : undefined;
  const body = model.body ? { line: model.body.range.start.line, value: model.body.text } : title;
  const subtitle =
    title && body !== title && title.value.trim() !== body?.value.trim() ? title : undefined;

  const rows: FrontPageRow[] = [];
  const headings: Record<AttendanceGroup, string> = {
    voting: labels.voting,
    serving: labels.voting,
    present: labels.presentMunicipal,
    substitutes: labels.substitutes,
    others: labels.others,
    absent: labels.absent,
  };
  // One lookup per entry: a search of all people per entry was quadratic in the attendance list.
  const personOf = new Map(model.people.map((person) => [person.entry, person]));
  for (const group of ROW_ORDER) {
    // Serving substitutes decide: they stand among the Beslutande, "tjg ersättare för …".
    const groups = group === 'voting' ? ['voting', 'serving'] : [group];
    const sections = ast.sections.filter((s) => groups.includes(s.group));
    if (sections.length === 0) continue;
    const entries: FrontPageEntry[] = [];
    for (const section of sections) {
      for (const entry of section.entries) {
        const person = personOf.get(entry);
        const name = entry.name?.text ?? entry.organisation?.text;
        if (!name) continue;
        entries.push({
          line: entry.range.start.line,
          name,
          party: entry.party?.text,
          details: person ? personDetails(person, labels) : [],
        });
      }
    }
    rows.push({
      group,
      heading: headings[group],
      line: sections[0].range.start.line,
      sectionLines: sections.map((s) => s.range.start.line),
      entries,
    });
  }

  const placeAndTime = [place, time].filter((f) => f !== undefined);
  const header = (field: MeetingModel['adjustmentPlace']) =>
    field?.value ? { line: field.range.start.line, value: field.value.text } : undefined;
  return {
    body,
    subtitle,
    placeAndTime:
      placeAndTime.length > 0
        ? {
            lines: placeAndTime.map((f) => f.line),
            value: placeAndTime.map((f) => f.value).join(', '),
          }
        : undefined,
    rows,
    appointedAdjusters: header(model.appointedAdjusters) ?? electedAdjusters(model),
    adjustmentPlace: header(model.adjustmentPlace),
    paragraphs: header(model.paragraphs) ?? paragraphRange(model),
  };
}

function personDetails(person: Person, labels: Labels): string[] {
  const details: string[] = [];
  // Vice chairs as written (`1:e vice ordförande`); the other roles in the document's language.
  const asWritten = person.role === 'viceChair' || person.role === 'secondViceChair';
  if (person.role && !asWritten) details.push(labels.roles[person.role]);
  else if (person.entry.role) details.push(person.entry.role.text);
  if (person.entry.organisation) details.unshift(person.entry.organisation.text);
  if (person.function) details.push(person.function.text);
  if (person.replaces) details.push(labels.servingFor(personText(person.replaces)));
  if (person.paragraphs) details.push(person.paragraphs.span.text);
  return details;
}

/** Without `Utses att justera`: the adjusters the meeting elected in an item. */
function electedAdjusters(model: MeetingModel): { value: string } | undefined {
  const election = model.elections.find((e) => e.role === 'adjuster');
  return election && { value: election.persons.map(personText).join(', ') };
}

/** `26–31` from the first and last numbered § of the minutes. */
function paragraphRange(model: MeetingModel): { value: string } | undefined {
  const numbers = model.ast.items.map((i) => i.value).filter((n) => n !== undefined);
  if (numbers.length === 0) return undefined;
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  return { value: first === last ? `${first}` : `${first}–${last}` };
}
