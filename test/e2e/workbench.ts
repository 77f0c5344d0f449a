// For the Playwright UI tests (test/ui/**/*.test.ts): the code-server to talk to, temp
// workspaces written from text, and a few workbench moves that wait for what they need.
//
//   const target = useCodeServer();            // mocha before/after hooks
//   it('…', async () => {
//     const folder = createWorkspace({ 'a.protokoll': '# Möte\n' });
//     const browser = await launchChromium();
//     try {
//       await openWorkbench(browser.page, target.workbenchUrl(folder));
//       await quickOpen(browser.page, 'a.protokoll');
//       …
//       assert.deepStrictEqual(browser.blocked, []);
//     } finally { await browser.close(); }
//   });
//
// Run by scripts/test-editors.mjs, the server is shared: its URL comes in PROTOKOLL_CODE_SERVER_URL.
// Run directly (npx mocha out/test/ui/x.test.js), useCodeServer starts one of its own with the
// extensions listed in PROTOKOLL_VSIX (comma-separated; default: protokoll.vsix at the repo root).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { repoRoot, startCodeServer, type CodeServer } from './codeServer';
import { waitFor } from './process';

export interface UiTarget {
  readonly url: string;
  workbenchUrl(folder?: string, query?: Record<string, string>): string;
}

/** Registers mocha hooks providing a code-server for the tests of the calling file. */
export function useCodeServer(): UiTarget {
  let own: CodeServer | undefined;
  let url = process.env.PROTOKOLL_CODE_SERVER_URL;
  before(async function () {
    if (url) return;
    this.timeout(120_000);
    const vsixPaths = (process.env.PROTOKOLL_VSIX ?? path.join(repoRoot, 'protokoll.vsix'))
      .split(',')
      .filter(Boolean);
    own = await startCodeServer({ vsixPaths });
    url = own.url;
  });
  after(async function () {
    this.timeout(30_000);
    await own?.stop();
  });
  return {
    get url() {
      if (!url) throw new Error('code-server not started yet (use the target inside tests)');
      return url;
    },
    workbenchUrl(folder, query = {}) {
      const params = new URLSearchParams(
        folder ? { folder: folder.split(path.sep).join('/'), ...query } : query,
      );
      return `${this.url}/?${params.toString()}`;
    },
  };
}

const workspaces: string[] = [];

/** A temp folder holding `files` (relative path → text); removed when the process exits. */
export function createWorkspace(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-ui-ws-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  if (workspaces.push(dir) === 1) {
    process.on('exit', () =>
      workspaces.forEach((d) => fs.rmSync(d, { recursive: true, force: true })),
    );
  }
  return dir;
}

/** Loads the workbench and waits until it is usable (editor part and status bar rendered). */
export async function openWorkbench(page: Page, url: string, timeoutMs = 60_000): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: timeoutMs });
  await page.waitForSelector('.monaco-workbench .part.statusbar [id="status.problems"]', {
    timeout: timeoutMs,
  });
}

/** Opens a file of the workspace through Quick Open (Ctrl+P) and waits for its editor tab. */
export async function quickOpen(page: Page, fileName: string, timeoutMs = 60_000): Promise<void> {
  const row = page
    .locator(`.quick-input-list .monaco-list-row[aria-label*="${cssString(fileName)}"]`)
    .first();
  await pick(page, 'Control+P', fileName, row, timeoutMs, `Quick Open to list ${fileName}`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tabs-container .tab[aria-label*="${cssString(fileName)}"]`, {
    timeout: timeoutMs,
  });
  await page.waitForSelector('.monaco-editor.focused', { timeout: timeoutMs });
}

/** Runs a command by its palette title (e.g. 'Protokoll: Open Preview'). */
export async function runCommand(page: Page, title: string, timeoutMs = 60_000): Promise<void> {
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: title }) })
    .first();
  await pick(page, 'F1', `>${title}`, row, timeoutMs, `the command palette to list "${title}"`);
  await row.click();
}

/**
 * Opens the quick input with `key`, types `text` and waits for `row`. A busy machine can take
 * long to answer (file search runs rg on the server), so it waits patiently instead of reopening
 * the widget, which would restart the search. It presses `key` again only while the widget is
 * not open (keybindings not ready yet, focus taken away) and retypes the text every few seconds,
 * for results computed before the file index or an extension's commands were there.
 */
async function pick(
  page: Page,
  key: string,
  text: string,
  row: Locator,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  let pressed = 0;
  let typed = 0;
  const found = waitFor(
    async () => {
      if (await row.isVisible()) return true;
      const now = Date.now();
      if (!(await input.isVisible())) {
        if (now - pressed > 3_000) {
          await page.keyboard.press(key);
          pressed = now;
          typed = 0;
        }
      } else if (now - typed > 8_000) {
        await input.fill('');
        await input.fill(text);
        typed = now;
      }
      return false;
    },
    timeoutMs,
    what,
    200,
  );
  await found.catch(async (error: Error) => {
    // Say what was listed instead: usually a renamed command or a stale .vsix.
    const rows = await page
      .locator('.quick-input-list .monaco-list-row')
      .allInnerTexts()
      .catch(() => []);
    const listed = rows.map((r) => r.replace(/\s+/g, ' ').trim()).slice(0, 10);
    throw new Error(`${error.message}; listed instead: ${JSON.stringify(listed)}`);
  });
}

/** Waits for a notification toast containing `text`; returns its message. */
export async function waitForNotification(
  page: Page,
  text: string | RegExp,
  timeoutMs = 30_000,
): Promise<string> {
  const toast = page
    .locator('.notification-toast .notification-list-item-message')
    .filter({ hasText: text })
    .first();
  await toast.waitFor({ timeout: timeoutMs });
  return toast.innerText();
}

/** Counts from the status bar's problems item, e.g. { errors: 0, warnings: 2, infos: 1 }. */
export async function problemCounts(
  page: Page,
): Promise<{ errors: number; warnings: number; infos: number }> {
  const label =
    (await page.locator('[id="status.problems"]').first().getAttribute('aria-label')) ?? '';
  // "No Problems", or "Errors: 1, Warnings: 2" (+ ", Infos: 1" when there are some).
  const count = (word: string) =>
    Number(new RegExp(`${word}\\w*:\\s*(\\d+)`, 'i').exec(label)?.[1] ?? 0);
  return { errors: count('error'), warnings: count('warning'), infos: count('info') };
}

/** Triggers suggest (Ctrl+Space) at the cursor and returns the labels shown. */
export async function suggestLabels(page: Page, timeoutMs = 15_000): Promise<string[]> {
  await page.keyboard.press('Control+Space');
  const rows = page.locator('.suggest-widget.visible .monaco-list-row .label-name');
  await rows.first().waitFor({ timeout: timeoutMs });
  return rows.allInnerTexts();
}

function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}
