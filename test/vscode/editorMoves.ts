// The extension-host tests' moves that need only the VS Code API, so that the web extension
// host's suite (test/web) shares them: open documents, wait for what the server pushes (by
// event, with a timeout), find positions.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'protokoll.protokoll';

/** The workspace the runner opened: a temp copy of the repository's examples/ folder. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the extension-host tests need a workspace folder (examples/)');
  return folder.uri;
}

/** Opens a file of the workspace in an editor. */
export async function openWorkspaceFile(relativePath: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** The diagnostic's code as a string (VS Code may wrap it as `{ value, target }`). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const { code } = diagnostic;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/** Protokoll's diagnostics of `uri`, sorted by position. */
export function protokollDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'protokoll')
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

/**
 * Resolves with the diagnostics of `uri` once `accept` holds for them: checked now and on every
 * `onDidChangeDiagnostics` for that document. Rejects after `timeoutMs`, showing what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = protokollDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      done();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      const seen = protokollDiagnostics(uri).map(
        (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)}`,
      );
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for diagnostics (${what}) of ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}; it has: ${seen.join(', ') || 'none'}`,
        ),
      );
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/** Waits until the diagnostics' codes (sorted) equal `codes`. */
export function waitForCodes(
  uri: vscode.Uri,
  codes: string[],
  timeoutMs?: number,
): Promise<vscode.Diagnostic[]> {
  const expected = [...codes].sort().join(', ');
  return waitForDiagnostics(
    uri,
    (diagnostics) => diagnostics.map(codeOf).sort().join(', ') === expected,
    `codes [${expected}]`,
    timeoutMs,
  );
}

/** The position of `needle` in the document, plus `offset` characters into it. */
export function positionOf(
  document: vscode.TextDocument,
  needle: string,
  offset = 0,
): vscode.Position {
  const index = document.getText().indexOf(needle);
  if (index < 0)
    throw new Error(
      `"${needle}" not found in ${document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1)}`,
    );
  return document.positionAt(index + offset);
}

/** The range of `needle` in the document. */
export function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  const start = positionOf(document, needle);
  return new vscode.Range(start, start.translate(0, needle.length));
}

/** Replaces the whole line holding `needle` with `replacement`; returns the end of the new line. */
export async function replaceLine(
  editor: vscode.TextEditor,
  needle: string,
  replacement: string,
): Promise<vscode.Position> {
  const line = positionOf(editor.document, needle).line;
  const ok = await editor.edit((edit) =>
    edit.replace(editor.document.lineAt(line).range, replacement),
  );
  if (!ok) throw new Error(`could not edit line ${line + 1}`);
  return new vscode.Position(line, replacement.length);
}

/** Plain text of hover contents (markdown as written). */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** The label text of a completion item. */
export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
