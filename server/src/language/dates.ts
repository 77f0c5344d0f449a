/** A calendar date without time zone. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year`, Gregorian (as `Date` counts them). */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function valid(year: number, month: number, day: number): CalendarDate | undefined {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return { year, month, day };
}

/** Parses a real ISO date (`2019-02-30` is not one). */
export function parseIsoDate(text: string): CalendarDate | undefined {
  // The usual case, `2024-05-01` as it stands, read without a match array.
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 7);
    const day = digits(text, 8, 10);
    if (year >= 0 && month >= 0 && day >= 0) return valid(year, month, day);
  }
  const m = ISO.exec(text.trim());
  return m ? valid(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** The number written with ASCII digits at `start`–`end`, or -1. */
function digits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export function formatIsoDate(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Days since 1970-01-01. */
export function dayNumber(d: CalendarDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date((dayNumber(d) + days) * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(d: CalendarDate): number {
  return (new Date(dayNumber(d) * 86_400_000).getUTCDay() + 6) % 7;
}

const MONTHS: Record<string, number> = {};
[
  ['januari', 'january', 'jan'],
  ['februari', 'february', 'feb'],
  ['mars', 'march', 'mar'],
  ['april', 'apr'],
  ['maj', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['augusti', 'august', 'aug'],
  ['september', 'sept', 'sep'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

/**
 * Reads the ways people write dates in minutes (`14 december 2018`, `14/12 2018`, `14.12.2018`,
 * `2018/12/14`, `20181214`, `1/2`) and returns the real date meant, for the quick fix to ISO.
 * Without a year, the first such date on or after `reference` is meant (a next meeting).
 */
export function parseLooseDate(text: string, reference?: CalendarDate): CalendarDate | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{4})[/.\- ](\d{1,2})[/.\- ](\d{1,2})$/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})(?:e|:e)? ([a-zåäö]+)\.?,? (\d{4})$/.exec(t);
  if (m && MONTHS[m[2]]) return valid(Number(m[3]), MONTHS[m[2]], Number(m[1]));
  m = /^([a-z]+) (\d{1,2}),? (\d{4})$/.exec(t);
  if (m && MONTHS[m[1]]) return valid(Number(m[3]), MONTHS[m[1]], Number(m[2]));
  m = /^(\d{1,2})[/.](\d{1,2})[/. ](\d{4})$/.exec(t);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[/.](\d{1,2})$/.exec(t) ?? /^(\d{1,2})(?:e|:e)? ([a-zåäö]+)$/.exec(t);
  if (m && reference) {
    const month = /^\d+$/.test(m[2]) ? Number(m[2]) : MONTHS[m[2]];
    if (!month) return undefined;
    for (const year of [reference.year, reference.year + 1]) {
      const d = valid(year, month, Number(m[1]));
      if (d && dayNumber(d) >= dayNumber(reference)) return d;
    }
  }
  return undefined;
}

/** `HH:MM` or `HH:MM-HH:MM` (hyphen or en dash). Returns minutes since midnight. */
export function parseTimeRange(
  text: string,
): { start: number; end?: number } | 'malformed' | 'end-before-start' {
  const m = /^(\d{1,2}):(\d{2})(?:\s*[-–]\s*(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return 'malformed';
  const toMinutes = (h: string, min: string): number | undefined =>
    Number(h) < 24 && Number(min) < 60 ? Number(h) * 60 + Number(min) : undefined;
  const start = toMinutes(m[1], m[2]);
  const end = m[3] === undefined ? undefined : toMinutes(m[3], m[4]);
  if (start === undefined || (m[3] !== undefined && end === undefined)) return 'malformed';
  if (end !== undefined && end <= start) return 'end-before-start';
  return { start, end };
}
