import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, replaceLine, workspaceRoot } from './helpers';

const SEED = 'sikt/sikt-2018-12-14.protokoll';
const SEED_TITLE = '<title>SIKTnätverket 2018-12-14</title>';
const EXPORT_FOLDER = `export-${process.pid}`;

let copyCount = 0;

/** A fresh copy of the seed in a folder of its own, so each export lands beside its own source. */
async function copySeed(): Promise<vscode.Uri> {
  const seed = vscode.Uri.joinPath(workspaceRoot(), ...SEED.split('/'));
  const copy = vscode.Uri.joinPath(
    workspaceRoot(),
    EXPORT_FOLDER,
    `copy-${++copyCount}`,
    path.posix.basename(seed.path),
  );
  await vscode.workspace.fs.copy(seed, copy);
  return copy;
}

/** `x.protokoll` → `x.pdf` in the same folder. */
function besideSource(source: vscode.Uri, extension: '.pdf' | '.html'): vscode.Uri {
  return source.with({ path: source.path.replace(/\.protokoll$/, extension) });
}

async function readText(uri: vscode.Uri): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Answers the save dialog that `pending` (an export command) opens, by running `command` on the
 * quick input that VS Code shows for it in the browser. The API has no event for "a dialog is
 * open", so the command is repeated until the export settles, or the time runs out.
 */
async function answerSaveDialog<T>(
  pending: Thenable<T>,
  command: 'workbench.action.acceptSelectedQuickOpenItem' | 'workbench.action.closeQuickOpen',
  timeoutMs = 20_000,
): Promise<T> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => (settled = true));
  const deadline = Date.now() + timeoutMs;
  while (!settled) {
    if (Date.now() > deadline) {
      throw new Error(`the export did not finish within ${timeoutMs} ms of answering its dialog`);
    }
    await vscode.commands.executeCommand(command);
    await Promise.race([result, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  return result;
}

describe('export in VS Code', () => {
  let simpleDialog: boolean | undefined;

  before(async () => {
    // Desktop VS Code shows the operating system's dialog, which a test cannot answer; the
    // simple dialog is a quick input (the only kind in the browser).
    const files = vscode.workspace.getConfiguration('files');
    simpleDialog = files.inspect<boolean>('simpleDialog.enable')?.globalValue;
    await files.update('simpleDialog.enable', true, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('files')
      .update('simpleDialog.enable', simpleDialog, vscode.ConfigurationTarget.Global);
    const folder = vscode.Uri.joinPath(workspaceRoot(), EXPORT_FOLDER);
    if (await exists(folder)) {
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    }
  });

  afterEach(closeAllEditors);

  it('exports the active minutes to a PDF beside the source, with the fonts embedded', async () => {
    const source = await copySeed();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));

    // Resolves once the file is written: the "Open" message it shows is never answered here.
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'protokoll.exportPdf',
    );

    const expected = besideSource(source, '.pdf');
    assert.equal(written?.toString(), expected.toString());
    const pdf = Buffer.from(await vscode.workspace.fs.readFile(expected)).toString('latin1');
    assert.equal(pdf.slice(0, 5), '%PDF-');
    assert.match(pdf, /\/FontFile2 \d+ 0 R/);
    assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+DejaVuSerif\b/);
    assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+DejaVuSerif-Bold\b/);
    assert.match(pdf.trimEnd(), /%%EOF$/);
  });

  it('exports the public version to name.offentlig.pdf, leaving the full export alone', async () => {
    const source = await copySeed();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'protokoll.exportPublicPdf',
    );
    const expected = source.with({ path: source.path.replace(/\.protokoll$/, '.offentlig.pdf') });
    assert.equal(written?.toString(), expected.toString());
    const pdf = Buffer.from(await vscode.workspace.fs.readFile(expected)).toString('latin1');
    assert.equal(pdf.slice(0, 5), '%PDF-');
    assert.equal(await exists(besideSource(source, '.pdf')), false);
  });

  it('exports a file picked in the explorer to standalone HTML beside it', async () => {
    const source = await copySeed();

    // The explorer's context menu passes the file; no editor is open.
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'protokoll.exportHtml',
      source,
    );

    const expected = besideSource(source, '.html');
    assert.equal(written?.toString(), expected.toString());
    const html = await readText(expected);
    assert.match(html, /^<!doctype html>/i);
    assert.ok(html.includes(SEED_TITLE), `no ${SEED_TITLE} in ${html.slice(0, 400)}`);
    assert.ok(html.includes('Mattias Gustafsson'));
    assert.doesNotMatch(html, /<script/i);
  });

  it('exports the text in the editor, unsaved changes included, and leaves the file as it was', async () => {
    const source = await copySeed();
    const onDisk = await readText(source);
    const editor = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(source),
    );
    await replaceLine(editor, '# SIKTnätverket', '# SIKTnätverket, extra möte');

    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'protokoll.exportHtml',
    );

    assert.equal(written?.toString(), besideSource(source, '.html').toString());
    assert.ok((await readText(written)).includes('<title>SIKTnätverket, extra möte 2018-12-14'));
    assert.equal(editor.document.isDirty, true);
    assert.equal(await readText(source), onDisk);
  });

  it('refuses to export onto the source when the file beside it is a link to the source', async () => {
    const source = await copySeed();
    const before = await readText(source);
    const beside = besideSource(source, '.html');
    fs.symlinkSync(path.basename(source.fsPath), beside.fsPath);

    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'protokoll.exportHtml',
      source,
    );

    assert.equal(written, undefined);
    assert.equal(await readText(source), before);
    assert.ok(fs.lstatSync(beside.fsPath).isSymbolicLink());
  });

  it('asks where to save the export of an untitled document, and writes it there', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'protokoll',
      content:
        '# Styrelsemöte\nDatum: 2024-03-07\n\n§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n',
    });
    await vscode.window.showTextDocument(document);
    // The dialog proposes the document's name in the workspace folder.
    const proposed = vscode.Uri.joinPath(
      workspaceRoot(),
      `${path.posix.basename(document.uri.path)}.pdf`,
    );

    const written = await answerSaveDialog(
      vscode.commands.executeCommand<vscode.Uri | undefined>('protokoll.exportPdf'),
      'workbench.action.acceptSelectedQuickOpenItem',
    );

    assert.equal(written?.path, proposed.path);
    const pdf = Buffer.from(await vscode.workspace.fs.readFile(proposed));
    await vscode.workspace.fs.delete(proposed);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it('writes nothing when the save dialog for an untitled document is cancelled', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'protokoll',
      content: '# Styrelsemöte\nDatum: 2024-03-07\n',
    });
    await vscode.window.showTextDocument(document);
    const proposed = vscode.Uri.joinPath(
      workspaceRoot(),
      `${path.posix.basename(document.uri.path)}.html`,
    );

    const written = await answerSaveDialog(
      vscode.commands.executeCommand<vscode.Uri | undefined>('protokoll.exportHtml'),
      'workbench.action.closeQuickOpen',
    );

    assert.equal(written, undefined);
    assert.equal(await exists(proposed), false);
  });
});
