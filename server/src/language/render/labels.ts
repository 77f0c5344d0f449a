import type { Locale } from '../config';
import type { AttendeeRole } from '../syntax/keywords';

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
};

/** The labels of a locale. */
export function labelsFor(locale: Locale): Labels {
  return locale === 'en' ? EN : SV;
}
