// The Node side of the server's settings: `file:` URIs as paths, and `.protokoll.json` read from disk.
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ConfigFileSource } from '../common/settingsStore';
import { loadConfigFile, resolveConfig } from './configFiles';

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

/** The nearest `.protokoll.json` on disk above a `file:` document; none for other documents. */
export const diskConfigFiles: ConfigFileSource = {
  resolve(uri, layer) {
    const path = filePathOf(uri);
    if (!path) return undefined;
    const result = resolveConfig(path, layer);
    return {
      config: result.config,
      fileUri: result.file ? fileUriOf(result.file) : undefined,
      problems: result.problems,
    };
  },
  canonicalUri(uri) {
    const file = filePathOf(uri);
    return file === undefined ? undefined : fileUriOf(file);
  },
  problemsOf(fileUri, fallbackLocale) {
    const file = filePathOf(fileUri);
    if (!file || !fs.existsSync(file)) return [];
    return loadConfigFile(file, { fallbackLocale }).problems;
  },
};
