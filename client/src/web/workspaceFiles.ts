import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  CONFIG_FILE_NAME,
  CONFIG_SIZE_LIMIT,
  MAX_SERIES_FOLDER_FILES,
  MINUTES_SIZE_LIMIT,
} from '../../../server/src/common/files';
import {
  ConfigFilesNotification,
  FolderMinutesRequest,
  type ForwardedFile,
} from '../../../server/src/protocol';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Every `.protokoll.json` of the workspace, read through `vscode.workspace.fs` (so also from a
 * virtual file system); one that cannot be read, or is larger than a configuration file can be,
 * is logged and left out.
 */
export async function readConfigFiles(log: vscode.LogOutputChannel): Promise<ForwardedFile[]> {
  const uris = await vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, '**/node_modules/**');
  const files = await Promise.all(
    uris.map((uri) => readSmallTextFile(uri, CONFIG_SIZE_LIMIT, log)),
  );
  return files.flatMap((file) => file ?? []);
}

/**
 * Keeps the browser's language server up to date: sends the configuration files again whenever
 * one is created, changed or deleted, and answers its requests for a folder's minutes.
 */
export function serveWorkspaceFiles(
  client: BaseLanguageClient,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
  let sending = Promise.resolve();
  const resend = () => {
    // One after the other, so the last one sent is the state after the last change.
    sending = sending
      .then(async () => {
        const files = await readConfigFiles(log);
        await client.sendNotification(ConfigFilesNotification, { files });
      })
      .catch((error: unknown) => log.error(`Sending ${CONFIG_FILE_NAME}: ${String(error)}`));
  };
  const request = client.onRequest(FolderMinutesRequest, ({ folderUri }) =>
    readFolderMinutes(vscode.Uri.parse(folderUri), log),
  );
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(resend),
    watcher.onDidChange(resend),
    watcher.onDidDelete(resend),
    request,
  );
}

/** The `.protokoll` files directly in `folder`; null when it cannot be listed or holds too many. */
async function readFolderMinutes(
  folder: vscode.Uri,
  log: vscode.LogOutputChannel,
): Promise<ForwardedFile[] | null> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return null;
  }
  const names = entries
    .filter(([name, type]) => name.endsWith('.protokoll') && type === vscode.FileType.File)
    .map(([name]) => name);
  if (names.length > MAX_SERIES_FOLDER_FILES) {
    log.info(
      `${folder.toString(true)} holds ${names.length} .protokoll files, more than ${MAX_SERIES_FOLDER_FILES}: the numbering across files is not checked there.`,
    );
    return null;
  }
  const files = await Promise.all(
    names.map((name) =>
      readSmallTextFile(vscode.Uri.joinPath(folder, name), MINUTES_SIZE_LIMIT, log),
    ),
  );
  return files.flatMap((file) => file ?? []);
}

async function readSmallTextFile(
  uri: vscode.Uri,
  limit: number,
  log: vscode.LogOutputChannel,
): Promise<ForwardedFile | undefined> {
  try {
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size > limit) {
      log.warn(`${uri.toString(true)} is larger than ${limit} bytes and is not read.`);
      return undefined;
    }
    const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
    // TextDecoder drops a byte order mark.
    return { uri: uri.toString(), text };
  } catch (error) {
    log.warn(`${uri.toString(true)} is left out: ${String(error)}`);
    return undefined;
  }
}
