import type { Check } from './context';

/** `26–31`, `26–28, 30`: numbers as ranges with an en dash. */
export function compressNumbers(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** `signature/paragraphs` (kommunal): `Paragrafer:` names exactly the items of the document. */
export const paragraphsCheck: Check = ({ model, config, report }) => {
  if (config.kind !== 'kommunal') return;
  const field = model.paragraphs;
  if (!field?.value) return;
  const numbers = model.ast.items.map((i) => i.value).filter((n): n is number => n !== undefined);
  if (numbers.length === 0) return;
  const expected = compressNumbers(numbers);
  const set = field.paragraphs;
  const listed = new Set<number>();
  let tooMany = false;
  for (const [from, to] of set?.ranges ?? []) {
    if (to - from > 10_000 || to < from) {
      tooMany = true;
      break;
    }
    for (let n = from; n <= to; n++) listed.add(n);
  }
  const actual = new Set(numbers);
  const same =
    set && !tooMany && listed.size === actual.size && [...actual].every((n) => listed.has(n));
  if (same) return;
  report({
    code: 'signature/paragraphs',
    range: field.value.range,
    message: set
      ? {
          sv: `Paragrafer: ${field.value.text} stämmer inte med protokollets paragrafer, ${expected}. Skriv Paragrafer: ${expected}.`,
          en: `Paragrafer (items): ${field.value.text} does not match the items of the minutes, ${expected}. Write Paragrafer: ${expected}.`,
        }
      : {
          sv: `"${field.value.text}" är inga paragrafnummer. Skriv Paragrafer: ${expected}.`,
          en: `"${field.value.text}" are not item numbers. Write Paragrafer: ${expected}.`,
        },
    fixes: [
      {
        title: { sv: `Skriv ${expected}`, en: `Write ${expected}` },
        edits: [{ range: field.value.range, newText: expected }],
        preferred: true,
      },
    ],
  });
};
