// The PDF fonts shipped in dist/fonts are subsets (scripts/subset-fonts.mjs): every character of
// the examples and of the words the renderer and the PDF writer add must still be in every face,
// else the exported PDF would show empty boxes. Needs the build (npm run build).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { labelsFor } from '../../server/src/language/render/labels';
import { PDF_FONT_FILES } from '../../server/src/node/export/fonts';

interface Font {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
// fontkit comes with pdfkit and has no types of its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as { openSync(file: string): Font };

const repo = path.resolve(__dirname, '..', '..', '..');
const shipped = path.join(repo, 'dist', 'fonts');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
    );
}

/** Every string value in the labels, the clock and count functions called with sample values. */
function labelText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'function')
    return String((value as (...a: string[]) => unknown)('12:00', '3'));
  if (value && typeof value === 'object') return Object.values(value).map(labelText).join(' ');
  return '';
}

/** The characters of `text` that `font` lacks (control characters aside), with where they occur. */
function missing(font: Font, text: string, where: string, into: Map<string, string>): void {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) continue;
    if (!font.hasGlyphForCodePoint(code) && !into.has(char))
      into.set(char, `U+${code.toString(16).toUpperCase().padStart(4, '0')} in ${where}`);
  }
}

describe('the subset PDF fonts in dist/fonts', () => {
  const examples = filesUnder(path.join(repo, 'examples')).filter((f) => f.endsWith('.protokoll'));
  // The PDF writer's own words ("Sida 1 av 2", the initials box) are in its source.
  const sources = [
    ...filesUnder(path.join(repo, 'server', 'src', 'language', 'render')),
    path.join(repo, 'server', 'src', 'node', 'export', 'pdf.ts'),
  ];

  before(function () {
    if (!fs.existsSync(path.join(shipped, PDF_FONT_FILES.regular)))
      assert.fail(`${shipped} is missing: build first (npm run build)`);
  });

  for (const [face, file] of Object.entries(PDF_FONT_FILES)) {
    it(`${face} has every character of the examples and the labels`, () => {
      const font = fontkit.openSync(path.join(shipped, file));
      const gaps = new Map<string, string>();
      assert.ok(examples.length >= 3, 'no examples found');
      for (const example of examples)
        missing(font, fs.readFileSync(example, 'utf8'), path.relative(repo, example), gaps);
      for (const locale of ['sv', 'en'] as const)
        missing(font, labelText(labelsFor(locale)), `the ${locale} labels`, gaps);
      for (const source of sources)
        missing(font, fs.readFileSync(source, 'utf8'), path.relative(repo, source), gaps);
      // Names from the rest of Europe, and the punctuation of Swedish typesetting.
      missing(font, 'ÅÄÖåäöÉéÜüÆæØøŁłŚśČčŐőŽž§–—…‘’“”«»•€½°', 'the promised ranges', gaps);
      assert.deepEqual(
        [...gaps].map(([c, w]) => `${c} ${w}`),
        [],
      );
    });

    it(`${face} is cut down (no Greek or Cyrillic) and smaller than the full font`, () => {
      const subset = path.join(shipped, file);
      const font = fontkit.openSync(subset);
      assert.equal(font.hasGlyphForCodePoint(0x3b1), false, 'α is still there');
      assert.equal(font.hasGlyphForCodePoint(0x436), false, 'ж is still there');
      const full = fs.statSync(path.join(repo, 'media', 'fonts', file)).size;
      assert.ok(fs.statSync(subset).size < full / 4, 'not a quarter of the full font');
    });
  }
});
