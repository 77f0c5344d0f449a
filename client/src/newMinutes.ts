import { parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import { currentLocale, message } from './messages';

export const NEW_MINUTES_COMMAND = 'protokoll.newMinutes';

const SNIPPETS_FILE = ['snippets', 'protokoll.code-snippets'];

/** Registers "Protokoll: New minutes": an untitled document filled with the minutes skeleton. */
export function registerNewMinutes(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_MINUTES_COMMAND, () =>
    newMinutes(context.extensionUri),
  );
}

async function newMinutes(extensionUri: vscode.Uri): Promise<void> {
  const template = await readMinutesTemplate(extensionUri);
  if (template === undefined) {
    const file = vscode.Uri.joinPath(extensionUri, ...SNIPPETS_FILE).fsPath;
    void vscode.window.showErrorMessage(message('noMinutesTemplate', currentLocale(), file));
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'protokoll' });
  const editor = await vscode.window.showTextDocument(document);
  // As a snippet, so the editor fills in today's date and the placeholders can be tabbed through.
  await editor.insertSnippet(new vscode.SnippetString(template));
}

/**
 * The body of the snippet marked `isFileTemplate` in the extension's snippets file: one skeleton
 * for both the command and "Snippets: Fill File with Snippet".
 */
async function readMinutesTemplate(extensionUri: vscode.Uri): Promise<string | undefined> {
  let snippets: unknown;
  try {
    const bytes = await vscode.workspace.fs.readFile(
      vscode.Uri.joinPath(extensionUri, ...SNIPPETS_FILE),
    );
    snippets = parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof snippets !== 'object' || snippets === null) return undefined;
  for (const snippet of Object.values(snippets)) {
    if (snippet?.isFileTemplate !== true) continue;
    const body: unknown = snippet.body;
    if (typeof body === 'string') return body;
    if (Array.isArray(body) && body.every((line) => typeof line === 'string')) {
      return body.join('\n');
    }
  }
  return undefined;
}
