/**
 * What the message after an export offers, decided from where the editor runs. Pure (no `vscode`),
 * so the whole matrix is unit-tested; ./openExport.ts carries the actions out.
 *
 * - `openInBrowser`: HTML in the default browser (`env.openExternal`), on a desktop editor whose
 *   extension host is on the user's machine.
 * - `openInOsViewer`: a PDF in the system's PDF viewer, likewise.
 * - `openInPdfViewer`: a PDF in an installed PDF-viewer extension (a custom editor for `*.pdf`),
 *   wherever the editor runs.
 * - `openInEditor`: HTML as text in an editor (`vscode.open`), where no local browser can reach the
 *   file (a remote or web editor, or a virtual file system).
 * - `revealInOs`: the file selected in the system's file manager (local desktop only).
 * - `revealInExplorer`: the file selected in VS Code's explorer, where its context menu offers
 *   "Download…" in a web editor.
 */
export type ExportAction =
  | 'openInBrowser'
  | 'openInOsViewer'
  | 'openInPdfViewer'
  | 'openInEditor'
  | 'revealInOs'
  | 'revealInExplorer';

export interface ExportSurroundings {
  /** The extension host runs on the user's machine in a desktop editor (no remote, not web). */
  readonly local: boolean;
  /** The exported file is on disk (`file:` scheme), not in a virtual file system. */
  readonly onDisk: boolean;
  /** The file lies in a workspace folder, so the explorer can show it. */
  readonly inWorkspace: boolean;
  /** An installed extension opens `*.pdf` files in the editor. */
  readonly pdfViewer: boolean;
}

/** The actions offered, at most one to open and one to reveal, in the order of the buttons. */
export function exportActions(format: 'html' | 'pdf', where: ExportSurroundings): ExportAction[] {
  const localFile = where.local && where.onDisk;
  const actions: ExportAction[] = [];
  if (format === 'html') actions.push(localFile ? 'openInBrowser' : 'openInEditor');
  else if (where.pdfViewer) actions.push('openInPdfViewer');
  else if (localFile) actions.push('openInOsViewer');
  if (localFile) actions.push('revealInOs');
  else if (where.inWorkspace) actions.push('revealInExplorer');
  return actions;
}

/** The action a caller asking to "open" or "reveal" without a message gets, if any. */
export function chosenAction(
  actions: readonly ExportAction[],
  wanted: 'open' | 'reveal',
): ExportAction | undefined {
  const reveal = actions.find((a) => a === 'revealInOs' || a === 'revealInExplorer');
  // Where nothing can open the file (a PDF in a web editor without a viewer), showing it is the
  // nearest thing: its "Download…" is one click away.
  return wanted === 'reveal' ? reveal : (actions.find((a) => a !== reveal) ?? reveal);
}
