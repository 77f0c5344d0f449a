// Produces the shipped bundles. `vscode` stays external: the editor provides it.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['vscode'],
  // jsonc-parser's UMD entry hides its requires from esbuild; its ES module entry bundles cleanly.
  mainFields: ['module', 'main'],
  // pdfkit's ES module entry locates its data with import.meta.url, which a CommonJS bundle
  // lacks; its CommonJS entry uses __filename and bundles cleanly.
  alias: { pdfkit: './node_modules/pdfkit/js/pdfkit.js' },
};

await Promise.all([
  build({ ...common, entryPoints: ['server/src/node/server.ts'], outfile: 'dist/server.js' }),
  build({
    ...common,
    entryPoints: ['server/src/node/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js' }),
]);
