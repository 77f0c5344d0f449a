import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { mergeConfig, readConfig, type ProtokollConfig } from '../language';
import { SETTINGS_SECTION, type ValidateMode } from '../protocol';
import { resolveConfig, type ConfigFileProblem } from './configFiles';

/** What the server does with a document: its check configuration and when to validate it. */
export interface DocumentSettings {
  readonly config: ProtokollConfig;
  readonly validate: ValidateMode;
  readonly diagnosticsDelay: number;
}

export const DEFAULT_DIAGNOSTICS_DELAY = 250;

/** The settings that shape the checks; `.protokoll.json` can override each of them. */
const CHECK_SETTINGS = ['requiredSignatures', 'organisations', 'members', 'severity', 'locale'];

/**
 * Reads the `protokoll.*` editor settings, tolerating anything: unset values (null) fall back
 * to the defaults, invalid ones are skipped and described in `problems`.
 */
export function readSettings(value: unknown): {
  layer: Partial<ProtokollConfig>;
  validate: ValidateMode;
  diagnosticsDelay: number;
  problems: string[];
} {
  const problems: string[] = [];
  const raw =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const checks: Record<string, unknown> = {};
  for (const key of CHECK_SETTINGS) {
    const v = raw[key];
    if (v === null || v === undefined) continue;
    // An empty severity map is VS Code's default for an object setting, not a choice.
    if (key === 'severity' && typeof v === 'object' && Object.keys(v).length === 0) continue;
    checks[key] = v;
  }
  const read = readConfig(checks);
  for (const p of read.problems)
    problems.push(`setting ${SETTINGS_SECTION}.${p.path.join('.')}: ${p.message}`);

  let validate: ValidateMode = 'onType';
  if (raw.validate === 'onSave' || raw.validate === 'onType') validate = raw.validate;
  else if (raw.validate !== undefined && raw.validate !== null)
    problems.push(`setting ${SETTINGS_SECTION}.validate: must be "onType" or "onSave"`);

  let diagnosticsDelay = DEFAULT_DIAGNOSTICS_DELAY;
  const delay = raw.diagnosticsDelay;
  if (typeof delay === 'number' && Number.isFinite(delay) && delay >= 0)
    diagnosticsDelay = Math.min(delay, 10_000);
  else if (delay !== undefined && delay !== null)
    problems.push(
      `setting ${SETTINGS_SECTION}.diagnosticsDelay: must be a number of milliseconds (0 or more)`,
    );
  return { layer: read.config, validate, diagnosticsDelay, problems };
}

/** The file-system path of a `file:` URI; undefined for untitled and virtual documents. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function fileUriOf(file: string): string {
  return pathToFileURL(file).href;
}

export interface SettingsStoreOptions {
  readonly connection: Connection;
  /** Whether the client answers `workspace/configuration`. */
  readonly pullSupported: boolean;
  /** Called with the problems of every configuration file a document uses (maybe none). */
  readonly onConfigFile: (file: string, problems: readonly ConfigFileProblem[]) => void;
}

/**
 * Settings per document: the editor's `protokoll.*` settings merged under the nearest
 * `.protokoll.json`. Both are cached until `settingsChanged` or `configFilesChanged`.
 */
export class SettingsStore {
  private pushed: unknown = {};
  private editorSettings = new Map<string, Promise<ReturnType<typeof readSettings>>>();
  private resolved = new Map<string, DocumentSettings>();
  private reportedProblems = new Set<string>();

  constructor(private readonly options: SettingsStoreOptions) {}

  /** The settings for a document. Never rejects: on any failure the defaults apply. */
  async forDocument(uri: string): Promise<DocumentSettings> {
    const cached = this.resolved.get(uri);
    if (cached) return cached;
    const resolved = this.resolved;
    const editor = await this.editorSettingsFor(uri);
    const path = filePathOf(uri);
    let config = mergeConfig(editor.layer);
    if (path) {
      try {
        const result = resolveConfig(path, editor.layer);
        config = result.config;
        if (result.file) this.options.onConfigFile(result.file, result.problems);
      } catch (error) {
        this.options.connection.console.error(
          `Could not read the configuration for ${uri}: ${describe(error)}`,
        );
      }
    }
    const settings: DocumentSettings = {
      config,
      validate: editor.validate,
      diagnosticsDelay: editor.diagnosticsDelay,
    };
    // A change that arrived while this was computed made it stale: answer, but do not keep it.
    if (resolved === this.resolved) resolved.set(uri, settings);
    return settings;
  }

  /** The editor settings changed; `pushed` is what `didChangeConfiguration` carried. */
  settingsChanged(pushed: unknown): void {
    if (!this.options.pullSupported && typeof pushed === 'object' && pushed !== null) {
      this.pushed = (pushed as Record<string, unknown>)[SETTINGS_SECTION] ?? {};
    }
    this.editorSettings = new Map();
    this.resolved = new Map();
  }

  /** A `.protokoll.json` was created, changed or deleted. */
  configFilesChanged(): void {
    this.resolved = new Map();
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.editorSettings.delete(uri);
    this.resolved.delete(uri);
  }

  private editorSettingsFor(uri: string): Promise<ReturnType<typeof readSettings>> {
    const cache = this.editorSettings;
    let settings = cache.get(uri);
    if (!settings) {
      settings = this.fetchEditorSettings(uri);
      cache.set(uri, settings);
    }
    return settings;
  }

  private async fetchEditorSettings(uri: string): Promise<ReturnType<typeof readSettings>> {
    let value: unknown = this.pushed;
    if (this.options.pullSupported) {
      try {
        value = await this.options.connection.workspace.getConfiguration({
          scopeUri: uri,
          section: SETTINGS_SECTION,
        });
      } catch (error) {
        this.options.connection.console.warn(
          `Could not read the ${SETTINGS_SECTION}.* settings: ${describe(error)}; using the defaults.`,
        );
        value = {};
      }
    }
    const settings = readSettings(value);
    for (const problem of settings.problems) {
      if (this.reportedProblems.has(problem)) continue;
      this.reportedProblems.add(problem);
      this.options.connection.console.warn(`${problem} (ignored)`);
    }
    return settings;
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
