import {
  addDays,
  dayNumber,
  formatIsoDate,
  parseIsoDate,
  weekday,
  type CalendarDate,
} from '../dates';

/** Kommunallagen 13 kap. 5 §: an appeal is lodged within three weeks of the posting. */
export const APPEAL_DAYS = 21;

/** The dates of the posting certificate ("Anslag/Bevis"), as ISO strings. */
export interface PostingDates {
  readonly posted: string;
  /** The last day an appeal can be lodged, moved past weekends and holidays. */
  readonly lastDayOfAppeal: string;
  /** The notice stays up until the appeal period is over: the day after its last day. */
  readonly takenDown: string;
}

/**
 * The appeal dates that follow from the day the adjustment was posted. Three weeks after the
 * posting; when that day is a Saturday, Sunday, public holiday, Midsummer Eve, Christmas Eve or
 * New Year's Eve, the period runs to the next weekday (Lag (1930:173) om beräkning av
 * lagstadgad tid). Undefined when `posted` is not a real ISO date.
 */
export function postingDates(posted: string): PostingDates | undefined {
  const date = parseIsoDate(posted);
  if (!date) return undefined;
  let last = addDays(date, APPEAL_DAYS);
  while (!isWorkingDay(last)) last = addDays(last, 1);
  return {
    posted: formatIsoDate(date),
    lastDayOfAppeal: formatIsoDate(last),
    takenDown: formatIsoDate(addDays(last, 1)),
  };
}

/** False for Saturdays, Sundays, Swedish public holidays and the three eves Lag (1930:173) names. */
export function isWorkingDay(d: CalendarDate): boolean {
  if (weekday(d) >= 5) return false;
  return !swedishNonWorkingDays(d.year).has(dayNumber(d));
}

const holidayCache = new Map<number, Set<number>>();

/**
 * Weekday holidays of a year: allmänna helgdagar (Lag (1989:253)) plus midsommarafton, julafton
 * and nyårsafton. Holidays that always fall on a weekend (påskdagen, pingstdagen, midsommardagen,
 * alla helgons dag) are covered by the weekend rule but listed for completeness.
 */
function swedishNonWorkingDays(year: number): Set<number> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const fixed = (month: number, day: number) => ({ year, month, day });
  const firstWeekdayFrom = (month: number, day: number, wanted: number) => {
    let d: CalendarDate = fixed(month, day);
    while (weekday(d) !== wanted) d = addDays(d, 1);
    return d;
  };
  const days: CalendarDate[] = [
    fixed(1, 1), // nyårsdagen
    fixed(1, 6), // trettondedag jul
    addDays(easter, -2), // långfredagen
    easter, // påskdagen
    addDays(easter, 1), // annandag påsk
    fixed(5, 1), // första maj
    addDays(easter, 39), // Kristi himmelsfärds dag
    addDays(easter, 49), // pingstdagen
    fixed(6, 6), // Sveriges nationaldag
    firstWeekdayFrom(6, 19, 4), // midsommarafton: the Friday 19–25 June
    firstWeekdayFrom(6, 20, 5), // midsommardagen
    firstWeekdayFrom(10, 31, 5), // alla helgons dag: the Saturday 31 Oct – 6 Nov
    fixed(12, 24), // julafton
    fixed(12, 25), // juldagen
    fixed(12, 26), // annandag jul
    fixed(12, 31), // nyårsafton
  ];
  const set = new Set(days.map(dayNumber));
  holidayCache.set(year, set);
  return set;
}

/** Easter Sunday in the Gregorian calendar (anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}
