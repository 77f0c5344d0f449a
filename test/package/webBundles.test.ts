// The browser bundles (dist/web/, built by npm run build) hold no Node built-in: read from the
// metafiles esbuild wrote beside them, and the build's guard refuses one when it is imported.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../lsp/client';

interface Metafile {
  inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
  outputs: Record<string, { imports: { path: string }[]; inputs: Record<string, unknown> }>;
}

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const isBuiltin = (specifier: string) =>
  BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]);

function readMetafile(bundle: string): Metafile {
  const file = path.join(repoRoot, 'dist', 'web', `${bundle}.meta.json`);
  assert.ok(fs.existsSync(file), `${file} is missing: run npm run build`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Metafile;
}

describe('the browser bundles', () => {
  for (const bundle of ['extension', 'server']) {
    it(`dist/web/${bundle}.js imports no Node built-in and bundles no Node-only module`, () => {
      const meta = readMetafile(bundle);
      const outputs = Object.entries(meta.outputs).filter(([file]) => file.endsWith('.js'));
      assert.equal(outputs.length, 1);
      const [, output] = outputs[0];
      const builtinImports = [
        ...output.imports.map((i) => i.path),
        ...Object.values(meta.inputs).flatMap((input) => input.imports.map((i) => i.path)),
      ].filter(isBuiltin);
      assert.deepEqual(builtinImports, []);
      const inputs = Object.keys(output.inputs);
      assert.ok(inputs.length > 10, `the metafile lists the bundle's inputs: ${inputs.length}`);
      // The Node halves of the server and client, and the LSP libraries' Node entries.
      const nodeOnly = inputs.filter((input) =>
        /(^|\/)(server\/src\/node|lib\/node)\//.test(input),
      );
      assert.deepEqual(nodeOnly, []);
    });
  }

  it('refuses to build a browser bundle that imports a Node built-in', async () => {
    const { noNodeBuiltins } = (await import(
      pathToFileURL(path.join(repoRoot, 'scripts', 'browserBundles.mjs')).href
    )) as { noNodeBuiltins: unknown };
    const esbuild = await import('esbuild');
    await assert.rejects(
      esbuild.build({
        stdin: { contents: "import { readFileSync } from 'node:fs'; readFileSync('x');" },
        bundle: true,
        write: false,
        platform: 'browser',
        logLevel: 'silent',
        plugins: [noNodeBuiltins as import('esbuild').Plugin],
      }),
      /"node:fs" is a Node built-in/,
    );
  });
});
