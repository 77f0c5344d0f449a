import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExportResult } from '../../client/src/preview/export';
import {
  MASKED_TEXTS,
  SECRET_CONFIG,
  SECRET_MINUTES,
  survivors,
} from '../unit/render/secretFixture';
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

/** Minutes with errors: an impossible date and a § number twice. */
const MINUTES_WITH_ERRORS =
  '# Styrelsemöte\nDatum: 2024-13-45\n\n§ 1 Öppnande\nText.\n\n§ 1 Igen\nText.\n';

/** Minutes without errors (warnings only). */
const CLEAN_MINUTES =
  '# Styrelsemöte\nDatum: 2024-03-07\n\n§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n\n' +
  'Ordförande: Anna Ek\nSekreterare: Per Holm\nJusterare: Lena Sjö\n';

/** Writes `files` into a new folder of the export area; returns the URI of each. */
async function writeFiles(files: Record<string, string>): Promise<Record<string, vscode.Uri>> {
  const folder = vscode.Uri.joinPath(workspaceRoot(), EXPORT_FOLDER, `copy-${++copyCount}`);
  const uris: Record<string, vscode.Uri> = {};
  for (const [name, content] of Object.entries(files)) {
    uris[name] = vscode.Uri.joinPath(folder, name);
    await vscode.workspace.fs.writeFile(uris[name], new TextEncoder().encode(content));
  }
  return uris;
}

/** Whether a tab of any group shows `uri` as text. */
function hasTextTab(uri: vscode.Uri): boolean {
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some(
      (tab) =>
        tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString(),
    ),
  );
}

/** Resolves once a tab shows `uri` (now or on a change of the tabs); rejects after `timeoutMs`. */
function waitForTextTab(uri: vscode.Uri, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolve();
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (hasTextTab(uri)) done();
    });
    const timer = setTimeout(
      () => done(new Error(`no editor tab showed ${uri.path} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    if (hasTextTab(uri)) done();
  });
}

/** A desktop editor with its extension host on this machine opens exports with other programs. */
function isLocalDesktop(): boolean {
  return vscode.env.remoteName === undefined && vscode.env.uiKind === vscode.UIKind.Desktop;
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
    const written = await vscode.commands.executeCommand<ExportResult | undefined>(
      'protokoll.exportPdf',
    );

    const expected = besideSource(source, '.pdf');
    assert.equal(written?.file.toString(), expected.toString());
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
    const written = await vscode.commands.executeCommand<ExportResult | undefined>(
      'protokoll.exportPublicPdf',
    );
    const expected = source.with({ path: source.path.replace(/\.protokoll$/, '.offentlig.pdf') });
    assert.equal(written?.file.toString(), expected.toString());
    const pdf = Buffer.from(await vscode.workspace.fs.readFile(expected)).toString('latin1');
    assert.equal(pdf.slice(0, 5), '%PDF-');
    assert.equal(await exists(besideSource(source, '.pdf')), false);
  });

  it('exports a file picked in the explorer to standalone HTML beside it', async () => {
    const source = await copySeed();

    // The explorer's context menu passes the file; no editor is open.
    const written = await vscode.commands.executeCommand<ExportResult | undefined>(
      'protokoll.exportHtml',
      source,
    );

    const expected = besideSource(source, '.html');
    assert.equal(written?.file.toString(), expected.toString());
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

    const written = await vscode.commands.executeCommand<ExportResult | undefined>(
      'protokoll.exportHtml',
    );

    assert.equal(written?.file.toString(), besideSource(source, '.html').toString());
    assert.ok(
      (await readText(written.file)).includes('<title>SIKTnätverket, extra möte 2018-12-14'),
    );
    assert.equal(editor.document.isDirty, true);
    assert.equal(await readText(source), onDisk);
  });

  it('refuses to export onto the source when the file beside it is a link to the source', async () => {
    const source = await copySeed();
    const before = await readText(source);
    const beside = besideSource(source, '.html');
    fs.symlinkSync(path.basename(source.fsPath), beside.fsPath);

    const written = await vscode.commands.executeCommand<ExportResult | undefined>(
      'protokoll.exportHtml',
      source,
    );

    assert.equal(written, undefined);
    assert.equal(await readText(source), before);
    assert.ok(fs.lstatSync(beside.fsPath).isSymbolicLink());
  });

  it('"Open" shows an exported HTML file in an editor where no local browser can reach it', async function () {
    // On a local desktop "Open" starts the default browser, which a test must not do.
    if (isLocalDesktop()) this.skip();
    const source = await copySeed();
    const result = await vscode.commands.executeCommand<ExportResult | undefined>(
      'protokoll.exportHtml',
      { file: source.toString(), then: 'open' },
    );
    const html = besideSource(source, '.html');
    assert.equal(result?.file.toString(), html.toString());
    assert.equal(result.done, 'openInEditor');
    await waitForTextTab(html);
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /^<!doctype html>/i);
  });

  it('"Open" reveals an exported PDF in the explorer where no viewer can show it', async function () {
    if (isLocalDesktop()) this.skip();
    const source = await copySeed();
    const result = await vscode.commands.executeCommand<ExportResult | undefined>(
      'protokoll.exportPdf',
      { file: source, then: 'open' },
    );
    const pdf = besideSource(source, '.pdf');
    assert.equal(result?.file.toString(), pdf.toString());
    // No PDF-viewer extension in this editor: the PDF's "Download…" is in the explorer.
    assert.equal(result.done, 'revealInExplorer');
    assert.equal(hasTextTab(pdf), false, 'the PDF is not opened as text');
  });

  it('"Show in folder" reveals an exported HTML file in the explorer', async function () {
    if (isLocalDesktop()) this.skip();
    const source = await copySeed();
    const result = await vscode.commands.executeCommand<ExportResult | undefined>(
      'protokoll.exportHtml',
      { file: source, then: 'reveal' },
    );
    assert.equal(result?.done, 'revealInExplorer');
  });

  it('never replaces an earlier export silently: "Keep both" writes name (2), "Replace" replaces', async () => {
    const source = await copySeed();
    const first = await vscode.commands.executeCommand<ExportResult | undefined>(
      'protokoll.exportHtml',
      source,
    );
    const html = besideSource(source, '.html');
    assert.equal(first?.file.toString(), html.toString());
    const editor = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(source),
    );
    await replaceLine(editor, '# SIKTnätverket', '# SIKTnätverket, andra versionen');

    const kept = await vscode.commands.executeCommand<ExportResult | undefined>(
      'protokoll.exportHtml',
      { file: source, ifExists: 'keepBoth' },
    );
    const second = source.with({ path: source.path.replace(/\.protokoll$/, ' (2).html') });
    assert.equal(kept?.file.toString(), second.toString());
    assert.ok((await readText(second)).includes('andra versionen'));
    assert.equal((await readText(html)).includes('andra versionen'), false, 'the first is kept');

    const replaced = await vscode.commands.executeCommand<ExportResult | undefined>(
      'protokoll.exportHtml',
      { file: source, ifExists: 'replace' },
    );
    assert.equal(replaced?.file.toString(), html.toString());
    assert.ok((await readText(html)).includes('andra versionen'));
    const third = source.with({ path: source.path.replace(/\.protokoll$/, ' (3).html') });
    assert.equal(await exists(third), false);
  });

  it('says how many errors the exported minutes still have, and none for clean ones', async () => {
    const files = await writeFiles({
      'fel.protokoll': MINUTES_WITH_ERRORS,
      'ren.protokoll': CLEAN_MINUTES,
    });
    const source = files['fel.protokoll'];
    const result = await vscode.commands.executeCommand<ExportResult | undefined>(
      'protokoll.exportHtml',
      source,
    );
    assert.equal(result?.errors, 5);
    assert.equal(
      result.message,
      `Protokollet exporterades till ${result.file.fsPath}, men det har fortfarande 5 fel (se Problem).`,
    );

    const clean = await vscode.commands.executeCommand<ExportResult | undefined>(
      'protokoll.exportHtml',
      files['ren.protokoll'],
    );
    assert.equal(clean?.errors, 0);
    assert.equal(clean.message, `Protokollet exporterades till ${clean.file.fsPath}.`);
  });

  it('refuses an argument it does not understand, and writes nothing', async () => {
    const source = await copySeed();
    for (const argument of [
      { file: source, then: 'print' },
      { file: source, overwrite: true },
    ]) {
      const result = await vscode.commands.executeCommand<ExportResult | undefined>(
        'protokoll.exportHtml',
        argument,
      );
      assert.equal(result, undefined, JSON.stringify(argument));
    }
    assert.equal(await exists(besideSource(source, '.html')), false);
  });

  it('"Export Public Version" writes a PDF with none of the masked text', async function () {
    if (spawnSync('pdftotext', ['-v']).error) {
      if (process.env.PROTOKOLL_REQUIRE_TOOLS === '1') throw new Error('pdftotext is missing');
      console.warn(
        '      skipped: pdftotext (poppler-utils) is missing: bash scripts/setup-e2e.sh',
      );
      this.skip();
    }
    const { 'socialnamnden.protokoll': source } = await writeFiles({
      'socialnamnden.protokoll': SECRET_MINUTES,
      '.protokoll.json': JSON.stringify({
        kind: SECRET_CONFIG.kind,
        maskedNames: SECRET_CONFIG.maskedNames,
      }),
    });
    const result = await vscode.commands.executeCommand<ExportResult | undefined>(
      'protokoll.exportPublicPdf',
      source,
    );
    assert.ok(result, 'nothing was exported');
    assert.match(result.file.path, /socialnamnden\.offentlig\.pdf$/);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', result.file.fsPath, '-'], {
      encoding: 'utf8',
    }).stdout;
    const flat = text.replace(/\s+/g, ' ');
    assert.match(flat, /Sekretessbelagd uppgift enligt OSL 26 kap\. 1 §/);
    assert.match(flat, /\[namn maskerat\]/);
    assert.deepEqual(survivors(text, MASKED_TEXTS), []);
    assert.deepEqual(survivors(flat, MASKED_TEXTS), []);
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
      vscode.commands.executeCommand<ExportResult | undefined>('protokoll.exportPdf'),
      'workbench.action.acceptSelectedQuickOpenItem',
    );

    assert.equal(written?.file.path, proposed.path);
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
      vscode.commands.executeCommand<ExportResult | undefined>('protokoll.exportHtml'),
      'workbench.action.closeQuickOpen',
    );

    assert.equal(written, undefined);
    assert.equal(await exists(proposed), false);
  });
});
