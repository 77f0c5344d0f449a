// The scene of the README's screenshot of VS Code for the Web (docs/images/web.png), set up by
// `node scripts/test-web.mjs --scene --screenshot docs/images/web.png`: the SIKT minutes with
// their diagnostics, the Problems panel, and the preview beside them.
import * as vscode from 'vscode';
import { openWorkspaceFile, waitForCodes } from '../vscode/editorMoves';

export async function run(): Promise<void> {
  const editor = await openWorkspaceFile('sikt/sikt-2018-12-14.protokoll');
  await waitForCodes(editor.document.uri, ['municipality/form', 'signature/mismatch']);
  const line = editor.document
    .getText()
    .split('\n')
    .findIndex((l) => l.includes('Tidaholm kommun'));
  const at = new vscode.Position(Math.max(0, line), 0);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.commands.executeCommand('protokoll.showPreviewToSide');
  // The runner takes the picture when it reads this line, then closes the browser; returning
  // would end the extension host and clear the diagnostics from the picture.
  console.log(SCENE_READY);
  await new Promise((resolve) => setTimeout(resolve, 180_000));
}

/** The line the runner (scripts/test-web.mjs --scene) waits for. */
const SCENE_READY = 'protokoll-scene-ready';
