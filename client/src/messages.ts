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
  unknownMinutesKind: {
    sv: 'Protokoll: okänd typ av protokoll {0}. Välj kommunal, förening eller nätverk.',
    en: 'Protokoll: unknown kind of minutes {0}. Choose kommunal, förening or nätverk.',
  },
  newMinutesTitle: { sv: 'Nytt protokoll', en: 'New minutes' },
  newMinutesPlaceholder: {
    sv: 'Vilken sorts möte? Mallen följer det sätt sådana protokoll brukar skrivas.',
    en: 'What kind of meeting? The skeleton follows how such minutes are usually written.',
  },
  kindKommunal: {
    sv: 'Kommunal nämnd – kommunstyrelse, nämnd, utskott eller fullmäktige',
    en: 'Municipal body – municipal executive board, committee or council (kommunal)',
  },
  kindKommunalDetail: {
    sv: 'Organ, Beslutande med partibeteckning, tjänstgörande ersättare, övriga närvarande, justering, beslutsunderlag, Justerat och Anslaget',
    en: 'Organ, voting members with party letters, serving substitutes, others present, adjustment, basis for decision, Justerat and Anslaget',
  },
  kindForening: {
    sv: 'Förening – årsmöte eller stämma',
    en: 'Association – annual meeting (förening)',
  },
  kindForeningDetail: {
    sv: 'Val av mötesordförande, mötessekreterare och justerare tillika rösträknare, dagordning, berättelser, ansvarsfrihet och val',
    en: 'Election of the meeting chair, secretary and adjusters (also vote counters), agenda, reports, discharge and elections',
  },
  kindNatverk: {
    sv: 'Nätverk eller styrelse – en person per organisation',
    en: 'Network or board – one person per organisation (nätverk)',
  },
  kindNatverkDetail: {
    sv: 'Närvarande med organisation och roll, frånvarande organisationer, val av justerare och dagordning',
    en: 'Present with organisation and role, absent organisations, election of adjuster and agenda',
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
