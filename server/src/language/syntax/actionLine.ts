import { indexBefore } from '../text';
import type { ActionLine } from './ast';
import type { LineTools } from './attendee';
import { lexLineRest } from './lexer';
import { trimEnd, trimStart } from './lines';
import { ActionLineNode } from './bodyLineNodes';
import { parseLine } from './parser';

/**
 * `Åtgärd: text @Owner Name, YYYY-MM-DD`. The owner's `@` starts a word: `mejla ulf@vara.se @Bo
 * Ek` is owned by Bo Ek. A well-formed line is read straight from the text; only a line the
 * action grammar rejects is tokenised and parsed, for the parser's precise message.
 */
export function actionLine(
  tools: LineTools,
  keywordStart: number,
  valueStart: number,
  end: number,
): ActionLine {
  const { text, lineStart: base } = tools;
  let at = -1;
  for (let i = valueStart; i < end; i++) {
    if (text.charCodeAt(i) !== 64 /* @ */) continue;
    const before = text.charCodeAt(i - 1);
    if (isBlank(before) || before === 58 /* : */) {
      at = i;
      break;
    }
  }
  let comma = -1;
  if (at >= 0) {
    comma = indexBefore(text, 44 /* , */, at + 1, end);
    if (
      !wellFormed(text, at + 1, comma < 0 ? end : comma, false) ||
      (comma >= 0 && !wellFormed(text, comma + 1, end, true))
    ) {
      reportSyntaxError(tools, at, end);
    }
  }
  // Trimmed columns of the text, the owner and the due date (-1: none).
  const textEnd = at >= 0 ? at : end;
  const ts = trimStart(text, valueStart, textEnd);
  const te = trimEnd(text, ts, textEnd);
  const ownerEnd = comma >= 0 ? comma : end;
  const os = at >= 0 ? trimStart(text, at + 1, ownerEnd) : 0;
  const oe = at >= 0 ? trimEnd(text, os, ownerEnd) : 0;
  const ds = comma >= 0 ? trimStart(text, comma + 1, end) : 0;
  const de = comma >= 0 ? trimEnd(text, ds, end) : 0;
  return new ActionLineNode(
    tools,
    keywordStart - base,
    valueStart - base,
    ts < te ? ts - base : -1,
    ts < te ? te - base : -1,
    at >= 0 ? at - base : -1,
    os < oe ? os - base : -1,
    os < oe ? oe - base : -1,
    ds < de ? ds - base : -1,
    ds < de ? de - base : -1,
  );
}

/**
 * Whether `start`–`end` is what the grammar's `words` accepts: at least one character that is not
 * a blank, and none of `()@` (nor `,` in the due date).
 */
function wellFormed(text: string, start: number, end: number, noComma: boolean): boolean {
  let words = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 41 || c === 64 || (noComma && c === 44)) return false;
    if (c !== 32 && c !== 9) words = true;
  }
  return words;
}

/** Runs the action grammar on the tokens from the `@` on, to report where the line goes wrong. */
function reportSyntaxError(tools: LineTools, at: number, end: number): void {
  const { cst, errors } = parseLine(lexLineRest(tools.text, at, end), 'action');
  if (errors.length === 0 && cst) return;
  const token = errors[0]?.token;
  const found = token && !Number.isNaN(token.startOffset) ? token : undefined;
  const range = found
    ? tools.range(found.startOffset, found.startOffset + found.image.length)
    : tools.place.range;
  tools.problem(
    range,
    `Oväntat ${found ? `"${found.image}"` : 'radslut'} här. Raden ska ha formen Åtgärd: text @Namn, ÅÅÅÅ-MM-DD.`,
    `Unexpected ${found ? `"${found.image}"` : 'end of line'} here. The line should read Action: text @Name, YYYY-MM-DD.`,
  );
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0xfeff;
}
