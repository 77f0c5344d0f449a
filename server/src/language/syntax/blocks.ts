import type { HeaderField, Keyword, SignatureLine, Span } from './ast';
import { withoutColon } from '../text';
import type { LineTools } from './attendee';
import { keywordKind, type HeaderKind, type KeywordKind, type SignatureKind } from './keywords';
import { Keyword as KeywordToken, ItemMark, type LexedLine } from './lexer';
import { paragraphSet, personList, signerList } from './persons';
import type { Range } from '../types';

const SIGNATURE_BLOCK_KINDS: ReadonlySet<KeywordKind> = new Set([
  'chair',
  'secretary',
  'adjuster',
  'adjusted',
  'posted',
  'paragraphs',
]);

/** The keyword kind a line starts with, if it starts with a keyword. */
export function lineKeywordKind(line: LexedLine): KeywordKind | undefined {
  const first = line.tokens[0];
  if (first?.tokenType !== KeywordToken) return undefined;
  return keywordKind(withoutColon(first.image));
}

/**
 * The lines read as the signature block: every line after the last `§`, and also a run of two or
 * more signature lines (blank lines and comments between allowed) directly followed by a `§`
 * — a `§` typed after the signatures starts a new item without turning them into item text.
 */
export function signatureBlockLines(lines: readonly LexedLine[]): {
  lastItemLine: number;
  earlierBlock: ReadonlySet<number>;
} {
  let lastItemLine = -1;
  for (const line of lines) if (line.tokens[0]?.tokenType === ItemMark) lastItemLine = line.line;
  const earlierBlock = new Set<number>();
  let run: number[] = [];
  let signers = 0;
  for (const line of lines) {
    if (line.line > lastItemLine) break;
    const first = line.tokens[0];
    if (!first || first.tokenType.name === 'Comment') continue;
    if (first.tokenType === ItemMark) {
      if (run.length >= 2 && signers > 0) for (const n of run) earlierBlock.add(n);
      run = [];
      signers = 0;
      continue;
    }
    const kind = lineKeywordKind(line);
    if (kind && SIGNATURE_BLOCK_KINDS.has(kind)) {
      run.push(line.line);
      if (kind === 'chair' || kind === 'secretary' || kind === 'adjuster') signers++;
    } else {
      run = [];
      signers = 0;
    }
  }
  return { lastItemLine, earlierBlock };
}

/** A signature line: signers split at `,` and ` och ` (party letters apart), or a date. */
export function signatureLine(
  tools: LineTools,
  kind: SignatureKind,
  keyword: Keyword,
  value: Span | undefined,
  whole: Range,
): SignatureLine {
  if (kind === 'adjusted' || kind === 'posted')
    return { kind, range: whole, keyword, names: [], persons: [], date: value };
  if (!value) return { kind, range: whole, keyword, names: [], persons: [] };
  const start = tools.offsetOf(value);
  const persons = signerList(tools.text, start, start + value.text.length, tools.span);
  return { kind, range: whole, keyword, names: persons.map((p) => p.name), persons };
}

const ISO_IN_TEXT = /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/;

/** A header field with the parts of its value the model uses. */
export function headerField(
  tools: LineTools,
  kind: HeaderKind,
  keyword: Keyword,
  value: Span | undefined,
  whole: Range,
): HeaderField {
  if (!value) return { kind, range: whole, keyword };
  const start = tools.offsetOf(value);
  const end = start + value.text.length;
  if (kind === 'appointedAdjusters') {
    const persons =
      personList(tools.text, start, end, tools.span) ??
      signerList(tools.text, start, end, tools.span);
    return { kind, range: whole, keyword, value, persons };
  }
  if (kind === 'adjustmentPlace') {
    const m = ISO_IN_TEXT.exec(value.text);
    const date = m ? tools.span(start + m.index, start + m.index + m[0].length) : undefined;
    return { kind, range: whole, keyword, value, date };
  }
  if (kind === 'paragraphs') {
    const paragraphs = paragraphSet(tools.text, start, end, tools.span, true);
    return { kind, range: whole, keyword, value, paragraphs };
  }
  return { kind, range: whole, keyword, value };
}
