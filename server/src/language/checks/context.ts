import type { DiagnosticCode } from '../codes';
import type { ProtokollConfig } from '../config';
import type { MeetingModel } from '../model';
import type { Fix, Range, RelatedLocation } from '../types';

/** A message in both supported languages; the locale picks one. */
export interface Bilingual {
  readonly sv: string;
  readonly en: string;
}

export interface Finding {
  readonly code: DiagnosticCode;
  readonly range: Range;
  readonly message: Bilingual;
  readonly related?: readonly { range: Range; message: Bilingual }[];
  readonly fixes?: readonly { title: Bilingual; edits: Fix['edits']; preferred?: boolean }[];
  readonly tags?: readonly number[];
}

/** What a check reads and where it reports. */
export interface CheckContext {
  readonly model: MeetingModel;
  readonly config: ProtokollConfig;
  readonly text: string;
  report(finding: Finding): void;
  /**
   * True once `code` has reached its per-document cap (`MAX_FINDINGS_PER_CODE`); the finding at
   * `range` is then only counted for the summary. Checks whose findings are costly to build
   * (suggestions, long lists) ask first and skip the work.
   */
  capped(code: DiagnosticCode, range: Range): boolean;
}

/**
 * At most this many findings of one code per document; the rest are summarised in one more
 * finding of the same code. A pathological document (thousands of unknown names) stays
 * responsive, as linters do.
 */
export const MAX_FINDINGS_PER_CODE = 200;

/**
 * A check context whose `report` keeps the first `MAX_FINDINGS_PER_CODE` findings of each code
 * (in reporting order) and `summary()` returns one finding per capped code saying how many
 * were left out.
 */
export function cappedReporter(
  push: (finding: Finding) => void,
  limit = MAX_FINDINGS_PER_CODE,
): Pick<CheckContext, 'report' | 'capped'> & { summary(): Finding[] } {
  const counts = new Map<DiagnosticCode, number>();
  const dropped = new Map<DiagnosticCode, { count: number; range: Range }>();
  const capped = (code: DiagnosticCode, range: Range): boolean => {
    const n = counts.get(code) ?? 0;
    if (n < limit) return false;
    const d = dropped.get(code);
    if (d) d.count++;
    else dropped.set(code, { count: 1, range });
    return true;
  };
  return {
    capped,
    report(finding) {
      if (capped(finding.code, finding.range)) return;
      counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
      push(finding);
    },
    summary: () =>
      [...dropped].map(([code, { count, range }]) => ({
        code,
        range,
        message: {
          sv: `${count} fler problem av typen ${code} visas inte (högst ${limit} per dokument). Rätta de visade först.`,
          en: `${count} more ${code} problems are not shown (at most ${limit} per document). Fix the ones shown first.`,
        },
      })),
  };
}

/** A check: one family of related codes. */
export type Check = (ctx: CheckContext) => void;

export type { RelatedLocation };
