// The ways a client can start and talk to the server besides the VS Code-like default.
import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { LspClient, serverPath } from './client';

const minutes = `# Styrelsemöte
Datum: 2024-03-01

Närvarande:
- Anna Ek, Tidaholm kommun (ordförande)
- Per Berg, Kommunalförbundet (sekreterare)

§ 1 Öppnande
Mötet öppnas.

Ordförande: Anna Ek
Sekreterare: Per Berg
Justerare: Anna Ek
`;

describe('language server transports and minimal clients', function () {
  this.timeout(30_000);

  it('speaks LSP over node IPC, as vscode-languageclient starts it', async () => {
    const child = fork(serverPath, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(
      new IPCMessageReader(child),
      new IPCMessageWriter(child),
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const published = new Promise<PublishDiagnosticsParams>((resolve) =>
        connection.onNotification(PublishDiagnosticsNotification.type, resolve),
      );
      connection.listen();
      const init = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
        workspaceFolders: null,
      });
      assert.equal(init.serverInfo?.name, 'protokoll');
      await connection.sendNotification(InitializedNotification.type, {});
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: 'untitled:Ipc', languageId: 'protokoll', version: 1, text: minutes },
      });
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no diagnostics over IPC')), 10_000).unref(),
      );
      const { diagnostics } = await Promise.race([published, timeout]);
      assert.ok(diagnostics.some((d) => d.code === 'municipality/form'));
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('takes pushed settings from a client without workspace/configuration', async () => {
    const client = await LspClient.start({ capabilities: {} });
    try {
      const uri = await client.open('untitled:Pushed', minutes);
      const before = await client.diagnosticsForVersion(uri, 1);
      assert.ok(before.diagnostics.some((d) => d.code === 'municipality/unknown'));
      // Without the capability the server neither pulls settings nor registers for anything.
      assert.deepEqual(client.registrations, []);

      const mark = client.mark(uri);
      await client.changeSettings({ organisations: ['Kommunalförbundet'] });
      const after = await client.diagnostics(uri, () => true, mark);
      assert.deepEqual(after.diagnostics.map((d) => d.code).sort(), [
        'municipality/form',
        'signature/same-person',
      ]);
      // A client that cannot show them gets no related locations or tags.
      for (const d of after.diagnostics) {
        assert.equal(d.relatedInformation, undefined);
        assert.equal(d.tags, undefined);
      }
    } finally {
      await client.stop();
    }
  });
});
