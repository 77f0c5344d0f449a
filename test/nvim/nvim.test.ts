// The language server in a second real editor: Neovim 0.7's built-in LSP client, headless,
// driven by test/nvim/lsp.lua. Proves the server works for a client that is not VS Code
// (UTF-8 byte columns, LSP severities: Warning = 2).
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exitOf } from '../e2e/process';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const luaScript = path.join(repoRoot, 'test', 'nvim', 'lsp.lua');
const server = process.env.PROTOKOLL_SERVER ?? path.join(repoRoot, 'dist', 'server.js');
const nvim = process.env.NVIM_BIN ?? 'nvim';

/**
 * The seed minutes as the project ships them, with the seed's real mistakes: a non-official form
 * (`Tidaholm kommun`) and a secretary elected in § 1 (Britt Andersson) who is not the one who
 * signs (Hannes Berggren).
 */
const seed = fs.readFileSync(
  path.join(repoRoot, 'examples', 'sikt', 'sikt-2018-12-14.protokoll'),
  'utf8',
);

interface NvimDiagnostic {
  line: number; // 1-based
  col: number; // 1-based, UTF-8 bytes
  severity: number; // LSP: 1 error, 2 warning, 3 information, 4 hint
  code: string;
  message: string;
}

interface NvimResult {
  diagnostics: NvimDiagnostic[];
  completions: string[];
  stdout: string;
}

/** Opens `text` as FILE in headless Neovim with the server attached; resolves with what it saw. */
async function runNvim(
  text: string,
  completionAt?: { line: number; character?: number },
): Promise<NvimResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-nvim-'));
  try {
    const file = path.join(dir, 'möte.protokoll');
    fs.writeFileSync(file, text);
    const home = path.join(dir, 'home');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_DATA_HOME: path.join(home, '.local', 'share'),
      XDG_STATE_HOME: path.join(home, '.local', 'state'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      PROTOKOLL_SERVER: server,
      PROTOKOLL_NODE: process.execPath,
    };
    delete env.PROTOKOLL_LINE;
    delete env.PROTOKOLL_CHAR;
    if (completionAt) {
      env.PROTOKOLL_LINE = String(completionAt.line);
      if (completionAt.character !== undefined) env.PROTOKOLL_CHAR = String(completionAt.character);
    }
    const child = spawn(
      nvim,
      ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${luaScript}`, file],
      {
        cwd: dir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // its own process group, with the server: killed together on timeout
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await exitOf(child, 30_000);
    const lines = stdout.split(/\r?\n/);
    const failure = lines.find((line) => line.startsWith('FAIL: '));
    if (code !== 0 || failure || !lines.includes('OK')) {
      // The server's own stderr only reaches Neovim's LSP log.
      const lspLog = path.join(home, '.cache', 'nvim', 'lsp.log');
      const serverLog = fs.existsSync(lspLog)
        ? fs.readFileSync(lspLog, 'utf8').split('\n').slice(-30).join('\n')
        : '';
      throw new Error(
        `nvim exited ${code}: ${failure ?? 'no OK line'}\n--- stdout\n${stdout}\n--- stderr\n${stderr}\n--- lsp.log\n${serverLog}`,
      );
    }
    return {
      diagnostics: lines.flatMap(parseDiagnostic),
      completions: lines.flatMap(parseCompletion),
      stdout,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function parseDiagnostic(line: string): NvimDiagnostic[] {
  const m = /^DIAG (\d+):(\d+) sev=(\d) code=(\S+) msg=(.*)$/.exec(line);
  return m ? [{ line: +m[1]!, col: +m[2]!, severity: +m[3]!, code: m[4]!, message: m[5]! }] : [];
}

function parseCompletion(line: string): string[] {
  return line.startsWith('COMPLETION ') ? [line.slice('COMPLETION '.length)] : [];
}

function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  assert.notEqual(index, -1, `fixture has no line with ${needle}`);
  return index;
}

describe('Neovim 0.7 LSP client (real editor)', function () {
  this.timeout(40_000);

  before(function () {
    const probe = spawnSync(nvim, ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      const why = `Neovim (${nvim}) is not installed: run \`bash scripts/setup-e2e.sh\``;
      // CI installs it; there a missing nvim is a broken setup, not a reason to skip.
      if (process.env.CI) throw new Error(why);
      console.log(`    SKIPPED: ${why}`);
      this.skip();
    }
    if (!fs.existsSync(server)) throw new Error(`${server} not found: run \`npm run build\` first`);
  });

  it('reports municipality/form and signature/mismatch on the seed minutes', async () => {
    const { diagnostics } = await runNvim(seed);
    const codes = diagnostics.map((d) => d.code);
    assert.ok(codes.includes('municipality/form'), `codes: ${codes.join(', ')}`);
    assert.ok(codes.includes('signature/mismatch'), `codes: ${codes.join(', ')}`);
    const form = diagnostics.find((d) => d.code === 'municipality/form')!;
    assert.equal(form.line, lineOf(seed, 'Tidaholm kommun') + 1);
    assert.equal(form.severity, 2, 'a warning (LSP severity 2)');
    assert.equal(diagnostics.find((d) => d.code === 'signature/mismatch')!.severity, 2);
  });

  it('completes Gullspång at the end of `- Ulf Andersson, Gull`', async () => {
    const text = seed.replace('- Ulf Andersson, Gullspångs kommun', '- Ulf Andersson, Gull');
    const { completions } = await runNvim(text, { line: lineOf(text, '- Ulf Andersson, Gull') });
    assert.ok(
      completions.includes('Gullspång'),
      `completions: ${completions.slice(0, 20).join(', ')}`,
    );
  });
});
