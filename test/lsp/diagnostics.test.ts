// Diagnostics and configuration over stdio: what an editor sees when it opens minutes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DocumentFormattingRequest,
  FileChangeType,
  HoverRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { LspClient, messageOf, repoRoot } from './client';

const siktDir = path.join(repoRoot, 'examples', 'sikt');
const seedText = fs.readFileSync(path.join(siktDir, 'sikt-2018-12-14.protokoll'), 'utf8');

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();

/** A folder outside the repository, so no `.protokoll.json` applies unless a test writes one. */
function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-lsp-'));
}

describe('language server over stdio: diagnostics and configuration', function () {
  this.timeout(30_000);
  let client: LspClient;
  const dirs: string[] = [];
  const newDir = () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir;
  };

  beforeEach(async () => {
    client = await LspClient.start();
  });

  afterEach(async () => {
    await client.stop();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('announces incremental sync, every feature and the completion trigger characters', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, {
      openClose: true,
      change: 2,
      save: { includeText: false },
    });
    assert.deepEqual(
      [...(caps.completionProvider?.triggerCharacters ?? [])].sort(),
      [' ', '(', ',', ':', '@', '§'].sort(),
    );
    for (const provider of [
      'hoverProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'selectionRangeProvider',
      'definitionProvider',
      'referencesProvider',
      'documentHighlightProvider',
      'documentFormattingProvider',
      'documentRangeFormattingProvider',
    ] as const) {
      assert.ok(caps[provider], `${provider} announced`);
    }
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.deepEqual(caps.codeActionProvider, {
      codeActionKinds: [
        'quickfix',
        'source.fixAll.protokoll',
        'refactor.rewrite.protokoll.renumber',
      ],
    });
    assert.equal(client.initializeResult.serverInfo?.name, 'protokoll');
  });

  it('registers for .protokoll.json, .protokoll and settings changes when the client allows it', async () => {
    // Registration happens after `initialized`; a request round trip orders it before us.
    const uri = await client.open('untitled:Untitled-1', '# Möte\n');
    await client.diagnostics(uri);
    const methods = client.registrations.map((r) => r.method).sort();
    assert.deepEqual(methods, [
      'workspace/didChangeConfiguration',
      'workspace/didChangeWatchedFiles',
    ]);
    const watched = client.registrations.find(
      (r) => r.method === 'workspace/didChangeWatchedFiles',
    );
    assert.deepEqual(watched?.registerOptions, {
      watchers: [{ globPattern: '**/.protokoll.json' }, { globPattern: '**/*.protokoll' }],
    });
  });

  it("reports the seed's four mistakes with codes, source and the file's version", async () => {
    const uri = pathToFileURL(path.join(newDir(), 'sikt.protokoll')).href;
    await client.open(uri, seedText, 7);
    const published = await client.diagnosticsForVersion(uri, 7);
    assert.deepEqual(codes(published.diagnostics), [
      'municipality/form',
      'municipality/unknown',
      'signature/mismatch',
      'signature/missing',
    ]);
    for (const d of published.diagnostics) assert.equal(d.source, 'protokoll');
    const form = published.diagnostics.find((d) => d.code === 'municipality/form')!;
    const line = seedText.split('\n')[form.range.start.line];
    assert.equal(
      line.slice(form.range.start.character, form.range.end.character),
      'Tidaholm kommun',
    );
    assert.equal(form.severity, 2);
    assert.match(messageOf(form), /Tidaholms kommun/);
  });

  it('points signature/mismatch at the election in § 1 through related information', async () => {
    const uri = pathToFileURL(path.join(newDir(), 'sikt.protokoll')).href;
    await client.open(uri, seedText);
    const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
    const mismatch = diagnostics.find((d) => d.code === 'signature/mismatch')!;
    const lines = seedText.split('\n');
    const signed = lines[mismatch.range.start.line].slice(
      mismatch.range.start.character,
      mismatch.range.end.character,
    );
    assert.equal(signed, 'Hannes Berggren');
    assert.equal(mismatch.relatedInformation?.length, 1);
    const related = mismatch.relatedInformation![0];
    assert.equal(related.location.uri, uri);
    assert.equal(lines[related.location.range.start.line], 'Britt Andersson');
    assert.equal(lines[related.location.range.start.line - 1], '§ 1 Utse sekreterare');
    assert.match(messageOf(related), /§ 1/);
  });

  it('carries the fixes in the diagnostic data', async () => {
    const uri = pathToFileURL(path.join(newDir(), 'sikt.protokoll')).href;
    await client.open(uri, seedText, 3);
    const { diagnostics } = await client.diagnosticsForVersion(uri, 3);
    const form = diagnostics.find((d) => d.code === 'municipality/form')!;
    assert.deepEqual(form.data, {
      version: 3,
      fixes: [
        {
          title: 'Ersätt med Tidaholms kommun',
          edits: [{ range: form.range, newText: 'Tidaholms kommun' }],
          preferred: true,
        },
      ],
    });
  });

  it('applies examples/sikt/.protokoll.json: only the form and the secretary mismatch remain', async () => {
    const uri = pathToFileURL(path.join(siktDir, 'sikt-2018-12-14.protokoll')).href;
    await client.open(uri, seedText);
    const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
    assert.deepEqual(codes(diagnostics), ['municipality/form', 'signature/mismatch']);
  });

  it('lets the nearest .protokoll.json override the editor settings', async () => {
    await client.changeSettings({ locale: 'en', requiredSignatures: ['Ordförande'] });
    const dir = newDir();
    fs.writeFileSync(path.join(dir, '.protokoll.json'), '{ "locale": "sv" }');
    const uri = pathToFileURL(path.join(dir, 'möte.protokoll')).href;
    await client.open(uri, seedText);
    const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
    // requiredSignatures from the settings (no Justerare needed), locale from the file.
    assert.deepEqual(codes(diagnostics), [
      'municipality/form',
      'municipality/unknown',
      'signature/mismatch',
    ]);
    assert.match(messageOf(diagnostics[0]), /officiella namnet/);
  });

  it('reports a broken .protokoll.json on that file with a position, and keeps serving', async () => {
    const dir = newDir();
    const configFile = path.join(dir, '.protokoll.json');
    fs.writeFileSync(
      configFile,
      '{\n  "requiredSignatures": ["Ordförande",]\n  "locale": "sv"\n}\n',
    );
    const uri = pathToFileURL(path.join(dir, 'möte.protokoll')).href;
    await client.open(uri, seedText);
    const configUri = pathToFileURL(configFile).href;
    const { diagnostics: configDiagnostics } = await client.diagnostics(configUri);
    assert.ok(configDiagnostics.length > 0, 'the config file has diagnostics');
    for (const d of configDiagnostics) {
      assert.equal(d.code, 'config');
      assert.equal(d.source, 'protokoll');
      assert.equal(d.severity, 1);
    }
    const comma = configDiagnostics.find((d) => /","/.test(messageOf(d)))!;
    assert.ok(comma, `a missing comma is reported: ${configDiagnostics.map(messageOf)}`);
    assert.equal(comma.range.start.line, 2, 'on the line of "locale"');
    assert.equal(messageOf(comma), 'ogiltig JSON: förväntade "," mellan posterna');

    // The document is still checked (with the defaults) and the server still answers.
    const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
    assert.ok(codes(diagnostics).includes('municipality/form'));
    const edits = await client.within(
      client.connection.sendRequest(DocumentFormattingRequest.type, {
        textDocument: { uri },
        options: { tabSize: 2, insertSpaces: true },
      }),
      'formatting',
    );
    assert.ok(Array.isArray(edits));
    assert.ok(client.alive);
  });

  it('reloads a changed .protokoll.json without a restart and clears its diagnostics once fixed', async () => {
    const dir = newDir();
    const configFile = path.join(dir, '.protokoll.json');
    const configUri = pathToFileURL(configFile).href;
    fs.writeFileSync(configFile, '{ "requiredSignatures": ["Ordförande"], "bogus": 1 }');
    const uri = pathToFileURL(path.join(dir, 'möte.protokoll')).href;
    await client.open(uri, seedText);
    const first = await client.diagnosticsForVersion(uri, 1);
    assert.ok(!codes(first.diagnostics).includes('signature/missing'));
    const broken = await client.diagnostics(configUri);
    assert.match(messageOf(broken.diagnostics[0]), /^bogus: okänd inställning "bogus"/);

    const documentMark = client.mark(uri);
    const configMark = client.mark(configUri);
    fs.writeFileSync(
      configFile,
      '{ "requiredSignatures": ["Ordförande", "Sekreterare", "Justerare"], "organisations": ["Kommunalförbundet"] }',
    );
    await client.filesChanged([{ uri: configUri, type: FileChangeType.Changed }]);
    const cleared = await client.diagnostics(configUri, () => true, configMark);
    assert.deepEqual(cleared.diagnostics, []);
    const reloaded = await client.diagnostics(uri, () => true, documentMark);
    assert.deepEqual(codes(reloaded.diagnostics), [
      'municipality/form',
      'signature/mismatch',
      'signature/missing',
    ]);
  });

  it('reloads the editor settings when they change, without a restart', async () => {
    const uri = pathToFileURL(path.join(newDir(), 'möte.protokoll')).href;
    await client.open(uri, seedText);
    const before = await client.diagnosticsForVersion(uri, 1);
    assert.ok(codes(before.diagnostics).includes('signature/missing'));
    assert.match(messageOf(before.diagnostics[0]), /officiella/);

    const mark = client.mark(uri);
    await client.changeSettings({
      locale: 'en',
      organisations: ['Kommunalförbundet'],
      severity: { 'signature/missing': 'off' },
    });
    const after = await client.diagnostics(uri, () => true, mark);
    assert.deepEqual(codes(after.diagnostics), ['municipality/form', 'signature/mismatch']);
    assert.match(messageOf(after.diagnostics[0]), /official form is Tidaholms kommun/);
  });

  it('ignores invalid settings and keeps their valid neighbours', async () => {
    await client.changeSettings({
      locale: 'fi',
      organisations: 'Kommunalförbundet',
      requiredSignatures: ['Ordförande', 'Kassör'],
      diagnosticsDelay: 'soon',
    });
    const uri = pathToFileURL(path.join(newDir(), 'möte.protokoll')).href;
    await client.open(uri, seedText);
    const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
    assert.deepEqual(codes(diagnostics), [
      'municipality/form',
      'municipality/unknown',
      'signature/mismatch',
    ]);
    assert.ok(
      client.log.some((line) =>
        /inställningen protokoll\.locale ignoreras: "fi" är inget språk som stöds; använd "sv"/.test(
          line,
        ),
      ),
      client.log.join('\n'),
    );
  });

  it('describes invalid settings in English when the locale setting is en', async () => {
    await client.changeSettings({ locale: 'en', validate: 'sometimes' });
    const uri = pathToFileURL(path.join(newDir(), 'möte.protokoll')).href;
    await client.open(uri, seedText);
    await client.diagnosticsForVersion(uri, 1);
    assert.ok(
      client.log.some((line) =>
        /setting protokoll\.validate ignored: "sometimes" is not a validation mode; use "onType"/.test(
          line,
        ),
      ),
      client.log.join('\n'),
    );
  });

  it("writes a .protokoll.json's problems in the editor's language unless the file names its own", async () => {
    await client.changeSettings({ locale: 'en' });
    const dir = newDir();
    const configFile = path.join(dir, '.protokoll.json');
    const configUri = pathToFileURL(configFile).href;
    fs.writeFileSync(configFile, '{ "bogus": 1 }');
    const uri = pathToFileURL(path.join(dir, 'möte.protokoll')).href;
    await client.open(uri, seedText);
    const english = await client.diagnostics(configUri);
    assert.deepEqual(english.diagnostics.map(messageOf), [
      'bogus: unknown setting "bogus"; known settings: requiredSignatures, organisations, members, severity, locale, kind, parties, seats, archive, maskedNames',
    ]);
    assert.deepEqual(english.diagnostics[0].range, {
      start: { line: 0, character: 2 },
      end: { line: 0, character: 9 },
    });

    const mark = client.mark(configUri);
    fs.writeFileSync(configFile, '{ "locale": "sv", "bogus": 1 }');
    await client.filesChanged([{ uri: configUri, type: FileChangeType.Changed }]);
    const swedish = await client.diagnostics(configUri, () => true, mark);
    assert.deepEqual(swedish.diagnostics.map(messageOf), [
      'bogus: okänd inställning "bogus"; kända inställningar: requiredSignatures, organisations, members, severity, locale, kind, parties, seats, archive, maskedNames',
    ]);
  });

  it('publishes the problems of a .protokoll.json no open document uses, and clears them once deleted', async () => {
    const dir = newDir();
    const configFile = path.join(dir, '.protokoll.json');
    const configUri = pathToFileURL(configFile).href;
    fs.writeFileSync(configFile, '{ "locale": "en", "severity": { "numbering/gap": "loud" } }');
    await client.filesChanged([{ uri: configUri, type: FileChangeType.Created }]);
    const reported = await client.diagnostics(configUri);
    assert.deepEqual(reported.diagnostics.map(messageOf), [
      'severity.numbering/gap: "loud" is not a severity; use "error", "warning", "information", "hint" or "off"',
    ]);
    const mark = client.mark(configUri);
    fs.rmSync(configFile);
    await client.filesChanged([{ uri: configUri, type: FileChangeType.Deleted }]);
    const cleared = await client.diagnostics(configUri, () => true, mark);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('checks untitled documents with the editor settings alone', async () => {
    await client.changeSettings({ organisations: ['Kommunalförbundet'] });
    const uri = await client.open('untitled:Untitled-1', seedText);
    const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
    assert.deepEqual(codes(diagnostics), [
      'municipality/form',
      'signature/mismatch',
      'signature/missing',
    ]);
  });

  it('publishes for the newest version after a burst of changes, and clears on close', async () => {
    // A pause longer than the burst takes even on a slow machine.
    await client.changeSettings({ diagnosticsDelay: 800 });
    const uri = pathToFileURL(path.join(newDir(), 'möte.protokoll')).href;
    await client.open(uri, seedText);
    await client.diagnosticsForVersion(uri, 1);
    const line = seedText.split('\n').findIndex((l) => l.includes('Tidaholm kommun'));
    const column = seedText.split('\n')[line].indexOf('Tidaholm kommun') + 'Tidaholm'.length;
    let version = 1;
    for (const ch of ['s', 'x', 'y']) {
      version = await client.change(uri, [
        {
          range: {
            start: { line, character: column },
            end: { line, character: column + (ch === 's' ? 0 : 1) },
          },
          text: ch,
        },
      ]);
    }
    // `Tidaholm kommun` → `Tidaholms kommun` → `Tidaholmx kommun` → `Tidaholmy kommun`.
    const latest = await client.diagnosticsForVersion(uri, version);
    assert.ok(
      latest.diagnostics.some((d) => messageOf(d).includes('"Tidaholmy kommun"')),
      latest.diagnostics.map(messageOf).join('\n'),
    );
    const versions = (client.published.get(uri) ?? []).map((p) => p.version);
    assert.deepEqual(versions, [1, version], 'the versions in between were never published');

    await client.close(uri);
    const closed = await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.equal(closed.version, undefined);
  });

  it('with validate=onSave, checks on open and save but not while typing', async () => {
    await client.changeSettings({ validate: 'onSave', diagnosticsDelay: 0 });
    const uri = pathToFileURL(path.join(newDir(), 'möte.protokoll')).href;
    await client.open(uri, seedText);
    await client.diagnosticsForVersion(uri, 1);
    const version = await client.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' },
    ]);
    // A request answered after the change proves the change was processed without a publish.
    await client.within(
      client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line: 0, character: 0 },
      }),
      'hover',
    );
    assert.deepEqual(
      (client.published.get(uri) ?? []).map((p) => p.version),
      [1],
    );
    await client.save(uri);
    const saved = await client.diagnosticsForVersion(uri, version);
    assert.equal(saved.diagnostics.length, 4);
  });

  it('waits the configured diagnosticsDelay after the last keystroke', async () => {
    await client.changeSettings({ diagnosticsDelay: 600 });
    const uri = pathToFileURL(path.join(newDir(), 'möte.protokoll')).href;
    await client.open(uri, seedText);
    await client.diagnosticsForVersion(uri, 1);
    const changedAt = Date.now();
    const version = await client.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' },
    ]);
    await client.diagnosticsForVersion(uri, version);
    assert.ok(Date.now() - changedAt >= 550, `published after ${Date.now() - changedAt} ms`);
  });
});
