import type { Locale } from '../config';
import type { AttendeeRole, ItemLabelKind, VoteChoice } from '../syntax/keywords';

/** Every word the renderer adds to a document, in Swedish and English. */
export interface Labels {
  readonly documentKind: string;
  readonly notAdjusted: string;
  readonly notAdjustedExplanation: string;
  readonly date: string;
  readonly timeAndPlace: string;
  readonly clock: (time: string) => string;
  readonly present: string;
  readonly absent: string;
  readonly name: string;
  readonly organisation: string;
  readonly role: string;
  readonly roles: Record<AttendeeRole, string>;
  readonly caseNumber: string;
  readonly decision: string;
  readonly action: string;
  readonly owner: string;
  readonly due: string;
  readonly nextMeeting: string;
  readonly signatures: string;
  readonly recorder: string;
  readonly adjusts: string;
  readonly chair: string;
  readonly secretary: string;
  readonly adjuster: string;
  readonly adjusted: string;
  readonly posted: string;
  readonly certificate: string;
  readonly certificateStatement: string;
  readonly body: string;
  readonly meetingDate: string;
  readonly datePosted: string;
  readonly dateTakenDown: string;
  readonly lastDayOfAppeal: string;
  readonly certifiedBy: string;
  readonly adjustersInitials: string;
  readonly page: (page: number, pages: number) => string;
  readonly diagnostics: string;
  readonly severities: Record<1 | 2 | 3 | 4, string>;
  /** Headings of the labelled parts of an item (`Beslutsunderlag`, `Yrkanden`, …). */
  readonly itemLabels: Record<ItemLabelKind, string>;
  readonly voteChoices: Record<VoteChoice, string>;
  /** Column headings of the vote table. */
  readonly voteChoice: string;
  readonly voteCount: string;
  readonly voteNames: string;
  readonly immediate: string;
  readonly immediateExplanation: string;
  /** The mark on a secret item in the ordinary version. */
  readonly secrecyMark: string;
  readonly secrecyExplanation: string;
  /** What replaces a secret item's body in the public version. */
  readonly secretNotice: (reference: string) => string;
  /** What replaces the title of a secret item that names a masked person. */
  readonly secretTitle: string;
  /** What replaces a name of `maskedNames` in the public version. */
  readonly maskedName: string;
  /** The public version's note under the title. */
  readonly publicVersion: string;
  // ---- the municipal first page (`kind: kommunal`) ----
  readonly municipalDocumentKind: string;
  readonly placeAndTime: string;
  readonly voting: string;
  readonly presentMunicipal: string;
  readonly substitutes: string;
  readonly others: string;
  /** After a first-page row's heading on the next page: `Beslutande (forts.)`. */
  readonly continued: (heading: string) => string;
  readonly servingFor: (member: string) => string;
  readonly appointedAdjusters: string;
  readonly adjustmentPlace: string;
  readonly paragraphs: string;
  readonly adjusting: string;
  readonly archive: string;
  readonly pageLabel: string;
  /** `Sida 1 (9)`, as municipalities number their pages. */
  readonly municipalPage: (page: number, pages: number) => string;
}

const SV: Labels = {
  documentKind: 'Protokoll',
  notAdjusted: 'OJUSTERAT',
  notAdjustedExplanation: 'Protokollet är ännu inte justerat.',
  date: 'Datum',
  timeAndPlace: 'Tid och plats',
  clock: (time) => `kl. ${time.replace(/:/g, '.')}`,
  present: 'Närvarande',
  absent: 'Frånvarande',
  name: 'Namn',
  organisation: 'Organisation',
  role: 'Roll',
  roles: {
    chair: 'ordförande',
    secretary: 'sekreterare',
    adjuster: 'justerare',
    coopted: 'adjungerad',
    substitute: 'ersättare',
    viceChair: 'vice ordförande',
    secondViceChair: '2:e vice ordförande',
  },
  caseNumber: 'Diarienummer',
  decision: 'Beslut',
  action: 'Åtgärd',
  owner: 'Ansvarig',
  due: 'Klart senast',
  nextMeeting: 'Nästa möte',
  signatures: 'Underskrifter',
  recorder: 'Vid protokollet',
  adjusts: 'Justeras',
  chair: 'Ordförande',
  secretary: 'Sekreterare',
  adjuster: 'Justerare',
  adjusted: 'Justerat',
  posted: 'Anslaget',
  certificate: 'Anslag/Bevis',
  certificateStatement: 'Protokollet är justerat. Justeringen har tillkännagivits genom anslag.',
  body: 'Organ',
  meetingDate: 'Sammanträdesdatum',
  datePosted: 'Datum då anslaget sätts upp',
  dateTakenDown: 'Datum då anslaget tas ned',
  lastDayOfAppeal: 'Sista dag för överklagande',
  certifiedBy: 'Underskrift',
  adjustersInitials: 'Justerandes signatur',
  page: (page, pages) => `Sida ${page} av ${pages}`,
  diagnostics: 'Anmärkningar',
  severities: { 1: 'Fel', 2: 'Varning', 3: 'Information', 4: 'Tips' },
  itemLabels: {
    basis: 'Beslutsunderlag',
    proposal: 'Förslag till beslut',
    motions: 'Yrkanden',
    order: 'Propositionsordning',
    vote: 'Omröstning',
    reservation: 'Reservation',
    jav: 'Jäv',
    note: 'Protokollsanteckning',
    sendTo: 'Beslutet skickas till',
    attachments: 'Bilagor',
    secrecy: 'Sekretess',
  },
  voteChoices: { yes: 'Ja', no: 'Nej', abstain: 'Avstår' },
  voteChoice: 'Röst',
  voteCount: 'Antal',
  voteNames: 'Ledamöter',
  immediate: 'Justeras omedelbart',
  immediateExplanation: 'Paragrafen justerades omedelbart, på sammanträdet.',
  secrecyMark: 'Sekretess',
  secrecyExplanation: 'Punkten ersätts med en sekretessmarkering i den offentliga versionen.',
  secretNotice: (reference) =>
    reference ? `Sekretessbelagd uppgift enligt ${reference}` : 'Sekretessbelagd uppgift',
  secretTitle: 'Sekretessbelagt ärende',
  maskedName: '[namn maskerat]',
  publicVersion: 'Offentlig version: sekretessbelagda uppgifter och personuppgifter är maskerade.',
  municipalDocumentKind: 'Sammanträdesprotokoll',
  placeAndTime: 'Plats och tid',
  voting: 'Beslutande',
  presentMunicipal: 'Närvarande',
  substitutes: 'Ersättare',
  others: 'Övriga närvarande',
  continued: (heading) => `${heading} (forts.)`,
  servingFor: (member) => `tjg ersättare för ${member}`,
  appointedAdjusters: 'Utses att justera',
  adjustmentPlace: 'Justeringens plats och tid',
  paragraphs: 'Paragrafer',
  adjusting: 'Justerande',
  archive: 'Förvaringsplats för protokollet',
  pageLabel: 'Sida',
  municipalPage: (page, pages) => `${page} (${pages})`,
};

const EN: Labels = {
  documentKind: 'Minutes',
  notAdjusted: 'NOT ADJUSTED',
  notAdjustedExplanation: 'The minutes have not been adjusted yet.',
  date: 'Date',
  timeAndPlace: 'Time and place',
  clock: (time) => time,
  present: 'Present',
  absent: 'Absent',
  name: 'Name',
  organisation: 'Organisation',
  role: 'Role',
  roles: {
    chair: 'chair',
    secretary: 'secretary',
    adjuster: 'adjuster',
    coopted: 'co-opted',
    substitute: 'substitute',
    viceChair: 'vice chair',
    secondViceChair: 'second vice chair',
  },
  caseNumber: 'Case number',
  decision: 'Decision',
  action: 'Action',
  owner: 'Owner',
  due: 'Due',
  nextMeeting: 'Next meeting',
  signatures: 'Signatures',
  recorder: 'Recorded by',
  adjusts: 'Adjusted by',
  chair: 'Chair',
  secretary: 'Secretary',
  adjuster: 'Adjuster',
  adjusted: 'Adjusted',
  posted: 'Posted',
  certificate: 'Notice of adjustment',
  certificateStatement:
    'The minutes have been adjusted. The adjustment has been announced on the official noticeboard.',
  body: 'Body',
  meetingDate: 'Meeting date',
  datePosted: 'Date posted',
  dateTakenDown: 'Date taken down',
  lastDayOfAppeal: 'Last day of appeal',
  certifiedBy: 'Signature',
  adjustersInitials: "Adjusters' initials",
  page: (page, pages) => `Page ${page} of ${pages}`,
  diagnostics: 'Remarks',
  severities: { 1: 'Error', 2: 'Warning', 3: 'Information', 4: 'Hint' },
  itemLabels: {
    basis: 'Basis for decision',
    proposal: 'Proposed decision',
    motions: 'Motions',
    order: 'Order of proposals',
    vote: 'Vote',
    reservation: 'Dissent',
    jav: 'Conflict of interest',
    note: 'Note for the minutes',
    sendTo: 'Decision sent to',
    attachments: 'Attachments',
    secrecy: 'Secrecy',
  },
  voteChoices: { yes: 'Yes', no: 'No', abstain: 'Abstain' },
  voteChoice: 'Vote',
  voteCount: 'Number',
  voteNames: 'Members',
  immediate: 'Adjusted immediately',
  immediateExplanation: 'The item was adjusted at once, at the meeting.',
  secrecyMark: 'Secrecy',
  secrecyExplanation: 'The item is replaced by a secrecy notice in the public version.',
  secretNotice: (reference) =>
    reference
      ? `Information classified as secret under ${reference}`
      : 'Information classified as secret',
  secretTitle: 'Confidential matter',
  maskedName: '[name withheld]',
  publicVersion: 'Public version: secret information and personal data are masked.',
  municipalDocumentKind: 'Minutes',
  placeAndTime: 'Place and time',
  voting: 'Voting members',
  presentMunicipal: 'Present',
  substitutes: 'Substitutes',
  others: 'Others present',
  continued: (heading) => `${heading} (cont.)`,
  servingFor: (member) => `serving as substitute for ${member}`,
  appointedAdjusters: 'Appointed to adjust',
  adjustmentPlace: 'Adjustment place and time',
  paragraphs: 'Paragraphs',
  adjusting: 'Adjuster',
  archive: 'Where the minutes are kept',
  pageLabel: 'Page',
  municipalPage: (page, pages) => `${page} (${pages})`,
};

/** The labels of a locale. */
export function labelsFor(locale: Locale): Labels {
  return locale === 'en' ? EN : SV;
}
