// The extension-host side of the web suite: VS Code for the Web loads this bundle
// (out/test/web/suite.js, built by scripts/test-web.mjs for the browser) as extensionTestsPath
// and awaits run(). Mocha's browser build, since the web extension host has no Node; it defines
// the global `mocha`.
import 'mocha/mocha';

export function run(): Promise<void> {
  // The browser build's default reporter writes HTML into a page; a worker has none.
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 30_000 });
  return new Promise((resolve, reject) => {
    // Loaded after setup, which defines describe/it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('./webHost.test');
    mocha.run((failures) =>
      failures > 0 ? reject(new Error(`${failures} web extension-host test(s) failed`)) : resolve(),
    );
  });
}
