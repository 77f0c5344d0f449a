import type { AgendaItem } from '../syntax/ast';
import type { Range, TextEdit } from '../types';
import type { Bilingual, Check } from './context';

/** `numbering/*`: § numbers run one by one without gaps, repeats or steps back. */
export const numberingCheck: Check = ({ model, report, capped }) => {
  const items = model.ast.items.filter((i) => i.value !== undefined && i.number);
  // Computed once, and only when some item is reported (most documents are numbered right).
  let renumberFix: { title: Bilingual; edits: TextEdit[]; preferred: boolean }[] | undefined;
  const fixes = () => {
    if (renumberFix) return renumberFix.length ? renumberFix : undefined;
    const renumber = renumberEdits(model.ast.items);
    renumberFix = renumber.length
      ? [
          {
            title: { sv: 'Numrera om alla punkter', en: 'Renumber all items' },
            edits: renumber,
            preferred: true,
          },
        ]
      : [];
    return renumberFix.length ? renumberFix : undefined;
  };
  // The first item of each number (`47b`: number and letter), made when an item does not come
  // after all earlier numbers: until then none can repeat an earlier one.
  let seen: Map<number | string, AgendaItem> | undefined;
  let highest = -Infinity;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const id = idOf(item);
    const label = () => labelOf(item);
    if (!seen && (item.suffix || (item.value as number) <= highest)) {
      seen = new Map();
      for (let j = 0; j < i; j++) {
        const earlierId = idOf(items[j]);
        if (!seen.has(earlierId)) seen.set(earlierId, items[j]);
      }
    }
    highest = Math.max(highest, item.value as number);
    const earlier = seen?.get(id);
    // Each finding is built only while its code is under the per-document cap: a document with
    // thousands of misnumbered items would otherwise build (and drop) thousands of messages.
    if (earlier) {
      const range = rangeOf(item);
      if (!capped('numbering/duplicate', range))
        report({
          code: 'numbering/duplicate',
          range,
          message: {
            sv: `${label()} finns redan på rad ${earlier.mark.start.line + 1}. Varje punkt ska ha ett eget nummer.`,
            en: `${label()} is already used on line ${earlier.mark.start.line + 1}. Every item needs its own number.`,
          },
          related: [
            { range: earlier.mark, message: { sv: `Första ${label()}`, en: `First ${label()}` } },
          ],
          fixes: fixes(),
        });
    } else if (i > 0) {
      const prev = items[i - 1];
      const p = prev.value!;
      const n = item.value!;
      const prevLabel = () => labelOf(prev);
      const suffixBack =
        n === p && prev.suffix && (!item.suffix || item.suffix.text < prev.suffix.text);
      if (n < p || suffixBack) {
        const range = rangeOf(item);
        if (!capped('numbering/order', range))
          report({
            code: 'numbering/order',
            range,
            message: {
              sv: `${label()} kommer efter ${prevLabel()}. Punkterna ska vara numrerade i stigande ordning.`,
              en: `${label()} follows ${prevLabel()}. Items must be numbered in increasing order.`,
            },
            related: [
              { range: prev.mark, message: { sv: `Föregående punkt`, en: `Previous item` } },
            ],
            fixes: fixes(),
          });
      } else if (
        n > p + 1 ||
        (n === p + 1 && item.suffix) ||
        (n === p && item.suffix && item.suffix.text > nextLetter(prev.suffix?.text))
      ) {
        // `§ 47 b` right after `§ 47` skips `§ 47 a`.
        const expected = () =>
          n === p
            ? `§ ${p} ${nextLetter(prev.suffix?.text)}`
            : item.suffix
              ? `§ ${p} ${item.suffix.text}`
              : `§ ${p + 1}`;
        const range = rangeOf(item);
        if (!capped('numbering/gap', range))
          report({
            code: 'numbering/gap',
            range,
            message: {
              sv: `${label()} följer på ${prevLabel()}; ${expected()} saknas. Numrera om eller lägg till den saknade punkten.`,
              en: `${label()} follows ${prevLabel()}; ${expected()} is missing. Renumber or add the missing item.`,
            },
            related: [
              { range: prev.mark, message: { sv: `Föregående punkt`, en: `Previous item` } },
            ],
            fixes: fixes(),
          });
      }
    }
    if (!earlier) seen?.set(id, item);
  }
  for (const item of model.ast.items) {
    if (item.title || capped('numbering/empty-title', item.mark)) continue;
    report({
      code: 'numbering/empty-title',
      range: item.mark,
      message: {
        sv: `${item.value !== undefined ? `§ ${item.value}` : '§'} saknar rubrik. Skriv vad punkten handlar om efter numret.`,
        en: `${item.value !== undefined ? `§ ${item.value}` : '§'} has no title. Write what the item is about after the number.`,
      },
    });
  }
};

/** The number of an item, or its number and letter as one string (`47b`). */
function idOf(item: AgendaItem): number | string {
  const suffix = item.suffix;
  return suffix ? `${item.value}${suffix.text}` : (item.value as number);
}

/** `§ 12` or `§ 12 a`. */
function labelOf(item: AgendaItem): string {
  return `§ ${item.value}${item.suffix ? ' ' + item.suffix.text : ''}`;
}

/** The number of a numbered item, with its letter. */
function rangeOf(item: AgendaItem): Range {
  return item.suffix
    ? { start: item.number!.range.start, end: item.suffix.range.end }
    : item.number!.range;
}

/**
 * Edits that renumber every item consecutively from the first item's number (or `from`),
 * turning inserted `§ 17 a` items into whole numbers.
 */
export function renumberEdits(
  items: readonly AgendaItem[],
  from?: number,
  startIndex = 0,
): TextEdit[] {
  const edits: TextEdit[] = [];
  let next = from ?? items.find((i) => i.value !== undefined)?.value ?? 1;
  for (const item of items.slice(startIndex)) {
    const wanted = `§ ${next}`;
    const current = `§ ${item.value ?? ''}${item.suffix ? ' ' + item.suffix.text : ''}`;
    if (current !== wanted || !item.number) edits.push({ range: item.mark, newText: wanted });
    next++;
  }
  return edits;
}

/** The letter after `letter` (`a` after none, `b` after `a`; å, ä, ö follow z). */
function nextLetter(letter: string | undefined): string {
  const order = 'abcdefghijklmnopqrstuvwxyzåäö';
  return letter ? (order[order.indexOf(letter) + 1] ?? letter) : 'a';
}
