// Shared moves of the extension-host tests: open documents, wait for what the server pushes (by
// event, with a timeout), find positions, and leave the editor as it was found.
import * as fs from 'node:fs';
import * as path from 'node:path';
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

let fixtureCount = 0;

/**
 * Writes `text` to a new `.protokoll` file in the workspace and opens it. A `|` in the text marks
 * the cursor: it is removed, and its position returned.
 */
export async function openFixture(
  text: string,
): Promise<{ editor: vscode.TextEditor; cursor: vscode.Position }> {
  const offset = text.indexOf('|');
  const content = offset < 0 ? text : text.slice(0, offset) + text.slice(offset + 1);
  const name = `fixture-${process.pid}-${++fixtureCount}.protokoll`;
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'fixtures', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return { editor, cursor: editor.document.positionAt(Math.max(0, offset)) };
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
          `timed out after ${timeoutMs} ms waiting for diagnostics (${what}) of ${path.basename(uri.path)}; it has: ${seen.join(', ') || 'none'}`,
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
  if (index < 0) throw new Error(`"${needle}" not found in ${path.basename(document.uri.path)}`);
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

/**
 * The example minutes as the runner copied them, read when the suite starts. Under load,
 * code-server has been seen writing an edited example to disk while a test closed its editor
 * (`§ 3` of the crash test, `Gullspång` of the completion test); every later test that reads the
 * example would then fail for a reason that is not its own.
 */
const pristine = new Map<string, Buffer>();
function snapshotExamples(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) snapshotExamples(full);
    else if (entry.isFile() && entry.name.endsWith('.protokoll'))
      pristine.set(full, fs.readFileSync(full));
  }
}
const root = vscode.workspace.workspaceFolders?.[0];
if (root?.uri.scheme === 'file') snapshotExamples(root.uri.fsPath);

/**
 * Discards unsaved changes of every open editor and closes them all; an example file found
 * changed on disk gets its original text back (and the run's log says so).
 */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled);
  if (dirty.length) {
    throw new Error(`could not discard changes to ${dirty.map((d) => d.uri.path).join(', ')}`);
  }
  for (const [file, bytes] of pristine) {
    if (fs.existsSync(file) && fs.readFileSync(file).equals(bytes)) continue;
    console.warn(`closeAllEditors: ${file} was written during the test; its original is restored`);
    fs.writeFileSync(file, bytes);
  }
}

/** Today's date as YYYY-MM-DD in local time (what snippets' CURRENT_* variables produce). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
