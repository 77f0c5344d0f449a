import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DiagnosticSeverity,
  type Connection,
  type Diagnostic,
  type DiagnosticTag,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { ProtokollDiagnostic, ProtokollService } from '../language';
import { CONFIG_DIAGNOSTIC_CODE, type DiagnosticData } from '../protocol';
import type { ConfigFileProblem } from './configFiles';
import { describe, fileUriOf, type SettingsStore } from './settings';

/** What the client said it can show in a diagnostic. */
export interface DiagnosticsSupport {
  readonly relatedInformation: boolean;
  readonly tags: boolean;
}

/** Fixes with more edits than this are not published in `data`. */
export const MAX_EDITS_IN_DATA = 50;

/** A service diagnostic as LSP sends it; `data` keeps the fixes for the code actions. */
export function toLspDiagnostic(
  diagnostic: ProtokollDiagnostic,
  uri: string,
  version: number,
  support: DiagnosticsSupport,
): Diagnostic {
  // "Renumber all" on a long, badly numbered document would repeat every item's edit in every
  // numbering diagnostic; such fixes are left out and recomputed when a code action asks.
  const edits = (diagnostic.fixes ?? []).reduce((n, fix) => n + fix.edits.length, 0);
  const data: DiagnosticData = {
    version,
    fixes: edits <= MAX_EDITS_IN_DATA ? diagnostic.fixes : undefined,
  };
  const out: Diagnostic = {
    range: diagnostic.range,
    severity: diagnostic.severity,
    code: diagnostic.code,
    source: diagnostic.source,
    message: diagnostic.message,
    data,
  };
  if (support.relatedInformation && diagnostic.related?.length) {
    out.relatedInformation = diagnostic.related.map((r) => ({
      location: { uri, range: r.range },
      message: r.message,
    }));
  }
  if (support.tags && diagnostic.tags?.length) out.tags = diagnostic.tags as DiagnosticTag[];
  return out;
}

export interface DiagnosticsPublisherOptions {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: ProtokollService;
  readonly settings: SettingsStore;
  readonly support: DiagnosticsSupport;
}

/**
 * Pushes diagnostics: at once on open and save, after a pause while typing. Work for a version
 * that is no longer the document's current one is dropped, never published.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly configFileProblems = new Map<string, string>();

  constructor(private readonly options: DiagnosticsPublisherOptions) {}

  /** Validates a document now (opened, saved, or its configuration changed). */
  async validateNow(uri: string): Promise<void> {
    this.cancelTimer(uri);
    await this.validate(uri);
  }

  /** The document changed: validate after the configured pause, unless only on save. */
  async changed(uri: string): Promise<void> {
    const settings = await this.options.settings.forDocument(uri);
    if (settings.validate === 'onSave' || !this.options.documents.get(uri)) return;
    this.cancelTimer(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.validate(uri);
      }, settings.diagnosticsDelay),
    );
  }

  /** The document was closed: its diagnostics go away with it. */
  closed(uri: string): void {
    this.cancelTimer(uri);
    this.send(uri, undefined, []);
  }

  /** Validates every open document again (the configuration changed). */
  async revalidateAll(): Promise<void> {
    await Promise.all(this.options.documents.keys().map((uri) => this.validateNow(uri)));
  }

  /** Publishes the problems of a `.protokoll.json` on that file (nothing when they are the same). */
  configFile(file: string, problems: readonly ConfigFileProblem[]): void {
    const uri = fileUriOf(file);
    const diagnostics: Diagnostic[] = problems.map((p) => ({
      range: p.range,
      severity: DiagnosticSeverity.Error,
      code: CONFIG_DIAGNOSTIC_CODE,
      source: 'protokoll',
      message: p.message,
    }));
    const key = JSON.stringify(diagnostics);
    if ((this.configFileProblems.get(uri) ?? '[]') === key) return;
    this.configFileProblems.set(uri, key);
    this.send(uri, undefined, diagnostics);
  }

  private async validate(uri: string): Promise<void> {
    const { documents, service, settings, support, connection } = this.options;
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const documentSettings = await settings.forDocument(uri);
    const current = documents.get(uri);
    // Closed, or a newer version arrived while the settings were read: that one gets its turn.
    if (!current || current.version !== version) return;
    let diagnostics: ProtokollDiagnostic[];
    try {
      diagnostics = service.getDiagnostics(current, documentSettings.config);
    } catch (error) {
      connection.console.error(`Checking ${uri} failed: ${describe(error)}`);
      return;
    }
    this.send(
      uri,
      version,
      diagnostics.map((d) => toLspDiagnostic(d, uri, version, support)),
    );
  }

  private send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    this.options.connection.sendDiagnostics({ uri, version, diagnostics }).catch((error) => {
      this.options.connection.console.error(
        `Publishing diagnostics for ${uri} failed: ${describe(error)}`,
      );
    });
  }

  private cancelTimer(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
