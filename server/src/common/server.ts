// The language server's wiring over the language service, shared by the Node server
// (node/server.ts) and the browser's web worker (web/server.ts). What only one of them can do
// (read the disk for a folder's other minutes, watch files) comes from its ServerHost.
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { createProtokollService, type ProtokollService } from '../language';
import { CONFIG_FILE_NAME } from './configText';
import { DiagnosticsPublisher, type DiagnosticsSupport, type SeriesChecks } from './diagnostics';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describe } from './editorSettings';
import { lazyTextDocuments } from './lazyTextDocument';
import { CODE_ACTION_KIND_LIST, COMPLETION_TRIGGER_CHARACTERS, registerHandlers } from './handlers';
import { VERSION } from './packageInfo';
import { SettingsStore, type ConfigFileSource } from './settingsStore';

/** What the server's parts share, for a host's own additions. */
export interface ServerParts {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: ProtokollService;
  readonly settings: SettingsStore;
  readonly support: DiagnosticsSupport;
}

/** A running server, as a host sees it once the client is initialised. */
export interface RunningServer extends ServerParts {
  readonly diagnostics: DiagnosticsPublisher;
  /** Checks the open documents again (pushes, or asks a pulling client to pull). */
  revalidate(): void;
}

/** What the platform the server runs on provides. */
export interface ServerHost {
  /** Where `.protokoll.json` files are read from. */
  readonly configFiles: ConfigFileSource;
  /** Documents in the parse cache at most (open ones and, for the series, the folder's files). */
  readonly cacheSize: number;
  /** The numbering checks across a folder's minutes, where the host can read a folder. */
  readonly createSeries?: (parts: ServerParts) => SeriesChecks;
  /**
   * Registers pull diagnostics (`textDocument/diagnostic`, `workspace/diagnostic`); without it
   * the server pushes diagnostics.
   */
  readonly registerPullDiagnostics?: (
    parts: ServerParts & { readonly series?: SeriesChecks },
    params: InitializeParams,
  ) => void;
  /**
   * Whether to ask the client to watch `.protokoll.json` and `.protokoll` files (a host that
   * reads them from disk; a browser client forwards the configuration files itself).
   */
  readonly watchFiles: boolean;
  /** Called first when the client initialises, with its parameters. */
  readonly onInitialize?: (params: InitializeParams) => void;
  /** Called once the client is initialised, for the host's own handlers. */
  readonly onInitialized?: (server: RunningServer) => void;
}

/** Serves one client over `connection` until it exits. */
export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(lazyTextDocuments);
  const service = createProtokollService({ cacheSize: host.cacheSize });
  let running: RunningServer | undefined;
  let registerConfigurationChange = false;
  let registerWatchedFiles = false;
  /** The client pulls diagnostics: nothing is pushed for documents, it is told to pull again. */
  let pullMode = false;
  let refreshSupported = false;

  /** Pushes (or, to a pulling client, asks it to pull again) after settings or files changed. */
  function revalidate(): void {
    if (!pullMode) void running?.diagnostics.revalidateAll();
    else if (refreshSupported)
      connection.languages.diagnostics
        .refresh()
        .catch((error) => connection.console.warn(`Diagnostics refresh: ${describe(error)}`));
  }

  connection.onInitialize((params): InitializeResult => {
    host.onInitialize?.(params);
    const capabilities = params.capabilities;
    const pullSupported = capabilities.workspace?.configuration === true;
    registerConfigurationChange =
      capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    registerWatchedFiles =
      host.watchFiles &&
      capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const publish = capabilities.textDocument?.publishDiagnostics;
    // Pull when the client can, unless it asks to be pushed to (the VS Code extension does:
    // diagnostics while typing after a pause, or only on save, as the user set).
    pullMode =
      host.registerPullDiagnostics !== undefined &&
      capabilities.textDocument?.diagnostic !== undefined &&
      initializationOption(params.initializationOptions, 'diagnostics') !== 'push';
    refreshSupported = capabilities.workspace?.diagnostics?.refreshSupport === true;
    const support: DiagnosticsSupport = {
      relatedInformation: publish?.relatedInformation === true,
      tags: (publish?.tagSupport?.valueSet.length ?? 0) > 0,
      codeDescription: publish?.codeDescriptionSupport === true || pullMode,
    };
    const settings = new SettingsStore({
      connection,
      configFiles: host.configFiles,
      pullSupported,
      onConfigFile: (fileUri, problems) => running?.diagnostics.configFile(fileUri, problems),
    });
    const parts: ServerParts = { connection, documents, service, settings, support };
    // One series for pushed and pulled diagnostics: the summaries of a folder's files are shared.
    const series = host.createSeries?.(parts);
    running = { ...parts, diagnostics: new DiagnosticsPublisher({ ...parts, series }), revalidate };
    // Answered whenever asked (also in push mode: "Check All Minutes" asks for the workspace).
    host.registerPullDiagnostics?.({ ...parts, series }, params);
    const diagnostics = running.diagnostics;
    registerHandlers({
      ...parts,
      versionedEdits: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      parseComing: (uri) => diagnostics.parseComing(uri),
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
    if (running) host.onInitialized?.(running);
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
    running?.settings.settingsChanged(change.settings);
    revalidate();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (!running) return;
    const { diagnostics, settings } = running;
    const minutesChanges = changes.filter((c) => c.uri.endsWith('.protokoll'));
    if (minutesChanges.length > 0) {
      if (pullMode) revalidate();
      else void diagnostics.minutesFilesChanged(minutesChanges.map((c) => c.uri));
    }
    const configChanges = changes.filter((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`));
    if (configChanges.length === 0) return;
    settings.configFilesChanged();
    for (const change of configChanges) {
      // Read again whatever the change was: the file, not the event, says whether it still exists.
      const fileUri = host.configFiles.canonicalUri(change.uri);
      if (fileUri)
        void settings
          .configFileProblems(fileUri)
          .then((problems) => diagnostics.configFile(fileUri, problems));
    }
    revalidate();
  });

  // TextDocuments reports an opened document as changed too; that change needs no second check.
  const opening = new Set<string>();
  // A pulling client asks for a document's diagnostics itself when it opens or changes it.
  documents.onDidOpen(({ document }) => {
    opening.add(document.uri);
    if (!pullMode) void running?.diagnostics.validateNow(document.uri);
  });
  documents.onDidChangeContent(({ document }) => {
    if (opening.delete(document.uri) || pullMode) return;
    void running?.diagnostics.changed(document.uri);
  });
  documents.onDidSave(({ document }) => {
    if (!pullMode) void running?.diagnostics.validateNow(document.uri);
  });
  documents.onDidClose(({ document }) => {
    if (!pullMode) void running?.diagnostics.closed(document.uri);
    running?.settings.forget(document.uri);
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
