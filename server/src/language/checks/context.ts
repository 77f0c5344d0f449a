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
}

/** A check: one family of related codes. */
export type Check = (ctx: CheckContext) => void;

export type { RelatedLocation };
