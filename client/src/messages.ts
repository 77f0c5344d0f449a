import * as vscode from 'vscode';

/** The languages the extension speaks; `protokoll.locale` picks one (default Swedish). */
export type Locale = 'sv' | 'en';

interface Text {
  readonly sv: string;
  readonly en: string;
}

const MESSAGES = {
  showOutput: { sv: 'Visa utdata', en: 'Show output' },
  serverMissing: {
    sv: 'Protokoll: språkservern kunde inte startas, filen {0} saknas. Kontroller, komplettering och snabbfixar är avstängda. Installera om tillägget Protokoll (eller kör `npm run build` i en utvecklingskopia).',
    en: 'Protokoll: the language server could not be started, the file {0} is missing. Checks, completion and quick fixes are off. Reinstall the Protokoll extension (or run `npm run build` in a development checkout).',
  },
  serverStartFailed: {
    sv: 'Protokoll: språkservern kunde inte startas ({0}). Kontroller, komplettering och snabbfixar är avstängda. Se utdata för detaljer; kör "Developer: Reload Window" för att försöka igen.',
    en: 'Protokoll: the language server could not be started ({0}). Checks, completion and quick fixes are off. See the output for details; run "Developer: Reload Window" to try again.',
  },
  serverGaveUp: {
    sv: 'Protokoll: språkservern har kraschat {0} gånger på tre minuter och startas inte om. Kontroller, komplettering och snabbfixar är avstängda. Se utdata för detaljer; kör "Developer: Reload Window" för att försöka igen.',
    en: 'Protokoll: the language server crashed {0} times in three minutes and will not be restarted. Checks, completion and quick fixes are off. See the output for details; run "Developer: Reload Window" to try again.',
  },
  serverRestarting: {
    sv: 'Språkservern avslutades oväntat och startas om.',
    en: 'The language server stopped unexpectedly and is being restarted.',
  },
  previewUnavailable: {
    sv: 'Protokoll: förhandsvisning och export kunde inte laddas ({0}). Kontroller, komplettering och snabbfixar fungerar. Se utdata "Protokoll" för detaljer.',
    en: 'Protokoll: the preview and export could not be loaded ({0}). Checks, completion and quick fixes still work. See the output "Protokoll" for details.',
  },
  noMinutesTemplate: {
    sv: 'Protokoll: mallen för ett nytt protokoll saknas i {0}. Installera om tillägget Protokoll.',
    en: 'Protokoll: the new-minutes template is missing from {0}. Reinstall the Protokoll extension.',
  },
  checkingWorkspace: {
    sv: 'Protokoll: kontrollerar alla protokoll i arbetsytan …',
    en: 'Protokoll: checking all minutes of the workspace …',
  },
  checkedWorkspace: {
    sv: 'Protokoll: {0} protokoll kontrollerade: {1} fel, {2} varningar. Se panelen Problem.',
    en: 'Protokoll: {0} minutes checked: {1} errors, {2} warnings. See the Problems panel.',
  },
  checkWorkspaceFailed: {
    sv: 'Protokoll: arbetsytan kunde inte kontrolleras ({0}). Se utdata "Protokoll" för detaljer.',
    en: 'Protokoll: the workspace could not be checked ({0}). See the output "Protokoll" for details.',
  },
} satisfies Record<string, Text>;

export type MessageKey = keyof typeof MESSAGES;

/** The locale chosen in the `protokoll.locale` setting. */
export function currentLocale(): Locale {
  return vscode.workspace.getConfiguration('protokoll').get<string>('locale') === 'en'
    ? 'en'
    : 'sv';
}

/** The message `key` in `locale`, with `{0}`, `{1}`… replaced by `args`. */
export function message(key: MessageKey, locale: Locale, ...args: (string | number)[]): string {
  return MESSAGES[key][locale].replace(/\{(\d+)\}/g, (whole, index: string) =>
    index in args ? String(args[Number(index)]) : whole,
  );
}
