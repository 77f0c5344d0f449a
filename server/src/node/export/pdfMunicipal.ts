import type { FrontPageView, SignerView } from '../../language/render/view';
import { MAX_PEOPLE_IN_ONE_COLUMN } from '../../language/render/municipal';
import { packColumns } from './pdfColumns';
import type { PdfLayout } from './pdfLayout';
import type { LeafContent, StructureElement } from './pdfStructure';
import { COLOUR, CONTENT_WIDTH, MARGIN, PAGE, SIZE } from './pdfStyle';

const LABEL_WIDTH = 118;
const VALUE_X = MARGIN.left + LABEL_WIDTH + 8;
const VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH - 8;
const FACT_SIZE = SIZE.body - 0.5;

/**
 * The first page of a municipal body's minutes (`kind: kommunal`), tagged: `P` (kind of
 * document), `H1` (the body), `P` (meeting date), then a `Table` of the facts, one `TR` per
 * fact with a row header (`TH`) and its value (`TD`): Plats och tid, Beslutande, …, Utses att
 * justera, Justeringens plats och tid with Paragrafer, Underskrifter. Rules and the lines to sign
 * on are artifacts. The Anslag/Bevis box follows (drawn by the layout).
 */
export function frontPage(layout: PdfLayout, root: StructureElement, front: FrontPageView): void {
  const { doc, labels, view, writer, structure } = layout;
  // Room for the OJUSTERAT stamp in the top right corner.
  const dateRight = CONTENT_WIDTH - (view.adjusted ? 0 : 130);
  writer.leaf(root, 'P', labels.municipalDocumentKind.toUpperCase(), {
    x: MARGIN.left,
    y: MARGIN.top,
    width: dateRight - 130,
    font: 'regular',
    size: SIZE.small,
    colour: COLOUR.muted,
  });
  writer.leaf(root, 'H1', front.body?.value ?? '', {
    x: MARGIN.left,
    y: doc.y + 2,
    width: dateRight - 130,
    font: 'bold',
    size: SIZE.title - 3,
  });
  if (front.subtitle) {
    writer.leaf(root, 'P', front.subtitle.value, {
      x: MARGIN.left,
      y: doc.y + 1,
      width: dateRight - 130,
      font: 'regular',
      size: SIZE.body,
    });
  }
  const afterTitle = doc.y;
  structure.leaf(root, 'P', [
    ...writer.content([{ text: `${labels.meetingDate} `, font: 'regular', colour: COLOUR.muted }], {
      x: MARGIN.left + dateRight - 120,
      y: MARGIN.top,
      width: 120,
      size: SIZE.small,
    }),
    ...writer.content([{ text: view.date?.value ?? ' ', font: 'bold' }], {
      x: MARGIN.left + dateRight - 120,
      y: MARGIN.top + 12,
      width: 120,
      size: SIZE.body + 1,
    }),
  ]);
  doc.y = Math.max(afterTitle, MARGIN.top + 30);
  if (view.public) {
    writer.leaf(root, 'P', labels.publicVersion, {
      x: MARGIN.left,
      y: doc.y + 2,
      width: CONTENT_WIDTH,
      font: 'italic',
      size: SIZE.small,
      colour: COLOUR.muted,
    });
  }
  layout.gap(4);
  layout.rule(1.2);

  structure.group(root, 'Table', (table) => {
    const row = (heading: string, value: (y: number) => LeafContent[], height: number) => {
      layout.ensureSpace(Math.min(height + 6, PAGE.height / 3));
      const y = doc.y;
      const page = layout.page();
      let bottom = y;
      structure.group(table, 'TR', (tr) => {
        writer.leaf(tr, 'TH', heading, {
          x: MARGIN.left,
          y,
          width: LABEL_WIDTH,
          font: 'bold',
          size: FACT_SIZE,
        });
        bottom = doc.y;
        structure.leaf(tr, 'TD', value(y));
        bottom = Math.max(bottom, doc.y, y + height);
      });
      if (layout.page() !== page) return;
      doc.y = bottom + 3;
      const ruleY = doc.y;
      structure.artifact(() => {
        doc
          .lineWidth(0.4)
          .strokeColor(COLOUR.rule)
          .moveTo(MARGIN.left, ruleY)
          .lineTo(PAGE.width - MARGIN.right, ruleY)
          .stroke();
      });
      doc.y = ruleY + 4;
    };
    const text = (value: string, y: number, x = VALUE_X, width = VALUE_WIDTH) =>
      writer.content([{ text: value, font: 'regular' }], { x, y, width, size: FACT_SIZE });
    const lineHeight = FACT_SIZE * 1.35;

    /**
     * A list of people: two columns past MAX_PEOPLE_IN_ONE_COLUMN names; a list longer than the rest of the
     * page (a large council's Beslutande) goes on in parts, each on its own page under the
     * heading with "(forts.)", so a column never runs over the page's foot.
     */
    const attendanceRow = (heading: string, lines: readonly string[]) => {
      const twoColumns = lines.length > MAX_PEOPLE_IN_ONE_COLUMN;
      const width = twoColumns ? VALUE_WIDTH / 2 - 6 : VALUE_WIDTH;
      const heights = lines.map((l) => writer.estimateHeight(l, 'regular', FACT_SIZE, width));
      const total = heights.reduce((a, b) => a + b, 0);
      // The row's rule and gaps below the content.
      const room = () => PAGE.height - MARGIN.bottom - doc.y - 12;
      if (lines.length === 0) return row(heading, (y) => text(' ', y), lineHeight);
      layout.ensureSpace(Math.min(twoColumns ? total / 2 : total, PAGE.height / 4) + 12);
      let from = 0;
      while (from < lines.length) {
        const [first, second] = packColumns(heights.slice(from), room(), twoColumns);
        const left = lines.slice(from, from + first);
        const right = lines.slice(from + first, from + first + second);
        const height = Math.max(
          ...[
            heights.slice(from, from + first),
            heights.slice(from + first, from + first + second),
          ].map((column) => column.reduce((a, b) => a + b, 0)),
        );
        row(
          from === 0 ? heading : labels.continued(heading),
          (y) => [
            ...text(left.join('\n'), y, VALUE_X, width),
            ...(right.length > 0
              ? text(right.join('\n'), y, VALUE_X + VALUE_WIDTH / 2, width)
              : []),
          ],
          height,
        );
        from += first + second;
        if (from < lines.length) {
          doc.continueOnNewPage();
          doc.y = MARGIN.top;
        }
      }
    };

    if (front.placeAndTime) {
      row(labels.placeAndTime, (y) => text(front.placeAndTime!.value, y), lineHeight);
    }
    for (const r of front.rows) {
      const lines = r.entries.map((e) => {
        const party = e.party ? ` (${e.party})` : '';
        return `${e.name}${party}${e.details.length > 0 ? `, ${e.details.join(', ')}` : ''}`;
      });
      attendanceRow(r.heading, lines);
    }
    row(
      labels.appointedAdjusters,
      (y) => text(front.appointedAdjusters?.value ?? ' ', y),
      lineHeight,
    );
    const paragraphs = `${labels.paragraphs} ${front.paragraphs?.value ?? '……'}`;
    row(
      labels.adjustmentPlace,
      (y) => [
        ...text(front.adjustmentPlace?.value ?? ' ', y, VALUE_X, VALUE_WIDTH - 110),
        ...writer.content([{ text: paragraphs, font: 'bold' }], {
          x: VALUE_X + VALUE_WIDTH - 105,
          y,
          width: 105,
          size: FACT_SIZE,
        }),
      ],
      lineHeight * 2,
    );
    if (view.signatures) {
      const s = view.signatures;
      const signers = [...s.recorder, ...s.adjusters];
      const step = 24;
      const dated = [
        s.adjusted && `${labels.adjusted}: ${s.adjusted.value}`,
        s.posted && `${labels.posted}: ${s.posted.value}`,
      ].filter((d): d is string => Boolean(d));
      const datedHeight = dated.length * lineHeight;
      const whole = signers.length * step + datedHeight + 4;
      const pageHeight = PAGE.height - MARGIN.top - MARGIN.bottom;
      // Kept together when they fit on a page; otherwise a row per page, each with as many
      // signers as fit there (a row taller than a page made pdfkit start a page per signer).
      layout.ensureSpace(Math.min(whole, pageHeight - 10) + 6);
      let first = 0;
      do {
        const room = PAGE.height - MARGIN.bottom - doc.y - 10;
        let count = Math.min(signers.length - first, Math.floor((room - datedHeight - 4) / step));
        if (count < 1 && signers.length > first) {
          doc.continueOnNewPage();
          doc.y = MARGIN.top;
          continue;
        }
        count = Math.max(0, count);
        const chunk = signers.slice(first, first + count);
        const last = first + count === signers.length;
        first += count;
        const height = chunk.length * step + (last ? datedHeight : 0) + 4;
        const top = doc.y;
        // The lines to sign on are drawn first: artifacts cannot sit inside the row's content.
        structure.artifact(() => {
          chunk.forEach((_, i) => {
            const lineY = top + 14 + i * step;
            doc
              .lineWidth(0.6)
              .strokeColor(COLOUR.text)
              .dash(1, { space: 1.5 })
              .moveTo(VALUE_X + 78, lineY)
              .lineTo(VALUE_X + 270, lineY)
              .stroke()
              .undash();
          });
        });
        row(
          labels.signatures,
          (y) => [
            ...chunk.flatMap((signer: SignerView, i) => [
              ...writer.content([{ text: signer.role, font: 'italic', colour: COLOUR.muted }], {
                x: VALUE_X,
                y: y + 4 + i * step,
                width: 74,
                size: SIZE.small,
              }),
              ...writer.content([{ text: signer.name || ' ', font: 'regular' }], {
                x: VALUE_X + 278,
                y: y + 3 + i * step,
                width: VALUE_WIDTH - 278,
                size: FACT_SIZE,
              }),
            ]),
            ...(last
              ? dated.flatMap((d, i) => text(d, y + chunk.length * step + 4 + i * lineHeight))
              : []),
          ],
          height,
        );
      } while (first < signers.length);
    }
  });
}
