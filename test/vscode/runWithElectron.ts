// The extension-host suite on desktop VS Code, for machines that can download it
// (@vscode/test-electron fetches and caches it under .vscode-test/). Where the download is
// impossible (offline, or the VS Code update server is unreachable) it says so and exits 0:
// there the same suite runs in code-server instead (npm run test:editors).
//
// Usage: node out/test/vscode/runWithElectron.js [vscodeVersion]   (after npm run build)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const version = process.argv[2] ?? process.env.VSCODE_VERSION ?? 'stable';
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, timeout: 30_000 });
  } catch (error) {
    if (isNetworkError(error)) {
      console.log(
        `SKIPPED: desktop VS Code ${version} could not be downloaded (${describe(error)}).`,
      );
      console.log(
        '         This machine is offline; use `npm run test:editors` (code-server) instead.',
      );
      return 0;
    }
    throw error;
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-ws-'));
  try {
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
      ],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

function isNetworkError(error: unknown): boolean {
  const text = describe(error);
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|timeout|timed out|fetch failed|socket hang up|getaddrinfo/i.test(
    text,
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const code = (error as Error & { code?: unknown }).code;
    return [error.message, code, cause instanceof Error ? cause.message : cause]
      .filter(Boolean)
      .join(' / ');
  }
  return String(error);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('runWithElectron failed:', error);
    process.exit(1);
  },
);
