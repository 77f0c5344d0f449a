// The bundles for VS Code for the Web, built for the browser platform:
//   web/extension.js  the `browser` entry of the manifest: the language client, commands, preview
//   web/server.js     the language server, started by the extension in a web worker
// Each build writes its esbuild metafile beside it (web/*.meta.json, not shipped), which
// test/package/webBundles.test.ts reads to prove no Node built-in is in either bundle.
import { builtinModules } from 'node:module';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * Fails the build when anything imports a Node built-in (`fs`, `node:path`, `path/posix`, …):
 * the browser has none, and a bundler's silent empty stand-in would only fail at run time.
 */
export const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.startsWith('node:') ? args.path : args.path.split('/')[0];
      if (!NODE_BUILTINS.has(args.path) && !NODE_BUILTINS.has(bare)) return undefined;
      return {
        errors: [
          {
            text: `"${args.path}" is a Node built-in, which the browser bundles must not use (imported by ${args.importer || 'the entry point'}); move the code that needs it out of the web build's reach`,
          },
        ],
      };
    });
  },
};

/**
 * The desktop extension loads its preview chunk (`./preview/index.js`, with the Node export) the
 * first time it is needed; the web extension is one file, so the same import is bundled, and
 * points to the browser's preview (client/src/web/preview.ts: HTML export through the editor).
 */
const browserPreview = {
  name: 'browser-preview',
  setup(b) {
    b.onResolve({ filter: /^\.\/preview\/index\.js$/ }, () => ({
      path: path.join(b.initialOptions.absWorkingDir, 'client/src/web/preview.ts'),
    }));
  },
};

const browserCommon = {
  bundle: true,
  minify: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
  mainFields: ['browser', 'module', 'main'],
  conditions: ['browser'],
  metafile: true,
};

/** Builds both browser bundles with `build` (esbuild's) from the repository at `repo`. */
export async function buildBrowserBundles(build, repo) {
  const bundles = [
    {
      entryPoints: ['client/src/web/extension.ts'],
      outfile: 'dist/web/extension.js',
      // VS Code for the Web loads an extension as a CommonJS module and provides `vscode`.
      format: 'cjs',
      external: ['vscode'],
      plugins: [noNodeBuiltins, browserPreview],
    },
    {
      entryPoints: ['server/src/web/server.ts'],
      outfile: 'dist/web/server.js',
      format: 'iife',
      plugins: [noNodeBuiltins],
    },
  ];
  return Promise.all(
    bundles.map(async (options) => {
      const result = await build({ ...browserCommon, absWorkingDir: repo, ...options });
      const metafile = path.join(repo, options.outfile.replace(/\.js$/, '.meta.json'));
      await writeFile(metafile, JSON.stringify(result.metafile));
      return result;
    }),
  );
}
