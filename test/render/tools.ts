import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

/** Where the Chromium test looks for the browser; `scripts/setup-e2e.sh` installs it there. */
export const CHROMIUM_PATH = process.env.PROTOKOLL_CHROMIUM ?? '/usr/bin/chromium';

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Skips the calling test (with a message) when a tool is missing, or fails it with the fix when
 * PROTOKOLL_REQUIRE_TOOLS=1 (CI), so a missing install never passes silently there.
 */
export function requireTools(
  context: Mocha.Context,
  tools: { name: string; present: boolean }[],
): void {
  const missing = tools.filter((t) => !t.present).map((t) => t.name);
  if (missing.length === 0) return;
  const message = `missing ${missing.join(', ')}: run "bash scripts/setup-e2e.sh" (or apt-get install -y chromium poppler-utils)`;
  if (process.env.PROTOKOLL_REQUIRE_TOOLS === '1') {
    throw new Error(`${message}; PROTOKOLL_REQUIRE_TOOLS=1 forbids skipping`);
  }
  console.warn(`      skipped: ${message}`);
  context.skip();
}

export const chromiumTool = () => ({ name: CHROMIUM_PATH, present: fs.existsSync(CHROMIUM_PATH) });
export const popplerTools = () => [
  { name: 'pdftotext (poppler-utils)', present: onPath('pdftotext') },
  { name: 'pdffonts (poppler-utils)', present: onPath('pdffonts') },
  { name: 'pdfinfo (poppler-utils)', present: onPath('pdfinfo') },
  { name: 'pdftohtml (poppler-utils)', present: onPath('pdftohtml') },
];
