import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createNonce, previewShell } from '../../client/src/preview/shell.js';
import { createProtokollService, createTextDocument } from '../../server/src/language/index.js';
import { CHROMIUM_PATH, chromiumTool, requireTools } from './tools.js';

// Tests compile to out/test/render/*.js.
const repoRoot = path.resolve(__dirname, '../../..');
const service = createProtokollService();

/** Long minutes: 40 items of 6 lines, so the preview scrolls. */
function minutes(extra = ''): string {
  const lines = [
    '# Nämnden',
    'Datum: 2024-03-12',
    '',
    'Närvarande:',
    '- Anna Ek, Skövde (ordförande)',
    '',
  ];
  for (let n = 1; n <= 40; n++) {
    lines.push(
      `§ ${n} Ärende ${n}${n === 1 ? extra : ''}`,
      'Text om ärendet.',
      '- Hjo: Ja.',
      'Beslut: Antas.',
      '',
      '',
    );
  }
  lines.push('Ordförande: Anna Ek', 'Sekreterare: Per Berg');
  return lines.join('\n');
}

/** The line of `§ n` in `minutes()`. */
const itemLine = (n: number) => 6 + (n - 1) * 6;

describe('preview webview script (media/preview.js) in headless Chromium', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let server: http.Server | undefined;
  let origin = '';
  let page: Page;

  before(async function () {
    requireTools(this, [chromiumTool()]);
    const nonce = createNonce();
    server = http.createServer((req, res) => {
      const url = req.url ?? '/';
      if (url === '/') {
        const html = previewShell({
          cspSource: origin,
          nonce,
          minutesCss: `${origin}/media/minutes.css`,
          previewCss: `${origin}/media/preview.css`,
          script: `${origin}/media/preview.js`,
          lang: 'sv',
          loadingText: 'Laddar…',
        });
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
        return;
      }
      const file = path.join(repoRoot, 'media', path.basename(url));
      if (!url.startsWith('/media/') || !fs.existsSync(file)) return void res.writeHead(404).end();
      const type = file.endsWith('.js') ? 'text/javascript' : 'text/css';
      res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  beforeEach(async () => {
    const context = await browser!.newContext({ viewport: { width: 800, height: 600 } });
    // VS Code's webview API, recording what the script posts and keeps.
    await context.addInitScript(`
      window.__posted = [];
      window.__state = undefined;
      window.acquireVsCodeApi = () => ({
        postMessage: (m) => window.__posted.push(m),
        getState: () => window.__state,
        setState: (s) => { window.__state = s; },
      });
    `);
    page = await context.newPage();
    await page.goto(`${origin}/`);
    await waitForPosted(page, (m) => m.type === 'ready');
  });

  afterEach(async () => page.context().close());

  async function send(message: unknown): Promise<void> {
    await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
  }

  async function render(text: string, version: number, reset = false): Promise<void> {
    const { html, lineMap } = service.render(
      createTextDocument('file:///n.protokoll', text, version),
    );
    await send({ type: 'render', uri: 'file:///n.protokoll', html, lineMap, version, reset });
    await page.waitForSelector(`body[data-rendered-version="${version}"]`);
  }

  const scrollY = () => page.evaluate('window.scrollY') as Promise<number>;
  const posted = () =>
    page.evaluate('window.__posted.splice(0)') as Promise<{ type: string; line?: number }[]>;
  const topOfLine = (line: number) =>
    page.evaluate(
      `document.querySelector('[data-line="${line}"]').getBoundingClientRect().top + window.scrollY`,
    ) as Promise<number>;

  it('runs under the strict CSP and shows the content with the OJUSTERAT mark', async () => {
    await render(minutes(), 1);
    assert.equal(await page.locator('#protokoll-root .ojusterat').innerText(), 'OJUSTERAT');
    assert.equal(await page.locator('.item-heading').count(), 40);
  });

  it('scrolls to an editor line without echoing a scroll back', async () => {
    await render(minutes(), 1);
    await posted();
    await send({ type: 'scrollToLine', line: itemLine(20) });
    await waitFor(async () => Math.abs((await scrollY()) - (await topOfLine(itemLine(20)))) < 2);
    // Let any scroll events and animation frames run, then check nothing was sent back.
    await page.evaluate(
      'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))',
    );
    assert.deepEqual(
      (await posted()).filter((m) => m.type === 'didScroll'),
      [],
    );
  });

  it('goes to the very top for the first line, with the OJUSTERAT mark and the title in view', async () => {
    await render(minutes(), 1);
    await send({ type: 'scrollToLine', line: itemLine(20) });
    await waitFor(async () => (await scrollY()) > 100);
    await send({ type: 'scrollToLine', line: 0 });
    await waitFor(async () => (await scrollY()) === 0);
    const inView = (selector: string) =>
      page.evaluate(
        `(() => { const r = document.querySelector('${selector}').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })()`,
      ) as Promise<boolean>;
    assert.ok(await inView('.ojusterat'), 'OJUSTERAT in view');
    assert.ok(await inView('.minutes-title'), 'title in view');
    assert.ok(await inView('.document-kind'), 'kind of document in view');
  });

  it('reports the source line at its top when the reader scrolls', async () => {
    await render(minutes(), 1);
    await posted();
    const target = await topOfLine(itemLine(12));
    await page.evaluate(`window.scrollTo(0, ${target})`);
    const message = await waitForPosted(page, (m) => m.type === 'didScroll');
    assert.ok(Math.abs((message.line as number) - itemLine(12)) < 1, `got line ${message.line}`);
    const state = (await page.evaluate('window.__state')) as { uri: string; line: number };
    assert.equal(state.uri, 'file:///n.protokoll');
    assert.ok(Math.abs(state.line - itemLine(12)) < 1);
  });

  it('keeps the reader at the same source line when new content arrives', async () => {
    await render(minutes(), 1);
    await send({ type: 'scrollToLine', line: itemLine(25) });
    await waitFor(async () => Math.abs((await scrollY()) - (await topOfLine(itemLine(25)))) < 2);
    // An edit above the reader's place that adds lines of text moves the block down.
    await render(
      minutes(
        ' med en mycket lång rubrik som bryts över flera rader i förhandsvisningen '.repeat(6),
      ),
      2,
    );
    assert.ok(Math.abs((await scrollY()) - (await topOfLine(itemLine(25)))) < 2);
  });

  it('leaves the preview still while the edited line is in view, and scrolls when it is not', async () => {
    await render(minutes(), 1);
    const before = await scrollY();
    await send({ type: 'revealLine', line: itemLine(1) + 1 });
    await page.evaluate('new Promise((r) => requestAnimationFrame(r))');
    assert.equal(await scrollY(), before);
    await send({ type: 'revealLine', line: itemLine(35) });
    await waitFor(async () => (await scrollY()) > before);
    const top = (await page.evaluate(
      `document.querySelector('[data-line="${itemLine(35)}"]').getBoundingClientRect().top`,
    )) as number;
    assert.ok(top >= 0 && top < 600, `the edited block is at ${top}`);
  });

  it('marks the cursor line and sends the line of a double-clicked block', async () => {
    await render(minutes(), 1);
    await send({ type: 'cursorLine', line: itemLine(2) + 1 });
    await page.waitForSelector(`.is-cursor-line[data-line="${itemLine(2) + 1}"]`);
    assert.equal(await page.locator('.is-cursor-line').count(), 1);
    await page.locator(`li[data-line="${itemLine(3) + 2}"]`).dblclick();
    const message = await waitForPosted(page, (m) => m.type === 'openSource');
    assert.equal(message.line, itemLine(3) + 2);
  });

  it('starts at the top when another document is shown', async () => {
    await render(minutes(), 1);
    await send({ type: 'scrollToLine', line: itemLine(30) });
    await waitFor(async () => (await scrollY()) > 0);
    await render(minutes(), 2, true);
    assert.equal(await scrollY(), 0);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function waitForPosted(page: Page, match: (m: { type: string; line?: number }) => boolean) {
  let found: { type: string; line?: number } | undefined;
  await waitFor(async () => {
    const all = (await page.evaluate('window.__posted')) as { type: string; line?: number }[];
    found = all.find(match);
    return found !== undefined;
  });
  return found!;
}
