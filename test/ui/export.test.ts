// Export as a secretary meets it in the workbench (code-server + Chromium, the packaged extension
// installed): the message after exporting and its buttons, clicked, and the question when the
// export's file exists already.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, repoRoot, type ChromiumSession } from '../e2e/codeServer';
import { waitFor } from '../e2e/process';
import {
  createWorkspace,
  openWorkbench,
  quickOpen,
  runCommand,
  useCodeServer,
  waitForNotification,
} from '../e2e/workbench';
import { SEED_NAME, seedConfig, seedText } from './seed';

const HTML_NAME = SEED_NAME.replace(/\.protokoll$/, '.html');
const SECOND_NAME = SEED_NAME.replace(/\.protokoll$/, ' (2).html');

describe('export in the workbench', function () {
  this.timeout(180_000);
  const target = useCodeServer();
  let browser: ChromiumSession | undefined;

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && browser) {
      const file = path.join(repoRoot, 'test-results', 'export-failure.png');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await browser.page.screenshot({ path: file }).catch(() => undefined);
      console.log(`    screenshot of the failure: ${path.relative(repoRoot, file)}`);
    }
    await browser?.close();
    browser = undefined;
  });

  it('"Öppna" shows the HTML in an editor; a second export asks, and "Behåll båda" keeps both', async () => {
    const folder = createWorkspace({ [SEED_NAME]: seedText, '.protokoll.json': seedConfig });
    browser = await launchChromium();
    const { page } = browser;
    await openWorkbench(page, target.workbenchUrl(folder));
    await quickOpen(page, SEED_NAME);

    await runCommand(page, 'Protokoll: Export to HTML');
    const message = await waitForNotification(page, HTML_NAME, 60_000);
    assert.match(message, /^Protokollet exporterades till .*\.html\.$/);
    // In a browser the file is on the server: "Open" shows it in an editor, and the explorer
    // (its "Download…") is the other way to it.
    const toast = notification(page, HTML_NAME);
    assert.deepEqual(await buttons(toast), ['Öppna', 'Visa i utforskaren']);
    await toast.getByRole('button', { name: 'Öppna' }).click();
    await page
      .locator(`.tabs-container .tab[aria-label*="${HTML_NAME}"]`)
      .waitFor({ timeout: 30_000 });
    assert.match(fs.readFileSync(path.join(folder, HTML_NAME), 'utf8'), /^<!doctype html>/i);

    // Again, from the minutes: the file exists, so it asks before writing anything.
    await page.locator(`.tabs-container .tab[aria-label*="${SEED_NAME}"]`).first().click();
    await runCommand(page, 'Protokoll: Export to HTML');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 60_000 });
    assert.match(await dialog.innerText(), new RegExp(`${escape(HTML_NAME)} finns redan`));
    await dialog.getByRole('button', { name: 'Behåll båda' }).click();
    await waitForNotification(page, SECOND_NAME, 60_000);
    await waitFor(
      async () => fs.existsSync(path.join(folder, SECOND_NAME)),
      10_000,
      `${SECOND_NAME} to be written`,
    );
    assert.deepEqual(browser.blocked, [], 'the workbench reached only loopback');
  });
});

function notification(page: Page, text: string) {
  return page
    .locator('.notification-toast')
    .filter({ has: page.locator('.notification-list-item-message', { hasText: text }) })
    .first();
}

async function buttons(toast: ReturnType<typeof notification>): Promise<string[]> {
  return (await toast.locator('.monaco-button').allInnerTexts()).map((t) => t.trim());
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
