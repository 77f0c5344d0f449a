import { addDays, dayNumber, formatIsoDate, parseIsoDate } from '../dates';
import type { Check } from './context';

/** Kommunallagen (2017:725) 5 kap. 69 § (and 6 kap. 35 § for boards): adjusted within 14 days. */
export const ADJUSTMENT_DAYS = 14;
/** Kommunallagen (2017:725) 8 kap. 12 §: the adjustment is posted within two days after it. */
export const POSTING_DAYS = 2;

/** `date/next-meeting`, `deadline/*`: dates in the right order and within the law's limits. */
export const datesCheck: Check = ({ model, report }) => {
  const dateSpan = model.ast.header.find((h) => h.kind === 'date')?.value;
  const meeting = dateSpan && parseIsoDate(dateSpan.text);
  if (!meeting || !dateSpan) return;
  for (const { line } of model.nextMeetings) {
    const next = line.date && parseIsoDate(line.date.text);
    if (!next || !line.date || dayNumber(next) > dayNumber(meeting)) continue;
    report({
      code: 'date/next-meeting',
      range: line.date.range,
      message: {
        sv: `Nästa möte (${line.date.text}) ligger inte efter detta möte (${dateSpan.text}). Kontrollera året.`,
        en: `The next meeting (${line.date.text}) is not after this meeting (${dateSpan.text}). Check the year.`,
      },
      related: [{ range: dateSpan.range, message: { sv: 'Mötesdatum', en: 'Meeting date' } }],
    });
  }
  const adjustedSpan = model.ast.signatures.find((s) => s.kind === 'adjusted')?.date;
  const adjusted = adjustedSpan && parseIsoDate(adjustedSpan.text);
  if (adjusted && adjustedSpan) {
    const last = addDays(meeting, ADJUSTMENT_DAYS);
    const days = dayNumber(adjusted) - dayNumber(meeting);
    if (days < 0 || days > ADJUSTMENT_DAYS) {
      report({
        code: 'deadline/adjustment',
        range: adjustedSpan.range,
        message:
          days < 0
            ? {
                sv: `Protokollet justerades (${adjustedSpan.text}) före mötet (${dateSpan.text}). Kontrollera datumet.`,
                en: `The minutes were adjusted (${adjustedSpan.text}) before the meeting (${dateSpan.text}). Check the date.`,
              }
            : {
                sv: `Justerat ${days} dagar efter mötet. Enligt kommunallagen ska protokollet justeras inom 14 dagar, senast ${formatIsoDate(last)}.`,
                en: `Adjusted ${days} days after the meeting. The Local Government Act requires adjustment within 14 days, by ${formatIsoDate(last)}.`,
              },
        related: [{ range: dateSpan.range, message: { sv: 'Mötesdatum', en: 'Meeting date' } }],
      });
    }
  }
  const postedSpan = model.ast.signatures.find((s) => s.kind === 'posted')?.date;
  const posted = postedSpan && parseIsoDate(postedSpan.text);
  if (posted && postedSpan && adjusted && adjustedSpan) {
    const days = dayNumber(posted) - dayNumber(adjusted);
    if (days < 0 || days > POSTING_DAYS) {
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
                sv: `Anslaget ${days} dagar efter justeringen. Enligt kommunallagen ska justeringen anslås senast andra dagen efter, ${formatIsoDate(addDays(adjusted, POSTING_DAYS))}.`,
                en: `Posted ${days} days after adjustment. The Local Government Act requires posting by the second day after, ${formatIsoDate(addDays(adjusted, POSTING_DAYS))}.`,
              },
        related: [{ range: adjustedSpan.range, message: { sv: 'Justerat', en: 'Adjusted' } }],
      });
    }
  }
};
