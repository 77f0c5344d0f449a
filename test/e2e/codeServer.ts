// Real VS Code for tests: an isolated code-server (VS Code 1.100.3 in the browser) on loopback,
// and the headless Debian Chromium that Playwright drives against it.
//
// Everything a run writes lives under one temp dir (user data, extensions, HOME, XDG dirs), the
// extension gallery points at a dead loopback port, and the browser may only reach loopback.
// Processes are stopped by PID (process group), never by name.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { exitOf, killGroup, stopGroup, waitFor } from './process';

/** The repository root (this file compiles to out/test/e2e/codeServer.js). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** code-server's entry script, installed by `bash scripts/setup-e2e.sh`. */
export const codeServerEntry = path.join(
  process.env.CODE_SERVER_DIR ?? path.join(repoRoot, '.vscode-test', 'code-server'),
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);

export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

const SETUP_HINT =
  'run `bash scripts/setup-e2e.sh` once (installs chromium, neovim and code-server)';

/** Settings every run starts from: nothing phones home, nothing pops up over the editor. */
export const baseSettings: Readonly<Record<string, unknown>> = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'files.hotExit': 'off',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'npm.autoDetect': 'off',
};

// A gallery nobody answers: code-server would otherwise ask open-vsx.org.
const DEAD_GALLERY = JSON.stringify({
  serviceUrl: 'http://127.0.0.1:9/gallery',
  itemUrl: 'http://127.0.0.1:9/item',
  resourceUrlTemplate: 'http://127.0.0.1:9/r/{publisher}/{name}/{version}/{path}',
});

export interface CodeServerOptions {
  /** Extensions to install before the server starts (what users get is what is tested). */
  vsixPaths?: string[];
  /** User settings, merged over {@link baseSettings}. */
  settings?: Record<string, unknown>;
  /** Extra environment for the server and so for its extension hosts. */
  env?: Record<string, string>;
  /** How long to wait for `/healthz` (default 60 s). */
  startTimeoutMs?: number;
  /** Keep the run dir after stop() (default: only when PROTOKOLL_E2E_KEEP=1), for post-mortems. */
  keepRunDir?: boolean;
}

export interface CodeServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  pid: number;
  /** Temp dir holding user data, extensions, HOME and server.log / install.log. */
  runDir: string;
  /** `vscode-remote://127.0.0.1:PORT/abs/path`, the form workbench URLs take for server paths. */
  remoteUri(absPath: string): string;
  /** Workbench URL opening `folder` (an absolute path on this machine). */
  workbenchUrl(folder?: string, query?: Record<string, string>): string;
  /** The server log so far (for failure messages). */
  log(): string;
  /** Kill the process group, wait for it to be gone, remove the run dir. Idempotent. */
  stop(): Promise<void>;
}

/** Starts an isolated code-server on a free 127.0.0.1 port and waits until it is healthy. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  if (!fs.existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed (${codeServerEntry} missing): ${SETUP_HINT}`);
  }
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-cs-'));
  const keep = options.keepRunDir ?? process.env.PROTOKOLL_E2E_KEEP === '1';
  try {
    const dirs = prepareRunDir(runDir, options.settings ?? {});
    const env = isolatedEnv(runDir, options.env);
    const common = [
      '--config',
      dirs.config,
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
    ];

    if (options.vsixPaths?.length) {
      await installExtensions(common, options.vsixPaths, env, path.join(runDir, 'install.log'));
    }
    // A free port can be taken between probing and binding; retry on that race only.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      try {
        return await launch(runDir, common, port, env, options.startTimeoutMs ?? 60_000, keep);
      } catch (error) {
        if (!(error instanceof PortInUseError) || attempt >= 3) throw error;
      }
    }
  } catch (error) {
    if (!keep) fs.rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
}

function prepareRunDir(runDir: string, settings: Record<string, unknown>) {
  const userData = path.join(runDir, 'user-data');
  const extensions = path.join(runDir, 'extensions');
  const config = path.join(runDir, 'config.yaml');
  for (const dir of [path.join(userData, 'User'), extensions, path.join(runDir, 'home')]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ ...baseSettings, ...settings }, null, 2),
  );
  // Bind address and auth go on the command line (the port differs per attempt).
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  return { userData, extensions, config };
}

function isolatedEnv(runDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = path.join(runDir, 'home');
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Started from a VS Code terminal, these would make code-server talk to that VS Code.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE' || key === 'PASSWORD') continue;
    env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    EXTENSIONS_GALLERY: DEAD_GALLERY,
    ...extra,
  };
}

async function installExtensions(
  common: string[],
  vsixPaths: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
) {
  const args = [codeServerEntry, ...common];
  for (const vsix of vsixPaths) {
    const abs = path.resolve(vsix);
    if (!fs.existsSync(abs)) throw new Error(`vsix not found: ${abs}`);
    args.push('--install-extension', abs);
  }
  const log = fs.openSync(logFile, 'a');
  try {
    const child = spawn(process.execPath, args, {
      env,
      stdio: ['ignore', log, log],
      detached: true,
    });
    const code = await exitOf(child, 120_000);
    if (code !== 0) {
      throw new Error(
        `installing ${vsixPaths.join(', ')} failed (exit ${code}):\n${tail(logFile)}`,
      );
    }
  } finally {
    fs.closeSync(log);
  }
  // code-server may exit 0 even when an install fails: count the successes in its log.
  const installed =
    fs.readFileSync(logFile, 'utf8').match(/was successfully installed/g)?.length ?? 0;
  if (installed < vsixPaths.length) {
    throw new Error(`installing ${vsixPaths.join(', ')} failed:\n${tail(logFile)}`);
  }
}

class PortInUseError extends Error {}

async function launch(
  runDir: string,
  common: string[],
  port: number,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  keep: boolean,
): Promise<CodeServer> {
  const logFile = path.join(runDir, `server-${port}.log`);
  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      codeServerEntry,
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--disable-proxy',
      '--ignore-last-opened',
    ],
    // detached: its own process group, so stop() reaches the extension hosts and watchers too.
    { env, stdio: ['ignore', log, log], detached: true },
  );
  fs.closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn code-server');
  const exited = exitOf(child).catch(() => -1);
  // Last resort if the test process ends without stop() (uncaught error, process.exit in a hook).
  const killGroupAtExit = () => {
    killGroup(pid, 'SIGKILL');
    if (!keep) fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  };
  process.on('exit', killGroupAtExit);

  const url = `http://127.0.0.1:${port}`;
  const readLog = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await stopGroup(child);
      process.off('exit', killGroupAtExit);
      if (!keep) fs.rmSync(runDir, { recursive: true, force: true });
    })());

  // Poll /healthz until it answers or the server dies (no fixed sleeps).
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const ready = await waitFor(
    async () => (gone() ? 'exited' : (await healthy(url)) && 'ready'),
    timeoutMs,
    `${url}/healthz`,
  ).catch(() => 'timeout' as const);
  if (ready !== 'ready') {
    const text = readLog();
    const why =
      ready === 'timeout' ? `not healthy after ${timeoutMs} ms` : `exited with ${await exited}`;
    // Stop this attempt, but keep the run dir: a retry on another port reuses it.
    await stopGroup(child);
    process.off('exit', killGroupAtExit);
    if (/EADDRINUSE/.test(text)) throw new PortInUseError(`port ${port} in use`);
    throw new Error(`code-server ${why}. Its log:\n${lastLines(text, 40)}`);
  }
  return {
    url,
    port,
    pid,
    runDir,
    remoteUri: (absPath) => `vscode-remote://127.0.0.1:${port}${toPosix(absPath)}`,
    workbenchUrl: (folder, query = {}) => {
      const params = new URLSearchParams(folder ? { folder: toPosix(folder), ...query } : query);
      return `${url}/?${params.toString()}`;
    },
    log: readLog,
    stop,
  };
}

// ---------------------------------------------------------------------------------------------
// Chromium

export interface ChromiumOptions {
  viewport?: { width: number; height: number };
  /** Set PROTOKOLL_E2E_HEADED=1 (with a display) to watch. */
  headless?: boolean;
}

export interface ChromiumSession {
  context: BrowserContext;
  /** The first page of the persistent context. */
  page: Page;
  /** Every non-loopback URL the browser tried to reach (and was refused). Assert it stays empty. */
  blocked: string[];
  close(): Promise<void>;
}

/** Chromium flags for a quiet, sandbox-less, offline browser (root in a container). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
  // Below Playwright's routing (service workers, WebSockets): no name but localhost resolves, and
  // everything that is not loopback goes to a proxy nobody answers.
  // (*.localhost too: VS Code for the Web serves each webview from a `<uuid>.localhost` origin.)
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE *.localhost, EXCLUDE 127.0.0.1',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=127.0.0.1;localhost;*.localhost;[::1]',
];

export function isLoopbackUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (!/^(https?|wss?):$/.test(url.protocol)) return true; // data:, blob:, about:, vscode-*:
  return /^(127(\.\d{1,3}){3}|([\w-]+\.)*localhost|\[::1\])$/.test(url.hostname);
}

/** Launches /usr/bin/chromium with a fresh temp profile; only loopback traffic gets through. */
export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  if (!fs.existsSync(chromiumPath)) throw new Error(`${chromiumPath} not found: ${SETUP_HINT}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-chromium-'));
  const profile = path.join(dir, 'profile');
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  const blocked: string[] = [];
  let context: BrowserContext;
  try {
    // Playwright refuses --user-data-dir in args: a persistent context is how to own the profile.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      // Signals are the test runner's business: it closes the browser through close().
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      headless: options.headless ?? process.env.PROTOKOLL_E2E_HEADED !== '1',
      viewport: options.viewport ?? { width: 1400, height: 900 },
      args: chromiumArgs,
      env: browserEnv(home),
      timeout: 30_000,
    });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  await context.route(
    (url) => !isLoopbackUrl(url.href),
    (route) => {
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  // WebSockets are only watched, not routed: Playwright's WebSocket routing wraps every socket of
  // the page, and VS Code's binary remote protocol got corrupted through it on a loaded machine.
  // The proxy flags above refuse non-loopback sockets at the network level.
  const watch = (page: Page) =>
    page.on('websocket', (ws) => {
      if (!isLoopbackUrl(ws.url())) blocked.push(ws.url());
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  // Playwright kills the browser when this process exits; the profile is ours to remove.
  const removeAtExit = () => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  process.on('exit', removeAtExit);
  let closed: Promise<void> | undefined;
  return {
    context,
    page,
    blocked,
    close: () =>
      (closed ??= (async () => {
        await context.close().catch(() => undefined);
        process.off('exit', removeAtExit);
        removeAtExit();
      })()),
  };
}

function browserEnv(home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return { ...env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
}

// ---------------------------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no free port')),
      );
    });
  });
}

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(`${url}/healthz`, { timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function tail(file: string, lines = 40): string {
  return fs.existsSync(file) ? lastLines(fs.readFileSync(file, 'utf8'), lines) : '(no log)';
}

function lastLines(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
