import * as fs from 'node:fs';
import * as path from 'node:path';

/** The DejaVu Serif faces the PDF embeds (they carry å, ä and ö). */
export const PDF_FONT_FILES = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  boldItalic: 'DejaVuSerif-BoldItalic.ttf',
} as const;

/** The name the PDF writer uses for each face (`doc.font('bold')`). */
export type PdfFontName = keyof typeof PDF_FONT_FILES;

/** The bytes of every face, by name. */
export type PdfFonts = Readonly<Record<PdfFontName, Buffer>>;

/**
 * The `media/fonts` folder of the installed extension or checkout: the nearest one at or above
 * `start` (the bundle in `dist/`, or the compiled file in `out/…`) that holds every PDF font.
 */
export function findFontDirectory(start: string = __dirname): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, 'media', 'fonts');
    if (Object.values(PDF_FONT_FILES).every((f) => fs.existsSync(path.join(candidate, f)))) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const loaded = new Map<string, PdfFonts>();

/**
 * The one place the PDF fonts come from: read once per folder and process, then shared by every
 * export (the VS Code extension exports many times in one process). The PDF writer registers
 * these bytes under their names, so pdfkit parses each face once per document instead of
 * re-reading the file at every change of face.
 */
export function loadPdfFonts(directory: string): PdfFonts {
  const key = path.resolve(directory);
  let fonts = loaded.get(key);
  if (!fonts) {
    const read = (name: PdfFontName) => fs.readFileSync(path.join(key, PDF_FONT_FILES[name]));
    fonts = {
      regular: read('regular'),
      bold: read('bold'),
      italic: read('italic'),
      boldItalic: read('boldItalic'),
    };
    loaded.set(key, fonts);
  }
  return fonts;
}
