import {
  formatIsoDate,
  parseIsoDate,
  parseLooseDate,
  parseTimeRange,
  type CalendarDate,
} from '../dates';
import type { Span } from '../syntax/ast';
import type { Check, CheckContext } from './context';

/** `header/*`: title, meeting date and time, and every date written in the document. */
export const headerCheck: Check = (ctx) => {
  const { model, report } = ctx;
  const ast = model.ast;
  if (!ast.title?.text) {
    report({
      code: 'header/missing-title',
      range: ast.title?.range ?? firstLineRange(ctx),
      message: {
        sv: 'Protokollet saknar rubrik. Skriv den på första raden: # Namn på mötet eller organet.',
        en: 'The minutes have no title. Write it on the first line: # Name of the meeting or body.',
      },
      fixes: ast.title
        ? undefined
        : [
            {
              title: { sv: 'Lägg till en rubrik', en: 'Add a title' },
              edits: [
                {
                  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                  newText: '# Protokoll\n',
                },
              ],
            },
          ],
    });
  }
  const dateField = ast.header.find((h) => h.kind === 'date');
  if (!dateField?.value) {
    const anchor = dateField?.range ?? ast.title?.range ?? firstLineRange(ctx);
    report({
      code: 'header/missing-date',
      range: anchor,
      message: {
        sv: 'Mötesdatum saknas. Lägg till raden Datum: ÅÅÅÅ-MM-DD under rubriken.',
        en: 'The meeting date is missing. Add the line Datum: YYYY-MM-DD (or Date:) below the title.',
      },
    });
  }
  const meeting = dateField?.value ? parseIsoDate(dateField.value.text) : undefined;
  const dates: Span[] = [];
  if (dateField?.value) dates.push(dateField.value);
  for (const s of ast.signatures) if (s.date) dates.push(s.date);
  if (model.adjustmentPlace?.date) dates.push(model.adjustmentPlace.date);
  // Each getter read once: an action's `due` is made when read.
  for (const { line } of model.nextMeetings) {
    const date = line.date;
    if (date) dates.push(date);
  }
  for (const { line } of model.actions) {
    const due = line.due;
    if (due) dates.push(due);
  }
  for (const span of dates) checkDate(ctx, span, meeting);

  for (const field of ast.header) {
    if (field.kind !== 'time' || !field.value) continue;
    const time = parseTimeRange(field.value.text);
    if (time === 'malformed') {
      report({
        code: 'header/invalid-time',
        range: field.value.range,
        message: {
          sv: `"${field.value.text}" är ingen tid. Skriv TT:MM eller TT:MM-TT:MM, till exempel 09:00-12:00.`,
          en: `"${field.value.text}" is not a time. Write HH:MM or HH:MM-HH:MM, for example 09:00-12:00.`,
        },
      });
    } else if (time === 'end-before-start') {
      report({
        code: 'header/invalid-time',
        range: field.value.range,
        message: {
          sv: `Mötet slutar (${field.value.text}) innan det börjar. Kontrollera sluttiden.`,
          en: `The meeting ends (${field.value.text}) before it starts. Check the end time.`,
        },
      });
    }
  }
};

function checkDate({ report }: CheckContext, span: Span, meeting: CalendarDate | undefined): void {
  if (parseIsoDate(span.text)) return;
  const meant = parseLooseDate(span.text, meeting);
  const iso = meant ? formatIsoDate(meant) : undefined;
  const shape = /^(\d{4})-(\d{2})-(\d{2})$/.exec(span.text.trim());
  if (shape) {
    // The right form but no such day: say so rather than "write it as YYYY-MM-DD".
    const month = Number(shape[2]);
    const days =
      month >= 1 && month <= 12 ? new Date(Date.UTC(Number(shape[1]), month, 0)).getUTCDate() : 0;
    report({
      code: 'header/invalid-date',
      range: span.range,
      message:
        days === 0
          ? {
              sv: `${span.text} finns inte: månad ${shape[2]} finns inte (01–12). Kontrollera datumet.`,
              en: `${span.text} is not a real date: there is no month ${shape[2]} (01–12). Check the date.`,
            }
          : {
              sv: `${span.text} finns inte: månaden har bara ${days} dagar. Kontrollera datumet.`,
              en: `${span.text} is not a real date: that month has only ${days} days. Check the date.`,
            },
    });
    return;
  }
  report({
    code: 'header/invalid-date',
    range: span.range,
    message: iso
      ? {
          sv: `"${span.text}" är inget datum i formen ÅÅÅÅ-MM-DD. Skriv ${iso}.`,
          en: `"${span.text}" is not a date of the form YYYY-MM-DD. Write ${iso}.`,
        }
      : {
          sv: `"${span.text}" är inget giltigt datum. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2024-03-15.`,
          en: `"${span.text}" is not a valid date. Write it as YYYY-MM-DD, for example 2024-03-15.`,
        },
    fixes: iso
      ? [
          {
            title: { sv: `Skriv om till ${iso}`, en: `Convert to ${iso}` },
            edits: [{ range: span.range, newText: iso }],
            preferred: true,
          },
        ]
      : undefined,
  });
}

function firstLineRange({ text }: CheckContext) {
  const end = text.search(/\r|\n/);
  return {
    start: { line: 0, character: 0 },
    end: { line: 0, character: end < 0 ? text.length : end },
  };
}
