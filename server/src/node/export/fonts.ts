import * as fs from 'node:fs';
import * as path from 'node:path';

/** The DejaVu Serif faces the PDF embeds (they carry å, ä and ö). */
export const PDF_FONT_FILES = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  boldItalic: 'DejaVuSerif-BoldItalic.ttf',
} as const;

/**
 * The nearest folder at or above `start` (the bundle in `dist/`, or the compiled file in `out/…`)
 * that holds every PDF font: `media/fonts` of a checkout (the full fonts), or `fonts` beside the
 * bundles (`dist/fonts`: the subsets the VSIX and the npm package ship, scripts/subset-fonts.mjs).
 */
export function findFontDirectory(start: string = __dirname): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    for (const candidate of [path.join(dir, 'media', 'fonts'), path.join(dir, 'fonts')]) {
      if (Object.values(PDF_FONT_FILES).every((f) => fs.existsSync(path.join(candidate, f))))
        return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
