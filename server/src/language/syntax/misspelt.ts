import { editDistance } from '../text';
import type { Range } from '../types';
import type { SyntaxProblem } from './ast';
import { HEADER_AND_SIGNATURE_SPELLINGS, LABEL_SPELLINGS } from './keywords';

/**
 * A line that starts with `Word:` where Word is one or two edits from a keyword is almost
 * certainly a misspelt keyword: the problem with the replacement, or undefined.
 */
export function misspeltKeyword(
  text: string,
  start: number,
  end: number,
  inBody: boolean,
  range: (start: number, end: number) => Range,
): SyntaxProblem | undefined {
  const match = /^([\p{L}]+(?: [\p{L}]+)?)[ \t]*:/u.exec(text.slice(start, end));
  if (!match) return undefined;
  const word = match[1];
  if (inBody && word.length < 5) return undefined;
  const candidates = inBody ? LABEL_SPELLINGS : HEADER_AND_SIGNATURE_SPELLINGS;
  const limit = inBody || word.length < 6 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase(), limit);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (!best || bestDistance === 0) return undefined;
  const at = range(start, start + word.length);
  return {
    range: at,
    message: {
      sv: `Okänt nyckelord "${word}". Menade du "${best}"?`,
      en: `Unknown keyword "${word}". Did you mean "${best}"?`,
    },
    fix: {
      range: at,
      newText: best,
      title: { sv: `Ersätt med "${best}"`, en: `Replace with "${best}"` },
    },
  };
}
