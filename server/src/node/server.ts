// The Protokoll language server: `protokoll-language-server --stdio` from the npm package, `node
// dist/server.js --stdio`, or `--node-ipc` when VS Code starts it. Thin LSP wiring over the
// language service.
import './youngGeneration';
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
import { registerPullDiagnostics } from './pullDiagnostics';
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
  /** The client pulls diagnostics: nothing is pushed for documents, it is told to pull again. */
  let pullMode = false;
  let refreshSupported = false;
  let workspaceFolders: string[] = [];
  let workspaceFoldersChangeSupported = false;

  /** Pushes (or, to a pulling client, asks it to pull again) after settings or files changed. */
  function revalidate(): void {
    if (!pullMode) void diagnostics?.revalidateAll();
    else if (refreshSupported)
      connection.languages.diagnostics
        .refresh()
        .catch((error) => connection.console.warn(`Diagnostics refresh: ${describe(error)}`));
  }

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    const pullSupported = capabilities.workspace?.configuration === true;
    registerConfigurationChange =
      capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    registerWatchedFiles =
      capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    workspaceFoldersChangeSupported = capabilities.workspace?.workspaceFolders === true;
    const publish = capabilities.textDocument?.publishDiagnostics;
    // Pull when the client can, unless it asks to be pushed to (the VS Code extension does:
    // diagnostics while typing after a pause, or only on save, as the user set).
    pullMode =
      capabilities.textDocument?.diagnostic !== undefined &&
      initializationOption(params.initializationOptions, 'diagnostics') !== 'push';
    refreshSupported = capabilities.workspace?.diagnostics?.refreshSupport === true;
    workspaceFolders = (
      params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : [])
    ).flatMap((uri) => filePathOf(uri) ?? []);
    const support = {
      relatedInformation: publish?.relatedInformation === true,
      tags: (publish?.tagSupport?.valueSet.length ?? 0) > 0,
      codeDescription: publish?.codeDescriptionSupport === true || pullMode,
    };
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
      support,
    });
    // Answered whenever asked (also in push mode: "Check All Minutes" asks for the workspace).
    registerPullDiagnostics({
      connection,
      documents,
      service,
      settings,
      support,
      workspaceFolders: () => workspaceFolders,
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
        ...(pullMode && {
          diagnosticProvider: {
            identifier: 'protokoll',
            interFileDependencies: true,
            workspaceDiagnostics: true,
          },
        }),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'protokoll', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (workspaceFoldersChangeSupported) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(removed.map((f) => filePathOf(f.uri)));
        workspaceFolders = [
          ...workspaceFolders.filter((f) => !gone.has(f)),
          ...added.flatMap((f) => filePathOf(f.uri) ?? []),
        ];
      });
    }
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
    revalidate();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const minutesChanges = changes.filter((c) => c.uri.endsWith('.protokoll'));
    if (minutesChanges.length > 0) {
      if (pullMode) revalidate();
      else void diagnostics?.minutesFilesChanged(minutesChanges.map((c) => c.uri));
    }
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
    revalidate();
  });

  // TextDocuments reports an opened document as changed too; that change needs no second check.
  const opening = new Set<string>();
  // A pulling client asks for a document's diagnostics itself when it opens or changes it.
  documents.onDidOpen(({ document }) => {
    opening.add(document.uri);
    if (!pullMode) void diagnostics?.validateNow(document.uri);
  });
  documents.onDidChangeContent(({ document }) => {
    if (opening.delete(document.uri) || pullMode) return;
    void diagnostics?.changed(document.uri);
  });
  documents.onDidSave(({ document }) => {
    if (!pullMode) void diagnostics?.validateNow(document.uri);
  });
  documents.onDidClose(({ document }) => {
    if (!pullMode) void diagnostics?.closed(document.uri);
    settings?.forget(document.uri);
    service.close(document.uri);
  });

  documents.listen(connection);
  connection.listen();
}

/** A string option the client passed in `initializationOptions`, if it did. */
function initializationOption(options: unknown, key: string): string | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const value = (options as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
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
