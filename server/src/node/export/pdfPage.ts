import type { MinutesView } from '../../language/render/view';
import type { PdfStructure } from './pdfStructure';
import { truncate } from './pdfText';
import { CONTENT_WIDTH, COLOUR, MARGIN, MM, PAGE, SIZE } from './pdfStyle';

/**
 * Boxes for initials in the footer: one per adjuster, as many as fit left of "Sida N av M" (the
 * footer of every page once drew a box for each of thousands of adjusters).
 */
const MAX_BOXES = 10;

/**
 * Running header (title, date, OJUSTERAT) and footer (initials box, "Sida N av M") on every
 * page, drawn after the layout (the pages are buffered) and marked as pagination artifacts: a
 * screen reader reads them once in the content, not on every page.
 */
export function drawPageFurniture(
  doc: PDFKit.PDFDocument,
  view: MinutesView,
  structure: PdfStructure,
): void {
  const { labels } = view;
  const range = doc.bufferedPageRange();
  // The header has room for one line: the title is cut long before pdfkit measures it.
  // Municipal minutes: the body in the header, and "Sida 1 (9)" at its right.
  const municipal = view.front !== undefined;
  const title = truncate(
    (municipal ? view.front?.body?.value : undefined) ?? view.title?.value ?? labels.documentKind,
    200,
  );
  const date = truncate(view.date?.value ?? '', 40);
  const boxes = Math.min(MAX_BOXES, Math.max(2, view.signatures?.adjusters.length ?? 2));
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing into the margins must not make pdfkit start a new page.
    const margins = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    structure.artifact(() => {
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
      const page = i - range.start + 1;
      const right = municipal
        ? `${date}    ${labels.pageLabel} ${labels.municipalPage(page, range.count)}`
        : date;
      doc.font('regular').text(right, MARGIN.left, headerY, {
        width: CONTENT_WIDTH,
        align: 'right',
        lineBreak: false,
      });
      if (!view.adjusted) {
        doc.font('bold').fillColor(COLOUR.mark);
        doc.text(labels.notAdjusted, MARGIN.left, headerY, {
          width: municipal ? CONTENT_WIDTH * 0.68 : CONTENT_WIDTH * 0.8,
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
      if (!municipal) {
        doc.text(labels.page(page, range.count), MARGIN.left, footerY + 30, {
          width: CONTENT_WIDTH,
          align: 'right',
          lineBreak: false,
        });
      }
    }, 'Pagination');
    doc.page.margins = margins;
  }
}
