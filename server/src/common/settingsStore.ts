// Settings per document for the language server, in Node and in the browser: the editor's
// `protokoll.*` settings under the nearest `.protokoll.json`, from wherever the host reads those.
import type { Connection } from 'vscode-languageserver';
import { mergeConfig, type Locale, type ProtokollConfig } from '../language';
import { SETTINGS_SECTION } from '../protocol';
import type { ConfigFileProblem } from './configText';
import { describe, readSettings, type DocumentSettings } from './editorSettings';

/** The `.protokoll.json` files of the workspace, wherever they are read from. */
export interface ConfigFileSource {
  /**
   * The configuration of the document at `uri`: `layer` (the editor settings) under its nearest
   * configuration file, with that file's URI and problems; undefined when it has none.
   */
  resolve(uri: string, layer: Partial<ProtokollConfig>): ResolvedConfigFile | undefined;
  /**
   * The URI the source knows a configuration file by, for a URI a client sent; undefined for a
   * file it does not read.
   */
  canonicalUri(uri: string): string | undefined;
  /** The problems of the configuration file at `fileUri` as it is now (none once it is gone). */
  problemsOf(fileUri: string, fallbackLocale: Locale | undefined): ConfigFileProblem[];
}

export interface ResolvedConfigFile {
  readonly config: ProtokollConfig;
  readonly fileUri?: string;
  readonly problems: ConfigFileProblem[];
}

export interface SettingsStoreOptions {
  readonly connection: Connection;
  readonly configFiles: ConfigFileSource;
  /** Whether the client answers `workspace/configuration`. */
  readonly pullSupported: boolean;
  /** Called with the problems of every configuration file a document uses (maybe none). */
  readonly onConfigFile: (fileUri: string, problems: readonly ConfigFileProblem[]) => void;
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
    let config = mergeConfig(editor.layer);
    try {
      const result = this.options.configFiles.resolve(uri, editor.layer);
      if (result) {
        config = result.config;
        if (result.fileUri) this.options.onConfigFile(result.fileUri, result.problems);
      }
    } catch (error) {
      this.options.connection.console.error(
        `Could not read the configuration for ${uri}: ${describe(error)}`,
      );
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
   * The problems of a configuration file as it is now (none once it is deleted), in the language
   * of the file's `locale`, else of the editor settings for its folder. Never rejects.
   */
  async configFileProblems(fileUri: string): Promise<ConfigFileProblem[]> {
    const editor = await this.editorSettingsFor(fileUri);
    try {
      return this.options.configFiles.problemsOf(fileUri, editor.layer.locale);
    } catch (error) {
      this.options.connection.console.error(`Could not read ${fileUri}: ${describe(error)}`);
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
