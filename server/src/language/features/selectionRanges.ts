import type { MeetingModel } from '../model';
import type { Span } from '../syntax/ast';
import {
  rangeContains,
  rangeContainsRange,
  rangesEqual,
  type Position,
  type Range,
} from '../types';
import { personIndex } from './persons';
import { itemAtLine, lineNodeAt, type LineNode } from './symbols';

/** Structurally LSP's SelectionRange: a range and the next larger one. */
export interface SelectionRange {
  range: Range;
  parent?: SelectionRange;
}

/** What selection ranges read: the text and its model. */
export interface SelectionSource {
  readonly text: string;
  readonly model: MeetingModel;
}

/**
 * Expanding selections: the word → the name, organisation, title or value it is part of (a
 * person's full name in text counts) → the line → the item, section or signature block → the
 * document. Each range contains the one before it.
 */
export function selectionRanges(
  source: SelectionSource,
  positions: readonly Position[],
): SelectionRange[] {
  return positions.map((position) => selectionRange(source, position));
}

function selectionRange(source: SelectionSource, position: Position): SelectionRange {
  const { text, model } = source;
  const ast = model.ast;
  const lastLine = ast.lineCount - 1;
  const documentRange: Range = {
    start: { line: 0, character: 0 },
    end: { line: lastLine, character: text.length - ast.lineStarts[lastLine] },
  };
  if (position.line < 0 || position.line > lastLine) return { range: documentRange };
  const lineText = textOfLine(source, position.line);
  const character = Math.max(0, Math.min(position.character, lineText.length));
  const line = position.line;
  const candidates: Range[] = [];
  const word = wordAt(lineText, character);
  if (word) candidates.push(lineRange(line, word.start, word.end));

  const node = lineNodeAt(ast, line);
  for (const span of spansOf(node)) candidates.push(span.range);
  for (const found of personIndex(model).onLine(line)) {
    candidates.push(
      found.kind === 'mention'
        ? found.mention.range
        : found.kind === 'unresolved'
          ? found.name.span.range
          : found.range,
    );
  }
  candidates.push(lineRange(line, 0, lineText.length));
  const block = blockOf(node, model, line);
  if (block) candidates.push(block);
  candidates.push(documentRange);

  const offset = (p: Position): number => ast.lineStarts[p.line] + p.character;
  const size = (r: Range): number => offset(r.end) - offset(r.start);
  const nested: Range[] = [];
  for (const range of candidates
    .filter((r) => rangeContains(r, { line, character }))
    .sort((a, b) => size(a) - size(b))) {
    const inner = nested[nested.length - 1];
    if (inner && (rangesEqual(range, inner) || !rangeContainsRange(range, inner))) {
      continue;
    }
    nested.push(range);
  }
  let chain: SelectionRange | undefined;
  for (let i = nested.length - 1; i >= 0; i--) chain = { range: nested[i], parent: chain };
  return chain ?? { range: documentRange };
}

function spansOf(node: LineNode | undefined): Span[] {
  if (!node) return [];
  const spans: (Span | undefined)[] = [];
  switch (node.kind) {
    case 'title':
      spans.push(node.title.text);
      break;
    case 'header':
      spans.push(node.field.keyword, node.field.value);
      break;
    case 'sectionKeyword':
      spans.push(node.section.keyword);
      break;
    case 'entry':
      spans.push(node.entry.name, node.entry.organisation, node.entry.role);
      break;
    case 'itemMark':
      spans.push(node.item.number, node.item.title, node.item.caseNumber);
      break;
    case 'body':
    case 'preamble': {
      const line = node.line;
      if (line.kind === 'text') spans.push(line.text);
      else if (line.kind === 'bullet') {
        spans.push(line.text, line.roundTable?.organisation, line.roundTable?.text);
      } else if (line.kind === 'decision') spans.push(line.keyword, line.text);
      else if (line.kind === 'action') spans.push(line.keyword, line.text, line.owner, line.due);
      else if (line.kind === 'nextMeeting') spans.push(line.keyword, line.date, line.place);
      break;
    }
    case 'signature':
      spans.push(node.signature.keyword, node.signature.date, ...node.signature.names);
      break;
    case 'comment':
      break;
  }
  return spans.filter((s): s is Span => s !== undefined);
}

function blockOf(node: LineNode | undefined, model: MeetingModel, line: number): Range | undefined {
  if (node?.kind === 'entry' || node?.kind === 'sectionKeyword') return node.section.range;
  if (node?.kind === 'itemMark' || node?.kind === 'body') return node.item.range;
  if (node?.kind === 'signature') {
    const signatures = model.ast.signatures;
    return { start: signatures[0].range.start, end: signatures[signatures.length - 1].range.end };
  }
  return itemAtLine(model.ast, line)?.range;
}

function wordAt(text: string, character: number): { start: number; end: number } | undefined {
  const isWord = (c: string | undefined): boolean =>
    c !== undefined && /[\p{L}\p{M}\p{N}_'’-]/u.test(c);
  let start = character;
  let end = character;
  while (start > 0 && isWord(text[start - 1])) start--;
  while (end < text.length && isWord(text[end])) end++;
  return end > start ? { start, end } : undefined;
}

function textOfLine({ text, model }: SelectionSource, line: number): string {
  const starts = model.ast.lineStarts;
  const end = line + 1 < starts.length ? starts[line + 1] : text.length;
  return text.slice(starts[line], end).replace(/\r?\n$|\r$/, '');
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
