// Shared moves of the extension-host tests: open documents, wait for what the server pushes (by
// event, with a timeout), find positions, and leave the editor as it was found.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { workspaceRoot } from './editorMoves';

export * from './editorMoves';

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
