// The custom part of the protocol between the Protokoll extension and its language server. Both
// sides import this one file, so a request's name and shapes cannot drift apart.
import { RequestType } from 'vscode-languageserver-protocol';
import type { DiagnosticCode, Fix, Locale } from './language';
import type { SeveritySetting } from './language/config';

/** Parameters of {@link RenderRequest}. */
export interface RenderParams {
  /** The document to render; it must be open in the server. */
  readonly uri: string;
  readonly options?: {
    /** Show each line's diagnostics discreetly beside it. */
    readonly showDiagnostics?: boolean;
  };
}

/** Result of {@link RenderRequest}. */
export interface RenderResult {
  /** The minutes as an HTML fragment (no scripts, every document text escaped). */
  readonly html: string;
  /** The source line (0-based) where each rendered block starts, ascending. */
  readonly lineMap: number[];
  /** The document version that was rendered. */
  readonly version: number;
  /** The minutes' title, for the preview's tab. */
  readonly title?: string;
}

/**
 * `protokoll/render`: the HTML of an open document and its source-line map, for the preview.
 * Answers `null` when the document is not open in the server.
 */
export const RenderRequest = new RequestType<RenderParams, RenderResult | null, void>(
  'protokoll/render',
);

/** When diagnostics are computed: while typing (debounced), or only when the file is saved. */
export type ValidateMode = 'onType' | 'onSave';

/**
 * The editor settings under `protokoll.*`. Every field is optional: an unset setting falls back
 * to the defaults, and the nearest `.protokoll.json` overrides all of them but `validate` and
 * `diagnosticsDelay`.
 */
export interface ProtokollSettings {
  readonly requiredSignatures?: readonly string[];
  readonly organisations?: readonly string[];
  readonly members?: readonly string[];
  readonly severity?: Readonly<Partial<Record<DiagnosticCode, SeveritySetting>>>;
  readonly locale?: Locale;
  readonly validate?: ValidateMode;
  /** Milliseconds between the last keystroke and the diagnostics (default 250). */
  readonly diagnosticsDelay?: number;
}

/** The configuration section the server reads. */
export const SETTINGS_SECTION = 'protokoll';

/** The `code` of a diagnostic about a `.protokoll.json` file itself. */
export const CONFIG_DIAGNOSTIC_CODE = 'config';

/** What a published diagnostic's `data` carries: the repairs, for the quick fixes. */
export interface DiagnosticData {
  /** The document version the diagnostic was computed for. */
  readonly version: number;
  readonly fixes?: readonly Fix[];
}
