import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import {
  mergeConfig,
  readConfig,
  type ConfigProblem,
  type Locale,
  type ProtokollConfig,
} from '../language';
import { quotedJsonValue, SETTING_NAMES } from '../language/config';
import { SETTINGS_SECTION, type ValidateMode } from '../protocol';
import { loadConfigFile, resolveConfig, type ConfigFileProblem } from './configFiles';

/** What the server does with a document: its check configuration and when to validate it. */
export interface DocumentSettings {
  readonly config: ProtokollConfig;
  readonly validate: ValidateMode;
  readonly diagnosticsDelay: number;
}

export const DEFAULT_DIAGNOSTICS_DELAY = 250;

/**
 * Reads the `protokoll.*` editor settings, tolerating anything: unset values (null) fall back
 * to the defaults, invalid ones are skipped and described in `problems`, in the language of the
 * `locale` setting when that one is valid, else in Swedish.
 */
export function readSettings(value: unknown): {
  layer: Partial<ProtokollConfig>;
  validate: ValidateMode;
  diagnosticsDelay: number;
  problems: string[];
} {
  const raw =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const checks: Record<string, unknown> = {};
  for (const key of SETTING_NAMES) {
    const v = raw[key];
    if (v === null || v === undefined) continue;
    // An empty severity map is VS Code's default for an object setting, not a choice.
    if (key === 'severity' && typeof v === 'object' && Object.keys(v).length === 0) continue;
    checks[key] = v;
  }
  const read = readConfig(checks);
  const problems: ConfigProblem[] = [...read.problems];

  let validate: ValidateMode = 'onType';
  if (raw.validate === 'onSave' || raw.validate === 'onType') validate = raw.validate;
  else if (raw.validate !== undefined && raw.validate !== null) {
    const found = quotedJsonValue(raw.validate);
    problems.push({
      path: ['validate'],
      message: {
        sv: `${found.sv} är inget giltigt läge; använd "onType" (medan du skriver) eller "onSave" (när filen sparas)`,
        en: `${found.en} is not a validation mode; use "onType" (while typing) or "onSave" (when the file is saved)`,
      },
    });
  }

  let diagnosticsDelay = DEFAULT_DIAGNOSTICS_DELAY;
  const delay = raw.diagnosticsDelay;
  if (typeof delay === 'number' && Number.isFinite(delay) && delay >= 0)
    diagnosticsDelay = Math.min(delay, 10_000);
  else if (delay !== undefined && delay !== null) {
    const found = quotedJsonValue(delay);
    problems.push({
      path: ['diagnosticsDelay'],
      message: {
        sv: `måste vara ett antal millisekunder, 0 eller fler (till exempel ${DEFAULT_DIAGNOSTICS_DELAY}), inte ${found.sv}`,
        en: `must be a number of milliseconds, 0 or more (such as ${DEFAULT_DIAGNOSTICS_DELAY}), not ${found.en}`,
      },
    });
  }
  const locale = read.config.locale ?? 'sv';
  return {
    layer: read.config,
    validate,
    diagnosticsDelay,
    problems: problems.map((p) => settingProblemText(p, locale)),
  };
}

function settingProblemText(problem: ConfigProblem, locale: Locale): string {
  const setting = [SETTINGS_SECTION, ...problem.path].join('.');
  return locale === 'sv'
    ? `inställningen ${setting} ignoreras: ${problem.message.sv}`
    : `setting ${setting} ignored: ${problem.message.en}`;
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

  /**
   * The problems of a configuration file as it is on disk now (none once it is deleted), in the
   * language of the file's `locale`, else of the editor settings for its folder. Never rejects.
   */
  async configFileProblems(file: string): Promise<ConfigFileProblem[]> {
    const editor = await this.editorSettingsFor(fileUriOf(file));
    if (!fs.existsSync(file)) return [];
    try {
      return loadConfigFile(file, { fallbackLocale: editor.layer.locale }).problems;
    } catch (error) {
      this.options.connection.console.error(`Could not read ${file}: ${describe(error)}`);
      return [];
    }
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
      this.options.connection.console.warn(problem);
    }
    return settings;
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
