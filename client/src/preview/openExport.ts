import * as vscode from 'vscode';
import type { Locale } from '../messages';
import { exportActions, type ExportAction, type ExportSurroundings } from './exportActions';
import { text, type StringKey } from './strings';

/** Where this editor runs, as far as opening `file` is concerned. */
export function surroundings(file: vscode.Uri): ExportSurroundings {
  return {
    local: vscode.env.remoteName === undefined && vscode.env.uiKind === vscode.UIKind.Desktop,
    onDisk: file.scheme === 'file',
    inWorkspace: vscode.workspace.getWorkspaceFolder(file) !== undefined,
    pdfViewer: pdfViewerType() !== undefined,
  };
}

/** The actions the message after exporting `file` offers here. */
export function actionsFor(format: 'html' | 'pdf', file: vscode.Uri): ExportAction[] {
  return exportActions(format, surroundings(file));
}

const LABELS: Record<ExportAction, StringKey> = {
  openInBrowser: 'open',
  openInOsViewer: 'open',
  openInPdfViewer: 'open',
  openInEditor: 'open',
  revealInOs: 'revealInOs',
  revealInExplorer: 'revealInExplorer',
};

/** The button text of an action. */
export function actionLabel(action: ExportAction, locale: Locale): string {
  return text(LABELS[action], locale);
}

/** Carries out `action` on `file`; resolves once the editor has been asked to do it. */
export async function runExportAction(action: ExportAction, file: vscode.Uri): Promise<void> {
  switch (action) {
    case 'openInBrowser':
    case 'openInOsViewer':
      await vscode.env.openExternal(file);
      return;
    case 'openInPdfViewer': {
      const viewType = pdfViewerType();
      if (viewType) await vscode.commands.executeCommand('vscode.openWith', file, viewType);
      else await vscode.commands.executeCommand('vscode.open', file);
      return;
    }
    case 'openInEditor':
      await vscode.commands.executeCommand('vscode.open', file);
      return;
    case 'revealInOs':
      await vscode.commands.executeCommand('revealFileInOS', file);
      return;
    case 'revealInExplorer':
      await vscode.commands.executeCommand('revealInExplorer', file);
      return;
  }
}

interface CustomEditorContribution {
  readonly viewType?: unknown;
  readonly selector?: readonly { readonly filenamePattern?: unknown }[];
}

/** The view type of an installed extension's custom editor for `*.pdf`, if there is one. */
function pdfViewerType(): string | undefined {
  for (const extension of vscode.extensions.all) {
    const json = extension.packageJSON as
      { contributes?: { customEditors?: readonly CustomEditorContribution[] } } | undefined;
    for (const editor of json?.contributes?.customEditors ?? []) {
      const forPdf = (editor.selector ?? []).some(
        (s) => typeof s.filenamePattern === 'string' && /\*\.pdf$/i.test(s.filenamePattern),
      );
      if (forPdf && typeof editor.viewType === 'string') return editor.viewType;
    }
  }
  return undefined;
}
