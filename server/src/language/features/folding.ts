import type { ProtokollAst } from '../syntax/ast';
import { labelBlocks } from './symbols';

/** A foldable line range; structurally LSP's FoldingRange. */
export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/**
 * Folding ranges: each attendance section (Närvarande, Beslutande, Tjänstgörande ersättare, …),
 * each `§` item (to its last non-blank line) and inside it each label with its list or tallies,
 * every run of two or more comment lines, and the signature block. Ranges of a single line are
 * left out.
 */
export function foldingRanges(ast: ProtokollAst): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: FoldingRange['kind']): void => {
    if (endLine > startLine)
      ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  for (const section of ast.sections) add(section.range.start.line, section.range.end.line);
  for (const item of ast.items) {
    add(item.range.start.line, item.range.end.line);
    // Beslutsunderlag, Yrkanden, Beslutet skickas till … with their lists; Omröstning with its tallies.
    for (const [label, end] of labelBlocks(item)) add(label.range.start.line, end.line);
  }
  let runStart = -1;
  let previous = -2;
  for (const comment of ast.comments) {
    const line = comment.range.start.line;
    if (line !== previous + 1) {
      if (runStart >= 0) add(runStart, previous, 'comment');
      runStart = line;
    }
    previous = line;
  }
  if (runStart >= 0) add(runStart, previous, 'comment');
  const signatures = ast.signatures;
  if (signatures.length > 0) {
    add(signatures[0].range.start.line, signatures[signatures.length - 1].range.end.line);
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
