// Keyboard moves in the workbench's text editor for the UI tests, done as a user would do them.
import type { Page } from 'playwright-core';

/** Moves the cursor with Go to Line (Ctrl+G); line and column are 1-based. */
export async function goToLine(page: Page, line: number, column?: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  // Go to Line is Quick Open with a ':' prefix; filling the input replaces it, so write it again.
  await input.fill(column === undefined ? `:${line}` : `:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** The 1-based line number of the first line of `text` starting with `prefix`. */
export function lineOf(text: string, prefix: string): number {
  const index = text.split(/\r?\n/).findIndex((line) => line.startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with "${prefix}"`);
  return index + 1;
}

/** The text of the editor's rendered lines (non-breaking spaces as spaces). */
export async function viewLines(page: Page): Promise<string[]> {
  const lines = await page.locator('.monaco-editor .view-lines .view-line').allInnerTexts();
  return lines.map((line) => line.replace(/\u00a0/g, ' ').trimEnd());
}

/** Picks the entry `title` in the open code action menu with the arrow keys and Enter. */
export async function chooseAction(page: Page, title: string): Promise<void> {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    const focused = page.locator('.action-widget .monaco-list-row.action.focused');
    if ((await focused.count()) && (await focused.first().innerText()).includes(title)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  const titles = await rows.allInnerTexts();
  throw new Error(`"${title}" could not be chosen in the code action menu: ${titles.join(' | ')}`);
}
