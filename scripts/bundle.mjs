// Produces the shipped bundles, minified, in dist/:
//   extension.js  what VS Code loads on activation: the commands, the task provider and the
//                 loaders of the chunks below
//   languageClient.js  the language client (vscode-languageclient), loaded by extension.js right
//                 after activation
//   preview.js    the preview and the HTML/PDF export, loaded the first time one is used
//   server.js     the language server (`protokoll-language-server`)
//   cli.js        the command line (`protokoll`)
//   pdf.js        the PDF writer (pdfkit, without brotli and AES), loaded by preview.js and cli.js
//                 when a PDF is exported
//   fonts/        the PDF fonts, cut down to the characters minutes use (scripts/subset-fonts.mjs)
//   web/          the extension and the language server for VS Code for the Web
//                 (scripts/browserBundles.mjs)
// and media/minutes.css, the preview's stylesheet, from render/css.ts (scripts/minutes-stylesheet.mjs).
// `vscode` stays external: the editor provides it. The chunks are separate CommonJS bundles that
// `require` each other by relative path at run time, so each stays out of the bundles that start
// without it.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeMinutesStylesheet } from './minutes-stylesheet.mjs';
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

/**
 * pdfkit needs AES (@noble/ciphers) only to encrypt a PDF with a password, which Protokoll never
 * does; the module builds its lookup tables when loaded, a tenth of the PDF writer's start-up,
 * so it is replaced by functions that say so.
 */
const noAes = {
  name: 'no-aes',
  setup(b) {
    b.onResolve({ filter: /^@noble\/ciphers\/aes(\.js)?$/ }, (args) => ({
      path: args.path,
      namespace: 'stub-aes',
    }));
    b.onLoad({ filter: /.*/, namespace: 'stub-aes' }, () => ({
      contents:
        "const refuse = () => { throw new Error('PDF encryption is not supported: Protokoll writes unencrypted PDFs'); }; module.exports = { cbc: refuse, ecb: refuse };",
      loader: 'js',
    }));
  },
};

/**
 * `import * as vscode from 'vscode'` of an external CommonJS module costs a copy of the whole API
 * object (esbuild's __toESM, hundreds of properties) in every file that imports it; this makes
 * it one copy per bundle: each file imports one module that re-exports `vscode`.
 */
const oneVscodeNamespace = {
  name: 'one-vscode-namespace',
  setup(b) {
    // A require('vscode') (vscode-languageclient's) stays as it is: through the module it would
    // cost a copy per call.
    b.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-namespace' || args.kind !== 'import-statement'
        ? { path: 'vscode', external: true }
        : { path: 'vscode', namespace: 'vscode-namespace' },
    );
    b.onLoad({ filter: /.*/, namespace: 'vscode-namespace' }, () => ({
      contents: "export * from 'vscode';",
      loader: 'js',
    }));
  },
};

/**
 * The language service (server/src/language) as one chunk, dist/language.js, shared by the
 * server, the command line, the preview and the PDF writer instead of a copy in each (the VSIX
 * holds them all). The chunk's entry exports every module of the service by its path; an import
 * of any of them from outside the service becomes a `require` of the chunk.
 */
const LANGUAGE_DIR = path.join(repo, 'server', 'src', 'language');
const languageModules = (dir = LANGUAGE_DIR) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return languageModules(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
const languageKey = (file) =>
  path.relative(LANGUAGE_DIR, file).replace(/\.ts$/, '').split(path.sep).join('/');
const languageChunkEntry = () =>
  languageModules()
    .map((file) => `export * as ${JSON.stringify(languageKey(file))} from ${JSON.stringify(file)};`)
    .join('\n');
const resolveTs = (file) =>
  [`${file}.ts`, path.join(file, 'index.ts'), file].find(
    (f) => fs.existsSync(f) && fs.statSync(f).isFile(),
  );
const languageChunk = {
  name: 'language-chunk',
  setup(b) {
    b.onResolve({ filter: /^\.\/language\.js$/ }, () => ({
      path: './language.js',
      external: true,
    }));
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.importer.startsWith(LANGUAGE_DIR + path.sep) || args.namespace === 'language-chunk')
        return undefined;
      const target = resolveTs(path.resolve(args.resolveDir, args.path.replace(/\.js$/, '')));
      if (!target || !target.startsWith(LANGUAGE_DIR + path.sep)) return undefined;
      return { path: languageKey(target), namespace: 'language-chunk' };
    });
    b.onLoad({ filter: /.*/, namespace: 'language-chunk' }, (args) => ({
      contents: `module.exports = require('./language.js')[${JSON.stringify(args.path)}];`,
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
    plugins: [pdfChunk, languageChunk],
  }),
  build({
    ...common,
    entryPoints: ['server/src/node/cli.ts'],
    outfile: 'dist/cli.js',
    banner: SHEBANG,
    plugins: [pdfChunk, languageChunk],
  }),
  build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/extension.js',
    plugins: [
      oneVscodeNamespace,
      chunks({
        './preview/index.js': './preview.js',
        './languageClient.js': './languageClient.js',
      }),
    ],
  }),
  build({
    ...common,
    entryPoints: ['client/src/languageClient.ts'],
    outfile: 'dist/languageClient.js',
    plugins: [oneVscodeNamespace],
  }),
  build({
    ...common,
    entryPoints: ['client/src/preview/index.ts'],
    outfile: 'dist/preview.js',
    plugins: [oneVscodeNamespace, pdfChunk, languageChunk],
  }),
  build({
    ...common,
    entryPoints: ['server/src/node/export/pdf.ts'],
    outfile: 'dist/pdf.js',
    plugins: [noBrotli, noAes, languageChunk],
  }),
  build({
    ...common,
    stdin: {
      contents: languageChunkEntry(),
      resolveDir: repo,
      sourcefile: 'language-chunk.ts',
      loader: 'ts',
    },
    outfile: 'dist/language.js',
  }),
  subsetFonts(path.join(repo, 'media', 'fonts'), path.join(repo, 'dist', 'fonts')),
  writeMinutesStylesheet(repo),
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
