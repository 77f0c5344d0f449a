import * as path from 'node:path';
// `require`, not `import`: bundled, an import would pick pdfkit's ES module build, whose
// `import.meta.url` does not survive esbuild's CommonJS output.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import PDFDocument = require('pdfkit');
import { PDF_FONT_FILES } from './fonts';
import { neutralise } from '../../language/render/escape';
import type { Inline } from '../../language/render/inline';
import type { Block, MinutesView, SignerView } from '../../language/render/view';

/** The TrueType files the PDF embeds (DejaVu Serif: carries å, ä, ö and most of Latin). */

export interface PdfOptions {
  /** Folder with the `PDF_FONT_FILES` (the extension's `media/fonts`). */
  readonly fontDirectory: string;
  /** The PDF's creation date; now by default. */
  readonly creationDate?: Date;
}

type FontName = keyof typeof PDF_FONT_FILES;

const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 30 * MM, bottom: 36 * MM, left: 22 * MM, right: 18 * MM };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const ITEM_INDENT = 42;
const COLOUR = {
  text: '#000000',
  muted: '#4a4a4a',
  rule: '#9a9a9a',
  accent: '#1f4e79',
  mark: '#b00020',
};
const SIZE = { body: 10.5, small: 8.5, heading: 11.5, title: 20 };

/**
 * Lays out the minutes on A4 pages: the same content as the HTML (one view model), with the title
 * and date in the running header, "Sida N av M" and the box for the adjusters' initials
 * ("Justerandes signatur") in every footer, and the fonts embedded.
 */
export function renderPdf(view: MinutesView, options: PdfOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let doc: PDFKit.PDFDocument;
    try {
      doc = new PDFDocument({
        size: 'A4',
        margins: MARGIN,
        bufferPages: true,
        autoFirstPage: true,
        font: path.join(options.fontDirectory, PDF_FONT_FILES.regular),
        lang: view.locale === 'en' ? 'en' : 'sv-SE',
        displayTitle: true,
        info: {
          Title: documentTitle(view),
          Subject: view.labels.documentKind,
          Creator: 'Protokoll',
          CreationDate: options.creationDate ?? new Date(),
        },
      });
    } catch (e) {
      reject(e);
      return;
    }
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      for (const [name, file] of Object.entries(PDF_FONT_FILES)) {
        doc.registerFont(name, path.join(options.fontDirectory, file));
      }
      new PdfLayout(doc, view).write();
      doc.end();
    } catch (e) {
      reject(e);
    }
  });
}

function documentTitle(view: MinutesView): string {
  return neutralise(
    [view.title?.value, view.date?.value].filter(Boolean).join(' ') || view.labels.documentKind,
  );
}

/** A run of text in one font. */
interface Segment {
  readonly text: string;
  readonly font: FontName;
  readonly link?: string;
  readonly colour?: string;
}

class PdfLayout {
  private readonly labels;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly view: MinutesView,
  ) {
    this.labels = view.labels;
  }

  write(): void {
    this.titleBlock();
    for (const section of this.view.attendance) this.attendance(section);
    if (this.view.preamble.length > 0) {
      this.gap(8);
      this.blocks(this.view.preamble, MARGIN.left, CONTENT_WIDTH);
    }
    for (const item of this.view.items) this.item(item);
    if (this.view.signatures) this.signatures();
    if (this.view.certificate) this.certificate();
    this.pageFurniture();
  }

  private titleBlock(): void {
    const { doc, labels, view } = this;
    if (!view.adjusted) this.stamp();
    doc.font('regular').fontSize(SIZE.small).fillColor(COLOUR.muted);
    doc.text(labels.documentKind.toUpperCase(), MARGIN.left, MARGIN.top);
    doc.font('bold').fontSize(SIZE.title).fillColor(COLOUR.text);
    doc.text(neutralise(view.title?.value ?? ''), MARGIN.left, doc.y + 2, {
      width: CONTENT_WIDTH - 110,
    });
    this.gap(6);
    const fact = (label: string, value: string) =>
      this.labelledRow(label, [{ text: value, font: 'regular' }], 110);
    if (view.date) fact(labels.date, view.date.value);
    const timeAndPlace = [view.time?.value, view.place?.value].filter(Boolean).join(', ');
    if (timeAndPlace) fact(labels.timeAndPlace, timeAndPlace);
    this.gap(4);
    this.rule(1.2);
  }

  private stamp(): void {
    const { doc, labels } = this;
    const text = labels.notAdjusted;
    doc.font('bold').fontSize(12);
    const width = doc.widthOfString(text, { characterSpacing: 2 }) + 16;
    const x = PAGE.width - MARGIN.right - width;
    const y = MARGIN.top;
    doc.save();
    doc.rotate(-4, { origin: [x + width / 2, y + 11] });
    doc.lineWidth(1.5).strokeColor(COLOUR.mark).rect(x, y, width, 22).stroke();
    doc.fillColor(COLOUR.mark).text(text, x + 8, y + 5, { characterSpacing: 2, lineBreak: false });
    doc.restore();
    doc.fillColor(COLOUR.text);
  }

  private attendance(section: MinutesView['attendance'][number]): void {
    const { doc, labels } = this;
    this.ensureSpace(40);
    this.gap(10);
    this.sectionHeading(section.kind === 'present' ? labels.present : labels.absent);
    const columns = [0, 175, 355];
    for (const entry of section.entries) {
      const cells: { text: string; x: number; width: number; font: FontName; colour: string }[] =
        [];
      if (entry.name === undefined) {
        cells.push({
          text: entry.organisation ?? '',
          x: columns[0],
          width: columns[2] - 8,
          font: 'regular',
          colour: COLOUR.text,
        });
      } else {
        cells.push({
          text: entry.name,
          x: columns[0],
          width: columns[1] - 8,
          font: 'regular',
          colour: COLOUR.text,
        });
        cells.push({
          text: entry.organisation ?? '',
          x: columns[1],
          width: columns[2] - columns[1] - 8,
          font: 'regular',
          colour: COLOUR.text,
        });
      }
      if (entry.role) {
        cells.push({
          text: entry.role,
          x: columns[2],
          width: CONTENT_WIDTH - columns[2],
          font: 'italic',
          colour: COLOUR.muted,
        });
      }
      doc.fontSize(SIZE.body);
      const height = Math.max(
        ...cells.map((c) =>
          doc.font(c.font).heightOfString(neutralise(c.text) || ' ', { width: c.width }),
        ),
      );
      this.ensureSpace(height);
      const y = doc.y;
      for (const c of cells) {
        doc
          .font(c.font)
          .fillColor(c.colour)
          .text(neutralise(c.text), MARGIN.left + c.x, y, { width: c.width });
      }
      doc.fillColor(COLOUR.text);
      doc.y = y + height + 1;
    }
  }

  private item(item: MinutesView['items'][number]): void {
    const { doc } = this;
    this.gap(12);
    doc.fontSize(SIZE.heading).font('bold');
    const titleWidth = CONTENT_WIDTH - ITEM_INDENT;
    const title = neutralise(item.title ?? '');
    // Keep the heading with the first lines of its body.
    this.ensureSpace(doc.heightOfString(title || ' ', { width: titleWidth }) + 3 * SIZE.body * 1.4);
    const y = doc.y;
    // The extra word spacing keeps "§ 1" two words for text extraction (poppler joins "§1").
    doc.fillColor(COLOUR.text).text(neutralise(item.label), MARGIN.left, y, {
      width: ITEM_INDENT - 4,
      lineBreak: false,
      wordSpacing: 1,
    });
    const segments: Segment[] = [{ text: title, font: 'bold' }];
    if (item.caseNumber)
      segments.push({ text: `  ${item.caseNumber}`, font: 'regular', colour: COLOUR.muted });
    this.richText(segments, MARGIN.left + ITEM_INDENT, y, titleWidth, SIZE.heading);
    this.gap(3);
    this.blocks(item.blocks, MARGIN.left + ITEM_INDENT, titleWidth);
  }

  private blocks(blocks: readonly Block[], x: number, width: number): void {
    const { doc, labels } = this;
    for (const block of blocks) {
      switch (block.kind) {
        case 'paragraph': {
          const segments = block.lines.flatMap((line, i) => [
            ...(i > 0 ? [{ text: ' ', font: 'regular' as const }] : []),
            ...segmentsOf(line.value),
          ]);
          this.richText(segments, x, doc.y, width, SIZE.body);
          this.gap(4);
          break;
        }
        case 'list':
          for (const item of block.items) {
            const segments: Segment[] = [];
            if (item.organisation) segments.push({ text: `${item.organisation}: `, font: 'bold' });
            segments.push(...segmentsOf(item.content));
            this.ensureSpace(SIZE.body * 1.4);
            const y = doc.y;
            doc
              .font('regular')
              .fontSize(SIZE.body)
              .fillColor(COLOUR.text)
              .text('•', x + 2, y, { lineBreak: false });
            this.richText(segments, x + 14, y, width - 14, SIZE.body);
            this.gap(2);
          }
          this.gap(2);
          break;
        case 'decision': {
          const segments: Segment[] = [
            { text: `${labels.decision}: `, font: 'bold' },
            ...segmentsOf(block.content),
          ];
          const height = this.measure(segments, width - 12, SIZE.body);
          this.ensureSpace(height + 8);
          const top = doc.y + 2;
          this.richText(segments, x + 12, top + 3, width - 12, SIZE.body);
          doc.rect(x, top, 2.5, doc.y - top + 3).fill(COLOUR.accent);
          doc.fillColor(COLOUR.text);
          doc.y += 9;
          break;
        }
        case 'action': {
          const segments: Segment[] = [
            { text: `${labels.action}: `, font: 'bold' },
            ...segmentsOf(block.content),
          ];
          this.richText(segments, x, doc.y, width, SIZE.body);
          const meta = [
            block.owner ? `${labels.owner}: ${block.owner}` : '',
            block.due ? `${labels.due}: ${block.due}` : '',
          ].filter(Boolean);
          if (meta.length > 0) {
            this.richText(
              [{ text: meta.join('  ·  '), font: 'italic', colour: COLOUR.muted }],
              x,
              doc.y,
              width,
              SIZE.small,
            );
          }
          this.gap(4);
          break;
        }
        case 'nextMeeting': {
          const value = [block.date, block.place].filter(Boolean).join(', ');
          this.richText(
            [
              { text: `${labels.nextMeeting}: `, font: 'bold' },
              { text: value, font: 'regular' },
            ],
            x,
            doc.y,
            width,
            SIZE.body,
          );
          this.gap(4);
          break;
        }
      }
    }
  }

  private signatures(): void {
    const { doc, labels } = this;
    const s = this.view.signatures!;
    const perSigner = 58;
    const height = 30 + Math.max(s.recorder.length, s.adjusters.length) * perSigner + 40;
    this.gap(24);
    this.ensureSpace(height);
    const top = doc.y;
    const columnWidth = (CONTENT_WIDTH - 30) / 2;
    const column = (heading: string, signers: readonly SignerView[], x: number) => {
      doc
        .font('bold')
        .fontSize(SIZE.small + 0.5)
        .fillColor(COLOUR.text);
      doc.text(heading, x, top, { width: columnWidth });
      let y = top + 14;
      for (const signer of signers) {
        y += 30;
        doc
          .lineWidth(0.7)
          .strokeColor(COLOUR.text)
          .moveTo(x, y)
          .lineTo(x + Math.min(columnWidth, 200), y)
          .stroke();
        doc.font('regular').fontSize(SIZE.body).fillColor(COLOUR.text);
        doc.text(neutralise(signer.name) || ' ', x, y + 3, { width: columnWidth });
        doc.font('italic').fontSize(SIZE.small).fillColor(COLOUR.muted);
        doc.text(signer.role, x, doc.y, { width: columnWidth });
        y = doc.y;
      }
      return y;
    };
    const bottom = Math.max(
      column(labels.recorder, s.recorder, MARGIN.left),
      column(labels.adjusts, s.adjusters, MARGIN.left + columnWidth + 30),
    );
    doc.fillColor(COLOUR.text);
    doc.y = bottom + 8;
    for (const [label, field] of [
      [labels.adjusted, s.adjusted],
      [labels.posted, s.posted],
    ] as const) {
      if (field) this.labelledRow(label, [{ text: field.value, font: 'regular' }], 110);
    }
  }

  private certificate(): void {
    const { doc, labels } = this;
    const c = this.view.certificate!;
    const rows: [string, string | undefined][] = [
      [labels.body, c.body],
      [labels.meetingDate, c.meetingDate],
      [labels.datePosted, c.datePosted],
      [labels.dateTakenDown, c.dateTakenDown],
      [labels.lastDayOfAppeal, c.lastDayOfAppeal],
    ];
    const labelWidth = 170;
    const padding = 10;
    const inner = CONTENT_WIDTH - 2 * padding;
    doc.fontSize(SIZE.body).font('regular');
    const statementHeight = doc.heightOfString(labels.certificateStatement, { width: inner });
    const height = 22 + statementHeight + rows.length * 16 + 60;
    this.gap(20);
    this.ensureSpace(height);
    const top = doc.y;
    const x = MARGIN.left + padding;
    doc.font('bold').fontSize(SIZE.heading).fillColor(COLOUR.text);
    doc.text(labels.certificate, x, top + padding, { width: inner });
    this.gap(2);
    doc
      .font('regular')
      .fontSize(SIZE.body)
      .text(labels.certificateStatement, x, doc.y, { width: inner });
    this.gap(4);
    for (const [label, value] of rows) {
      const y = doc.y;
      doc
        .font('regular')
        .fontSize(SIZE.body)
        .fillColor(COLOUR.muted)
        .text(label, x, y, { width: labelWidth - 8 });
      const afterLabel = doc.y;
      if (value) {
        doc
          .fillColor(COLOUR.text)
          .text(neutralise(value), x + labelWidth, y, { width: inner - labelWidth });
      } else {
        doc
          .lineWidth(0.5)
          .strokeColor(COLOUR.text)
          .moveTo(x + labelWidth, y + 11)
          .lineTo(x + labelWidth + 120, y + 11)
          .stroke();
      }
      doc.y = Math.max(afterLabel, doc.y) + 2;
    }
    const lineY = doc.y + 30;
    doc
      .lineWidth(0.7)
      .strokeColor(COLOUR.text)
      .moveTo(x, lineY)
      .lineTo(x + 200, lineY)
      .stroke();
    doc
      .font('italic')
      .fontSize(SIZE.small)
      .fillColor(COLOUR.muted)
      .text(labels.certifiedBy, x, lineY + 3);
    const bottom = doc.y + padding;
    doc
      .lineWidth(1)
      .strokeColor(COLOUR.text)
      .rect(MARGIN.left, top, CONTENT_WIDTH, bottom - top)
      .stroke();
    doc.fillColor(COLOUR.text);
    doc.y = bottom + 4;
  }

  /** Running header (title, date, OJUSTERAT) and footer (initials box, page number) on every page. */
  private pageFurniture(): void {
    const { doc, labels, view } = this;
    const range = doc.bufferedPageRange();
    const title = neutralise(view.title?.value ?? labels.documentKind);
    const date = neutralise(view.date?.value ?? '');
    const boxes = Math.max(2, view.signatures?.adjusters.length ?? 2);
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing into the margins must not make pdfkit start a new page.
      const margins = doc.page.margins;
      doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
      const headerY = 14 * MM;
      doc
        .font('bold')
        .fontSize(SIZE.small + 0.5)
        .fillColor(COLOUR.text);
      doc.text(title, MARGIN.left, headerY, {
        width: CONTENT_WIDTH * 0.6,
        lineBreak: false,
        ellipsis: true,
        height: 12,
      });
      doc.font('regular').text(date, MARGIN.left, headerY, {
        width: CONTENT_WIDTH,
        align: 'right',
        lineBreak: false,
      });
      if (!view.adjusted) {
        doc.font('bold').fillColor(COLOUR.mark);
        doc.text(labels.notAdjusted, MARGIN.left, headerY, {
          width: CONTENT_WIDTH * 0.8,
          align: 'right',
          lineBreak: false,
        });
        doc.fillColor(COLOUR.text);
      }
      doc.lineWidth(0.5).strokeColor(COLOUR.rule);
      doc
        .moveTo(MARGIN.left, headerY + 14)
        .lineTo(PAGE.width - MARGIN.right, headerY + 14)
        .stroke();

      const footerY = PAGE.height - MARGIN.bottom + 14;
      const cell = 34;
      doc.font('regular').fontSize(SIZE.small).fillColor(COLOUR.muted);
      doc.text(labels.adjustersInitials, MARGIN.left, footerY, { lineBreak: false });
      doc.lineWidth(0.7).strokeColor(COLOUR.text);
      for (let b = 0; b < boxes; b++)
        doc.rect(MARGIN.left + b * cell, footerY + 12, cell, 26).stroke();
      doc.fillColor(COLOUR.text).fontSize(SIZE.small + 0.5);
      doc.text(labels.page(i - range.start + 1, range.count), MARGIN.left, footerY + 30, {
        width: CONTENT_WIDTH,
        align: 'right',
        lineBreak: false,
      });
      doc.page.margins = margins;
    }
  }

  private sectionHeading(text: string): void {
    const { doc } = this;
    doc
      .font('bold')
      .fontSize(SIZE.heading - 1)
      .fillColor(COLOUR.text);
    doc.text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    this.gap(3);
  }

  private labelledRow(label: string, value: Segment[], labelWidth: number): void {
    const { doc } = this;
    doc.fontSize(SIZE.body);
    const height = Math.max(
      doc.font('bold').heightOfString(label, { width: labelWidth - 8 }),
      this.measure(value, CONTENT_WIDTH - labelWidth, SIZE.body),
    );
    this.ensureSpace(height);
    const y = doc.y;
    doc
      .font('bold')
      .fillColor(COLOUR.text)
      .text(label, MARGIN.left, y, { width: labelWidth - 8 });
    this.richText(value, MARGIN.left + labelWidth, y, CONTENT_WIDTH - labelWidth, SIZE.body);
    doc.y = Math.max(doc.y, y + height) + 2;
  }

  /** Writes runs in their fonts as one wrapped paragraph starting at (x, y). */
  private richText(
    segments: readonly Segment[],
    x: number,
    y: number,
    width: number,
    size: number,
  ): void {
    const { doc } = this;
    const parts = segments
      .filter((s) => s.text !== '')
      .map((s) => ({ ...s, text: neutralise(s.text) }));
    doc.fontSize(size);
    if (parts.length === 0) {
      doc.y = y;
      return;
    }
    parts.forEach((part, i) => {
      doc.font(part.font).fillColor(part.link ? COLOUR.accent : (part.colour ?? COLOUR.text));
      const options: PDFKit.Mixins.TextOptions = {
        width,
        continued: i < parts.length - 1,
        link: part.link ?? null,
        underline: part.link !== undefined,
        lineGap: 1.5,
      };
      if (i === 0) doc.text(part.text, x, y, options);
      else doc.text(part.text, options);
    });
    doc.fillColor(COLOUR.text);
  }

  private measure(segments: readonly Segment[], width: number, size: number): number {
    const { doc } = this;
    doc.fontSize(size).font('bold');
    return doc.heightOfString(neutralise(segments.map((s) => s.text).join('')) || ' ', {
      width,
      lineGap: 1.5,
    });
  }

  private ensureSpace(height: number): void {
    const { doc } = this;
    if (doc.y + height > PAGE.height - MARGIN.bottom) {
      doc.addPage();
      doc.y = MARGIN.top;
    }
  }

  private gap(points: number): void {
    this.doc.y += points;
  }

  private rule(width: number): void {
    const { doc } = this;
    doc
      .lineWidth(width)
      .strokeColor(COLOUR.text)
      .moveTo(MARGIN.left, doc.y)
      .lineTo(PAGE.width - MARGIN.right, doc.y)
      .stroke();
    this.gap(8);
  }
}

/** Inline runs as font segments: emphasis picks the face, links keep their URL. */
function segmentsOf(runs: readonly Inline[], bold = false, italic = false): Segment[] {
  const font = (): FontName =>
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
