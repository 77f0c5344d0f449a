import { mergeConfig, type ProtokollConfig } from '../language';
import {
  CONFIG_FILE_NAME,
  parseConfigText,
  type ConfigFileProblem,
  type ConfigLanguage,
} from '../common/configText';
import type { ConfigFileSource, ResolvedConfigFile } from '../common/settingsStore';
import type { ForwardedFile } from '../protocol';

/**
 * The workspace's `.protokoll.json` files as the browser client forwarded them: the nearest one
 * above a document is the one in its folder or the closest folder above, by URI, so documents
 * on any file system (a virtual one too) find theirs.
 */
export class ForwardedConfigFiles implements ConfigFileSource {
  private texts = new Map<string, string>();
  private readonly parsed = new Map<
    string,
    { text: string; fallback: string; result: ReturnType<typeof parseConfigText> }
  >();

  /** Replaces every known file with `files`. */
  replaceAll(files: readonly ForwardedFile[]): void {
    this.texts = new Map(files.map((f) => [f.uri, f.text]));
    for (const uri of this.parsed.keys()) if (!this.texts.has(uri)) this.parsed.delete(uri);
  }

  /** The URIs of the files known now. */
  uris(): string[] {
    return [...this.texts.keys()];
  }

  resolve(uri: string, layer: Partial<ProtokollConfig>): ResolvedConfigFile | undefined {
    const fileUri = this.nearest(uri);
    if (fileUri === undefined) return undefined;
    const loaded = this.parse(fileUri, { fallbackLocale: layer.locale });
    if (!loaded) return undefined;
    return { config: mergeConfig(layer, loaded.config), fileUri, problems: loaded.problems };
  }

  canonicalUri(uri: string): string | undefined {
    return uri;
  }

  problemsOf(fileUri: string, fallbackLocale: ProtokollConfig['locale']): ConfigFileProblem[] {
    return this.parse(fileUri, { fallbackLocale })?.problems ?? [];
  }

  private nearest(documentUri: string): string | undefined {
    // `scheme://authority/a/b/minutes.protokoll` → `…/a/b/.protokoll.json`, `…/a/.protokoll.json`, …
    const query = documentUri.search(/[?#]/);
    let path = query === -1 ? documentUri : documentUri.slice(0, query);
    const root = path.indexOf('/', path.indexOf('://') + 3);
    if (root === -1) return undefined;
    for (;;) {
      const slash = path.lastIndexOf('/');
      if (slash < root) return undefined;
      path = path.slice(0, slash);
      const candidate = `${path}/${CONFIG_FILE_NAME}`;
      if (this.texts.has(candidate)) return candidate;
    }
  }

  private parse(
    fileUri: string,
    language: ConfigLanguage,
  ): ReturnType<typeof parseConfigText> | undefined {
    const text = this.texts.get(fileUri);
    if (text === undefined) return undefined;
    const fallback = language.fallbackLocale ?? '';
    const cached = this.parsed.get(fileUri);
    if (cached && cached.text === text && cached.fallback === fallback) return cached.result;
    const result = parseConfigText(text, fileUri, language);
    this.parsed.set(fileUri, { text, fallback, result });
    return result;
  }
}
