import { contentEnd, indexBefore } from '../text';
import type { Span } from './ast';
import type { BlockBuilder } from './blockBuilder';
import { TextLineNode } from './bodyLineNodes';
import { electionLine, immediateLine, tallyLine } from './itemBody';
import { trimEnd, trimStart } from './lines';
import { misspeltKeyword } from './misspelt';
import { ProblemNode } from './problemNode';

/** Reads a line of text of the block being read (or a keyword line that is text where it stands). */
export function readTextLine(b: BlockBuilder, afterLastItem: boolean): void {
  const { text, lineEnd } = b;
  const first = b.first;
  if (b.context === 'item' && b.item) {
    const tally = tallyLine(b, first, lineEnd, -1);
    if (tally) return void b.addBody(tally);
  }
  if (suggestKeyword(b)) return;
  if (
    b.context === 'signatures' ||
    (afterLastItem && b.items.length > 0 && b.context !== 'item' && b.signatures.length > 0)
  ) {
    return notASignature(b);
  }
  const base = b.lineStart;
  const ts = trimStart(text, base, lineEnd);
  const te = trimEnd(text, ts, lineEnd);
  if (b.context === 'section') {
    if (indexBefore(text, 44 /* , */, base, lineEnd) >= 0) {
      b.problems.push(
        new ProblemNode(
          b.anchor,
          b.place.range,
          {
            sv: 'En närvarorad börjar med "- ": skriv - Namn, Organisation.',
            en: 'An attendance line starts with "- ": write - Name, Organisation.',
          },
          {
            range: b.cols(ts, ts),
            newText: '- ',
            title: { sv: 'Lägg till "- "', en: 'Add "- "' },
          },
        ),
      );
      return;
    }
    b.endSection();
  }
  if (b.context === 'item' && b.item) {
    // `Justeras omedelbart.` and `Till justerare utses …` start with one of these letters.
    const lower = text.charCodeAt(ts) | 0x20;
    if (lower === 106 || lower === 112 || lower === 98 || lower === 116 || lower === 97) {
      const span = b.span(ts, te) as Span;
      // Trailing blanks of any kind change nothing (formatting removes them).
      const end = contentEnd(text, ts, lineEnd);
      const line = immediateLine(span, b.place) ?? electionLine(b, span, ts, end);
      if (line) return void b.addBody(line);
    }
    b.addBody(new TextLineNode(b, ts - base, te - base));
    return;
  }
  b.preamble.push(new TextLineNode(b, ts - base, te - base));
}

/** Reports the line being read as out of place among the signatures. */
export function notASignature(b: BlockBuilder): void {
  b.problem(
    b.place.range,
    'Efter den sista §-punkten följer bara underskrifter: Ordförande:, Sekreterare:, Justerare:, Justerat:, Anslaget:.',
    'After the last § item only signature lines follow: Chair:, Secretary:, Adjuster:, Signed:, Posted: (or the Swedish keywords).',
  );
}

/** A misspelt keyword at the line start is reported with its fix instead of read as text. */
function suggestKeyword(b: BlockBuilder): boolean {
  // Only a line with a colon can start with `Word:` or `Two words:`, and one ASCII character
  // other than a letter or blank before the colon rules it out (the scan stops at the line end).
  let colon = -1;
  for (let i = b.first; i < b.lineEnd; i++) {
    const c = b.text.charCodeAt(i);
    if (c === 58 /* : */) {
      colon = i;
      break;
    }
    if (c < 128 && c !== 32 && c !== 9 && !((c | 0x20) >= 97 && (c | 0x20) <= 122)) return false;
  }
  if (colon < 0) return false;
  const problem = misspeltKeyword(b.text, b.first, b.lineEnd, b.context === 'item', b.range);
  if (problem)
    b.problems.push(new ProblemNode(b.anchor, problem.range, problem.message, problem.fix));
  return problem !== undefined;
}
