import * as vscode from 'vscode';
import type { LanguageClient, WorkspaceDiagnosticReport } from 'vscode-languageclient/node';
import { currentLocale, message } from './messages';

/**
 * "Protokoll: Check All Minutes" (`protokoll.checkWorkspace`): the server checks every
 * `.protokoll` file of the workspace folders that `.protokollignore` does not exclude
 * (`workspace/diagnostic`), and the problems of the files that are not open go to the Problems
 * panel. Open files keep their live diagnostics; a file's workspace results are dropped when it
 * is opened (the live ones take over) and replaced by the next run. Resolves with the number of
 * files checked. `client` resolves with the language client (loaded after activation).
 */
export function registerCheckWorkspace(
  client: () => Promise<LanguageClient | undefined>,
): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('protokoll-workspace');
  const isOpen = (uri: string) =>
    vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === uri);

  const command = vscode.commands.registerCommand('protokoll.checkWorkspace', async () => {
    const locale = currentLocale();
    try {
      const { report, converter } = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: message('checkingWorkspace', locale),
          cancellable: true,
        },
        async (_progress, token) => {
          const started = await client();
          if (!started) throw new Error('the language client could not be loaded');
          // By method name: WorkspaceDiagnosticRequest.type would load vscode-languageclient here.
          const report = await started.sendRequest<WorkspaceDiagnosticReport>(
            'workspace/diagnostic',
            { previousResultIds: [] },
            token,
          );
          return { report, converter: started.protocol2CodeConverter };
        },
      );
      collection.clear();
      let errors = 0;
      let warnings = 0;
      for (const item of report.items) {
        if (item.kind !== 'full') continue;
        const uri = converter.asUri(item.uri);
        const diagnostics = await converter.asDiagnostics(item.items);
        errors += diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
        warnings += diagnostics.filter(
          (d) => d.severity === vscode.DiagnosticSeverity.Warning,
        ).length;
        if (!isOpen(uri.toString())) collection.set(uri, diagnostics);
      }
      void vscode.window.showInformationMessage(
        message('checkedWorkspace', locale, report.items.length, errors, warnings),
      );
      return report.items.length;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(message('checkWorkspaceFailed', locale, reason));
      return undefined;
    }
  });

  return vscode.Disposable.from(
    collection,
    command,
    vscode.workspace.onDidOpenTextDocument((doc) => collection.delete(doc.uri)),
  );
}
