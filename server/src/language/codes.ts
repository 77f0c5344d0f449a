import type { SeverityName } from './types';

/** Every diagnostic code with its default severity. Codes never change once released. */
export const DIAGNOSTIC_CODES = {
  syntax: 'error',
  'header/missing-title': 'error',
  'header/missing-date': 'error',
  'header/invalid-date': 'error',
  'header/invalid-time': 'error',
  'numbering/gap': 'error',
  'numbering/duplicate': 'error',
  'numbering/order': 'error',
  'numbering/empty-title': 'error',
  'signature/missing': 'error',
  'signature/not-present': 'warning',
  'signature/same-person': 'warning',
  'signature/mismatch': 'warning',
  'municipality/unknown': 'warning',
  'municipality/form': 'warning',
  'attendance/duplicate': 'warning',
  'attendance/both': 'warning',
  'attendance/unaccounted': 'information',
  'action/missing-owner': 'information',
  'action/unknown-owner': 'warning',
  'date/next-meeting': 'warning',
  'deadline/adjustment': 'warning',
  'deadline/posting': 'warning',
  'attendance/substitute-for-present': 'error',
  'attendance/substitute-party': 'warning',
  'attendance/unknown-party': 'warning',
  'quorum/not-met': 'error',
  'vote/count': 'error',
  'vote/not-voting-member': 'error',
  'vote/twice': 'error',
  'jav/took-part': 'error',
  'reservation/for-decision': 'warning',
  'signature/paragraphs': 'warning',
} as const satisfies Record<string, SeverityName>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, code);
}
