// Regenerates the pictures of the municipal layout (README, docs/rendering.md) from
// examples/kommunstyrelse:
//   docs/images/kommunal-preview.png  the real workbench: code-server with the packaged extension
//                                     installed, in Debian's Chromium (playwright-core), the
//                                     minutes in the editor and "Open Preview to the Side" beside
//                                     them, at the top of both;
//   docs/images/kommunal-pdf.png      page 1 of `protokoll render --format pdf`, pdftoppm at 80 dpi.
// Each must stay under 200 KB (the script fails otherwise). Needs `npm run build` and
// `bash scripts/setup-e2e.sh` (code-server, chromium, poppler-utils; CODE_SERVER_DIR to reuse an
// install elsewhere).
//
// Usage: node scripts/municipal-screenshots.mjs [--vsix FILE]   (default: `npm run package` first)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const exampleDir = path.join(root, 'examples/kommunstyrelse');
const exampleName = '2024-03-05-kommunstyrelsen.protokoll';
const images = path.join(root, 'docs/images');
const MAX_BYTES = 200 * 1024;

const { vsix } = parseArgs({ options: { vsix: { type: 'string' } } }).values;
for (const built of ['dist/cli.js', 'out/test/e2e/codeServer.js']) {
  if (!fs.existsSync(path.join(root, built))) {
    console.error(`municipal-screenshots: ${built} is missing; run npm run build first`);
    process.exit(2);
  }
}

/** Page 1 of the PDF, through the bundled CLI and pdftoppm. */
function pdfPageOne(file) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-shots-'));
  try {
    const pdf = path.join(tmp, 'kommunstyrelsen.pdf');
    execFileSync(process.execPath, [
      path.join(root, 'dist/cli.js'),
      'render',
      '--format',
      'pdf',
      '-o',
      pdf,
      path.join(exampleDir, exampleName),
    ]);
    const args = ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf];
    execFileSync('pdftoppm', [...args, file.replace(/\.png$/, '')]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The workbench with the minutes and their preview beside them. */
async function workbenchWithPreview(file) {
  const { launchChromium, startCodeServer } = require(
    path.join(root, 'out/test/e2e/codeServer.js'),
  );
  const { createWorkspace, openWorkbench, quickOpen, runCommand } = require(
    path.join(root, 'out/test/e2e/workbench.js'),
  );
  const { waitFor } = require(path.join(root, 'out/test/e2e/process.js'));
  const vsixPath = vsix ? path.resolve(vsix) : path.join(root, 'protokoll.vsix');
  if (!vsix) execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
  const folder = createWorkspace(
    Object.fromEntries(
      [exampleName, '.protokoll.json'].map((n) => [
        n,
        fs.readFileSync(path.join(exampleDir, n), 'utf8'),
      ]),
    ),
  );
  // No minimap or breadcrumbs: the picture is about the minutes.
  const settings = { 'editor.minimap.enabled': false, 'breadcrumbs.enabled': false };
  const server = await startCodeServer({ vsixPaths: [vsixPath], settings });
  let browser;
  try {
    browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    await openWorkbench(page, server.workbenchUrl(folder));
    await quickOpen(page, exampleName);
    await runCommand(page, 'Protokoll: Open Preview to the Side');
    const preview = page
      .frameLocator('iframe.webview.ready')
      .first()
      .frameLocator('#active-frame')
      .first();
    const title = preview.locator('h1.minutes-title');
    await title.waitFor({ timeout: 60_000 });
    // The sidebar closed and the notifications gone, so the minutes get the room.
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
    await runCommand(page, 'Notifications: Clear All Notifications');
    // The pointer off the buttons it last clicked, where it would leave a tooltip.
    await page.mouse.move(1000, 16);
    await waitFor(
      async () =>
        (await page.locator('.notifications-toasts .notification-toast').count()) === 0 &&
        (await page
          .locator('.workbench-hover-container:visible, .monaco-hover:visible')
          .count()) === 0 &&
        (await preview
          .locator('#protokoll-root')
          .evaluate((e) => e.ownerDocument.scrollingElement.scrollTop === 0)),
      15_000,
      'no notification or tooltip over the workbench, and the preview at its top',
    );
    await page.screenshot({ path: file });
    if (browser.blocked.length) throw new Error(`reached beyond loopback: ${browser.blocked}`);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

const preview = path.join(images, 'kommunal-preview.png');
const pdfImage = path.join(images, 'kommunal-pdf.png');
pdfPageOne(pdfImage);
await workbenchWithPreview(preview);
for (const file of [preview, pdfImage]) {
  const size = fs.statSync(file).size;
  console.log(`wrote ${path.relative(root, file)} (${Math.round(size / 1024)} KB)`);
  if (size > MAX_BYTES) {
    console.error(`municipal-screenshots: ${path.basename(file)} is over 200 KB`);
    process.exitCode = 1;
  }
}
