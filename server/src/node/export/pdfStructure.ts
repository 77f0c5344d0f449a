/**
 * The tagged-PDF structure tree (PDF/UA): headings, paragraphs, lists, tables in reading order,
 * and everything else (page furniture, rules, frames, signature lines) marked as artifacts.
 *
 * pdfkit runs a leaf's drawing function as soon as the leaf is added to an element that is in the
 * tree, so the content stream follows the structure tree: the order of calls is the reading
 * order. Leaves cannot nest (marked content does not), and artifacts are drawn between leaves.
 */
export type StructureType =
  | 'Document'
  | 'Sect'
  | 'H1'
  | 'H2'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TD'
  | 'Link'
  | 'Span';

export type StructureElement = PDFKit.PDFStructureElement;

/** A leaf's content: drawing functions, and `Link` elements wrapping theirs. */
export type LeafContent = (() => void) | StructureElement;

export class PdfStructure {
  /** The `Document` element every other element descends from. */
  readonly root: StructureElement;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  /** An element that only holds other elements (`Sect`, `L`, `LI`, `Table`, `TR`). */
  group(parent: StructureElement, type: StructureType, fill: (element: StructureElement) => void) {
    const element = this.doc.struct(type);
    parent.add(element);
    fill(element);
    element.end();
  }

  /** An element whose content is drawn now, by `content` (see `LeafContent`). */
  leaf(
    parent: StructureElement,
    type: StructureType,
    content: LeafContent | LeafContent[],
    options: { title?: string; alt?: string } = {},
  ): void {
    parent.add(this.doc.struct(type, options, content));
  }

  /** A `Link` element for a leaf: the link annotation drawn inside it is attached to it. */
  link(draw: () => void): StructureElement {
    return this.doc.struct('Link', {}, draw);
  }

  /** Drawing that is not content (rules, frames, lines to sign on, page furniture). */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }
}
