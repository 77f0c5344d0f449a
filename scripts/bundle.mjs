// Produces the shipped bundles, minified, in dist/:
//   extension.js  what VS Code loads on activation: the language client and the commands
//   preview.js    the preview and the HTML/PDF export, loaded the first time one is used
//   server.js     the language server (`protokoll-language-server`)
//   cli.js        the command line (`protokoll`)
//   pdf.js        the PDF writer (pdfkit), loaded by preview.js and cli.js when a PDF is exported
//   fonts/        the PDF fonts, cut down to the characters minutes use (scripts/subset-fonts.mjs)
//   web/          the extension and the language server for VS Code for the Web
//                 (scripts/browserBundles.mjs)
// `vscode` stays external: the editor provides it. The chunks are separate CommonJS bundles that
// `require` each other by relative path at run time, so each stays out of the bundles that start
// without it.
import { build } from 'esbuild';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBrowserBundles } from './browserBundles.mjs';
import { subsetFonts } from './subset-fonts.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Imports of another chunk become a `require` of that chunk's file beside the bundle: `from`
 * is the import as written in the source, `to` the file in dist/.
 */
function chunks(map) {
  return {
    name: 'chunks',
    setup(b) {
      for (const [from, to] of Object.entries(map)) {
        const filter = new RegExp(`^${from.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
        b.onResolve({ filter }, () => ({ path: to, external: true }));
      }
    },
  };
}

/**
 * fontkit (inside pdfkit) needs brotli only to read WOFF2 fonts; the PDF embeds TrueType fonts,
 * so its 1.4 MB decompressor is replaced by a function that says so.
 */
const noBrotli = {
  name: 'no-brotli',
  setup(b) {
    b.onResolve({ filter: /^brotli(\/.*)?$/ }, (args) => ({ path: args.path, namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents:
        "module.exports = function () { throw new Error('WOFF2 fonts are not supported: Protokoll embeds TrueType fonts'); };",
      loader: 'js',
    }));
  },
};

const common = {
  absWorkingDir: repo,
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // A dynamic import() of another chunk becomes require(): the same loader in every host.
  supported: { 'dynamic-import': false },
  sourcemap: true,
  logLevel: 'warning',
  external: ['vscode'],
  // jsonc-parser's UMD entry hides its requires from esbuild; its ES module entry bundles cleanly.
  mainFields: ['module', 'main'],
  // pdfkit's ES module entry locates its data with import.meta.url, which a CommonJS bundle
  // lacks; its CommonJS entry uses __filename and bundles cleanly.
  alias: { pdfkit: './node_modules/pdfkit/js/pdfkit.js' },
  metafile: true,
};
const SHEBANG = { js: '#!/usr/bin/env node' };
const pdfChunk = chunks({ './pdf.js': './pdf.js' });

const results = await Promise.all([
  build({
    ...common,
    entryPoints: ['server/src/node/server.ts'],
    outfile: 'dist/server.js',
    banner: SHEBANG,
    plugins: [pdfChunk],
  }),
  build({
    ...common,
    entryPoints: ['server/src/node/cli.ts'],
    outfile: 'dist/cli.js',
    banner: SHEBANG,
    plugins: [pdfChunk],
  }),
  build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/extension.js',
    plugins: [chunks({ './preview/index.js': './preview.js' })],
  }),
  build({
    ...common,
    entryPoints: ['client/src/preview/index.ts'],
    outfile: 'dist/preview.js',
    plugins: [pdfChunk],
  }),
  build({
    ...common,
    entryPoints: ['server/src/node/export/pdf.ts'],
    outfile: 'dist/pdf.js',
    plugins: [noBrotli],
  }),
  subsetFonts(path.join(repo, 'media', 'fonts'), path.join(repo, 'dist', 'fonts')),
  buildBrowserBundles(build, repo),
]).then((all) => all.flat());

if (process.argv.includes('--sizes')) {
  for (const result of results) {
    for (const [file, output] of Object.entries(result?.metafile?.outputs ?? {})) {
      if (!file.endsWith('.map'))
        console.log(`${file.padEnd(20)} ${(output.bytes / 1024).toFixed(0)} KB`);
    }
  }
}
