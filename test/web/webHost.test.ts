// The host suite in VS Code for the Web (scripts/test-web.mjs): the extension's browser entry and
// its language server in a web worker, on the examples served as a virtual file system
// (`vscode-test-web:`). The same checks as the code-server suite (test/vscode) where they apply.
import * as assert from './check';
import * as vscode from 'vscode';
import {
  labelOf,
  openWorkspaceFile,
  positionOf,
  rangeOf,
  replaceLine,
  waitForCodes,
} from '../vscode/editorMoves';

const SEED = 'sikt/sikt-2018-12-14.protokoll';
const PREVIEW_VIEW_TYPE = 'protokoll.preview';

/** Opens the seed and waits for its diagnostics: from then on the server knows the document. */
async function openSeed(): Promise<vscode.TextEditor> {
  const editor = await openWorkspaceFile(SEED);
  await waitForCodes(editor.document.uri, ['municipality/form', 'signature/mismatch']);
  return editor;
}

/**
 * The seed as mounted when the suite starts: VS Code for the Web may save an edit (auto save)
 * before a test closes its editor, and every later test would see the edited file.
 */
let pristineSeed: Uint8Array | undefined;

function seedUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the web suite needs the examples mounted as its workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...SEED.split('/'));
}

async function closeAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const now = await vscode.workspace.fs.readFile(seedUri());
  if (pristineSeed && !sameBytes(now, pristineSeed))
    await vscode.workspace.fs.writeFile(seedUri(), pristineSeed);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Resolves once a tab shows a webview of `viewType`; rejects after `timeoutMs`. */
function waitForWebviewTab(viewType: string, timeoutMs = 20_000): Promise<vscode.Tab> {
  const find = () =>
    vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .find(
        (tab) =>
          tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType),
      );
  return new Promise((resolve, reject) => {
    const found = find();
    if (found) return resolve(found);
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = find();
      if (!tab) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(tab);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for a ${viewType} tab`));
    }, timeoutMs);
  });
}

describe('the extension in VS Code for the Web', () => {
  before(async () => {
    pristineSeed = await vscode.workspace.fs.readFile(seedUri());
  });
  afterEach(closeAll);

  it('runs its browser entry on a virtual file system', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.equal(folder?.uri.scheme, 'vscode-test-web');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
  });

  it('reports the seed minutes’ misspelt municipality and the secretary who did not sign, with .protokoll.json applied', async () => {
    const { document } = await openWorkspaceFile(SEED);
    // Without sikt/.protokoll.json (two signatures required) the missing adjuster is reported too.
    const [form, mismatch] = await waitForCodes(document.uri, [
      'municipality/form',
      'signature/mismatch',
    ]);
    assert.equal(document.getText(form.range), 'Tidaholm kommun');
    assert.equal(form.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(form.message, /Tidaholms kommun/);
    assert.equal(document.lineAt(mismatch.range.start.line).text, 'Sekreterare: Hannes Berggren');
  });

  it('completes `- Ulf Andersson, Gull` with Gullspång', async () => {
    const editor = await openSeed();
    const cursor = await replaceLine(
      editor,
      '- Ulf Andersson, Gullspångs kommun',
      '- Ulf Andersson, Gull',
    );
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      cursor,
    );
    const municipalities = list.items.filter(
      (item) => item.kind !== vscode.CompletionItemKind.Snippet,
    );
    const best = [...municipalities].sort((a, b) =>
      (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)),
    )[0];
    assert.equal(
      best && labelOf(best),
      'Gullspång',
      `items: ${list.items.map(labelOf).join(', ')}`,
    );
  });

  it('quick-fixes `Tidaholm kommun` to `Tidaholms kommun`', async () => {
    const { document } = await openSeed();
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      rangeOf(document, 'Tidaholm kommun'),
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    const fix = actions.find((action) => action.title === 'Ersätt med Tidaholms kommun');
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(
      document.lineAt(positionOf(document, 'Eva Karlsson').line).text,
      '- Eva Karlsson, Tidaholms kommun',
    );
    await waitForCodes(document.uri, ['signature/mismatch']);
  });

  it('formats, folds and lists the items as symbols', async () => {
    const editor = await openSeed();
    const { document } = editor;
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    const flatten = (list: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] =>
      list.flatMap((symbol) => [symbol, ...flatten(symbol.children ?? [])]);
    const names = flatten(symbols).map((symbol) => symbol.name);
    assert.ok(
      names.some((name) => /Föregående protokoll/.test(name)),
      `symbols: ${names.join(' | ')}`,
    );
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      document.uri,
    );
    assert.ok(folds.length > 0, 'folding ranges');
    const line = await replaceLine(
      editor,
      '§ 3 Föregående protokoll',
      '§ 3 Föregående protokoll   ',
    );
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>(
      'vscode.executeFormatDocumentProvider',
      document.uri,
      { tabSize: 2, insertSpaces: true },
    );
    assert.ok(
      edits?.some((edit) => edit.range.start.line === line.line),
      'the formatter removes the trailing blanks',
    );
  });

  it('opens the live preview beside the minutes', async () => {
    await openSeed();
    await vscode.commands.executeCommand('protokoll.showPreviewToSide');
    const tab = await waitForWebviewTab(PREVIEW_VIEW_TYPE);
    assert.ok(tab.group.viewColumn > vscode.ViewColumn.One, 'the preview opens beside the editor');
  });
});
