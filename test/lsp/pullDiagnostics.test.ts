// Pull diagnostics (textDocument/diagnostic, workspace/diagnostic) for clients that ask, push for
// those that do not, and the link from each code to its documentation.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DocumentDiagnosticRequest,
  WorkspaceDiagnosticRequest,
  type ClientCapabilities,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { EDITOR_CAPABILITIES, LspClient, repoRoot } from './client';

const PULL_CAPABILITIES: ClientCapabilities = {
  ...EDITOR_CAPABILITIES,
  workspace: { ...EDITOR_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
  textDocument: {
    ...EDITOR_CAPABILITIES.textDocument,
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
  },
};
// GitHub's anchor for the heading `numbering/gap` of docs/format.md.
const DOCS = 'https://github.com/protokoll/protokoll/blob/main/docs/format.md#numberinggap';

const GAP = `# Styrelsemöte
Datum: 2024-04-18

§ 1 Öppnande
§ 3 Avslutning
`;

describe('pull diagnostics', function () {
  let workspace: string;
  let client: LspClient | undefined;

  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-pull-'));
    fs.mkdirSync(path.join(workspace, 'styrelse'));
    fs.mkdirSync(path.join(workspace, 'arkiv'));
    fs.writeFileSync(path.join(workspace, 'styrelse', 'a.protokoll'), GAP);
    fs.writeFileSync(path.join(workspace, 'arkiv', 'old.protokoll'), GAP);
    fs.writeFileSync(path.join(workspace, 'utkast.protokoll'), GAP);
    fs.writeFileSync(path.join(workspace, '.protokollignore'), 'arkiv/\n# drafts\nutkast*\n');
  });

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('pulls for a client that can: a document, and every minutes file of the workspace', async () => {
    client = await LspClient.start({ capabilities: PULL_CAPABILITIES, rootPath: workspace });
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'protokoll',
      interFileDependencies: true,
      workspaceDiagnostics: true,
    });
    const file = path.join(workspace, 'styrelse', 'a.protokoll');
    const uri = await client.open(pathToFileURL(file).href, GAP);
    const report = (await client.within(
      client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }),
      'textDocument/diagnostic',
    )) as DocumentDiagnosticReport & { items: { code?: unknown; codeDescription?: unknown }[] };
    assert.equal(report.kind, 'full');
    const gap = report.items.find((d) => d.code === 'numbering/gap');
    assert.ok(gap, JSON.stringify(report.items));
    assert.deepEqual(gap.codeDescription, { href: DOCS });

    const workspaceReport: WorkspaceDiagnosticReport = await client.within(
      client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] }),
      'workspace/diagnostic',
    );
    const reported = workspaceReport.items.map((i) =>
      path.relative(workspace, new URL(i.uri).pathname),
    );
    assert.deepEqual(reported, [path.join('styrelse', 'a.protokoll')]);
    const [only] = workspaceReport.items;
    assert.equal(only.version, 1, 'the open document is reported with its version');
    assert.ok(only.kind === 'full' && only.items.some((d) => d.code === 'numbering/gap'));
    // Nothing is pushed to a client that pulls.
    assert.equal(client.mark(uri), 0);
  });

  it('pushes to a client that cannot pull, with the documentation link', async () => {
    client = await LspClient.start({ rootPath: workspace });
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
    const file = path.join(workspace, 'styrelse', 'a.protokoll');
    const uri = await client.open(pathToFileURL(file).href, GAP);
    const { diagnostics } = await client.diagnostics(uri);
    const gap = diagnostics.find((d) => d.code === 'numbering/gap');
    assert.deepEqual(gap?.codeDescription, { href: DOCS });
  });

  it('pushes to a client that asks to be pushed to, and still answers for the workspace', async () => {
    client = await LspClient.start({
      capabilities: PULL_CAPABILITIES,
      rootPath: workspace,
      initializationOptions: { diagnostics: 'push' },
    });
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
    const uri = await client.open(
      pathToFileURL(path.join(workspace, 'styrelse', 'a.protokoll')).href,
      GAP,
    );
    await client.diagnostics(uri);
    const report: WorkspaceDiagnosticReport = await client.within(
      client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] }),
      'workspace/diagnostic',
    );
    assert.equal(report.items.length, 1);
  });

  it('checks a repository-sized workspace: the examples, with their .protokoll.json', async () => {
    client = await LspClient.start({
      capabilities: PULL_CAPABILITIES,
      rootPath: path.join(repoRoot, 'examples'),
    });
    const report: WorkspaceDiagnosticReport = await client.within(
      client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] }),
      'workspace/diagnostic',
    );
    const sikt = report.items.find((i) => i.uri.endsWith('sikt-2018-12-14.protokoll'));
    assert.ok(sikt && sikt.kind === 'full');
    const codes = sikt.items.map((d) => d.code);
    assert.ok(codes.includes('municipality/form'));
    // The network's .protokoll.json asks for no adjuster: no signature/missing.
    assert.equal(codes.includes('signature/missing'), false, codes.join(', '));
    // Every example, and nothing but the examples.
    const examples = fs
      .readdirSync(path.join(repoRoot, 'examples'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.protokoll'));
    assert.equal(report.items.length, examples.length);
    assert.ok(examples.length >= 6, examples.join(', '));
  });
});
