import * as vscode from 'vscode';
import { currentLocale, message, type Locale, type MessageKey } from './messages';

export const NEW_MINUTES_COMMAND = 'protokoll.newMinutes';

const SNIPPETS_FILE = ['snippets', 'protokoll.code-snippets'];

/** The kinds of body a skeleton is written for (the `kind` of `.protokoll.json`). */
export type MinutesKind = 'kommunal' | 'förening' | 'nätverk';

/**
 * The snippet (in the snippets file, marked `isFileTemplate`) that holds each kind's skeleton, so
 * "Snippets: Fill File with Snippet" offers the same three skeletons.
 */
export const SKELETON_SNIPPETS: Record<MinutesKind, string> = {
  kommunal: 'Nytt protokoll, kommunal nämnd',
  förening: 'Nytt protokoll, förening (årsmöte)',
  nätverk: 'Nytt protokoll',
};

const KIND_TEXTS: Record<MinutesKind, { label: MessageKey; detail: MessageKey }> = {
  kommunal: { label: 'kindKommunal', detail: 'kindKommunalDetail' },
  förening: { label: 'kindForening', detail: 'kindForeningDetail' },
  nätverk: { label: 'kindNatverk', detail: 'kindNatverkDetail' },
};

/**
 * Registers "Protokoll: New minutes": asks the kind of body, then opens an untitled document
 * filled with that kind's skeleton. A kind given as the command's argument (`"kommunal"`,
 * `"förening"`/`"forening"`, `"nätverk"`/`"natverk"`, e.g. from a keybinding) skips the question.
 */
export function registerNewMinutes(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_MINUTES_COMMAND, (kind?: unknown) =>
    newMinutes(context.extensionUri, kind),
  );
}

async function newMinutes(extensionUri: vscode.Uri, argument: unknown): Promise<void> {
  const locale = currentLocale();
  const kind = minutesKind(argument) ?? (await pickKind(locale, argument));
  if (kind === undefined) return;
  const template = await readSkeleton(extensionUri, kind);
  if (template === undefined) {
    const file = vscode.Uri.joinPath(extensionUri, ...SNIPPETS_FILE).fsPath;
    void vscode.window.showErrorMessage(message('noMinutesTemplate', locale, file));
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'protokoll' });
  const editor = await vscode.window.showTextDocument(document);
  // As a snippet, so the editor fills in today's date and the placeholders can be tabbed through.
  await editor.insertSnippet(new vscode.SnippetString(template));
}

/** The kind named by a command argument, tolerant of case and of missing å/ä/ö. */
export function minutesKind(argument: unknown): MinutesKind | undefined {
  if (typeof argument !== 'string') return undefined;
  const key = argument.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
  if (key === 'kommunal') return 'kommunal';
  if (key === 'forening') return 'förening';
  if (key === 'natverk') return 'nätverk';
  return undefined;
}

async function pickKind(locale: Locale, argument: unknown): Promise<MinutesKind | undefined> {
  if (typeof argument === 'string') {
    // A keybinding or another extension passed something we do not know: say so, then ask.
    void vscode.window.showWarningMessage(
      message('unknownMinutesKind', locale, JSON.stringify(argument) ?? String(argument)),
    );
  }
  const items = (Object.keys(KIND_TEXTS) as MinutesKind[]).map((kind) => ({
    value: kind,
    label: message(KIND_TEXTS[kind].label, locale),
    detail: message(KIND_TEXTS[kind].detail, locale),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: message('newMinutesTitle', locale),
    placeHolder: message('newMinutesPlaceholder', locale),
    matchOnDetail: true,
  });
  return picked?.value;
}

/** The body of `kind`'s skeleton snippet (marked `isFileTemplate`) in the snippets file. */
async function readSkeleton(
  extensionUri: vscode.Uri,
  kind: MinutesKind,
): Promise<string | undefined> {
  let snippets: unknown;
  try {
    const bytes = await vscode.workspace.fs.readFile(
      vscode.Uri.joinPath(extensionUri, ...SNIPPETS_FILE),
    );
    // Loaded here, not at activation: jsonc-parser builds its tables when it is loaded.
    const { parse } = await import('jsonc-parser');
    snippets = parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof snippets !== 'object' || snippets === null) return undefined;
  const snippet: unknown = (snippets as Record<string, unknown>)[SKELETON_SNIPPETS[kind]];
  if (typeof snippet !== 'object' || snippet === null) return undefined;
  const { isFileTemplate, body } = snippet as { isFileTemplate?: unknown; body?: unknown };
  if (isFileTemplate !== true) return undefined;
  if (typeof body === 'string') return body;
  if (Array.isArray(body) && body.every((line) => typeof line === 'string')) {
    return body.join('\n');
  }
  return undefined;
}
