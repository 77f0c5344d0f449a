import type { PdfLayout } from './pdfLayout';
import type { StructureElement } from './pdfStructure';
import { COLOUR, CONTENT_WIDTH, MARGIN, SIZE } from './pdfStyle';

/**
 * The Anslag/Bevis box: a `Sect` with its `H2`, the statement, a two-column `Table` (Organ,
 * Sammanträdesdatum, the posting dates, the last day of appeal and, for a municipal body,
 * Förvaringsplats), and a line to sign; the frame and lines are artifacts.
 */
export function certificateBox(layout: PdfLayout, root: StructureElement): void {
  const { doc, labels, structure, writer } = layout;
  const c = layout.view.certificate!;
  const rows: [string, string | undefined][] = [
    [labels.body, c.body],
    [labels.meetingDate, c.meetingDate],
    [labels.datePosted, c.datePosted],
    [labels.dateTakenDown, c.dateTakenDown],
    [labels.lastDayOfAppeal, c.lastDayOfAppeal],
  ];
  if (c.municipal) rows.push([labels.archive, c.archive]);
  const labelWidth = 170;
  const padding = 10;
  const inner = CONTENT_WIDTH - 2 * padding;
  const statementHeight = writer.estimateHeight(
    labels.certificateStatement,
    'regular',
    SIZE.body,
    inner,
  );
  const height = 22 + statementHeight + rows.length * 16 + 60;
  layout.gap(c.municipal ? 12 : 20);
  layout.ensureSpace(height);
  const top = doc.y;
  const x = MARGIN.left + padding;
  structure.group(root, 'Sect', (sect) => {
    writer.leaf(sect, 'H2', labels.certificate, {
      x,
      y: top + padding,
      width: inner,
      font: 'bold',
      size: SIZE.heading,
    });
    layout.gap(2);
    writer.leaf(sect, 'P', labels.certificateStatement, {
      x,
      y: doc.y,
      width: inner,
      font: 'regular',
      size: SIZE.body,
    });
    layout.gap(4);
    structure.group(sect, 'Table', (table) => {
      for (const [label, value] of rows) {
        const y = doc.y;
        let afterLabel = y;
        structure.group(table, 'TR', (row) => {
          writer.leaf(row, 'TD', label, {
            x,
            y,
            width: labelWidth - 8,
            font: 'regular',
            size: SIZE.body,
            colour: COLOUR.muted,
          });
          afterLabel = doc.y;
          if (value) {
            writer.leaf(row, 'TD', value, {
              x: x + labelWidth,
              y,
              width: inner - labelWidth,
              font: 'regular',
              size: SIZE.body,
            });
          } else {
            // A blank to fill in by hand.
            structure.artifact(() => {
              doc
                .lineWidth(0.5)
                .strokeColor(COLOUR.text)
                .moveTo(x + labelWidth, y + 11)
                .lineTo(x + labelWidth + 120, y + 11)
                .stroke();
            });
          }
        });
        doc.y = Math.max(afterLabel, doc.y) + 2;
      }
    });
    const lineY = doc.y + 30;
    structure.artifact(() => {
      doc
        .lineWidth(0.7)
        .strokeColor(COLOUR.text)
        .moveTo(x, lineY)
        .lineTo(x + 200, lineY)
        .stroke();
    });
    writer.leaf(sect, 'P', labels.certifiedBy, {
      x,
      y: lineY + 3,
      width: inner,
      font: 'italic',
      size: SIZE.small,
      colour: COLOUR.muted,
    });
  });
  const bottom = doc.y + padding;
  structure.artifact(() => {
    doc
      .lineWidth(1)
      .strokeColor(COLOUR.text)
      .rect(MARGIN.left, top, CONTENT_WIDTH, bottom - top)
      .stroke();
  });
  doc.fillColor(COLOUR.text);
  doc.y = bottom + 4;
}
