// The preview in the workbench (code-server + Chromium, the packaged extension installed): it
// opens beside the minutes, marks them OJUSTERAT, follows an edit and the editor's scrolling, and
// gives the README its screenshot.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { launchChromium, repoRoot, type ChromiumSession } from '../e2e/codeServer';
import { waitFor } from '../e2e/process';
import { goToLine, lineOf } from './editorMoves';
import {
  createWorkspace,
  openWorkbench,
  quickOpen,
  runCommand,
  useCodeServer,
} from '../e2e/workbench';
import { SEED_NAME, seedConfig, seedText } from './seed';

const SCREENSHOT = path.join(repoRoot, 'docs', 'images', 'preview.png');

describe('the preview in the workbench', function () {
  this.timeout(120_000);
  const target = useCodeServer();
  let browser: ChromiumSession | undefined;

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && browser) {
      const file = path.join(repoRoot, 'test-results', 'preview-failure.png');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await browser.page.screenshot({ path: file }).catch(() => undefined);
      console.log(`    screenshot of the failure: ${path.relative(repoRoot, file)}`);
    }
    await browser?.close();
    browser = undefined;
  });

  it('opens beside the minutes, shows OJUSTERAT, follows edits and scrolling', async () => {
    const folder = createWorkspace({ [SEED_NAME]: seedText, '.protokoll.json': seedConfig });
    browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    await openWorkbench(page, target.workbenchUrl(folder));
    await quickOpen(page, SEED_NAME);

    await runCommand(page, 'Protokoll: Open Preview to the Side');
    const preview = previewFrame(page);
    const root = preview.locator('#protokoll-root');
    await root.waitFor({ timeout: 30_000 });
    await waitFor(
      async () => (await root.innerText()).includes('SIKTnätverket'),
      30_000,
      'the preview to render the minutes',
    );
    // No Justerat: line yet, so the minutes are marked as not adjusted.
    const mark = preview.locator('.ojusterat');
    await mark.first().waitFor({ timeout: 10_000 });
    assert.match(await mark.first().innerText(), /OJUSTERAT/);
    // It opens at its top, with the OJUSTERAT mark and the title in view.
    assert.equal(await previewScrollTop(preview), 0, 'the preview opened scrolled down');
    for (const [what, element] of [
      ['the OJUSTERAT mark', mark.first()],
      ['the title', preview.locator('h1.minutes-title')],
    ] as const) {
      assert.ok(await inView(element), `${what} is not in view when the preview opens`);
    }
    assert.ok((await preview.locator('[data-line]').count()) > 10, 'blocks carry source lines');
    assert.equal(await editorGroups(page), 2, 'the preview opened to the side');

    // Scrolling the editor scrolls the preview along, both ways. (Scrolling is done before any
    // typing: while typing, the preview moves only if the edited block leaves its view.)
    await focusEditor(page);
    const top = await previewScrollTop(preview);
    await page.keyboard.press('Control+End');
    const bottom = await waitFor(
      async () => {
        const y = await previewScrollTop(preview);
        return y > top + 200 ? y : 0;
      },
      15_000,
      'the preview to scroll down with the editor',
    );
    await page.keyboard.press('Control+Home');
    await waitFor(
      async () => (await previewScrollTop(preview)) < bottom / 4,
      15_000,
      `the preview to scroll back up with the editor (from ${bottom} px)`,
    );

    // An edit in the minutes shows up in the preview without reopening it.
    await goToLine(page, lineOf(seedText, '# SIKTnätverket'));
    await page.keyboard.press('End');
    await page.keyboard.type(' Skaraborg');
    await waitFor(
      async () => (await root.innerText()).includes('SIKTnätverket Skaraborg'),
      15_000,
      'the preview to show the edited title',
    );
    assert.equal(await mark.count(), 1, 'still one OJUSTERAT mark after the update');

    // The README's picture: the sidebar closed, so the minutes get the room.
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
    // …and the preview at its very top, where the OJUSTERAT stamp is.
    const frame = await page.locator('iframe.webview.ready').first().boundingBox();
    assert.ok(frame, 'the preview has a place on the page');
    await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2);
    await page.mouse.wheel(0, -5_000);
    await waitFor(
      async () => (await previewScrollTop(preview)) === 0,
      10_000,
      'the preview to scroll to its top',
    );
    await mark.first().waitFor({ state: 'visible', timeout: 5_000 });
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    assert.deepEqual(browser.blocked, [], 'the workbench and the preview reached only loopback');
  });
});

/** The preview's document: VS Code nests the webview's content in an iframe inside an iframe. */
function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame').first();
}

async function previewScrollTop(preview: FrameLocator): Promise<number> {
  return preview
    .locator('#protokoll-root')
    .evaluate(
      (element: { ownerDocument: { scrollingElement: { scrollTop: number } | null } }) =>
        element.ownerDocument.scrollingElement?.scrollTop ?? 0,
    );
}

/** Whether the element lies wholly inside its document's viewport. */
async function inView(element: Locator): Promise<boolean> {
  return element.evaluate(
    (e: {
      getBoundingClientRect(): { top: number; bottom: number; height: number };
      ownerDocument: { defaultView: { innerHeight: number } | null };
    }) => {
      const box = e.getBoundingClientRect();
      const height = e.ownerDocument.defaultView?.innerHeight ?? 0;
      return box.height > 0 && box.top >= 0 && box.bottom <= height;
    },
  );
}

async function editorGroups(page: Page): Promise<number> {
  return page.locator('.part.editor .editor-group-container').count();
}

/** Focuses the text editor of the minutes (the preview took the focus when it opened). */
async function focusEditor(page: Page): Promise<void> {
  await page.locator(`.tabs-container .tab[aria-label*="${SEED_NAME}"]`).first().click();
  await page.locator('.monaco-editor.focused').waitFor({ timeout: 10_000 });
}
