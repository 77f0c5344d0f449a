/** The keyword families of the format. The first spelling of each is canonical (Swedish). */
export const KEYWORDS = {
  date: ['Datum', 'Date'],
  time: ['Tid', 'Time'],
  place: ['Plats', 'Place'],
  present: ['Närvarande', 'Present'],
  absent: ['Frånvarande', 'Absent'],
  decision: ['Beslut', 'Decision'],
  action: ['Åtgärd', 'Action'],
  nextMeeting: ['Nästa möte', 'Next meeting'],
  chair: ['Ordförande', 'Chair'],
  secretary: ['Sekreterare', 'Secretary'],
  adjuster: ['Justerare', 'Adjuster', 'Adjusters'],
  adjusted: ['Justerat', 'Signed', 'Adjusted'],
  posted: ['Anslaget', 'Posted'],
} as const;

export type KeywordKind = keyof typeof KEYWORDS;
export type HeaderKind = 'date' | 'time' | 'place';
export type SectionKind = 'present' | 'absent';
export type LabelKind = 'decision' | 'action' | 'nextMeeting';
export type SignatureKind = 'chair' | 'secretary' | 'adjuster' | 'adjusted' | 'posted';
export type SignerRole = 'chair' | 'secretary' | 'adjuster';

export const HEADER_KINDS: readonly HeaderKind[] = ['date', 'time', 'place'];
export const SECTION_KINDS: readonly SectionKind[] = ['present', 'absent'];
export const LABEL_KINDS: readonly LabelKind[] = ['decision', 'action', 'nextMeeting'];
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
  'date',
  'time',
  'place',
  'present',
  'absent',
  'chair',
  'secretary',
  'adjuster',
  'adjusted',
  'posted',
]);

/** Spellings of the labels of an item body. */
export const LABEL_SPELLINGS = allSpellings(['decision', 'action', 'nextMeeting']);

/** Roles written in parentheses after an attendee. Swedish canonical, English accepted. */
export const ATTENDEE_ROLES = {
  chair: ['ordförande', 'chair'],
  secretary: ['sekreterare', 'secretary'],
  adjuster: ['justerare', 'adjuster'],
  coopted: ['adjungerad', 'co-opted'],
  substitute: ['ersättare', 'substitute'],
} as const;

export type AttendeeRole = keyof typeof ATTENDEE_ROLES;

export function attendeeRole(text: string): AttendeeRole | undefined {
  const lower = text.normalize('NFC').trim().toLowerCase();
  for (const [role, spellings] of Object.entries(ATTENDEE_ROLES) as [
    AttendeeRole,
    readonly string[],
  ][]) {
    if (spellings.includes(lower)) return role;
  }
  return undefined;
}
