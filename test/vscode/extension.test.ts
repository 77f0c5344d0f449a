import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { createProtokollClient, startProtokollClient } from '../../client/src/languageClient';
import { DIAGNOSTIC_CODES } from '../../server/src/language/codes';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from '../../server/src/serverLaunch';
import {
  EXTENSION_ID,
  closeAllEditors,
  codeOf,
  openWorkspaceFile,
  replaceLine,
  today,
  waitForCodes,
  waitForDiagnostics,
  workspaceRoot,
} from './helpers';

const SEED = 'sikt/sikt-2018-12-14.protokoll';

interface Manifest {
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; path: string }[];
    snippets: { language: string; path: string }[];
    jsonValidation: { fileMatch: string; url: string }[];
    configuration: { properties: Record<string, { properties?: Record<string, unknown> }> };
  };
  capabilities: {
    untrustedWorkspaces: { supported: boolean | string };
    virtualWorkspaces: { supported: boolean | string; description?: string };
  };
  engines: { vscode: string };
}

describe('the Protokoll extension', () => {
  afterEach(closeAllEditors);

  it('is installed and activates for .protokoll files', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const { document } = await openWorkspaceFile(SEED);
    assert.equal(document.languageId, 'protokoll');
    await waitForCodes(document.uri, ['municipality/form', 'signature/mismatch']);
    assert.equal(extension.isActive, true);
  });

  it('ships every file its manifest points to', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const manifest = extension.packageJSON as Manifest;
    const { contributes } = manifest;
    const shipped = (relative: string) =>
      assert.ok(
        fs.existsSync(path.join(extension.extensionPath, relative)),
        `${relative} is missing from ${extension.extensionPath}`,
      );
    shipped('dist/extension.js');
    shipped('dist/languageClient.js');
    shipped('dist/server.js');
    assert.deepEqual(
      contributes.languages.map((l) => [l.id, l.extensions]),
      [['protokoll', ['.protokoll']]],
    );
    contributes.languages.forEach((l) => shipped(l.configuration));
    contributes.grammars.forEach((g) => shipped(g.path));
    contributes.snippets.forEach((s) => shipped(s.path));
    assert.deepEqual(
      contributes.jsonValidation.map((j) => j.fileMatch),
      ['.protokoll.json'],
    );
    contributes.jsonValidation.forEach((j) => shipped(j.url));
  });

  it('runs from the installed .vsix, which carries no node_modules tree', function () {
    const { extensionPath } = vscode.extensions.getExtension(EXTENSION_ID)!;
    // A development checkout (test-electron's default) is not what users install.
    if (!fs.existsSync(path.join(extensionPath, '.vsixmanifest'))) this.skip();
    assert.equal(fs.existsSync(path.join(extensionPath, 'node_modules')), false);
    assert.equal(fs.existsSync(path.join(extensionPath, 'client')), false, 'no sources');
  });

  it('declares support for untrusted and (limited) virtual workspaces, and VS Code 1.100', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.ok(manifest.capabilities.virtualWorkspaces.description);
    assert.equal(manifest.engines.vscode, '^1.100.0');
  });

  it('offers a severity setting for every diagnostic code, and no other', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
    const severity = manifest.contributes.configuration.properties['protokoll.severity'];
    assert.deepEqual(
      Object.keys(severity.properties ?? {}).sort(),
      Object.keys(DIAGNOSTIC_CODES).sort(),
    );
    for (const name of [
      'requiredSignatures',
      'organisations',
      'members',
      'locale',
      'validate',
      'diagnosticsDelay',
    ]) {
      assert.notEqual(
        vscode.workspace.getConfiguration('protokoll').inspect(name)?.defaultValue,
        undefined,
        `protokoll.${name} has no default`,
      );
    }
  });

  it('"Protokoll: New minutes" nätverk opens an untitled skeleton dated today', async () => {
    const { document } = await newMinutes('nätverk');
    const text = document.getText();
    assert.match(text, /^# \S/m);
    assert.match(text, new RegExp(`^Datum: ${today()}$`, 'm'));
    assert.match(text, /^Närvarande:$/m);
    assert.match(text, /^§ 1 /m);
    assert.match(text, /^§ 3 Godkännande av dagordningen$/m);
    assert.match(text, /^§ 5 Mötets avslutande$/m);
    assert.match(text, /^Ordförande: Ordförandens namn$/m);
    // The skeleton is valid minutes apart from the names still to be filled in.
    // `Organisation` is a placeholder, not a municipality: once that is reported, the rest is in.
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (ds) => ds.some((d) => codeOf(d) === 'municipality/unknown'),
      'municipality/unknown for the placeholder',
    );
    for (const code of ['syntax', 'header/missing-title', 'header/missing-date']) {
      assert.ok(!diagnostics.some((d) => codeOf(d) === code), `unexpected ${code}`);
    }
    for (const code of ['numbering/gap', 'numbering/order', 'signature/missing']) {
      assert.ok(!diagnostics.some((d) => codeOf(d) === code), `unexpected ${code}`);
    }
  });

  it('"Protokoll: New minutes" kommunal writes the municipal skeleton', async () => {
    const { document } = await newMinutes('kommunal');
    const lines = document.getText().split('\n');
    const order = [
      '# Kommunstyrelsen',
      'Organ: Kommunstyrelsen',
      `Datum: ${today()}`,
      'Beslutande:',
      '- Ordförandens namn (S), ordförande',
      'Tjänstgörande ersättare:',
      '- Ersättarens namn (S), ersätter Ersatt ledamots namn (S)',
      'Övriga närvarande:',
      '- Sekreterarens namn, nämndsekreterare',
      'Utses att justera: Justerarens namn',
      `Justeringens plats och tid: Lokal, ${today()} kl. 15.00`,
      '§ 1 Val av justerare',
      '§ 2 Godkännande av dagordningen',
      'Beslutsunderlag:',
      'Beslutet skickas till:',
      '§ 4 Sammanträdets avslutande',
      'Sekreterare: Sekreterarens namn',
      'Ordförande: Ordförandens namn',
      'Justerare: Justerarens namn',
      'Justerat: ÅÅÅÅ-MM-DD',
      'Anslaget: ÅÅÅÅ-MM-DD',
    ];
    let at = -1;
    for (const line of order) {
      const next = lines.indexOf(line, at + 1);
      assert.ok(next > at, `"${line}" missing or out of order in:\n${lines.join('\n')}`);
      at = next;
    }
    assert.match(lines.join('\n'), /^§ 3 Rubrik \(Dnr \d{4}\/löpnummer\)$/m);
  });

  it('"Protokoll: New minutes" förening writes an annual-meeting skeleton', async () => {
    const { document } = await newMinutes('forening'); // without å/ä/ö, as a keybinding may say it
    const text = document.getText();
    for (const title of [
      'Val av mötesordförande',
      'Val av mötessekreterare',
      'Val av justerare tillika rösträknare',
      'Fastställande av dagordning',
      'Fråga om ansvarsfrihet för styrelsen',
      'Mötets avslutande',
    ]) {
      assert.match(text, new RegExp(`^§ \\d+ ${title}$`, 'm'));
    }
    assert.match(text, /^Justerare: Justerarens namn, Andra justerarens namn$/m);
    assert.doesNotMatch(text, /^Anslaget:/m, 'an association posts no notice');
    const numbers = [...text.matchAll(/^§ (\d+) /gm)].map((m) => Number(m[1]));
    assert.deepEqual(
      numbers,
      numbers.map((_, i) => i + 1),
    );
  });

  it('"Protokoll: New minutes" without a kind asks for it (municipal first)', async () => {
    const running = vscode.commands.executeCommand('protokoll.newMinutes');
    // No event tells when the QuickPick is up: accept the selected item until an editor opens.
    await poll(
      () => (isNewMinutes(vscode.window.activeTextEditor) ? true : (acceptQuickPick(), false)),
      30_000,
      'the kind QuickPick to be answered',
    );
    await running;
    await poll(
      () => vscode.window.activeTextEditor?.document.getText().includes('\nOrgan: '),
      10_000,
      'the municipal skeleton',
    );
  });

  it('restarts the language server when it crashes', async function () {
    if (process.platform !== 'linux') this.skip(); // finds the server process through /proc
    // A copy of the seed (with its folder's configuration) in a folder of its own: this test
    // edits the minutes across a server crash, and whatever happens to that edit must not reach
    // the seed the later tests read.
    const seed = vscode.Uri.joinPath(workspaceRoot(), ...SEED.split('/'));
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'restart-copy');
    for (const name of [path.posix.basename(SEED), '.protokoll.json']) {
      await vscode.workspace.fs.copy(
        vscode.Uri.joinPath(seed, '..', name),
        vscode.Uri.joinPath(folder, name),
        { overwrite: true },
      );
    }
    const editor = await openWorkspaceFile(`restart-copy/${path.posix.basename(SEED)}`);
    await waitForCodes(editor.document.uri, ['municipality/form', 'signature/mismatch']);
    const [pid] = serverProcesses();
    assert.ok(pid, 'no language server process found among the extension host’s children');

    process.kill(pid, 'SIGKILL');
    const restarted = await poll(
      () => serverProcesses().find((other) => other !== pid),
      15_000,
      'a new language server process',
    );
    assert.notEqual(restarted, pid);

    // The new server has the open document again and checks edits.
    await replaceLine(editor, '§ 3 Föregående protokoll', '§ 3');
    await waitForCodes(editor.document.uri, [
      'municipality/form',
      'numbering/empty-title',
      'signature/mismatch',
    ]);
  });

  it('starts the server with the flags and environment that keep its memory small', async () => {
    const { document } = await openWorkspaceFile(SEED);
    await waitForCodes(document.uri, ['municipality/form', 'signature/mismatch']);
    const pids = serverProcesses();
    assert.ok(pids.length > 0, 'no dist/server.js child of the extension host');
    for (const pid of pids) {
      const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const server = commandLine.findIndex((arg) => /[\\/]dist[\\/]server\.js$/.test(arg));
      assert.deepEqual(commandLine.slice(1, server), [...SERVER_NODE_FLAGS], commandLine.join(' '));
      const environment = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      for (const [name, value] of Object.entries(SERVER_ENVIRONMENT))
        assert.ok(environment.includes(`${name}=${value}`), `${name}=${value} not set`);
    }
  });

  it('tells the user, with a button to the output, when the server file is missing', async () => {
    const shown: { text: string; actions: string[] }[] = [];
    const missing = path.join(os.tmpdir(), 'protokoll-no-such-dir', 'server.js');
    const client = createProtokollClient({
      serverModule: missing,
      outputChannel: testOutput(),
      showError: async (text, ...actions) => (shown.push({ text, actions }), undefined),
    });
    try {
      assert.equal(await startProtokollClient(client), false);
      assert.equal(shown.length, 1);
      assert.ok(shown[0].text.includes(missing), shown[0].text);
      assert.match(shown[0].text, /språkservern kunde inte startas/);
      assert.deepEqual(shown[0].actions, ['Visa utdata']);
      assert.notEqual(client.state, State.Running);
    } finally {
      await client.dispose().catch(() => undefined);
    }
  });

  it('gives up, with one clear message, on a server that crashes at every start', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-crashing-'));
    const serverModule = path.join(dir, 'server.js');
    fs.writeFileSync(serverModule, 'process.exit(3);\n');
    let shownResolve!: (shown: { text: string; actions: string[] }) => void;
    const shown = new Promise<{ text: string; actions: string[] }>((r) => (shownResolve = r));
    let count = 0;
    const client = createProtokollClient({
      serverModule,
      outputChannel: testOutput(),
      maxRestartCount: 2,
      showError: async (text, ...actions) => {
        count++;
        shownResolve({ text, actions });
        return undefined;
      },
    });
    try {
      const started = startProtokollClient(client);
      const first = await withTimeout(shown, 20_000, 'an error message');
      assert.match(first.text, /språkservern/);
      assert.deepEqual(first.actions, ['Visa utdata']);
      assert.equal(await withTimeout(started, 20_000, 'the start to give up'), false);
      await poll(
        () => client.state === State.Stopped || client.state === State.StartFailed,
        20_000,
        'the client to stop restarting',
      );
      assert.equal(count, 1, 'the user is told once, not once per restart');
    } finally {
      await client.dispose().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

let output: vscode.LogOutputChannel | undefined;

/**
 * One output channel for the clients these tests make, left open: a dying server's last stderr
 * lines can arrive after its client is disposed, and writing them to a closed channel throws.
 */
function testOutput(): vscode.LogOutputChannel {
  return (output ??= vscode.window.createOutputChannel('Protokoll (test clients)', { log: true }));
}

/** PIDs of the extension host's children running Protokoll's dist/server.js. */
function serverProcesses(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      const commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (commandLine.some((arg) => /[\\/]dist[\\/]server\.js$/.test(arg)))
        pids.push(Number(entry));
    } catch {
      // the process ended while being looked at
    }
  }
  return pids;
}

async function newMinutes(kind: string): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('protokoll.newMinutes', kind);
  const editor = vscode.window.activeTextEditor;
  assert.ok(isNewMinutes(editor), 'no untitled protokoll editor opened');
  await poll(() => editor.document.getText().includes('§'), 10_000, 'the skeleton');
  return editor;
}

function isNewMinutes(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return editor?.document.isUntitled === true && editor.document.languageId === 'protokoll';
}

function acceptQuickPick(): void {
  void vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

async function poll<T>(
  condition: () => T,
  timeoutMs: number,
  what: string,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)),
        timeoutMs,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}
