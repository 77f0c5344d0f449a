import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  hoverText,
  labelOf,
  openFixture,
  openWorkspaceFile,
  positionOf,
  rangeOf,
  replaceLine,
  waitForCodes,
} from './helpers';

const SEED = 'sikt/sikt-2018-12-14.protokoll';

/** Opens the seed and waits for its diagnostics: from then on the server knows the document. */
async function openSeed(): Promise<vscode.TextEditor> {
  const editor = await openWorkspaceFile(SEED);
  await waitForCodes(editor.document.uri, ['municipality/form', 'signature/mismatch']);
  return editor;
}

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children ?? [])]);
}

describe('language features in VS Code', () => {
  afterEach(closeAllEditors);

  it('completes `- Ulf Andersson, Gull` with Gullspång and inserts the short form', async () => {
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
      (item) => item.kind === undefined || item.kind !== vscode.CompletionItemKind.Snippet,
    );
    const best = [...municipalities].sort((a, b) =>
      (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)),
    )[0];
    assert.equal(
      best && labelOf(best),
      'Gullspång',
      `items: ${list.items.map(labelOf).join(', ')}`,
    );
    const detail = [
      best.detail,
      typeof best.label === 'string'
        ? ''
        : `${best.label.detail ?? ''} ${best.label.description ?? ''}`,
    ].join(' ');
    assert.match(detail, /Västra Götaland/);
    assert.match(detail, /1447/);

    await applyCompletion(editor, best, cursor);
    assert.equal(editor.document.lineAt(cursor.line).text, '- Ulf Andersson, Gullspång');
  });

  it('completes a municipality typed without å/ä/ö (`Gota` → Götene)', async () => {
    const { editor, cursor } = await openFixture(
      '# Styrelsemöte\nDatum: 2024-03-07\n\nNärvarande:\n- Anna Berg, Gota|\n',
    );
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      cursor,
    );
    assert.ok(
      list.items.some((item) => labelOf(item) === 'Götene'),
      `items: ${list.items.map(labelOf).join(', ')}`,
    );
  });

  it('hovers a municipality with its official name, SCB code and county', async () => {
    const editor = await openSeed();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, 'Gullspångs kommun', 3),
    );
    const text = hoverText(hovers);
    assert.match(text, /Gullspångs kommun/);
    assert.match(text, /1447/);
    assert.match(text, /Västra Götalands län/);
  });

  it('hovers a person with organisation and role, and a date with its weekday', async () => {
    const editor = await openSeed();
    const person = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        positionOf(editor.document, 'Mattias Gustafsson, Tibro', 2),
      ),
    );
    assert.match(person, /Tibro/);
    assert.match(person, /ordförande/i);

    const date = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        positionOf(editor.document, 'Datum: 2018-12-14', 'Datum: 2018'.length),
      ),
    );
    assert.match(date, /fredag/i);
  });

  it('quick-fixes `Tidaholm kommun` to `Tidaholms kommun`', async () => {
    const editor = await openSeed();
    const { document } = editor;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      rangeOf(document, 'Tidaholm kommun'),
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    const fix = actions.find((action) => action.title === 'Ersätt med Tidaholms kommun');
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind));
    assert.ok(fix.edit, 'the quick fix carries its edit');

    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(
      document.lineAt(positionOf(document, 'Eva Karlsson').line).text,
      '- Eva Karlsson, Tidaholms kommun',
    );
    await waitForCodes(document.uri, ['signature/mismatch']);
  });

  it('renames a person in the attendance list, the signatures and first-name mentions', async () => {
    const editor = await openSeed();
    const { document } = editor;
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      positionOf(document, 'Mattias Gustafsson, Tibro', 1),
      'Mats Gustafsson',
    );
    assert.ok(edit, 'rename returned no edit');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const text = document.getText();
    assert.match(text, /^- Mats Gustafsson, Tibro kommun \(ordförande\)$/m);
    assert.match(text, /^Ordförande: Mats Gustafsson$/m);
    assert.match(text, /^Mats sammanfattar\. Inget att tillägga\.$/m);
    assert.doesNotMatch(text, /Mattias/);
  });

  it('formats a document to the canonical form', async () => {
    const { editor } = await openFixture(
      [
        '# Styrelsemöte',
        'datum:2024-03-07',
        'Närvarande:',
        '-  Anna Berg ,  Hjo (ordförande)',
        '§1 Öppnande',
        'Anna öppnar mötet.   ',
        '',
        '',
        '§2   Avslutning',
        'beslut:Mötet avslutas.',
        'ordförande:Anna Berg',
        '',
      ].join('\n'),
    );
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>(
      'vscode.executeFormatDocumentProvider',
      editor.document.uri,
      { tabSize: 2, insertSpaces: true },
    );
    assert.ok(edits?.length, 'formatting returned no edits');
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.set(editor.document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(workspaceEdit));
    assert.equal(
      editor.document.getText(),
      [
        '# Styrelsemöte',
        'Datum: 2024-03-07',
        '',
        'Närvarande:',
        '- Anna Berg, Hjo (ordförande)',
        '',
        '§ 1 Öppnande',
        'Anna öppnar mötet.',
        '',
        '§ 2 Avslutning',
        'Beslut: Mötet avslutas.',
        '',
        'Ordförande: Anna Berg',
        '',
      ].join('\n'),
    );
  });

  it('outlines the minutes: title, sections, and each § with its actions', async () => {
    const editor = await openSeed();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      editor.document.uri,
    );
    const all = flatten(symbols);
    const names = all.map((symbol) => symbol.name);
    assert.ok(
      names.some((name) => /SIKTnätverket/.test(name)),
      `symbols: ${names.join(' | ')}`,
    );
    assert.ok(
      names.some((name) => /Närvarande/.test(name)),
      `symbols: ${names.join(' | ')}`,
    );
    const items = all.filter((symbol) => /^§\s?\d/.test(symbol.name));
    assert.deepEqual(
      items.map((symbol) => symbol.name.match(/^§\s?(\d+)/)![1]),
      ['1', '2', '3', '4', '5', '6'],
    );
    const nextMeeting = items[4];
    assert.match(nextMeeting.name, /Nästa möte/);
    assert.ok(
      flatten(nextMeeting.children).some((child) => /Ulf planerar/.test(child.name + child.detail)),
      `children of § 5: ${nextMeeting.children.map((c) => c.name).join(' | ')}`,
    );
    // Each symbol's range holds its selection range, as VS Code requires.
    for (const symbol of all) assert.ok(symbol.range.contains(symbol.selectionRange), symbol.name);
  });

  it('finds every reference to a person, full name and first-name mentions', async () => {
    const editor = await openSeed();
    const { document } = editor;
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      positionOf(document, 'Mattias Gustafsson, Tibro', 1),
    );
    const lines = locations.map((l) => document.lineAt(l.range.start.line).text);
    for (const expected of [
      '- Mattias Gustafsson, Tibro kommun (ordförande)',
      'Mattias sammanfattar. Inget att tillägga.',
      'Inga övriga frågor. Mattias önskar god jul och tack för i år!',
      'Ordförande: Mattias Gustafsson',
    ]) {
      assert.ok(lines.includes(expected), `no reference on "${expected}": ${lines.join(' | ')}`);
    }
    for (const location of locations) {
      assert.match(document.getText(location.range), /^Mattias( Gustafsson)?$/);
    }
  });

  it('folds the attendance sections and each § item', async () => {
    const editor = await openSeed();
    const { document } = editor;
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      document.uri,
    );
    const starts = ranges.map((r) => document.lineAt(r.start).text);
    for (const header of ['Närvarande:', 'Frånvarande:', '§ 4 IKT Styrkedja och Stödkedja']) {
      assert.ok(starts.includes(header), `no fold at "${header}": ${starts.join(' | ')}`);
    }
  });

  it('goes to the attendance line from a first-name mention', async () => {
    const editor = await openSeed();
    const { document } = editor;
    const locations = await vscode.commands.executeCommand<
      (vscode.Location | vscode.LocationLink)[]
    >(
      'vscode.executeDefinitionProvider',
      document.uri,
      positionOf(document, 'Mattias sammanfattar', 2),
    );
    const lines = locations.map((l) => ('targetRange' in l ? l.targetRange : l.range).start.line);
    assert.deepEqual(lines, [positionOf(document, '- Mattias Gustafsson').line]);
  });
});

/** Applies a completion item the way the editor does: its range (or the word) gets insertText. */
async function applyCompletion(
  editor: vscode.TextEditor,
  item: vscode.CompletionItem,
  cursor: vscode.Position,
): Promise<void> {
  const range =
    item.range instanceof vscode.Range
      ? item.range
      : (item.range?.replacing ??
        editor.document.getWordRangeAtPosition(cursor) ??
        new vscode.Range(cursor, cursor));
  const insert = item.insertText ?? labelOf(item);
  const ok = await (insert instanceof vscode.SnippetString
    ? editor.insertSnippet(insert, range)
    : editor.edit((edit) => edit.replace(range, insert)));
  assert.ok(ok, 'the completion could not be applied');
  if (item.additionalTextEdits?.length) {
    await editor.edit((edit) =>
      item.additionalTextEdits!.forEach((e) => edit.replace(e.range, e.newText)),
    );
  }
}
