// Cuts the PDF fonts (media/fonts/DejaVuSerif*.ttf, full DejaVu with Greek, Cyrillic, symbols…)
// down to the characters Swedish and English minutes use, for dist/fonts/: what the VSIX and the
// npm package ship. harfbuzz's hb-subset, as WebAssembly (subset-font): nothing to download.
// test/unit/fontSubset.test.ts checks that the examples and the renderer's labels are covered.
import * as fs from 'node:fs';
import * as path from 'node:path';
import subsetFont from 'subset-font';

/** The code point ranges kept, inclusive. */
export const SUBSET_RANGES = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0xff], // Latin-1 Supplement: å ä ö é ü, §, «», °, ½ …
  [0x100, 0x17f], // Latin Extended-A: names from the rest of Europe (ł, ś, č, ő …)
  [0x2000, 0x206f], // General Punctuation: – — ‘ ’ “ ” … • ‰, the spaces
  [0x20ac, 0x20ac], // €
  [0x2116, 0x2116], // №
  [0x2122, 0x2122], // ™
  [0x2190, 0x2193], // ← ↑ → ↓
  [0x2212, 0x2212], // − (minus)
  [0x25a1, 0x25a1], // □ (a box to tick)
  [0x2610, 0x2612], // ☐ ☑ ☒
  [0x2713, 0x2714], // ✓ ✔
  [0xfffd, 0xfffd], // � (replacement character, for text that could not be decoded)
];

export function subsetText() {
  let text = '';
  for (const [from, to] of SUBSET_RANGES) {
    for (let c = from; c <= to; c++) text += String.fromCodePoint(c);
  }
  return text;
}

/** Writes the subset of every `*.ttf` of `from` to `to`, with the fonts' licence. */
export async function subsetFonts(from, to) {
  fs.mkdirSync(to, { recursive: true });
  const text = subsetText();
  const fonts = fs.readdirSync(from).filter((f) => f.endsWith('.ttf'));
  await Promise.all(
    fonts.map(async (file) => {
      const target = path.join(to, file);
      const source = path.join(from, file);
      // Subsetting takes a second per face: skip it when the output is newer than its source.
      if (fs.existsSync(target) && fs.statSync(target).mtimeMs >= fs.statSync(source).mtimeMs)
        return;
      const subset = await subsetFont(fs.readFileSync(source), text, { targetFormat: 'truetype' });
      fs.writeFileSync(target, subset);
    }),
  );
  fs.copyFileSync(path.join(from, 'LICENSE-DejaVu.txt'), path.join(to, 'LICENSE-DejaVu.txt'));
  fs.writeFileSync(path.join(to, 'README.md'), README);
}

const README = `# Fonts embedded in exported PDFs

DejaVu Serif (regular, bold, italic, bold italic) 2.37, cut down by Protokoll's build
(scripts/subset-fonts.mjs, harfbuzz hb-subset) to Basic Latin, Latin-1, Latin Extended-A, General
Punctuation and a few symbols (€ № ™ − arrows, check boxes and marks). The full fonts are in the
source repository under media/fonts. Licence: Bitstream Vera / Arev fonts licence plus
public-domain DejaVu changes, see LICENSE-DejaVu.txt (modified versions must not be called
"Bitstream Vera" or "DejaVu" on their own; these subsets are distributed only inside Protokoll).
`;
