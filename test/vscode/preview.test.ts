import * as vscode from 'vscode';
import { closeAllEditors, workspaceRoot } from './helpers';

const FOLDER = `preview-${process.pid}`;

/** Two minutes of their own, so switching between them is switching documents. */
async function twoMinutes(): Promise<[vscode.Uri, vscode.Uri]> {
  const write = async (name: string, title: string) => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), FOLDER, name);
    const text = `# ${title}\nDatum: 2024-03-07\n\n§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n`;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
  };
  return [await write('forsta.protokoll', 'Första mötet'), await write('andra.protokoll', 'Andra')];
}

/** The labels of the open Protokoll preview tabs, sorted. */
function previewTabs(): string[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter(
      (tab) =>
        tab.input instanceof vscode.TabInputWebview &&
        tab.input.viewType.endsWith('protokoll.preview'),
    )
    .map((tab) => tab.label)
    .sort();
}

/** Resolves once the preview tabs' labels are `expected` (now or on a change of the tabs). */
function waitForPreviewTabs(expected: string[], timeoutMs = 20_000): Promise<void> {
  const want = [...expected].sort();
  const matches = () => JSON.stringify(previewTabs()) === JSON.stringify(want);
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolve();
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => matches() && done());
    const timer = setTimeout(
      () =>
        done(
          new Error(
            `timed out after ${timeoutMs} ms waiting for the preview tabs [${want.join(', ')}]; there are [${previewTabs().join(', ')}]`,
          ),
        ),
      timeoutMs,
    );
    if (matches()) done();
  });
}

async function showInFirstColumn(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), {
    viewColumn: vscode.ViewColumn.One,
  });
}

describe('the preview in VS Code', () => {
  afterEach(closeAllEditors);

  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), FOLDER), {
      recursive: true,
      useTrash: false,
    });
  });

  it('follows the active minutes, as the Markdown preview does', async () => {
    const [first, second] = await twoMinutes();
    await showInFirstColumn(first);
    await vscode.commands.executeCommand('protokoll.showPreviewToSide');
    await waitForPreviewTabs(['Förhandsvisning: forsta.protokoll']);

    await showInFirstColumn(second);
    // The same panel now shows the other minutes: still one preview.
    await waitForPreviewTabs(['Förhandsvisning: andra.protokoll']);

    // A file of another language leaves the preview where it was.
    await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'x' }),
      { viewColumn: vscode.ViewColumn.One },
    );
    await showInFirstColumn(first);
    await waitForPreviewTabs(['Förhandsvisning: forsta.protokoll']);
  });

  it('"lock" keeps a preview on its minutes while the ordinary one follows the editor', async () => {
    const [first, second] = await twoMinutes();
    await showInFirstColumn(first);
    await vscode.commands.executeCommand('protokoll.showLockedPreviewToSide');
    await vscode.commands.executeCommand('protokoll.showPreviewToSide');
    await waitForPreviewTabs([
      'Förhandsvisning (låst): forsta.protokoll',
      'Förhandsvisning: forsta.protokoll',
    ]);

    await showInFirstColumn(second);
    // Once the ordinary preview has followed, the switch has been seen by both.
    await waitForPreviewTabs([
      'Förhandsvisning (låst): forsta.protokoll',
      'Förhandsvisning: andra.protokoll',
    ]);

    // Asking again for a locked preview of the same minutes reveals the one there is.
    await showInFirstColumn(first);
    await vscode.commands.executeCommand('protokoll.showLockedPreviewToSide');
    await waitForPreviewTabs([
      'Förhandsvisning (låst): forsta.protokoll',
      'Förhandsvisning: forsta.protokoll',
    ]);
  });
});
