// Runs a mocha suite inside code-server's extension host, the way @vscode/test-electron does on
// desktop: the workbench URL carries a `payload` with extensionDevelopmentPath and
// extensionTestsPath; the workbench, in automation mode, forwards its log to
// window.codeAutomationLog and reports the suite's result through window.codeAutomationExit.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchChromium, type CodeServer } from './codeServer';

export interface ExtensionTestsOptions {
  server: CodeServer;
  /** Folder whose package.json is the extension under development (absolute path). */
  extensionDevelopmentPath: string;
  /** Module exporting `run(): Promise<void>`, e.g. out/test/vscode/index.js (absolute path). */
  extensionTestsPath: string;
  /** Folder to open (absolute path); default: a fresh empty temp dir. */
  workspaceFolder?: string;
  /** Whole-run limit (default 5 min); on expiry the result is 124. */
  timeoutMs?: number;
  /** Aborting ends the run at once (the result is 130). */
  signal?: AbortSignal;
  /** Where each log line goes (default: stdout with an `[exthost]` prefix). */
  onLog?: (line: string) => void;
}

/** Exit code for "the extension host never came up": no test ran; worth one retry. */
export const HOST_START_FAILED = 3;

// What the workbench logs when its remote extension host will not come up: waiting longer for
// codeAutomationExit is pointless then.
const HOST_START_FAILURE =
  /Error received from starting extension host|extension host took longer than \d+s to send its ready message|Extension host \(Remote\) terminated unexpectedly/i;

/**
 * Resolves with the suite's exit code: 0 when `run()` resolved, non-zero when it rejected, the
 * browser or page died (1), the extension host did not start ({@link HOST_START_FAILED}), the
 * time ran out (124) or `signal` aborted it (130). Never leaves the browser running.
 */
export async function runExtensionTests(options: ExtensionTestsOptions): Promise<number> {
  const { server } = options;
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const print = options.onLog ?? ((line: string) => process.stdout.write(`[exthost] ${line}\n`));
  for (const p of [options.extensionDevelopmentPath, options.extensionTestsPath]) {
    if (!path.isAbsolute(p)) throw new Error(`runExtensionTests needs absolute paths, got ${p}`);
    if (!fs.existsSync(p)) throw new Error(`runExtensionTests: ${p} does not exist`);
  }
  const tempWorkspace = options.workspaceFolder
    ? undefined
    : fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-ws-'));
  const folder = options.workspaceFolder ?? tempWorkspace!;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', server.remoteUri(options.extensionDevelopmentPath)],
    ['extensionTestsPath', server.remoteUri(options.extensionTestsPath)],
  ]);

  const browser = await launchChromium();
  const { page } = browser;
  let timer: NodeJS.Timeout | undefined;
  try {
    let resolve!: (code: number) => void;
    const result = new Promise<number>((r) => (resolve = r));
    await page.exposeFunction('codeAutomationLog', (level: unknown, message: unknown) => {
      const text = formatLog(message);
      if (level === 'error' && HOST_START_FAILURE.test(text)) {
        setImmediate(() => resolve(HOST_START_FAILED));
      }
      for (const line of text.split('\n')) {
        print(
          level === 'info' || level === 'trace' || level === 'debug'
            ? line
            : `${String(level)}: ${line}`,
        );
      }
    });
    await page.exposeFunction('codeAutomationExit', (code: unknown) =>
      resolve(typeof code === 'number' ? code : 1),
    );
    page.on('crash', () => {
      print('error: the workbench page crashed');
      resolve(1);
    });
    page.on('close', () => resolve(1));
    const onAbort = () => resolve(130);
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    timer = setTimeout(() => {
      print(`error: no result from the extension host within ${timeoutMs} ms`);
      resolve(124);
    }, timeoutMs);
    page.on('pageerror', (error) => print(`pageerror: ${error.message}`));
    // goto can fail when the run is already over (aborted, page closed): the result says why.
    await Promise.race([page.goto(server.workbenchUrl(folder, { payload })), result]).catch(
      (error: unknown) => {
        print(`error: ${error instanceof Error ? error.message : String(error)}`);
        resolve(1);
      },
    );
    const code = await result;
    options.signal?.removeEventListener('abort', onAbort);
    if (browser.blocked.length) {
      print(`note: blocked non-loopback requests: ${browser.blocked.join(', ')}`);
    }
    return code;
  } finally {
    if (timer) clearTimeout(timer);
    await browser.close();
    if (tempWorkspace) fs.rmSync(tempWorkspace, { recursive: true, force: true });
  }
}

function formatLog(message: unknown): string {
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(formatLog).join(' ');
  try {
    return JSON.stringify(message);
  } catch {
    return String(message);
  }
}
