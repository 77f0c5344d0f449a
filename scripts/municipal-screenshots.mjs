// Regenerates the README's pictures of the municipal layout from examples/kommunstyrelse:
// docs/images/kommunal-html.png (the renderer's HTML, as the preview shows it, in headless
// Chromium) and docs/images/kommunal-pdf.png (page 1 of the PDF, pdftoppm at 80 dpi).
// Needs `npm run build` and `npm run setup:e2e` (chromium, poppler-utils).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const example = path.join(root, 'examples/kommunstyrelse/2024-03-05-kommunstyrelsen.protokoll');
const images = path.join(root, 'docs/images');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-shots-'));
const cli = (...args) =>
  execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'render', ...args]);

try {
  const html = path.join(tmp, 'kommunstyrelsen.html');
  fs.writeFileSync(html, cli('--format', 'html', example));
  execFileSync(
    process.env.PROTOKOLL_CHROMIUM ?? '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--window-size=860,1280',
      `--screenshot=${path.join(images, 'kommunal-html.png')}`,
      `file://${html}`,
    ],
    { stdio: 'ignore' },
  );
  const pdf = path.join(tmp, 'kommunstyrelsen.pdf');
  cli('--format', 'pdf', '-o', pdf, example);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    path.join(images, 'kommunal-pdf'),
  ]);
  console.log('wrote docs/images/kommunal-html.png and docs/images/kommunal-pdf.png');
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
