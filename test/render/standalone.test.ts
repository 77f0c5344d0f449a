import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createProtokollService, createTextDocument } from '../../server/src/language/index.js';
import { HOSTILE_STRINGS, hostileMinutes } from './hostile.js';
import { CHROMIUM_PATH, chromiumTool, requireTools } from './tools.js';

// Tests compile to out/test/render/*.js.
const repoRoot = path.resolve(__dirname, '../../..');
const service = createProtokollService();

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Serves one HTML page per path on 127.0.0.1; closed after the suite. */
class PageServer {
  private readonly pages = new Map<string, string>();
  private server?: http.Server;
  private origin = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const body = this.pages.get(req.url ?? '');
      if (body === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  add(name: string, html: string): string {
    this.pages.set(`/${name}`, html);
    return `${this.origin}/${name}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}

interface Visit {
  /** Every request the page made besides its own document. */
  requests: string[];
  dialogs: string[];
  pwned: unknown;
  /** Elements that can run script or load something. */
  activeElements: string[];
  /** Attributes named on… anywhere in the DOM. */
  handlers: string[];
}

async function visit(page: Page, url: string, interact = true): Promise<Visit> {
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  // Give hover/focus handlers a chance, as a reader would: move over and tab through the page.
  const box = interact ? await page.locator('#protokoll-root').boundingBox() : null;
  if (box) {
    for (let y = box.y; y < box.y + box.height; y += 40)
      await page.mouse.move(box.x + box.width / 2, y);
  }
  if (interact) for (let i = 0; i < 10; i++) await page.keyboard.press('Tab');
  // A string, because this project compiles without the DOM library.
  const dom = (await page.evaluate(`(() => ({
    pwned: window.__pwned,
    activeElements: Array.from(document.querySelectorAll(
      'script, img, svg, iframe, object, embed, link, base, form, button, input, meta[http-equiv="refresh"]',
    )).map((e) => e.outerHTML.slice(0, 80)),
    handlers: Array.from(document.querySelectorAll('*')).flatMap((e) =>
      Array.from(e.attributes).filter((a) => a.name.startsWith('on')).map((a) => e.tagName + '.' + a.name),
    ),
  }))()`)) as Pick<Visit, 'pwned' | 'activeElements' | 'handlers'>;
  return { requests, dialogs, ...dom };
}

describe('standalone HTML in headless Chromium', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  const server = new PageServer();
  const blocked: string[] = [];

  before(async function () {
    requireTools(this, [chromiumTool()]);
    await server.start();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server.stop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser!.newContext();
    await context.route('**/*', async (route) => {
      const host = new URL(route.request().url()).hostname;
      if (host === '127.0.0.1' || host === 'localhost' || host === '[::1]') return route.continue();
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    return context.newPage();
  }

  for (const csp of ['with', 'without'] as const) {
    it(`runs no script and sends no request for any hostile string (${csp} the file's CSP)`, async () => {
      const page = await newPage();
      // One file with every hostile string, each in every place that shows document text.
      const text = HOSTILE_STRINGS.map((hostile) => hostileMinutes(hostile)).join('\n');
      const doc = createTextDocument(`file:///hostile-${csp}.protokoll`, text);
      let html = service.render(doc, { standalone: true, showDiagnostics: true }).html;
      // Without the CSP the escaping alone must keep everything inert.
      if (csp === 'without') {
        html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '');
        assert.doesNotMatch(html, /Content-Security-Policy/);
      }
      const result = await visit(page, server.add(`hostile-${csp}.html`, html));
      assert.equal(result.pwned, undefined, 'a script ran');
      assert.deepEqual(result.dialogs, [], 'a dialog opened');
      assert.deepEqual(result.requests, [], 'the page requested something');
      assert.deepEqual(
        result.activeElements,
        [],
        'an element that runs or loads something is in the DOM',
      );
      assert.deepEqual(result.handlers, [], 'an event handler attribute is in the DOM');
      assert.deepEqual(blocked, [], 'a request to a non-loopback address was attempted');
      // And each string alone, where it also lands in the header, attendance and signatures.
      for (const [i, hostile] of HOSTILE_STRINGS.entries()) {
        const single = service.render(
          createTextDocument(`file:///h${i}.protokoll`, hostileMinutes(hostile)),
          {
            standalone: true,
            showDiagnostics: true,
          },
        ).html;
        const page2 =
          csp === 'without'
            ? single.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '')
            : single;
        const one = await visit(page, server.add(`hostile-${csp}-${i}.html`, page2), false);
        const what = JSON.stringify(hostile);
        assert.equal(one.pwned, undefined, `a script ran for ${what}`);
        assert.deepEqual(one.requests, [], `the page requested something for ${what}`);
        assert.deepEqual([...one.activeElements, ...one.handlers], [], `active markup for ${what}`);
        page.removeAllListeners('request');
        page.removeAllListeners('dialog');
      }
      assert.deepEqual(blocked, [], 'a request to a non-loopback address was attempted');
      await page.context().close();
    });
  }

  it("fails this suite's own checks on a page that does run script (the test can fail)", async () => {
    const page = await newPage();
    const url = server.add(
      'canary.html',
      '<!DOCTYPE html><div id="protokoll-root"></div><img src="https://tracker.example/x.png"><script>window.__pwned=1</script>',
    );
    const result = await visit(page, url);
    assert.equal(result.pwned, 1);
    assert.deepEqual(result.requests, ['https://tracker.example/x.png']);
    assert.deepEqual(blocked.splice(0), ['https://tracker.example/x.png']);
    await page.context().close();
  });

  it('shows the seed as minutes with the OJUSTERAT mark and the escaped text visible', async () => {
    const page = await newPage();
    const seed = fs.readFileSync(
      path.join(repoRoot, 'examples/sikt/sikt-2018-12-14.protokoll'),
      'utf8',
    );
    const html = service.render(createTextDocument('file:///seed.protokoll', seed), {
      standalone: true,
    }).html;
    const url = server.add('seed.html', html);
    const result = await visit(page, url);
    assert.deepEqual(result.requests, []);
    assert.equal(await page.title(), 'SIKTnätverket 2018-12-14');
    assert.equal(await page.locator('.ojusterat').innerText(), 'OJUSTERAT');
    assert.equal(await page.locator('.item-heading').count(), 6);
    assert.ok(
      await page
        .locator('.signature-recorder')
        .innerText()
        .then((t) => t.includes('Hannes Berggren')),
    );
    const hostileUrl = server.add(
      'visible.html',
      service.render(
        createTextDocument(
          'file:///v.protokoll',
          hostileMinutes('<script>window.__pwned=1</script>'),
        ),
        { standalone: true },
      ).html,
    );
    await page.goto(hostileUrl);
    assert.equal(
      await page.locator('.minutes-title').innerText(),
      '<script>window.__pwned=1</script>',
    );
    await page.goto(url);
    const shots = path.join(repoRoot, 'test-results', 'render');
    fs.mkdirSync(shots, { recursive: true });
    await page.setViewportSize({ width: 900, height: 1200 });
    await page.screenshot({ path: path.join(shots, 'standalone-seed.png'), fullPage: true });
    await page.context().close();
  });
});
