import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { createPreviewWith, type Preview } from '../preview/previews';
import { exportMinutesInBrowser } from './export';

export { PREVIEW_VIEW_TYPE } from '../preview/panel';
export type { Preview } from '../preview/previews';

/**
 * The preview and export in the browser: the desktop's preview, with the browser's export (HTML;
 * PDF needs desktop VS Code). The web bundle puts this module where the desktop loads
 * ../preview/index.ts (scripts/bundle.mjs), so ../previewCommands.ts serves both.
 */
export function createPreview(
  context: vscode.ExtensionContext,
  client: BaseLanguageClient,
): Preview {
  return createPreviewWith(context, client, (_context, format, argument, options) =>
    exportMinutesInBrowser(
      client,
      format,
      argument instanceof vscode.Uri ? argument : undefined,
      options,
    ),
  );
}
