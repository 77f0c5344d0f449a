import { actionCheck } from './actions';
import { attendanceCheck } from './attendance';
import type { Check } from './context';
import { datesCheck } from './dates';
import { headerCheck } from './header';
import { javCheck } from './jav';
import { numberingCheck } from './numbering';
import { organisationCheck } from './organisations';
import { paragraphsCheck } from './paragraphs';
import { partyCheck } from './parties';
import { quorumCheck } from './quorum';
import { reservationCheck } from './reservations';
import { signatureCheck } from './signatures';
import { substituteCheck } from './substitutes';
import { syntaxCheck } from './syntax';
import { voteCheck } from './votes';

/** Every check, in reporting order. Adding a check is one file and one line here. */
export const CHECKS: readonly Check[] = [
  syntaxCheck,
  headerCheck,
  numberingCheck,
  signatureCheck,
  organisationCheck,
  attendanceCheck,
  actionCheck,
  datesCheck,
  partyCheck,
  substituteCheck,
  quorumCheck,
  voteCheck,
  javCheck,
  reservationCheck,
  paragraphsCheck,
];
