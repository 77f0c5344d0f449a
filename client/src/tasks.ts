import * as path from 'node:path';
import * as vscode from 'vscode';

/** The task type of package.json `taskDefinitions`. */
export const TASK_TYPE = 'protokoll';

interface ProtokollTaskDefinition extends vscode.TaskDefinition {
  readonly type: typeof TASK_TYPE;
  /** Files and folders to check, relative to the workspace folder (default: all of it). */
  readonly paths?: string[];
  /** More `protokoll check` options, e.g. `["--no-config"]`. */
  readonly args?: string[];
}

/**
 * Tasks of type `protokoll`: `protokoll check` (the CLI bundled with the extension, run by the
 * editor's own Node) on a workspace folder, its output read by the `$protokoll` problem matcher
 * into the Problems panel. One "check" task per workspace folder is offered; tasks.json may name
 * `paths` and `args`.
 */
export function registerProtokollTasks(context: vscode.ExtensionContext): vscode.Disposable {
  const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js').fsPath;
  const toTask = (
    definition: ProtokollTaskDefinition,
    scope: vscode.WorkspaceFolder | vscode.TaskScope.Workspace,
  ): vscode.Task => {
    const cwd = typeof scope === 'object' ? scope.uri.fsPath : workspaceCwd();
    const paths = definition.paths?.length ? definition.paths : ['.'];
    const task = new vscode.Task(
      definition,
      scope,
      'check',
      'protokoll',
      new vscode.ProcessExecution(
        process.execPath,
        [cli, 'check', ...(definition.args ?? []), ...paths],
        // The extension host may be Electron: run it as plain Node. No colours for the matcher.
        { cwd, env: { ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' } },
      ),
      ['$protokoll'],
    );
    task.group = vscode.TaskGroup.Test;
    task.detail = `protokoll check ${[...(definition.args ?? []), ...paths].join(' ')}`;
    return task;
  };
  return vscode.tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: () =>
      (vscode.workspace.workspaceFolders ?? [])
        .filter((folder) => folder.uri.scheme === 'file')
        .map((folder) => toTask({ type: TASK_TYPE }, folder)),
    resolveTask: (task) => {
      const definition = task.definition as ProtokollTaskDefinition;
      if (definition.type !== TASK_TYPE) return undefined;
      const scope = typeof task.scope === 'object' ? task.scope : vscode.TaskScope.Workspace;
      return toTask(definition, scope as vscode.WorkspaceFolder | vscode.TaskScope.Workspace);
    },
  });
}

function workspaceCwd(): string {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  return folder ? folder.uri.fsPath : path.resolve('.');
}
