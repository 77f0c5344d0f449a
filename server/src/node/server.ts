// The Protokoll language server: `protokoll-language-server --stdio` from the npm package, `node
// dist/server.js --stdio`, or `--node-ipc` when VS Code starts it. The wiring it shares with the
// browser's worker is common/server.ts; here are the parts that read the disk.
import './youngGeneration';
import './heapGrowth';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { describe } from '../common/editorSettings';
import { VERSION } from '../common/packageInfo';
import { startServer } from '../common/server';
import { FolderSeries, MAX_SERIES_FOLDER_FILES } from './folderSeries';
import { IdleCollection } from './idleCollection';
import { registerPullDiagnostics } from './pullDiagnostics';
import { diskConfigFiles, filePathOf } from './settings';

/** Serves one client over `connection` until it exits, with the minutes and settings on disk. */
export function startNodeServer(connection: Connection): void {
  let workspaceFolders: string[] = [];
  let workspaceFoldersChangeSupported = false;
  const idleCollection = new IdleCollection();
  startServer(connection, {
    configFiles: diskConfigFiles,
    // Room for the parses of a whole folder's minutes (the numbering across files) and the open ones.
    cacheSize: MAX_SERIES_FOLDER_FILES + 100,
    createSeries: (parts) => new FolderSeries(parts),
    registerPullDiagnostics: (parts, params) => {
      workspaceFoldersChangeSupported = params.capabilities.workspace?.workspaceFolders === true;
      workspaceFolders = (
        params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : [])
      ).flatMap((uri) => filePathOf(uri) ?? []);
      registerPullDiagnostics({ ...parts, workspaceFolders: () => workspaceFolders });
    },
    watchFiles: true,
    onInitialized: ({ documents }) => {
      // onDidChangeContent also fires when a document opens.
      documents.onDidChangeContent(() => idleCollection.activity());
      documents.onDidClose(() => idleCollection.activity());
      if (!workspaceFoldersChangeSupported) return;
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(removed.map((f) => filePathOf(f.uri)));
        workspaceFolders = [
          ...workspaceFolders.filter((f) => !gone.has(f)),
          ...added.flatMap((f) => filePathOf(f.uri) ?? []),
        ];
      });
    },
  });
}

// A bug must not take the editor's language features down with it: log and keep serving.
process.on('uncaughtException', (error) => console.error(`protokoll: ${describe(error)}`));
process.on('unhandledRejection', (error) => console.error(`protokoll: ${describe(error)}`));

const USAGE = `protokoll-language-server ${VERSION}: the Protokoll language server (LSP 3.17)

Usage: protokoll-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]

  --stdio         speak LSP over standard input and output (the default)
  --node-ipc      over Node's IPC channel (how VS Code starts it)
  --socket=PORT   connect to a socket on this port
  --pipe=NAME     connect to this named pipe
  --version       print the version
  --help          print this help

Editors start it themselves: see the README for VS Code, Neovim, Emacs and Helix.`;

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
} else {
  const transport = /^--(stdio|node-ipc|socket|pipe)\b/;
  if (!args.some((arg) => transport.test(arg))) {
    process.argv.push('--stdio');
    // Someone typed the command: say why nothing seems to happen.
    if (process.stdin.isTTY)
      process.stderr.write(
        'protokoll-language-server: waiting for an editor to speak LSP on standard input (--help for usage)\n',
      );
  }
  startNodeServer(createConnection(ProposedFeatures.all));
}
