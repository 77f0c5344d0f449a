import type { PdfFontName } from './fonts';
import { fitText } from './pdfText';
import type { LeafContent, PdfStructure, StructureElement, StructureType } from './pdfStructure';
import { COLOUR, LINE_GAP, type Segment } from './pdfStyle';

/**
 * Every piece of document text reaches pdfkit through here: fitted to its column first (see
 * `fitText`: neutralised, no word wider than the column, combining marks capped), so that
 * measuring and drawing stay linear in the length of the text, whatever the text.
 */
export class TextWriter {
  private readonly widths = new Map<string, Map<string, number>>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly structure: PdfStructure,
  ) {}

  /** `text` fitted to `width` in the given face and size (which stay set). */
  fit(text: string, font: PdfFontName, size: number, width: number): string {
    const { doc } = this;
    doc.font(font).fontSize(size);
    const key = `${font}@${size}`;
    let cache = this.widths.get(key);
    if (!cache) this.widths.set(key, (cache = new Map()));
    return fitText(text, width, (s) => doc.widthOfString(s), cache);
  }

  /**
   * About the height of `text` in `font` at `size` wrapped to `width`: its width over the column,
   * in lines (one at least). Used only to keep things together on a page (a § heading with its
   * first lines, a decision in its frame): pdfkit's own measure wraps the whole text, which cost
   * as much as drawing it.
   */
  estimateHeight(text: string, font: PdfFontName, size: number, width: number): number {
    const fitted = this.fit(text, font, size, width);
    let lines = 0;
    for (const line of fitted.split('\n')) {
      lines += Math.max(1, Math.ceil(this.doc.widthOfString(line) / (width * 0.9)));
    }
    return lines * (this.doc.currentLineHeight(true) + LINE_GAP);
  }

  /** `estimateHeight` of runs, measured in the widest face (bold). */
  estimateRuns(segments: readonly Segment[], size: number, width: number): number {
    return this.estimateHeight(segments.map((s) => s.text).join(''), 'bold', size, width);
  }

  /** A leaf element with one text in one face at (x, y), wrapped to `width`. */
  leaf(
    parent: StructureElement,
    type: StructureType,
    text: string,
    at: { x: number; y: number; width: number; font: PdfFontName; size: number; colour?: string },
  ): void {
    this.runs(parent, type, [{ text, font: at.font, colour: at.colour }], at);
  }

  /**
   * A leaf element with runs in their faces written as one wrapped paragraph from (x, y); a link
   * run gets a `Link` element of its own, holding its annotation.
   */
  runs(
    parent: StructureElement,
    type: StructureType,
    segments: readonly Segment[],
    at: { x: number; y: number; width: number; size: number },
  ): void {
    const content = this.content(segments, at);
    if (content.length === 0) {
      this.doc.y = at.y;
      return;
    }
    this.structure.leaf(parent, type, content);
    this.doc.fillColor(COLOUR.text);
  }

  /** The content of a leaf writing `segments` (see `runs`), to draw when the leaf is added. */
  content(
    segments: readonly Segment[],
    at: { x: number; y: number; width: number; size: number },
  ): LeafContent[] {
    const { doc } = this;
    doc.fontSize(at.size);
    const parts = segments
      .filter((s) => s.text !== '')
      .map((s) => ({ ...s, text: this.fit(s.text, s.font, at.size, at.width) }))
      .filter((s) => s.text !== '');
    if (parts.length === 0) return [];
    const content: LeafContent[] = [];
    let pending: (() => void)[] = [];
    const flush = () => {
      if (pending.length === 0) return;
      const draws = pending;
      pending = [];
      content.push(() => draws.forEach((draw) => draw()));
    };
    parts.forEach((part, i) => {
      const draw = () => {
        doc
          .font(part.font)
          .fontSize(at.size)
          .fillColor(part.link ? COLOUR.accent : (part.colour ?? COLOUR.text));
        const options: PDFKit.Mixins.TextOptions = {
          width: at.width,
          continued: i < parts.length - 1,
          link: part.link ?? null,
          underline: part.link !== undefined,
          lineGap: LINE_GAP,
        };
        if (i === 0) doc.text(part.text, at.x, at.y, options);
        else doc.text(part.text, options);
      };
      if (part.link) {
        flush();
        content.push(this.structure.link(draw));
      } else {
        pending.push(draw);
      }
    });
    flush();
    return content;
  }
}
