import type {
  Block,
  ItemView,
  ListItemView,
  MinutesView,
  SignerView,
} from '../../language/render/view';
import type { PdfFontName } from './fonts';
import { labelledBlock, secrecyBlock, voteBlock } from './pdfBlocks';
import { certificateBox } from './pdfCertificate';
import { frontPage } from './pdfMunicipal';
import { drawPageFurniture } from './pdfPage';
import { PdfStructure, type LeafContent, type StructureElement } from './pdfStructure';
import { truncate } from './pdfText';
import { TextWriter } from './pdfTextWriter';
import {
  COLOUR,
  CONTENT_WIDTH,
  ITEM_INDENT,
  MARGIN,
  PAGE,
  SIZE,
  segmentsOf,
  type Segment,
} from './pdfStyle';

/**
 * Walks the view of the minutes top to bottom and lays it out on A4 pages, building the tagged
 * structure as it goes (the order of the calls is the reading order):
 *
 * Document ─ H1 title, P facts ─ Sect "Närvarande": H2, Table of TR/TD ─ Sect per §: H2 (one
 * bookmark each), then the body blocks (`blocks`: P, L/LI/Lbl/LBody, …) ─ Sect signatures ─
 * Sect Anslag/Bevis: H2, P, Table.
 *
 * A new kind of block is one more `case` in `block`, drawing through `TextWriter` into an element
 * of the structure, its decoration through `structure.artifact`.
 */
export class PdfLayout {
  readonly labels;
  readonly structure: PdfStructure;
  readonly writer: TextWriter;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly view: MinutesView,
  ) {
    this.labels = view.labels;
    this.structure = new PdfStructure(doc);
    this.writer = new TextWriter(doc, this.structure);
  }

  write(): void {
    const root = this.structure.root;
    if (this.view.front) {
      // The municipal first page: facts, signatures and Anslag/Bevis; the items from page 2.
      if (!this.view.adjusted) this.stamp(root);
      frontPage(this, root, this.view.front);
      if (this.view.certificate) certificateBox(this, root);
      if (this.view.items.length > 0 || this.view.preamble.length > 0) {
        this.doc.continueOnNewPage();
        this.doc.y = MARGIN.top;
      }
    } else {
      this.titleBlock(root);
      for (const section of this.view.attendance) this.attendance(root, section);
    }
    if (this.view.preamble.length > 0) {
      this.gap(8);
      this.blocks(root, this.view.preamble, MARGIN.left, CONTENT_WIDTH);
    }
    for (const item of this.view.items) this.item(root, item);
    if (!this.view.front) {
      if (this.view.signatures) this.signatures(root);
      if (this.view.certificate) certificateBox(this, root);
    }
    root.end();
    drawPageFurniture(this.doc, this.view, this.structure);
  }

  private titleBlock(root: StructureElement): void {
    const { doc, labels, view, writer } = this;
    if (!view.adjusted) this.stamp(root);
    writer.leaf(root, 'P', labels.documentKind.toUpperCase(), {
      x: MARGIN.left,
      y: MARGIN.top,
      width: CONTENT_WIDTH - 110,
      font: 'regular',
      size: SIZE.small,
      colour: COLOUR.muted,
    });
    if (view.title?.value) {
      writer.leaf(root, 'H1', view.title.value, {
        x: MARGIN.left,
        y: doc.y + 2,
        width: CONTENT_WIDTH - 110,
        font: 'bold',
        size: SIZE.title,
      });
    }
    this.gap(6);
    const fact = (label: string, value: string) =>
      this.labelledRow(root, label, [{ text: value, font: 'regular' }], 110);
    if (view.date) fact(labels.date, view.date.value);
    const timeAndPlace = [view.time?.value, view.place?.value].filter(Boolean).join(', ');
    if (timeAndPlace) fact(labels.timeAndPlace, timeAndPlace);
    this.gap(4);
    this.rule(1.2);
  }

  /** "OJUSTERAT" framed and tilted in the top right corner of the first page. */
  private stamp(root: StructureElement): void {
    const { doc, labels, structure } = this;
    const text = labels.notAdjusted;
    doc.font('bold').fontSize(12);
    const width = doc.widthOfString(text, { characterSpacing: 2 }) + 16;
    const x = PAGE.width - MARGIN.right - width;
    const y = MARGIN.top;
    doc.save();
    doc.rotate(-4, { origin: [x + width / 2, y + 11] });
    structure.artifact(() => {
      doc.lineWidth(1.5).strokeColor(COLOUR.mark).rect(x, y, width, 22).stroke();
    });
    structure.leaf(root, 'P', () => {
      doc
        .font('bold')
        .fontSize(12)
        .fillColor(COLOUR.mark)
        .text(text, x + 8, y + 5, { characterSpacing: 2, lineBreak: false });
    });
    doc.restore();
    doc.fillColor(COLOUR.text);
  }

  private attendance(root: StructureElement, section: MinutesView['attendance'][number]): void {
    const { doc, labels, structure, writer } = this;
    this.ensureSpace(40);
    this.gap(10);
    structure.group(root, 'Sect', (sect) => {
      this.heading(sect, section.kind === 'present' ? labels.present : labels.absent);
      const columns = [0, 175, 355];
      structure.group(sect, 'Table', (table) => {
        for (const entry of section.entries) {
          const cells: { text: string; x: number; width: number; font: PdfFontName }[] = [];
          if (entry.name === undefined) {
            cells.push({
              text: entry.organisation ?? '',
              x: 0,
              width: columns[2] - 8,
              font: 'regular',
            });
          } else {
            cells.push({ text: entry.name, x: 0, width: columns[1] - 8, font: 'regular' });
            cells.push({
              text: entry.organisation ?? '',
              x: columns[1],
              width: columns[2] - columns[1] - 8,
              font: 'regular',
            });
          }
          if (entry.role) {
            cells.push({
              text: entry.role,
              x: columns[2],
              width: CONTENT_WIDTH - columns[2],
              font: 'italic',
            });
          }
          const height = Math.max(
            ...cells.map((c) => writer.estimateHeight(c.text, c.font, SIZE.body, c.width)),
          );
          this.ensureSpace(Math.min(height, PAGE.height / 3));
          const y = doc.y;
          const page = this.page();
          let bottom = y;
          structure.group(table, 'TR', (row) => {
            for (const c of cells) {
              writer.leaf(row, 'TD', c.text, {
                x: MARGIN.left + c.x,
                y,
                width: c.width,
                font: c.font,
                size: SIZE.body,
                colour: c.font === 'italic' ? COLOUR.muted : COLOUR.text,
              });
              if (this.page() === page) bottom = Math.max(bottom, doc.y);
            }
          });
          if (this.page() === page) doc.y = Math.max(doc.y, bottom) + 1;
        }
      });
    });
  }

  private item(root: StructureElement, item: ItemView): void {
    const { doc, structure, writer } = this;
    this.gap(12);
    const titleWidth = CONTENT_WIDTH - ITEM_INDENT;
    const title = item.title ?? '';
    // Keep the heading with the first lines of its body.
    this.ensureSpace(
      Math.min(
        writer.estimateHeight(title, 'bold', SIZE.heading, titleWidth) + 3 * SIZE.body * 1.4,
        PAGE.height / 3,
      ),
    );
    const y = doc.y;
    doc.outline.addItem(truncate(`${item.label} ${title}`.trim(), 200), {
      // pdfkit's destination: left = page width - left, top = page height - top.
      left: PAGE.width,
      top: Math.max(0, y - 4),
    } as { expanded?: boolean });
    // Municipal minutes put the case number at the right of the heading.
    const caseRight = this.view.front !== undefined && item.caseNumber !== undefined;
    let caseWidth = 0;
    if (caseRight) {
      const fitted = writer.fit(item.caseNumber!, 'regular', SIZE.body, titleWidth / 3);
      caseWidth = Math.min(titleWidth / 3, doc.widthOfString(fitted.split('\n')[0]) + 2);
    }
    structure.group(root, 'Sect', (sect) => {
      const segments: Segment[] = [{ text: title, font: 'bold' }];
      if (item.immediate !== undefined) {
        segments.push({ text: `  ${this.labels.immediate}`, font: 'bold', colour: COLOUR.accent });
      }
      if (item.caseNumber && !caseRight) {
        segments.push({ text: `  ${item.caseNumber}`, font: 'regular', colour: COLOUR.muted });
      }
      const label = () => {
        doc
          .font('bold')
          .fontSize(SIZE.heading)
          .fillColor(COLOUR.text)
          .text(truncate(item.label, 40), MARGIN.left, y, {
            width: ITEM_INDENT - 4,
            lineBreak: false,
            wordSpacing: 1,
          });
      };
      // One H2 holds the § number and the title: it reads "§ 1 Title Dnr 2024/1".
      let afterTitle = y;
      structure.leaf(sect, 'H2', [
        label,
        ...afterwards(
          writer.content(segments, {
            x: MARGIN.left + ITEM_INDENT,
            y,
            width: caseRight ? titleWidth - caseWidth - 10 : titleWidth,
            size: SIZE.heading,
          }),
          () => {
            afterTitle = doc.y;
          },
        ),
        // Read after the title ("§ 1 Title Dnr 2024/1"), drawn at the right of its first line.
        ...(caseRight
          ? writer.content([{ text: item.caseNumber!, font: 'regular', colour: COLOUR.muted }], {
              x: MARGIN.left + CONTENT_WIDTH - caseWidth,
              y: y + 1,
              width: caseWidth,
              size: SIZE.body,
            })
          : []),
      ]);
      doc.y = Math.max(doc.y, afterTitle);
      this.gap(3);
      this.blocks(sect, item.blocks, MARGIN.left + ITEM_INDENT, titleWidth);
    });
  }

  private blocks(
    parent: StructureElement,
    blocks: readonly Block[],
    x: number,
    width: number,
  ): void {
    for (const block of blocks) this.block(parent, block, x, width);
  }

  /** One block of a § body or of the text before the first §. */
  private block(parent: StructureElement, block: Block, x: number, width: number): void {
    const { doc, labels, structure, writer } = this;
    const at = () => ({ x, y: doc.y, width, size: SIZE.body });
    switch (block.kind) {
      case 'paragraph': {
        const segments = block.lines.flatMap((line, i) => [
          ...(i > 0 ? [{ text: ' ', font: 'regular' as const }] : []),
          ...segmentsOf(line.value),
        ]);
        writer.runs(parent, 'P', segments, at());
        this.gap(4);
        return;
      }
      case 'list':
        this.list(parent, block.items, x, width);
        return;
      case 'labelled':
        labelledBlock(this, parent, block, x, width);
        return;
      case 'vote':
        voteBlock(this, parent, block, x, width);
        return;
      case 'secrecy':
        secrecyBlock(this, parent, block, x, width);
        return;
      case 'decision': {
        const segments: Segment[] = [
          { text: `${labels.decision}: `, font: 'bold' },
          ...segmentsOf(block.content),
        ];
        const height = writer.estimateRuns(segments, SIZE.body, width - 12);
        this.ensureSpace(Math.min(height + 8, PAGE.height / 3));
        const top = doc.y + 2;
        const page = this.page();
        writer.runs(parent, 'P', segments, {
          x: x + 12,
          y: top + 3,
          width: width - 12,
          size: SIZE.body,
        });
        // The bar beside the decision (on its last page when it runs over a page).
        const barTop = this.page() === page ? top : MARGIN.top;
        structure.artifact(() => {
          doc.rect(x, barTop, 2.5, doc.y - barTop + 3).fill(COLOUR.accent);
        });
        doc.fillColor(COLOUR.text);
        doc.y += 9;
        return;
      }
      case 'action': {
        const segments: Segment[] = [
          { text: `${labels.action}: `, font: 'bold' },
          ...segmentsOf(block.content),
        ];
        writer.runs(parent, 'P', segments, at());
        const meta = [
          block.owner ? `${labels.owner}: ${block.owner}` : '',
          block.due ? `${labels.due}: ${block.due}` : '',
        ].filter(Boolean);
        if (meta.length > 0) {
          writer.runs(
            parent,
            'P',
            [{ text: meta.join('  ·  '), font: 'italic', colour: COLOUR.muted }],
            {
              ...at(),
              size: SIZE.small,
            },
          );
        }
        this.gap(4);
        return;
      }
      case 'nextMeeting': {
        const value = [block.date, block.place].filter(Boolean).join(', ');
        writer.runs(
          parent,
          'P',
          [
            { text: `${labels.nextMeeting}: `, font: 'bold' },
            { text: value, font: 'regular' },
          ],
          at(),
        );
        this.gap(4);
        return;
      }
    }
  }

  /** A bulleted list: L, LI, Lbl (the bullet), LBody. */
  list(parent: StructureElement, items: readonly ListItemView[], x: number, width: number): void {
    const { doc, structure, writer } = this;
    structure.group(parent, 'L', (list) => {
      for (const item of items) {
        const segments: Segment[] = [];
        if (item.organisation) segments.push({ text: `${item.organisation}: `, font: 'bold' });
        segments.push(...segmentsOf(item.content));
        this.ensureSpace(SIZE.body * 1.4);
        const y = doc.y;
        structure.group(list, 'LI', (li) => {
          structure.leaf(li, 'Lbl', () => {
            doc
              .font('regular')
              .fontSize(SIZE.body)
              .fillColor(COLOUR.text)
              .text('•', x + 2, y, { lineBreak: false });
          });
          writer.runs(li, 'LBody', segments, {
            x: x + 14,
            y,
            width: width - 14,
            size: SIZE.body,
          });
        });
        this.gap(2);
      }
    });
    this.gap(2);
  }

  /**
   * The lines to sign: the recorder's column beside the adjusters'. When they do not fit on one
   * page (some documents list hundreds of adjusters), the columns follow one another instead,
   * each signer moving to a new page when it does not fit: linear in the number of signers.
   */
  private signatures(root: StructureElement): void {
    const { doc, labels, structure, writer } = this;
    const s = this.view.signatures!;
    const perSigner = 58;
    const height = 30 + Math.max(s.recorder.length, s.adjusters.length) * perSigner + 40;
    const pageHeight = PAGE.height - MARGIN.top - MARGIN.bottom;
    const sideBySide = height <= pageHeight;
    this.gap(24);
    this.ensureSpace(Math.min(height, pageHeight));
    const top = doc.y;
    const columnWidth = (CONTENT_WIDTH - 30) / 2;
    let bottom = top;
    structure.group(root, 'Sect', (sect) => {
      const column = (heading: string, signers: readonly SignerView[], x: number, y: number) => {
        structure.group(sect, 'Sect', (group) => {
          writer.leaf(group, 'H2', heading, {
            x,
            y,
            width: columnWidth,
            font: 'bold',
            size: SIZE.small + 0.5,
          });
          y += 14;
          for (const signer of signers) {
            doc.y = y;
            this.ensureSpace(perSigner);
            y = doc.y + 30;
            const lineY = y;
            structure.artifact(() => {
              doc
                .lineWidth(0.7)
                .strokeColor(COLOUR.text)
                .moveTo(x, lineY)
                .lineTo(x + Math.min(columnWidth, 200), lineY)
                .stroke();
            });
            if (signer.name) {
              writer.leaf(group, 'P', signer.name, {
                x,
                y: y + 3,
                width: columnWidth,
                font: 'regular',
                size: SIZE.body,
              });
            } else {
              doc.y = y + 3 + doc.font('regular').fontSize(SIZE.body).currentLineHeight(true);
            }
            writer.leaf(group, 'P', signer.role, {
              x,
              y: doc.y,
              width: columnWidth,
              font: 'italic',
              size: SIZE.small,
              colour: COLOUR.muted,
            });
            y = doc.y;
          }
          bottom = Math.max(bottom, y);
        });
      };
      column(labels.recorder, s.recorder, MARGIN.left, top);
      if (sideBySide) {
        column(labels.adjusts, s.adjusters, MARGIN.left + columnWidth + 30, top);
      } else {
        doc.y = bottom + 16;
        this.ensureSpace(14 + perSigner);
        bottom = doc.y;
        column(labels.adjusts, s.adjusters, MARGIN.left, doc.y);
      }
      doc.fillColor(COLOUR.text);
      doc.y = bottom + 8;
      for (const [label, field] of [
        [labels.adjusted, s.adjusted],
        [labels.posted, s.posted],
      ] as const) {
        if (field) this.labelledRow(sect, label, [{ text: field.value, font: 'regular' }], 110);
      }
    });
  }

  private heading(parent: StructureElement, text: string): void {
    this.writer.leaf(parent, 'H2', text, {
      x: MARGIN.left,
      y: this.doc.y,
      width: CONTENT_WIDTH,
      font: 'bold',
      size: SIZE.heading - 1,
    });
    this.gap(3);
  }

  /** A label in bold with its value beside it: one paragraph ("Datum 2024-03-12"). */
  private labelledRow(
    parent: StructureElement,
    label: string,
    value: Segment[],
    labelWidth: number,
  ): void {
    const { doc, structure, writer } = this;
    const valueWidth = CONTENT_WIDTH - labelWidth;
    this.ensureSpace(Math.min(writer.estimateRuns(value, SIZE.body, valueWidth), PAGE.height / 3));
    const y = doc.y;
    const page = this.page();
    let afterLabel = y;
    structure.leaf(parent, 'P', [
      ...writer.content([{ text: `${label} `, font: 'bold' }], {
        x: MARGIN.left,
        y,
        width: labelWidth - 8,
        size: SIZE.body,
      }),
      () => {
        afterLabel = doc.y;
      },
      ...writer.content(value, {
        x: MARGIN.left + labelWidth,
        y,
        width: valueWidth,
        size: SIZE.body,
      }),
    ]);
    doc.fillColor(COLOUR.text);
    // A value that ran over onto the next page has left the label behind.
    doc.y = (this.page() === page ? Math.max(doc.y, afterLabel) : doc.y) + 2;
  }

  /** The index of the page being written. */
  page(): number {
    return this.doc.bufferedPageRange().count - 1;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensureSpace(height: number): void {
    const { doc } = this;
    if (doc.y + height > PAGE.height - MARGIN.bottom) {
      doc.continueOnNewPage();
      doc.y = MARGIN.top;
    }
  }

  gap(points: number): void {
    this.doc.y += points;
  }

  rule(width: number): void {
    const { doc } = this;
    const y = doc.y;
    this.structure.artifact(() => {
      doc
        .lineWidth(width)
        .strokeColor(COLOUR.text)
        .moveTo(MARGIN.left, y)
        .lineTo(PAGE.width - MARGIN.right, y)
        .stroke();
    });
    this.gap(8);
  }
}

/** `content` with `then` run after its last drawing (without an empty element of its own). */
function afterwards(content: LeafContent[], then: () => void): LeafContent[] {
  const last = content[content.length - 1];
  if (typeof last !== 'function') return [...content, then];
  return [
    ...content.slice(0, -1),
    () => {
      last();
      then();
    },
  ];
}
