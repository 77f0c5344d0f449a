import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ProtokollConfig, ProtokollDiagnostic } from '../language';
import type { SeriesResult } from './diagnostics';
import type { SettingsStore } from './settingsStore';

/** The configuration of each open document, by URI: the numbering across files is finalised with it. */
export async function configsOf(
  docs: readonly TextDocument[],
  settings: SettingsStore,
): Promise<Map<string, ProtokollConfig>> {
  const configs = new Map<string, ProtokollConfig>();
  await Promise.all(
    docs.map(async (doc) => configs.set(doc.uri, (await settings.forDocument(doc.uri)).config)),
  );
  return configs;
}

/** The series diagnostics of each open document, with the version they were computed for. */
export function seriesResults(
  openNow: readonly TextDocument[],
  configs: ReadonlyMap<string, ProtokollConfig>,
  series: ReadonlyMap<string, ProtokollDiagnostic[]>,
): Map<string, SeriesResult> {
  const results = new Map<string, SeriesResult>();
  for (const doc of openNow) {
    // A document that opened after the configurations were read: diagnostics finalised with the
    // default configuration would have the wrong severity; the next check reports it.
    if (!configs.has(doc.uri)) continue;
    results.set(doc.uri, { version: doc.version, diagnostics: series.get(doc.uri) ?? [] });
  }
  return results;
}
