import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { exportMinutes } from './export';
import { createPreviewWith, type Preview } from './previews';

export { PREVIEW_VIEW_TYPE } from './panel';
export type { Preview } from './previews';

/**
 * The preview and the export to PDF and HTML on the desktop. This module is its own chunk
 * (dist/preview.js), loaded the first time a preview or an export is asked for, so that
 * activation does not wait for it.
 */
export function createPreview(
  context: vscode.ExtensionContext,
  client: BaseLanguageClient,
): Preview {
  return createPreviewWith(context, client, exportMinutes);
}
