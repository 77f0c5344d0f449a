// The real-editor tests, in one go:
//   (a) the extension-host suite (out/test/vscode/**/*.test.js) inside VS Code 1.100 (code-server),
//   (b) the Playwright UI tests (out/test/ui/**/*.test.js) against the same code-server's workbench,
//   (c) the Neovim LSP-client tests (out/test/nvim/**/*.test.js).
// One code-server is started with the packaged extension installed, shared by (a) and (b), and
// stopped by PID at the end, also on failure or Ctrl+C. Needs `bash scripts/setup-e2e.sh` once
// and a build (`npm run build`).
//
// Usage: node scripts/test-editors.mjs [options]
//   --only host,ui,nvim   run only these suites (default: all three)
//   --vsix FILE           install this extension (repeatable) as it is; default: protokoll.vsix,
//                         packaged first with `npm run package`
//   --dev DIR             extensionDevelopmentPath for (a) (default: the extension as installed
//                         from the .vsix, so what users get is what is tested; else the repository)
//   --host-tests DIR      folder of (a)'s *.test.js (default: out/test/vscode)
//   --ui-tests DIR        folder of (b)'s *.test.js (default: out/test/ui)
//   --nvim-tests DIR      folder of (c)'s *.test.js (default: out/test/nvim)
//   --workspace DIR       copied to a temp folder that (a) opens (default: examples/)
//   --env NAME=VALUE      extra environment for code-server (so the extension host) and the suites
// Env: PROTOKOLL_E2E_KEEP=1 keeps code-server's run dir (logs) for a post-mortem.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptRunner, secs } from './scriptRunner.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { say, die, options } = scriptRunner('editors', 'scripts/test-editors.mjs');

// --- options --------------------------------------------------------------------------------------
const args = options({
  only: { type: 'string', default: 'host,ui,nvim' },
  vsix: { type: 'string', multiple: true },
  dev: { type: 'string' },
  'host-tests': { type: 'string', default: path.join(repo, 'out', 'test', 'vscode') },
  'ui-tests': { type: 'string', default: path.join(repo, 'out', 'test', 'ui') },
  'nvim-tests': { type: 'string', default: path.join(repo, 'out', 'test', 'nvim') },
  workspace: { type: 'string', default: path.join(repo, 'examples') },
  env: { type: 'string', multiple: true, default: [] },
});
const suitesWanted = new Set(args.only.split(',').map((s) => s.trim()));
for (const s of suitesWanted)
  if (!['host', 'ui', 'nvim'].includes(s)) die(`unknown suite '${s}' in --only`);
const extraEnv = Object.fromEntries(
  args.env.map((pair) => {
    const i = pair.indexOf('=');
    if (i < 1) die(`--env wants NAME=VALUE, got '${pair}'`);
    return [pair.slice(0, i), pair.slice(i + 1)];
  }),
);
const abs = (p) => path.resolve(p);
const hostTests = abs(args['host-tests']);
const uiTests = abs(args['ui-tests']);
const nvimTests = abs(args['nvim-tests']);

// --- preconditions --------------------------------------------------------------------------------
const SETUP = 'Run once: bash scripts/setup-e2e.sh';
const harness = path.join(repo, 'out', 'test', 'e2e', 'codeServer.js');
if (!fs.existsSync(harness))
  die(`${path.relative(repo, harness)} is missing: the tests are not built.`, 'Run: npm run build');
const csDir = process.env.CODE_SERVER_DIR ?? path.join(repo, '.vscode-test', 'code-server');
const needsCodeServer = suitesWanted.has('host') || suitesWanted.has('ui');
if (needsCodeServer && !fs.existsSync(path.join(csDir, '.installed')))
  die(`code-server is not installed in ${csDir}.`, SETUP);
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (needsCodeServer && !fs.existsSync(chromium)) die(`${chromium} is missing.`, SETUP);
if (suitesWanted.has('nvim') && !onPath('nvim')) die('nvim (Neovim) is not on PATH.', SETUP);

const testFiles = (dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true })
        .filter((f) => f.endsWith('.test.js'))
        .sort()
        .map((f) => path.join(dir, f))
    : [];

// --- run ------------------------------------------------------------------------------------------
const { startCodeServer } = require(harness);
const { runExtensionTests, HOST_START_FAILED } = require(
  path.join(repo, 'out', 'test', 'e2e', 'runExtensionTests.js'),
);
const { exitOf, killGroup, stopGroup } = require(
  path.join(repo, 'out', 'test', 'e2e', 'process.js'),
);

/** @type {{name: string, status: 'passed'|'failed'|'skipped'|'interrupted', ms: number, passed: number, failed: number, pending: number, note?: string}[]} */
const results = [];
const timings = [];
const children = new Set();
let server;
const cleanups = [];

let cleaning;
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const child of children) await stopGroup(child, 3_000);
    if (server) {
      const s = Date.now();
      await server.stop();
      timings.push(['stop code-server', Date.now() - s]);
    }
    while (cleanups.length) cleanups.pop()();
  })());

// Ctrl+C / SIGTERM: stop the running suite (its process group, or the browser of the extension-
// host run), skip the rest, clean up as usual below, exit 130. A second signal: kill and leave.
const interrupt = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupt.signal.aborted) {
      for (const child of children) killGroup(child.pid, 'SIGKILL');
      if (server) killGroup(server.pid, 'SIGKILL');
      process.exit(130);
    }
    say(`${signal}: stopping`);
    interrupt.abort();
    for (const child of children) void stopGroup(child, 3_000);
  });
}

/** Counts mocha's closing lines ("N passing", "N failing", "N pending") in a suite's output. */
function counter() {
  const counts = { passed: 0, failed: 0, pending: 0 };
  return {
    counts,
    line(text) {
      const m = /^\s*(\d+) (passing|failing|pending)\b/.exec(text);
      if (m)
        counts[{ passing: 'passed', failing: 'failed', pending: 'pending' }[m[2]]] += Number(m[1]);
    },
  };
}

async function suite(name, files, body) {
  if (!suitesWanted.has(name)) return;
  if (files.length === 0) {
    say(`${name}: no *.test.js files, skipped`);
    results.push({
      name,
      status: 'skipped',
      ms: 0,
      passed: 0,
      failed: 0,
      pending: 0,
      note: 'no test files',
    });
    return;
  }
  if (interrupt.signal.aborted) {
    results.push({
      name,
      status: 'skipped',
      ms: 0,
      passed: 0,
      failed: 0,
      pending: 0,
      note: 'interrupted',
    });
    return;
  }
  say(`${name}: ${files.length} test file(s)`);
  const s = Date.now();
  const { counts, line } = counter();
  let code;
  try {
    code = await body(line);
  } catch (error) {
    console.error(error);
    code = 1;
  }
  const failed = code === 0 ? counts.failed : Math.max(counts.failed, 1);
  const interrupted = interrupt.signal.aborted;
  results.push({
    name,
    status: interrupted ? 'interrupted' : code === 0 ? 'passed' : 'failed',
    ms: Date.now() - s,
    ...counts,
    failed: interrupted ? counts.failed : failed,
    note: interrupted ? 'interrupted' : code ? `exit ${code}` : undefined,
  });
}

/** Runs mocha (the repo's) on `files` in its own process group; forwards and scans its output. */
async function mocha(files, env, line) {
  const child = spawn(
    process.execPath,
    [
      require.resolve('mocha/bin/mocha.js'),
      '--no-config',
      '--timeout',
      '120000',
      '--slow',
      '10000',
      '--reporter',
      'spec',
      ...files,
    ],
    {
      cwd: repo,
      env: { ...process.env, ...extraEnv, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  children.add(child);
  const forward = (stream, out) => {
    let rest = '';
    stream.setEncoding('utf8').on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const l of lines) {
        out.write(`${l}\n`);
        line(l);
      }
    });
    stream.on('end', () => rest && (out.write(`${rest}\n`), line(rest)));
  };
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  try {
    return await exitOf(child, 15 * 60_000);
  } finally {
    children.delete(child);
  }
}

let exitCode = 1;
try {
  const hostFiles = testFiles(hostTests);
  const uiFiles = testFiles(uiTests);
  const nvimFiles = testFiles(nvimTests);
  const wantServer =
    (suitesWanted.has('host') && hostFiles.length > 0) ||
    (suitesWanted.has('ui') && uiFiles.length > 0);

  if (wantServer) {
    const vsixPaths = args.vsix?.map(abs) ?? [await packagedVsix()];
    let s = Date.now();
    server = await startCodeServer({
      vsixPaths,
      env: { ...extraEnv, PROTOKOLL_VSCODE_TESTS: hostTests },
    });
    timings.push(['start code-server (incl. vsix install)', Date.now() - s]);
    say(`code-server ${server.url} pid ${server.pid} (run dir ${server.runDir})`);
  }

  await suite('host', hostFiles, async (line) => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-host-ws-'));
    cleanups.push(() => fs.rmSync(workspace, { recursive: true, force: true }));
    if (fs.existsSync(args.workspace)) {
      fs.cpSync(abs(args.workspace), workspace, { recursive: true });
    }
    const run = () =>
      runExtensionTests({
        server,
        extensionDevelopmentPath: args.dev ? abs(args.dev) : (installedExtension(server) ?? repo),
        extensionTestsPath: path.join(repo, 'out', 'test', 'vscode', 'index.js'),
        workspaceFolder: workspace,
        signal: interrupt.signal,
        onLog: (text) => {
          console.log(`  [exthost] ${text}`);
          line(text);
        },
      });
    const code = await run();
    if (code !== HOST_START_FAILED || interrupt.signal.aborted) return code;
    // No test ran: the editor's extension host did not come up (seen on an overloaded machine).
    say('host: the extension host did not start; retrying once');
    return run();
  });

  await suite('ui', uiFiles, (line) =>
    mocha(uiFiles, { PROTOKOLL_CODE_SERVER_URL: server.url }, line),
  );

  await suite('nvim', nvimFiles, (line) => mocha(nvimFiles, {}, line));

  exitCode = interrupt.signal.aborted ? 130 : results.some((r) => r.status === 'failed') ? 1 : 0;
} catch (error) {
  console.error(`\ntest-editors: ${error?.stack ?? error}`);
  if (server)
    console.error(`code-server log (tail):\n${server.log().split('\n').slice(-30).join('\n')}`);
} finally {
  await cleanup();
}

// --- report ---------------------------------------------------------------------------------------
console.log('\nReal-editor tests');
for (const r of results) {
  console.log(
    `  ${r.name.padEnd(5)} ${r.status.padEnd(11)} ${secs(r.ms).padStart(6)}  ${r.passed} passed, ${r.failed} failed, ${r.pending} pending${r.note ? `  (${r.note})` : ''}`,
  );
}
for (const [what, ms] of timings) console.log(`  ${what}: ${secs(ms)}`);
console.log(`  total: ${secs(Date.now() - t0)}`);
const total = (k) => results.reduce((n, r) => n + r[k], 0);
console.log(
  `editors: ${total('passed')} passed, ${total('failed') + (exitCode && !total('failed') ? 1 : 0)} failed, ${total('pending')} skipped`,
);
process.exit(exitCode);

// --- helpers --------------------------------------------------------------------------------------
/** The folder code-server unpacked the Protokoll .vsix into (its extensions dir), if any. */
function installedExtension(codeServer) {
  const dir = path.join(codeServer.runDir, 'extensions');
  const name = fs.existsSync(dir)
    ? fs.readdirSync(dir).find((entry) => entry.startsWith('protokoll.protokoll-'))
    : undefined;
  return name && path.join(dir, name);
}

function onPath(cmd) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, cmd), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * protokoll.vsix at the repo root, freshly packaged with `npm run package` (a few seconds; what
 * users install is what is tested). Without a "package" script: the existing file, if any.
 */
async function packagedVsix() {
  const vsix = path.join(repo, 'protokoll.vsix');
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
  if (!pkg.scripts?.package) {
    if (fs.existsSync(vsix)) return vsix;
    throw new Error('no protokoll.vsix and no "package" script in package.json: pass --vsix FILE');
  }
  say('packaging protokoll.vsix (npm run package)');
  const s = Date.now();
  const child = spawn('npm', ['run', '--silent', 'package'], {
    cwd: repo,
    stdio: 'inherit',
    detached: true,
  });
  children.add(child);
  const code = await exitOf(child, 5 * 60_000).finally(() => children.delete(child));
  if (code !== 0 || !fs.existsSync(vsix)) throw new Error(`npm run package failed (exit ${code})`);
  timings.push(['package vsix', Date.now() - s]);
  return vsix;
}
