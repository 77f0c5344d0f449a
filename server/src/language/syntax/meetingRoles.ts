import type { SignerRole } from './keywords';

/*
 * The words that name a role of this meeting, for election titles (`Val av mötesordförande`) and
 * elections written in the body (`Till justerare utses Per Berg.`). Letters around a word are
 * checked with look-arounds because `\b` does not know å, ä and ö.
 */
const L = '\\p{L}';
const word = (w: string) => new RegExp(`(?<!${L})(?:${w})(?!${L})`, 'iu');

export const MEETING_ROLE_WORDS: readonly (readonly [SignerRole, RegExp])[] = [
  ['chair', word('(?:mötes|stämmo|årsmötes)?ordförande|chair(?:person)?|chairman|chairwoman')],
  [
    'secretary',
    word('(?:mötes|stämmo|årsmötes)?sekreterare|protokollförare|secretary|minute[- ]taker'),
  ],
  [
    'adjuster',
    word(
      '(?:protokoll)?justerare|justerande|justeringsm(?:än|an)|justeringsperson(?:er)?|justering|adjusters?',
    ),
  ],
];

/**
 * A title elects an officer of the body for a term, not a role of this meeting: `Val av
 * föreningens ordförande för ett år`, `Val av styrelse`, `Val av revisorer`.
 */
const TERM_OFFICER = word(
  'föreningens|styrelsens|sällskapets|klubbens|bolagets|nämndens|förbundets|styrelse|styrelseledamöter|revisor(?:er|n)?|revisorssuppleant(?:er)?|valberedning(?:en)?|suppleant(?:er)?|mandatperiod(?:en)?|verksamhetsår(?:et)?|för (?:ett|två|tre|fyra|\\d+) år|for (?:a|one|two|\\d+) years?|term|board',
);

/** The meeting roles a text names (an election title, or the role word of a body election). */
export function meetingRolesIn(text: string): readonly SignerRole[] {
  let roles: SignerRole[] | undefined;
  for (const [role, re] of MEETING_ROLE_WORDS) if (re.test(text)) (roles ??= []).push(role);
  return roles && !TERM_OFFICER.test(text) ? roles : NO_ROLES;
}

const NO_ROLES: readonly SignerRole[] = Object.freeze([]);

/** `Till justerare utses`, `Till mötesordförande valdes`, `Till sekreterare väljs`. */
export const BODY_ELECTION =
  /^Till[ \t]+(\p{L}+(?:[ \t]+\p{L}+){0,3})[ \t]+(?:utses|utsågs|väljs|valdes|valdes till|förrättas)[ \t]+/iu;
