import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  openFixture,
  openWorkspaceFile,
  positionOf,
  replaceLine,
  waitForCodes,
  waitForDiagnostics,
  workspaceRoot,
} from './helpers';

const SEED = 'sikt/sikt-2018-12-14.protokoll';

describe('diagnostics in VS Code', () => {
  afterEach(closeAllEditors);

  it('reports the seed minutes’ misspelt municipality and the secretary who did not sign', async () => {
    const { document } = await openWorkspaceFile(SEED);
    const diagnostics = await waitForCodes(document.uri, [
      'municipality/form',
      'signature/mismatch',
    ]);

    const [form, mismatch] = diagnostics;
    assert.equal(codeOf(form), 'municipality/form');
    assert.equal(document.getText(form.range), 'Tidaholm kommun');
    assert.equal(form.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(form.message, /Tidaholms kommun/);

    assert.equal(codeOf(mismatch), 'signature/mismatch');
    assert.equal(mismatch.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.lineAt(mismatch.range.start.line).text, 'Sekreterare: Hannes Berggren');
    // The related information points at the election of the secretary in § 1.
    const related = mismatch.relatedInformation ?? [];
    assert.ok(
      related.some(
        (info) =>
          info.location.uri.toString() === document.uri.toString() &&
          document.lineAt(info.location.range.start.line).text === 'Britt Andersson' &&
          document.lineAt(info.location.range.start.line - 1).text === '§ 1 Utse sekreterare',
      ),
      `related information should point at the election in § 1: ${JSON.stringify(related.map((r) => r.location.range.start.line))}`,
    );
  });

  it('updates the diagnostics while typing and clears them when the mistake is undone', async () => {
    const editor = await openWorkspaceFile(SEED);
    const { uri } = editor.document;
    await waitForCodes(uri, ['municipality/form', 'signature/mismatch']);

    const line = await replaceLine(editor, '§ 3 Föregående protokoll', '§ 3');
    const withEmptyTitle = await waitForCodes(uri, [
      'municipality/form',
      'numbering/empty-title',
      'signature/mismatch',
    ]);
    const emptyTitle = withEmptyTitle.find((d) => codeOf(d) === 'numbering/empty-title')!;
    assert.equal(emptyTitle.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(emptyTitle.range.start.line, line.line);

    await replaceLine(editor, '§ 3', '§ 3 Föregående protokoll');
    await waitForCodes(uri, ['municipality/form', 'signature/mismatch']);
  });

  it('reads .protokoll.json beside the minutes and reloads it when it changes', async () => {
    const configUri = vscode.Uri.joinPath(workspaceRoot(), 'sikt', '.protokoll.json');
    const original = await vscode.workspace.fs.readFile(configUri);
    const config = JSON.parse(new TextDecoder().decode(original));
    const { document } = await openWorkspaceFile(SEED);
    try {
      // The file requires only chair and secretary, so the missing adjuster is not reported.
      await waitForCodes(document.uri, ['municipality/form', 'signature/mismatch']);

      config.severity = { 'municipality/form': 'off' };
      config.requiredSignatures = ['Ordförande', 'Sekreterare', 'Justerare'];
      await vscode.workspace.fs.writeFile(
        configUri,
        new TextEncoder().encode(JSON.stringify(config, null, 2)),
      );
      await waitForCodes(document.uri, ['signature/mismatch', 'signature/missing']);
    } finally {
      await vscode.workspace.fs.writeFile(configUri, original);
    }
    await waitForCodes(document.uri, ['municipality/form', 'signature/mismatch']);
  });

  it('speaks English when protokoll.locale is en, without restarting the server', async () => {
    const settings = vscode.workspace.getConfiguration('protokoll');
    const {
      editor: { document },
    } = await openFixture(
      '# Styrelsemöte\nDatum: 2024-03-07\n\nNärvarande:\n- Anna Berg, Tidaholm kommun\n',
    );
    const isForm = (d: vscode.Diagnostic) => codeOf(d) === 'municipality/form';
    const [swedish] = await waitForDiagnostics(
      document.uri,
      (ds) => ds.some(isForm),
      'municipality/form',
    );
    assert.match(swedish.message, /officiella namnet/);
    try {
      await settings.update('locale', 'en', vscode.ConfigurationTarget.Workspace);
      const english = await waitForDiagnostics(
        document.uri,
        (ds) => ds.some((d) => isForm(d) && /official/.test(d.message)),
        'an English municipality/form message',
      );
      assert.doesNotMatch(english.find(isForm)!.message, /officiella/);
    } finally {
      await settings.update('locale', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(
      document.uri,
      (ds) => ds.some((d) => isForm(d) && /officiella namnet/.test(d.message)),
      'the Swedish message again',
    );
  });

  it('checks a new untitled document once its language is protokoll', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'protokoll',
      content: '# Styrelsemöte\n\n§ 1 Öppnande\n§ 3 Avslutning\n',
    });
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (ds) => ds.some((d) => codeOf(d) === 'numbering/gap'),
      'numbering/gap',
    );
    assert.ok(diagnostics.some((d) => codeOf(d) === 'header/missing-date'));
    const gap = diagnostics.find((d) => codeOf(d) === 'numbering/gap')!;
    assert.equal(gap.range.start.line, positionOf(document, '§ 3').line);
  });
});
