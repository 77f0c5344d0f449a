/**
 * The keyword families of the format. The first spelling of each is canonical (Swedish), the
 * second is English; further spellings are synonyms.
 */
export const KEYWORDS = {
  date: ['Datum', 'Date'],
  time: ['Tid', 'Time'],
  place: ['Plats', 'Place'],
  body: ['Organ', 'Body'],
  appointedAdjusters: ['Utses att justera', 'Appointed to adjust'],
  adjustmentPlace: ['Justeringens plats och tid', 'Adjustment place and time'],
  paragraphs: ['Paragrafer', 'Paragraphs'],
  present: ['Närvarande', 'Present'],
  voting: ['Beslutande', 'Voting members', 'Ledamöter', 'Members'],
  serving: ['Tjänstgörande ersättare', 'Serving substitutes'],
  substitutes: ['Ersättare', 'Substitutes'],
  others: ['Övriga närvarande', 'Others present', 'Övriga deltagande', 'Also present'],
  absent: ['Frånvarande', 'Absent'],
  decision: ['Beslut', 'Decision'],
  action: ['Åtgärd', 'Action'],
  nextMeeting: ['Nästa möte', 'Next meeting'],
  basis: ['Beslutsunderlag', 'Basis for decision'],
  proposal: ['Förslag till beslut', 'Proposed decision'],
  motions: ['Yrkanden', 'Motions', 'Yrkande', 'Motion'],
  order: ['Propositionsordning', 'Order of proposals'],
  vote: ['Omröstning', 'Vote'],
  reservation: ['Reservation', 'Dissent', 'Reservationer'],
  jav: ['Jäv', 'Conflict of interest'],
  note: ['Protokollsanteckning', 'Note for the minutes', 'Protokollsanteckningar'],
  sendTo: ['Beslutet skickas till', 'Decision sent to', 'Expedieras till', 'Send to'],
  attachments: ['Bilagor', 'Attachments', 'Bilaga', 'Attachment'],
  secrecy: ['Sekretess', 'Secrecy'],
  chair: ['Ordförande', 'Chair'],
  secretary: ['Sekreterare', 'Secretary', 'Protokollförare', 'Minute taker'],
  adjuster: ['Justerare', 'Adjuster', 'Adjusters', 'Justerande'],
  adjusted: ['Justerat', 'Signed', 'Adjusted'],
  posted: ['Anslaget', 'Posted'],
} as const;

export type KeywordKind = keyof typeof KEYWORDS;
/** Fields of the header (before the first §). `paragraphs` may also stand in the signature block. */
export type HeaderKind =
  'date' | 'time' | 'place' | 'body' | 'appointedAdjusters' | 'adjustmentPlace' | 'paragraphs';
/** `present` and `absent` sections; the v2 lists are present sections of a finer group. */
export type SectionKind = 'present' | 'absent';
/**
 * Which list an attendee stands in: `present` (v1 Närvarande), `voting` (Beslutande/Ledamöter),
 * `serving` (Tjänstgörande ersättare), `substitutes` (Ersättare, present, not voting),
 * `others` (Övriga närvarande/deltagande), `absent` (Frånvarande).
 */
export type AttendanceGroup =
  'present' | 'voting' | 'serving' | 'substitutes' | 'others' | 'absent';
/** The labels of an item body. */
export type LabelKind =
  | 'decision'
  | 'action'
  | 'nextMeeting'
  | 'basis'
  | 'proposal'
  | 'motions'
  | 'order'
  | 'vote'
  | 'reservation'
  | 'jav'
  | 'note'
  | 'sendTo'
  | 'attachments'
  | 'secrecy';
/** Labels whose value is the plain text after the colon (and, for lists, the bullets below). */
export type ItemLabelKind = Exclude<LabelKind, 'decision' | 'action' | 'nextMeeting'>;
export type SignatureKind = 'chair' | 'secretary' | 'adjuster' | 'adjusted' | 'posted';
export type SignerRole = 'chair' | 'secretary' | 'adjuster';

export const HEADER_KINDS: readonly HeaderKind[] = [
  'date',
  'time',
  'place',
  'body',
  'appointedAdjusters',
  'adjustmentPlace',
  'paragraphs',
];
export const SECTION_KINDS: readonly SectionKind[] = ['present', 'absent'];
/** The keyword kinds that open an attendance list, with the group they open. */
export const GROUP_OF_SECTION_KEYWORD: Readonly<Partial<Record<KeywordKind, AttendanceGroup>>> = {
  present: 'present',
  voting: 'voting',
  serving: 'serving',
  substitutes: 'substitutes',
  others: 'others',
  absent: 'absent',
};
export const ITEM_LABEL_KINDS: readonly ItemLabelKind[] = [
  'basis',
  'proposal',
  'motions',
  'order',
  'vote',
  'reservation',
  'jav',
  'note',
  'sendTo',
  'attachments',
  'secrecy',
];
/** Labels followed by a `- ` list (the bullets below belong to the label). */
export const LIST_LABEL_KINDS: readonly ItemLabelKind[] = [
  'basis',
  'motions',
  'reservation',
  'jav',
  'note',
  'sendTo',
  'attachments',
];
export const LABEL_KINDS: readonly LabelKind[] = [
  'decision',
  'action',
  'nextMeeting',
  ...ITEM_LABEL_KINDS,
];
export const SIGNATURE_KINDS: readonly SignatureKind[] = [
  'chair',
  'secretary',
  'adjuster',
  'adjusted',
  'posted',
];
export const SIGNER_ROLES: readonly SignerRole[] = ['chair', 'secretary', 'adjuster'];

export function canonicalKeyword(kind: KeywordKind): string {
  return KEYWORDS[kind][0];
}

const byLowerSpelling = new Map<string, KeywordKind>();
for (const [kind, spellings] of Object.entries(KEYWORDS) as [KeywordKind, readonly string[]][]) {
  for (const spelling of spellings) byLowerSpelling.set(spelling.toLowerCase(), kind);
}

/** The keyword kind of a spelling, ignoring case, inner whitespace runs and Unicode form. */
export function keywordKind(spelling: string): KeywordKind | undefined {
  return byLowerSpelling.get(spelling.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase());
}

/** Every accepted spelling, for the lexer and for misspelling suggestions. */
export function allSpellings(kinds: readonly KeywordKind[]): string[] {
  return kinds.flatMap((kind) => [...KEYWORDS[kind]]);
}

/** Lower-case spellings of the keywords allowed in the header and signature areas. */
export const HEADER_AND_SIGNATURE_SPELLINGS = allSpellings([
  ...HEADER_KINDS,
  'present',
  'voting',
  'serving',
  'substitutes',
  'others',
  'absent',
  'chair',
  'secretary',
  'adjuster',
  'adjusted',
  'posted',
]);

/** Spellings of the labels of an item body. */
export const LABEL_SPELLINGS = allSpellings(LABEL_KINDS);

/** Roles written after an attendee, in parentheses or after a comma. Swedish canonical, English accepted. */
export const ATTENDEE_ROLES = {
  chair: ['ordförande', 'chair'],
  secretary: ['sekreterare', 'secretary', 'protokollförare'],
  adjuster: ['justerare', 'adjuster', 'justerande'],
  coopted: ['adjungerad', 'co-opted'],
  substitute: ['ersättare', 'substitute'],
  viceChair: [
    'vice ordförande',
    'vice chair',
    '1:e vice ordförande',
    'förste vice ordförande',
    'first vice chair',
  ],
  secondViceChair: ['2:e vice ordförande', 'andre vice ordförande', 'second vice chair'],
} as const;

export type AttendeeRole = keyof typeof ATTENDEE_ROLES;

const byRoleSpelling = new Map<string, AttendeeRole>();
for (const [role, spellings] of Object.entries(ATTENDEE_ROLES) as [
  AttendeeRole,
  readonly string[],
][]) {
  for (const spelling of spellings) byRoleSpelling.set(spelling, role);
}

export function attendeeRole(text: string): AttendeeRole | undefined {
  return byRoleSpelling.get(text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase());
}

/** The choices of a vote tally line (`Ja: 7`, `Nej: Anna Ek (S)`, `Avstår: 2`). */
export type VoteChoice = 'yes' | 'no' | 'abstain';
const CHOICES: Record<string, VoteChoice> = {
  ja: 'yes',
  yes: 'yes',
  nej: 'no',
  no: 'no',
  avstår: 'abstain',
  'avstår från att rösta': 'abstain',
  abstain: 'abstain',
  abstained: 'abstain',
  abstentions: 'abstain',
};

/** The vote choice a tally label stands for (`Ja`, `Nej`, `Avstår`, `Yes`, `No`, `Abstain`). */
export function voteChoice(label: string): VoteChoice | undefined {
  return CHOICES[label.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()];
}

/** The national parties of the Riksdag, by their letters. More come from `"parties"`. */
export const NATIONAL_PARTIES: Readonly<Record<string, string>> = {
  S: 'Socialdemokraterna',
  M: 'Moderaterna',
  SD: 'Sverigedemokraterna',
  C: 'Centerpartiet',
  V: 'Vänsterpartiet',
  KD: 'Kristdemokraterna',
  L: 'Liberalerna',
  MP: 'Miljöpartiet de gröna',
};
