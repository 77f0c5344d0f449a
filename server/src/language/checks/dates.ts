import { addDays, dayNumber, formatIsoDate, parseIsoDate, type CalendarDate } from '../dates';
import { isWorkingDay } from '../render/certificate';
import type { Span } from '../syntax/ast';
import type { Check, CheckContext } from './context';

/** Kommunallagen (2017:725) 5 kap. 69 § (and 6 kap. 35 § for boards): adjusted within 14 days. */
export const ADJUSTMENT_DAYS = 14;
/** Kommunallagen (2017:725) 8 kap. 12 §: the adjustment is posted within two days after it. */
export const POSTING_DAYS = 2;

/**
 * The last day of a period of `days` after `from`: when it falls on a Saturday, Sunday, public
 * holiday, midsommarafton, julafton or nyårsafton, the next working day (Lag (1930:173) om
 * beräkning av lagstadgad tid).
 */
export function lastDayOf(from: CalendarDate, days: number): CalendarDate {
  let last = addDays(from, days);
  while (!isWorkingDay(last)) last = addDays(last, 1);
  return last;
}

/** `date/next-meeting`, `deadline/*`: dates in the right order and within the law's limits. */
export const datesCheck: Check = (ctx) => {
  const { model, config, report } = ctx;
  const dateSpan = model.ast.header.find((h) => h.kind === 'date')?.value;
  const meeting = dateSpan && parseIsoDate(dateSpan.text);
  if (!meeting || !dateSpan) return;
  for (const { line } of model.nextMeetings) {
    const next = line.date && parseIsoDate(line.date.text);
    if (!next || !line.date || dayNumber(next) > dayNumber(meeting)) continue;
    const sameDay = dayNumber(next) === dayNumber(meeting);
    report({
      code: 'date/next-meeting',
      range: line.date.range,
      message: sameDay
        ? {
            sv: `Nästa möte (${line.date.text}) är samma dag som detta möte. Skriv dagen då nästa möte hålls.`,
            en: `The next meeting (${line.date.text}) is on the same day as this meeting. Write the day the next meeting is held.`,
          }
        : {
            sv: `Nästa möte (${line.date.text}) ligger före detta möte (${dateSpan.text}). Kontrollera året.`,
            en: `The next meeting (${line.date.text}) is before this meeting (${dateSpan.text}). Check the year.`,
          },
      related: [{ range: dateSpan.range, message: { sv: 'Mötesdatum', en: 'Meeting date' } }],
    });
  }
  // An association has no notice board and no statutory adjustment period.
  if (config.kind === 'förening') return;
  const adjustedSpan = model.ast.signatures.find((s) => s.kind === 'adjusted')?.date;
  const adjusted = adjustedSpan && parseIsoDate(adjustedSpan.text);
  const planned = model.adjustmentPlace?.date;
  for (const [span, label] of [
    [adjustedSpan, { sv: 'Justerat', en: 'Adjusted' }],
    [planned, { sv: 'Justeringen sker', en: 'The adjustment is' }],
  ] as const) {
    if (span) adjustmentDeadline(ctx, meeting, dateSpan, span, label);
  }
  const postedSpan = model.ast.signatures.find((s) => s.kind === 'posted')?.date;
  const posted = postedSpan && parseIsoDate(postedSpan.text);
  if (posted && postedSpan && adjusted && adjustedSpan) {
    const days = dayNumber(posted) - dayNumber(adjusted);
    const last = lastDayOf(adjusted, POSTING_DAYS);
    if (days < 0 || dayNumber(posted) > dayNumber(last)) {
      const moved = dayNumber(last) - dayNumber(adjusted) > POSTING_DAYS;
      report({
        code: 'deadline/posting',
        range: postedSpan.range,
        message:
          days < 0
            ? {
                sv: `Justeringen anslogs (${postedSpan.text}) innan protokollet justerades (${adjustedSpan.text}). Kontrollera datumen.`,
                en: `The adjustment was posted (${postedSpan.text}) before the minutes were adjusted (${adjustedSpan.text}). Check the dates.`,
              }
            : {
                sv: `Anslaget ${days} dagar efter justeringen. Enligt kommunallagen ska justeringen anslås senast andra dagen efter, ${formatIsoDate(last)}${moved ? ' (flyttat förbi helgdag enligt lag (1930:173))' : ''}.`,
                en: `Posted ${days} days after adjustment. The Local Government Act requires posting by the second day after, ${formatIsoDate(last)}${moved ? ' (moved past a weekend or holiday by Lag (1930:173))' : ''}.`,
              },
        related: [{ range: adjustedSpan.range, message: { sv: 'Justerat', en: 'Adjusted' } }],
      });
    }
  }
};

function adjustmentDeadline(
  { report }: CheckContext,
  meeting: CalendarDate,
  dateSpan: Span,
  span: Span,
  label: { readonly sv: string; readonly en: string },
): void {
  const adjusted = parseIsoDate(span.text);
  if (!adjusted) return;
  const last = lastDayOf(meeting, ADJUSTMENT_DAYS);
  const days = dayNumber(adjusted) - dayNumber(meeting);
  if (days >= 0 && dayNumber(adjusted) <= dayNumber(last)) return;
  const moved = dayNumber(last) - dayNumber(meeting) > ADJUSTMENT_DAYS;
  report({
    code: 'deadline/adjustment',
    range: span.range,
    message:
      days < 0
        ? {
            sv: `Protokollet justeras (${span.text}) före mötet (${dateSpan.text}). Kontrollera datumet.`,
            en: `The minutes are adjusted (${span.text}) before the meeting (${dateSpan.text}). Check the date.`,
          }
        : {
            sv: `${label.sv} ${days} dagar efter mötet. Enligt kommunallagen ska protokollet justeras inom 14 dagar, senast ${formatIsoDate(last)}${moved ? ' (flyttat förbi helgdag enligt lag (1930:173))' : ''}.`,
            en: `${label.en} ${days} days after the meeting. The Local Government Act requires adjustment within 14 days, by ${formatIsoDate(last)}${moved ? ' (moved past a weekend or holiday by Lag (1930:173))' : ''}.`,
          },
    related: [{ range: dateSpan.range, message: { sv: 'Mötesdatum', en: 'Meeting date' } }],
  });
}
