// Writes media/minutes.css, the preview's stylesheet, from its one source: MINUTES_CSS in
// server/src/language/render/css.ts, which standalone HTML inlines. The webview's CSP loads
// styles only from files in its localResourceRoots (media/), so the preview needs it as a file;
// the file is build output (git ignores it). Called by scripts/bundle.mjs.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The first line of the written file; test/unit/render/stylesheet.test.ts expects it. */
export const STYLESHEET_HEADER =
  '/* Built by scripts/bundle.mjs from server/src/language/render/css.ts: edit that file. */\n';

/** Compiles css.ts (a constant, no imports) and writes its stylesheet; returns the file. */
export async function writeMinutesStylesheet(repo) {
  const result = await build({
    absWorkingDir: repo,
    entryPoints: ['server/src/language/render/css.ts'],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'neutral',
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', result.outputFiles[0].text)(module, module.exports);
  const css = module.exports.MINUTES_CSS;
  if (typeof css !== 'string' || css === '') throw new Error('css.ts exports no MINUTES_CSS');
  const file = path.join(repo, 'media', 'minutes.css');
  const text = STYLESHEET_HEADER + css;
  // Unchanged files keep their time stamp (a watching editor need not reload them).
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
  return file;
}
