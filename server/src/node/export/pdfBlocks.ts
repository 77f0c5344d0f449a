import type { LabelledBlock, SecrecyBlock, VoteBlock } from '../../language/render/view';
import type { PdfLayout } from './pdfLayout';
import type { StructureElement } from './pdfStructure';
import { COLOUR, PAGE, SIZE, segmentsOf, type Segment } from './pdfStyle';

/*
 * The labelled parts of an item in the PDF, tagged like the rest: a `P` whose first words are the
 * label, a list as `L`, the vote as a `Table` with row headers (`TH`), the secrecy mark as a `P`.
 */

/** `Beslutsunderlag:`, `Yrkanden:`, `Reservation:`, …: the label and text, then the bullets. */
export function labelledBlock(
  layout: PdfLayout,
  parent: StructureElement,
  block: LabelledBlock,
  x: number,
  width: number,
): void {
  const { doc, structure, writer } = layout;
  // Reservations, jäv and notes are marked by a double bar in the margin.
  const marked = block.label === 'reservation' || block.label === 'jav' || block.label === 'note';
  const inset = marked ? 10 : 0;
  if (block.label === 'sendTo') layout.gap(4);
  const segments: Segment[] = [
    { text: `${block.heading}: `, font: 'bold' },
    ...segmentsOf(block.content),
  ];
  layout.ensureSpace(
    Math.min(writer.estimateRuns(segments, SIZE.body, width) + 4, PAGE.height / 3),
  );
  const top = doc.y;
  const page = layout.page();
  const size = block.label === 'sendTo' ? SIZE.small + 1 : SIZE.body;
  writer.runs(parent, 'P', segments, { x: x + inset, y: doc.y, width: width - inset, size });
  layout.gap(2);
  if (block.items.length > 0) layout.list(parent, block.items, x + inset, width - inset);
  if (marked && layout.page() === page) {
    const bottom = doc.y;
    structure.artifact(() => {
      doc.lineWidth(0.6).strokeColor(COLOUR.muted);
      doc.moveTo(x, top).lineTo(x, bottom).stroke();
      doc
        .moveTo(x + 2.5, top)
        .lineTo(x + 2.5, bottom)
        .stroke();
    });
  }
  layout.gap(3);
}

/** `Omröstning:` with what Ja and Nej mean, and a table: choice, number, names (roll call). */
export function voteBlock(
  layout: PdfLayout,
  parent: StructureElement,
  block: VoteBlock,
  x: number,
  width: number,
): void {
  const { doc, labels, structure, writer } = layout;
  const segments: Segment[] = [{ text: `${block.heading}: `, font: 'bold' }];
  if (block.meaning) segments.push(...segmentsOf(block.meaning.value));
  layout.ensureSpace(Math.min(SIZE.body * 1.5 * (block.rows.length + 2), PAGE.height / 3));
  writer.runs(parent, 'P', segments, { x, y: doc.y, width, size: SIZE.body });
  layout.gap(3);
  if (block.rows.length === 0) return;
  const columns = block.rollCall ? [0, 70, 120] : [0, 70];
  const columnWidth = (i: number) =>
    i + 1 < columns.length ? columns[i + 1] - columns[i] - 6 : width - columns[i] - 6;
  const size = SIZE.body - 0.5;
  structure.group(parent, 'Table', (table) => {
    const row = (cells: { text: string; type: 'TH' | 'TD'; muted?: boolean }[]) => {
      const heights = cells.map((c, i) =>
        writer.estimateHeight(c.text || ' ', 'regular', size, columnWidth(i)),
      );
      layout.ensureSpace(Math.min(Math.max(...heights) + 4, PAGE.height / 3));
      const y = doc.y + 2;
      const page = layout.page();
      let bottom = y;
      structure.group(table, 'TR', (tr) => {
        cells.forEach((c, i) => {
          writer.leaf(tr, c.type, c.text, {
            x: x + columns[i] + 3,
            y,
            width: columnWidth(i),
            font: c.type === 'TH' && !c.muted ? 'bold' : 'regular',
            size,
            colour: c.muted ? COLOUR.muted : COLOUR.text,
          });
          if (layout.page() === page) bottom = Math.max(bottom, doc.y);
        });
      });
      if (layout.page() !== page) return;
      const rowBottom = bottom + 2;
      structure.artifact(() => {
        doc.lineWidth(0.5).strokeColor(COLOUR.rule);
        doc.rect(x, y - 2, width, rowBottom - y + 2).stroke();
        for (const c of columns.slice(1))
          doc
            .moveTo(x + c, y - 2)
            .lineTo(x + c, rowBottom)
            .stroke();
      });
      doc.y = rowBottom;
    };
    row(
      [labels.voteChoice, labels.voteCount, ...(block.rollCall ? [labels.voteNames] : [])].map(
        (text) => ({ text, type: 'TH' as const, muted: true }),
      ),
    );
    for (const r of block.rows) {
      row([
        { text: r.label, type: 'TH' },
        { text: r.count === undefined ? (r.rest ?? '') : String(r.count), type: 'TD' },
        ...(block.rollCall ? [{ text: r.names.join(', '), type: 'TD' as const }] : []),
      ]);
    }
  });
  layout.gap(6);
}

/** The secrecy mark (ordinary version) or the notice replacing the body (public version). */
export function secrecyBlock(
  layout: PdfLayout,
  parent: StructureElement,
  block: SecrecyBlock,
  x: number,
  width: number,
): void {
  const { doc, labels, structure, view, writer } = layout;
  const segments: Segment[] = view.public
    ? [{ text: labels.secretNotice(block.reference), font: 'italic', colour: COLOUR.mark }]
    : [
        { text: `${labels.secrecyMark}: `, font: 'bold', colour: COLOUR.mark },
        { text: block.reference, font: 'regular', colour: COLOUR.mark },
      ];
  layout.ensureSpace(writer.estimateRuns(segments, SIZE.body, width - 12) + 10);
  const top = doc.y + 2;
  const page = layout.page();
  writer.runs(parent, 'P', segments, { x: x + 6, y: top + 4, width: width - 12, size: SIZE.body });
  const bottom = doc.y + 3;
  if (layout.page() === page) {
    structure.artifact(() => {
      doc.lineWidth(0.8).strokeColor(COLOUR.mark);
      if (!view.public) doc.dash(3, { space: 2 });
      doc.rect(x, top, width, bottom - top).stroke();
      doc.undash();
    });
  }
  doc.fillColor(COLOUR.text);
  doc.y = bottom + 6;
}
