// The Protokoll language server: `protokoll-language-server --stdio` from the npm package, `node
// dist/server.js --stdio`, or `--node-ipc` when VS Code starts it. Thin LSP wiring over the
// language service.
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { createProtokollService } from '../language';
import { CONFIG_FILE_NAME } from './configFiles';
import { DiagnosticsPublisher } from './diagnostics';
import { FolderSeries, MAX_SERIES_FOLDER_FILES } from './folderSeries';
import { CODE_ACTION_KIND_LIST, COMPLETION_TRIGGER_CHARACTERS, registerHandlers } from './handlers';
import { VERSION } from './packageInfo';
import { describe, filePathOf, SettingsStore } from './settings';

/** Serves one client over `connection` until it exits. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  // Room for the parses of a whole folder's minutes (the numbering across files) and the open ones.
  const service = createProtokollService({ cacheSize: MAX_SERIES_FOLDER_FILES + 100 });
  let settings: SettingsStore | undefined;
  let diagnostics: DiagnosticsPublisher | undefined;
  let registerConfigurationChange = false;
  let registerWatchedFiles = false;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    const pullSupported = capabilities.workspace?.configuration === true;
    registerConfigurationChange =
      capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    registerWatchedFiles =
      capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const publish = capabilities.textDocument?.publishDiagnostics;
    settings = new SettingsStore({
      connection,
      pullSupported,
      onConfigFile: (file, problems) => diagnostics?.configFile(file, problems),
    });
    diagnostics = new DiagnosticsPublisher({
      connection,
      documents,
      service,
      settings,
      series: new FolderSeries({ connection, documents, service, settings }),
      support: {
        relatedInformation: publish?.relatedInformation === true,
        tags: (publish?.tagSupport?.valueSet.length ?? 0) > 0,
      },
    });
    registerHandlers({
      connection,
      documents,
      service,
      settings,
      versionedEdits: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    });
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Protokoll' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KIND_LIST },
      },
      serverInfo: { name: 'protokoll', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (registerConfigurationChange) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'protokoll' })
        .catch((error) => connection.console.warn(`No settings updates: ${describe(error)}`));
    }
    if (registerWatchedFiles) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*.protokoll' }],
        })
        .catch((error) =>
          connection.console.warn(
            `No ${CONFIG_FILE_NAME} and .protokoll file updates: ${describe(error)}`,
          ),
        );
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settings?.settingsChanged(change.settings);
    void diagnostics?.revalidateAll();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const minutesChanges = changes.filter((c) => c.uri.endsWith('.protokoll'));
    if (minutesChanges.length > 0)
      void diagnostics?.minutesFilesChanged(minutesChanges.map((c) => c.uri));
    const configChanges = changes.filter((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`));
    if (configChanges.length === 0) return;
    settings?.configFilesChanged();
    for (const change of configChanges) {
      const file = filePathOf(change.uri);
      // Read again whatever the change was: the disk, not the event, says whether it still exists.
      if (file)
        void settings
          ?.configFileProblems(file)
          .then((problems) => diagnostics?.configFile(file, problems));
    }
    void diagnostics?.revalidateAll();
  });

  // TextDocuments reports an opened document as changed too; that change needs no second check.
  const opening = new Set<string>();
  documents.onDidOpen(({ document }) => {
    opening.add(document.uri);
    void diagnostics?.validateNow(document.uri);
  });
  documents.onDidChangeContent(({ document }) => {
    if (opening.delete(document.uri)) return;
    void diagnostics?.changed(document.uri);
  });
  documents.onDidSave(({ document }) => void diagnostics?.validateNow(document.uri));
  documents.onDidClose(({ document }) => {
    void diagnostics?.closed(document.uri);
    settings?.forget(document.uri);
    service.close(document.uri);
  });

  documents.listen(connection);
  connection.listen();
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
  startServer(createConnection(ProposedFeatures.all));
}
