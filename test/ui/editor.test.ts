// The workbench as a secretary sees it (code-server + Chromium, the packaged extension installed):
// squiggles and the Problems count on the seed minutes, completion of a municipality, the quick
// fix for a misspelt one, and the screenshot the README shows.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchChromium, repoRoot, type ChromiumSession } from '../e2e/codeServer';
import { waitFor } from '../e2e/process';
import { chooseAction, goToLine, lineOf, viewLines } from './editorMoves';
import {
  createWorkspace,
  openWorkbench,
  problemCounts,
  quickOpen,
  useCodeServer,
} from '../e2e/workbench';
import { SEED_NAME, seedConfig, seedText } from './seed';

const SCREENSHOT = path.join(repoRoot, 'docs', 'images', 'editor.png');

describe('the editor in the workbench', function () {
  this.timeout(120_000);
  const target = useCodeServer();
  let browser: ChromiumSession | undefined;

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && browser) {
      const file = path.join(repoRoot, 'test-results', `${slug(this.currentTest.title)}.png`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await browser.page.screenshot({ path: file }).catch(() => undefined);
      console.log(`    screenshot of the failure: ${path.relative(repoRoot, file)}`);
    }
    await browser?.close();
    browser = undefined;
  });

  it('shows the seed’s problems, completes Gullspång and applies the Tidaholms kommun fix', async () => {
    const folder = createWorkspace({ [SEED_NAME]: seedText, '.protokoll.json': seedConfig });
    browser = await launchChromium();
    const { page } = browser;
    await openWorkbench(page, target.workbenchUrl(folder));
    await quickOpen(page, SEED_NAME);

    // Squiggles under `Tidaholm kommun` and the secretary's signature, two warnings in the
    // status bar.
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
    await waitFor(
      async () => {
        const counts = await problemCounts(page);
        return counts.errors === 0 && counts.warnings === 2;
      },
      30_000,
      'the status bar to count 0 errors and 2 warnings',
    );
    assert.equal(await page.locator('.monaco-editor .squiggly-error').count(), 0);

    // A new attendee: Enter after the last one continues the list with "- ".
    await goToLine(page, lineOf(seedText, '- Annika Andreasson, Hjo kommun'));
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ulf Andersson, Gull');
    await page.keyboard.press('Escape'); // whatever suggest opened while typing
    await page.keyboard.press('Control+Space');
    const suggestion = page
      .locator('.suggest-widget.visible .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: /^Gullspång$/ }) });
    await suggestion.first().waitFor({ timeout: 20_000 });
    const focused = page.locator('.suggest-widget.visible .monaco-list-row.focused .label-name');
    assert.equal(
      await focused.innerText(),
      'Gullspång',
      'Gullspång is the first suggestion for "Gull"',
    );
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    await page.keyboard.press('Enter');
    await waitFor(
      async () => (await viewLines(page)).includes('- Ulf Andersson, Gullspång'),
      10_000,
      'the line to read "- Ulf Andersson, Gullspång"',
    );

    // Quick fix on `Tidaholm kommun` (Ctrl+.), choosing the official form.
    const tidaholm = seedText.indexOf('Tidaholm kommun');
    const line = lineOf(seedText, '- Eva Karlsson, Tidaholm kommun'); // the new line came after
    const column = tidaholm - seedText.lastIndexOf('\n', tidaholm);
    await goToLine(page, line, column);
    await page.keyboard.press('Control+.');
    const fix = page
      .locator('.action-widget .monaco-list-row')
      .filter({ hasText: 'Ersätt med Tidaholms kommun' });
    await fix.first().waitFor({ timeout: 20_000 });
    await chooseAction(page, 'Ersätt med Tidaholms kommun');
    await waitFor(
      async () => (await viewLines(page)).includes('- Eva Karlsson, Tidaholms kommun'),
      10_000,
      'the line to read "- Eva Karlsson, Tidaholms kommun"',
    );
    // Fixed: the municipality warning is gone; the duplicate Ulf Andersson is new.
    await waitFor(
      async () => {
        const counts = await problemCounts(page);
        return counts.errors === 0 && counts.warnings === 2;
      },
      30_000,
      'the status bar to count the signature mismatch and the duplicate attendee',
    );
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'attendance/duplicate' }).first().waitFor({ timeout: 15_000 });
    assert.equal(await rows.filter({ hasText: 'municipality/form' }).count(), 0);

    assert.deepEqual(browser.blocked, [], 'the workbench reached only loopback');
  });
});

function slug(title: string): string {
  return title.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
}
