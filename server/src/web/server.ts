// The Protokoll language server in the browser (VS Code for the Web): a web worker the extension
// starts (client/src/web/languageClient.ts), speaking LSP over postMessage. The wiring is the
// Node server's (common/server.ts); the files it cannot read itself, the client sends or reads.
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
} from 'vscode-languageserver/browser';
import { MAX_SERIES_FOLDER_FILES } from '../common/files';
import { startServer } from '../common/server';
import { ConfigFilesNotification, type ForwardedFile } from '../protocol';
import { ClientFolderSeries } from './clientFolderSeries';
import { ForwardedConfigFiles } from './forwardedConfigFiles';

/** The parses kept: the open documents and the minutes of their folders. */
const CACHE_SIZE = MAX_SERIES_FOLDER_FILES + 100;

// The worker's global scope, where the client's messages arrive.
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const configFiles = new ForwardedConfigFiles();

startServer(connection, {
  configFiles,
  cacheSize: CACHE_SIZE,
  createSeries: (parts) => new ClientFolderSeries(parts),
  watchFiles: false,
  onInitialize: (params) => configFiles.replaceAll(forwardedFiles(params.initializationOptions)),
  onInitialized: (server) => {
    connection.onNotification(ConfigFilesNotification, ({ files }) => {
      const before = configFiles.uris();
      configFiles.replaceAll(files);
      server.settings.configFilesChanged();
      // Problems of each file as it is now; a deleted file's go away.
      for (const uri of new Set([...before, ...configFiles.uris()]))
        void server.settings
          .configFileProblems(uri)
          .then((problems) => server.diagnostics.configFile(uri, problems));
      server.revalidate();
    });
  },
});

/** The configuration files the client passed at start (`WebInitializationOptions`), if valid. */
function forwardedFiles(options: unknown): ForwardedFile[] {
  const files = (options as { configFiles?: unknown } | undefined)?.configFiles;
  if (!Array.isArray(files)) return [];
  return files.filter(
    (f): f is ForwardedFile =>
      typeof f === 'object' &&
      f !== null &&
      typeof (f as ForwardedFile).uri === 'string' &&
      typeof (f as ForwardedFile).text === 'string',
  );
}
