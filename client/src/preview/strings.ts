import type { Locale } from '../messages';

const STRINGS = {
  panelTitle: { sv: 'Förhandsvisning: {0}', en: 'Preview: {0}' },
  lockedPanelTitle: { sv: 'Förhandsvisning (låst): {0}', en: 'Preview (locked): {0}' },
  loading: { sv: 'Förhandsvisningen laddas…', en: 'Loading the preview…' },
  noDocument: {
    sv: 'Öppna ett protokoll (.protokoll) i redigeraren för att förhandsvisa det.',
    en: 'Open a minutes file (.protokoll) in the editor to preview it.',
  },
  noDocumentToExport: {
    sv: 'Öppna ett protokoll (.protokoll) i redigeraren för att exportera det.',
    en: 'Open a minutes file (.protokoll) in the editor to export it.',
  },
  chooseExportLocation: {
    sv: 'Protokollet är inte sparat i en mapp: välj var {0}-filen ska sparas',
    en: 'The minutes are not saved in a folder: choose where to save the {0} file',
  },
  documentClosed: {
    sv: 'Dokumentet är stängt. Förhandsvisningen visar den senaste versionen.',
    en: 'The document is closed. The preview shows its last version.',
  },
  serverUnavailable: {
    sv: 'Förhandsvisningen kunde inte uppdateras: språkservern svarar inte ({0}).',
    en: 'The preview could not be updated: the language server does not answer ({0}).',
  },
  exported: { sv: 'Protokollet exporterades till {0}.', en: 'The minutes were exported to {0}.' },
  exportedWithError: {
    sv: 'Protokollet exporterades till {0}, men det har fortfarande ett fel (se Problem).',
    en: 'The minutes were exported to {0}, but they still have an error (see Problems).',
  },
  exportedWithErrors: {
    sv: 'Protokollet exporterades till {0}, men det har fortfarande {1} fel (se Problem).',
    en: 'The minutes were exported to {0}, but they still have {1} errors (see Problems).',
  },
  exportExists: {
    sv: '{0} finns redan. Vill du ersätta den, eller behålla båda och spara den nya som {1}?',
    en: '{0} already exists. Replace it, or keep both and save the new one as {1}?',
  },
  replace: { sv: 'Ersätt', en: 'Replace' },
  keepBoth: { sv: 'Behåll båda', en: 'Keep both' },
  linkToSource: {
    sv: '{0} är en länk till {1}; exporten skulle skriva över den. Ta bort länken och försök igen.',
    en: '{0} is a link to {1}; the export would overwrite it. Remove the link and try again.',
  },
  wouldOverwriteSource: {
    sv: 'exporten skulle skriva över protokollet självt; välj ett annat filnamn',
    en: 'the export would overwrite the minutes themselves; choose another file name',
  },
  open: { sv: 'Öppna', en: 'Open' },
  revealInOs: { sv: 'Visa i mappen', en: 'Show in Folder' },
  revealInExplorer: { sv: 'Visa i utforskaren', en: 'Reveal in Explorer' },
  openFailed: { sv: '{0} kunde inte öppnas: {1}', en: '{0} could not be opened: {1}' },
  badExportArgument: {
    sv: 'exportkommandot fick {0}; ge en fil eller ett objekt som {"then": "open"}',
    en: 'the export command got {0}; give a file or an object such as {"then": "open"}',
  },
  unknownExportArgument: {
    sv: 'exportkommandot känner inte till {0}; det tar file, ifExists och then',
    en: 'the export command does not know {0}; it takes file, ifExists and then',
  },
  badExportChoice: {
    sv: 'exportkommandots {0} kan inte vara {1}; ange {2}',
    en: "the export command's {0} cannot be {1}; use {2}",
  },
  exportFailed: { sv: 'Exporten misslyckades: {0}', en: 'The export failed: {0}' },
  saveAs: { sv: 'Exportera', en: 'Export' },
  pdfNeedsDesktop: {
    sv: 'PDF-export kräver VS Code på datorn: i webbläsaren finns inte det som behövs för att skapa PDF-filen. Exportera till HTML i stället (den kan skrivas ut till PDF från webbläsaren)?',
    en: 'Exporting to PDF needs desktop VS Code: the browser lacks what writing the PDF file takes. Export to HTML instead (the browser can print it to PDF)?',
  },
  exportHtmlInstead: { sv: 'Exportera HTML', en: 'Export HTML' },
  configProblem: {
    sv: 'Inställningsfilen {0} har fel; giltiga inställningar används: {1}',
    en: 'The settings file {0} has problems; the valid settings are used: {1}',
  },
} as const;

export type StringKey = keyof typeof STRINGS;

/** A user-facing text of the preview and export, in the extension's language. */
export function text(key: StringKey, locale: Locale, ...args: string[]): string {
  return STRINGS[key][locale].replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? '');
}
