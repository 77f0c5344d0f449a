import type { PdfFontName } from './fonts';
import type { Inline } from '../../language/render/inline';

/** Page geometry, colours and type sizes of the PDF (points; A4). */
export const MM = 72 / 25.4;
export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 30 * MM, bottom: 36 * MM, left: 22 * MM, right: 18 * MM };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const ITEM_INDENT = 42;
export const COLOUR = {
  text: '#000000',
  muted: '#4a4a4a',
  rule: '#9a9a9a',
  accent: '#1f4e79',
  mark: '#b00020',
};
export const SIZE = { body: 10.5, small: 8.5, heading: 11.5, title: 20 };
export const LINE_GAP = 1.5;

/** A run of text in one face. */
export interface Segment {
  readonly text: string;
  readonly font: PdfFontName;
  readonly link?: string;
  readonly colour?: string;
}

/** Inline runs as font segments: emphasis picks the face, links keep their URL. */
export function segmentsOf(runs: readonly Inline[], bold = false, italic = false): Segment[] {
  const font = (): PdfFontName =>
    bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
  return runs.flatMap((run): Segment[] => {
    switch (run.kind) {
      case 'text':
        return [{ text: run.text, font: font() }];
      case 'link':
        return [{ text: run.text, font: font(), link: run.href }];
      case 'em':
        return segmentsOf(run.children, bold, true);
      case 'strong':
        return segmentsOf(run.children, true, italic);
    }
  });
}
