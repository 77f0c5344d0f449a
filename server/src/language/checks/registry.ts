import { actionCheck } from './actions';
import { attendanceCheck } from './attendance';
import type { Check } from './context';
import { datesCheck } from './dates';
import { headerCheck } from './header';
import { numberingCheck } from './numbering';
import { organisationCheck } from './organisations';
import { signatureCheck } from './signatures';
import { syntaxCheck } from './syntax';

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
];
