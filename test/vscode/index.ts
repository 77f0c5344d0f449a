// Extension-host side of the integration tests: VS Code loads this module (extensionTestsPath)
// inside its extension host and awaits run(). Works the same under code-server (scripts/
// test-editors.mjs) and desktop VS Code (runWithElectron.ts).
//
// Env (the extension host inherits the editor server's environment):
//   PROTOKOLL_VSCODE_TESTS  folder to collect *.test.js from (default: this folder, out/test/vscode)
//   PROTOKOLL_TEST_GREP     only run tests whose full title matches this pattern
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const root = path.resolve(process.env.PROTOKOLL_VSCODE_TESTS ?? __dirname);
  // The extension host forwards console.log to the editor as text, dropping printf-style
  // formatting ('%s%s'): hand the reporters' lines over already formatted.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  if (process.env.PROTOKOLL_TEST_GREP) mocha.grep(process.env.PROTOKOLL_TEST_GREP);

  const files = (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(root, file));
  if (files.length === 0) throw new Error(`no *.test.js files under ${root}`);
  for (const file of files) mocha.addFile(file);

  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
