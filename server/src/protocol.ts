// The custom part of the protocol between the Protokoll extension and its language server. Both
// sides import this one file, so a request's name and shapes cannot drift apart.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { DiagnosticCode, Fix, Locale } from './language';
import type { SeveritySetting } from './language/config';

/** Parameters of {@link RenderRequest}. */
export interface RenderParams {
  /** The document to render: open in the server, unless `text` is given. */
  readonly uri: string;
  /**
   * The text to render, open in the server or not (an export in the browser, where the client
   * has no renderer of its own, renders the editor's text); its settings are the document's.
   */
  readonly text?: string;
  readonly options?: {
    /** Show each line's diagnostics discreetly beside it. */
    readonly showDiagnostics?: boolean;
    /** A whole HTML page with its stylesheet, as the HTML export writes it. */
    readonly standalone?: boolean;
    /** The public version (secret items and masked names replaced). */
    readonly public?: boolean;
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
  /**
   * For a standalone page: the name of the exported file without its extension
   * (`minutes.offentlig` for the public version of `minutes.protokoll`, masked names masked).
   */
  readonly fileStem?: string;
}

/**
 * `protokoll/render`: the HTML of a document and its source-line map, for the preview and the
 * browser's HTML export. Answers `null` when the document is not open in the server and no
 * `text` is given.
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

/** A file as the browser client read it through the editor's file system. */
export interface ForwardedFile {
  readonly uri: string;
  readonly text: string;
}

/** Parameters of {@link ConfigFilesNotification}. */
export interface ConfigFilesParams {
  /** Every `.protokoll.json` of the workspace folders; each notification replaces the last. */
  readonly files: readonly ForwardedFile[];
}

/**
 * `protokoll/configFiles`: in the browser, where the server cannot read files, the client reads
 * the workspace's `.protokoll.json` files (also on virtual file systems) and sends them, again
 * whenever one is created, changed or deleted.
 */
export const ConfigFilesNotification = new NotificationType<ConfigFilesParams>(
  'protokoll/configFiles',
);

/** What the browser client passes in `initializationOptions`. */
export interface WebInitializationOptions {
  /** `push`: diagnostics are pushed, never pulled. */
  readonly diagnostics: 'push';
  /** The workspace's configuration files, as {@link ConfigFilesNotification} sends them later. */
  readonly configFiles: readonly ForwardedFile[];
}

/** Parameters of {@link FolderMinutesRequest}. */
export interface FolderMinutesParams {
  /** The folder whose `.protokoll` files (not those of its subfolders) are asked for. */
  readonly folderUri: string;
}

/**
 * `protokoll/folderMinutes`: in the browser, the server asks the client for the `.protokoll`
 * files of a document's folder, read through the editor's file system, to check the numbering
 * across them. Answers `null` when the folder cannot be read or holds too many files.
 */
export const FolderMinutesRequest = new RequestType<
  FolderMinutesParams,
  ForwardedFile[] | null,
  void
>('protokoll/folderMinutes');
