// `require`, not `import`: bundled, an import would pick pdfkit's ES module build, whose
// `import.meta.url` does not survive esbuild's CommonJS output.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import PDFDocument = require('pdfkit');
import { neutralise } from '../../language/render/escape';
import type { MinutesView } from '../../language/render/view';
import { batchOutput, gatherPageContent } from './pdfBuffering';
import { loadPdfFonts, PDF_FONT_FILES, type PdfFontName } from './fonts';
import { PdfLayout } from './pdfLayout';
import { MARGIN } from './pdfStyle';
import { truncate } from './pdfText';

export interface PdfOptions {
  /** Folder with the `PDF_FONT_FILES` (the extension's `media/fonts`). */
  readonly fontDirectory: string;
  /** The PDF's creation date; now by default. */
  readonly creationDate?: Date;
}

/**
 * Lays out the minutes on A4 pages: the same content as the HTML (one view model), with the title
 * and date in the running header, "Sida N av M" and the box for the adjusters' initials
 * ("Justerandes signatur") in every footer, and the fonts embedded. The PDF is tagged (PDF/UA:
 * headings, lists, tables and paragraphs in reading order; page furniture as artifacts), in the
 * language of the minutes (`sv-SE` or `en`), titled, and has one bookmark per §.
 */
export function renderPdf(view: MinutesView, options: PdfOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let doc: PDFKit.PDFDocument;
    try {
      const fonts = loadPdfFonts(options.fontDirectory);
      doc = new PDFDocument({
        size: 'A4',
        margins: MARGIN,
        bufferPages: true,
        autoFirstPage: false,
        // No default font: a path here would be opened again at every change of face (pdfkit's
        // cache then misses the registered names); the faces are registered below instead.
        font: null as unknown as string,
        pdfVersion: '1.7',
        tagged: true,
        // pdfkit 0.20 writes the PDF/UA identification (XMP pdfuaid:part 1); its types lag behind.
        subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
        lang: view.locale === 'en' ? 'en' : 'sv-SE',
        displayTitle: true,
        info: {
          Title: documentTitle(view),
          Subject: view.labels.documentKind,
          Creator: 'Protokoll',
          CreationDate: options.creationDate ?? new Date(),
        },
      });
      for (const name of Object.keys(PDF_FONT_FILES) as PdfFontName[]) {
        doc.registerFont(name, fonts[name]);
      }
      doc.font('regular');
      batchOutput(doc);
      gatherPageContent(doc);
      doc.addPage();
    } catch (e) {
      reject(e);
      return;
    }
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      new PdfLayout(doc, view).write();
      doc.end();
    } catch (e) {
      reject(e);
    }
  });
}

function documentTitle(view: MinutesView): string {
  return truncate(
    neutralise(
      [view.title?.value, view.date?.value].filter(Boolean).join(' ') || view.labels.documentKind,
    ),
    300,
  );
}
