import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DiagnosticSeverity,
  type Connection,
  type Diagnostic,
  type DiagnosticTag,
  type TextDocuments,
} from 'vscode-languageserver';
import {
  byRangeStart,
  withinCodeCap,
  type ProtokollDiagnostic,
  type ProtokollService,
} from '../language';
import { CONFIG_DIAGNOSTIC_CODE, type DiagnosticData } from '../protocol';
import type { ConfigFileProblem } from './configText';
import { describe } from './editorSettings';
import { codeDocumentationUrl } from './packageInfo';
import type { SettingsStore } from './settingsStore';

/** What the client said it can show in a diagnostic. */
export interface DiagnosticsSupport {
  readonly relatedInformation: boolean;
  readonly tags: boolean;
  /** A link to the code's documentation (`codeDescription.href`). */
  readonly codeDescription?: boolean;
}

/** Fixes with more edits than this are not published in `data`. */
export const MAX_EDITS_IN_DATA = 50;

/** A service diagnostic as LSP sends it; `data` keeps the fixes for the code actions. */
export function toLspDiagnostic(
  diagnostic: ProtokollDiagnostic,
  uri: string,
  version: number,
  support: DiagnosticsSupport,
  maxEditsInData = MAX_EDITS_IN_DATA,
): Diagnostic {
  // "Renumber all" on a long, badly numbered document would repeat every item's edit in every
  // numbering diagnostic; such fixes are left out and recomputed when a code action asks.
  const edits = (diagnostic.fixes ?? []).reduce((n, fix) => n + fix.edits.length, 0);
  const data: DiagnosticData = {
    version,
    fixes: edits <= maxEditsInData ? diagnostic.fixes : undefined,
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
  if (support.codeDescription)
    out.codeDescription = { href: codeDocumentationUrl(diagnostic.code) };
  return out;
}

/** The series diagnostics of one open document, for the version they were computed with. */
export interface SeriesResult {
  readonly version: number;
  readonly diagnostics: ProtokollDiagnostic[];
}

/**
 * The numbering checks across the minutes of a folder, where the host can list a folder's files
 * (the Node server reads the disk).
 */
export interface SeriesChecks {
  /** The folder of a document whose folder can be read; undefined for the others. */
  folderOf(uri: string): string | undefined;
  /** The series diagnostics of every open document of `folder`. Never rejects. */
  check(folder: string): Promise<Map<string, SeriesResult>>;
  openDocuments(folder: string): readonly TextDocument[];
  /**
   * No open document is in `folder` any more: what is kept only for open documents may go (the
   * small summaries of files on disk may stay, to spare reading them again).
   */
  forgetFolder(folder: string): void;
  /**
   * `.protokoll` files changed outside the editor: the folders whose open documents have to be
   * checked again.
   */
  filesChanged(uris: readonly string[]): Set<string>;
}

export interface DiagnosticsPublisherOptions {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: ProtokollService;
  readonly settings: SettingsStore;
  readonly support: DiagnosticsSupport;
  /** None where a folder's files cannot be listed: then each document is checked on its own. */
  readonly series?: SeriesChecks;
}

/**
 * The least pause between a change and its check, also with `diagnosticsDelay` 0. An editor
 * sends the completion or hover a keystroke triggers right behind the change, but not always in
 * the same read: measured over stdio, 1–2 ms later. Within this window it arrives before the
 * parse starts and is answered from the latest parse, instead of waiting for the parse.
 */
export const REQUEST_WINDOW_MS = 4;

/** What was last published for an open document, to republish it with new series diagnostics. */
interface Published {
  readonly version: number;
  readonly own: Diagnostic[];
  seriesKey: string;
}

/**
 * Pushes diagnostics: at once on open and save, after a pause while typing. Work for a version
 * that is no longer the document's current one is dropped, never published. A `file:` document
 * also gets the numbering checks across the minutes of its folder; each check of a document
 * computes them for the other open documents of the folder too, which are published again when
 * theirs changed.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly configFileProblems = new Map<string, string>();
  private readonly published = new Map<string, Published>();
  /** Documents whose validation has started and not parsed yet. */
  private readonly parsing = new Set<string>();

  constructor(private readonly options: DiagnosticsPublisherOptions) {}

  /**
   * Whether the newest version of `uri` is about to be parsed without a request doing it: its
   * validation waits for the pause after typing or is about to parse. A request meanwhile may
   * answer from the latest parse, whose facts elsewhere in the document are then no older than
   * the diagnostics shown; otherwise (validation only on save) it parses the newest version.
   */
  parseComing(uri: string): boolean {
    return this.timers.has(uri) || this.parsing.has(uri);
  }

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
      setTimeout(
        () => {
          this.timers.delete(uri);
          void this.validate(uri);
        },
        Math.max(settings.diagnosticsDelay, REQUEST_WINDOW_MS),
      ),
    );
  }

  /** The document was closed: its diagnostics go away with it. */
  async closed(uri: string): Promise<void> {
    this.cancelTimer(uri);
    this.published.delete(uri);
    this.send(uri, undefined, []);
    // From now on the folder's other documents see the file as it is on disk.
    const series = this.options.series;
    const folder = series?.folderOf(uri);
    if (!series || folder === undefined) return;
    if (series.openDocuments(folder).length === 0) series.forgetFolder(folder);
    else await this.refreshSeries(series, folder);
  }

  /** `.protokoll` files changed on disk: the open documents of their folders are checked again. */
  async minutesFilesChanged(uris: readonly string[]): Promise<void> {
    const series = this.options.series;
    if (!series) return;
    const folders = series.filesChanged(uris);
    await Promise.all(
      [...folders]
        .filter((folder) => series.openDocuments(folder).length > 0)
        .map((folder) => this.refreshSeries(series, folder)),
    );
  }

  /** Validates every open document again (the configuration changed). */
  async revalidateAll(): Promise<void> {
    await Promise.all(this.options.documents.keys().map((uri) => this.validateNow(uri)));
  }

  /** Publishes the problems of a `.protokoll.json` on that file (nothing when they are the same). */
  configFile(uri: string, problems: readonly ConfigFileProblem[]): void {
    const diagnostics: Diagnostic[] = problems.map((p) => ({
      range: p.range,
      severity: DiagnosticSeverity.Error,
      code: CONFIG_DIAGNOSTIC_CODE,
      ...(this.options.support.codeDescription && {
        codeDescription: { href: codeDocumentationUrl(CONFIG_DIAGNOSTIC_CODE) },
      }),
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
    const folder = this.options.series?.folderOf(uri);
    // The settings (on opening, a round trip to the client) and the folder's files on disk come
    // while the document is parsed; the parse is kept for the checks and the series.
    const settingsRead = settings.forDocument(uri);
    // The parse cannot be interrupted: a request that came with the change (a completion typed
    // right after it) is answered first, from the latest parse where it can. A message read
    // while the loop polls is dispatched by an immediate queued then, hence two hops. The series
    // check starts after them too: it parses the document once the folder is listed.
    this.parsing.add(uri);
    let seriesChecked: Promise<Map<string, SeriesResult>> | undefined;
    try {
      await yieldToWaitingRequests();
      await yieldToWaitingRequests();
      if (documents.get(uri)?.version !== version) return;
      // Reading a changed document joins its text, a copy of it (lazyTextDocument.ts); a request
      // that arrives meanwhile is answered before the parse.
      doc.getText();
      await yieldToWaitingRequests();
      if (documents.get(uri)?.version !== version) return;
      seriesChecked = folder === undefined ? undefined : this.options.series?.check(folder);
      try {
        service.parse(doc);
      } catch {
        // The checks below parse again and report the failure.
      }
    } finally {
      this.parsing.delete(uri);
    }
    const documentSettings = await settingsRead;
    const current = documents.get(uri);
    // Closed, or a newer version arrived meanwhile: that one gets its turn.
    if (!current || current.version !== version) return;
    let diagnostics: ProtokollDiagnostic[];
    try {
      // Between the parse and each check, requests waiting (a completion typed right after the
      // change) are answered first; a check of a version that is no longer current stops there.
      const steps = service.diagnosticSteps(current, documentSettings.config);
      for (;;) {
        const step = steps.next();
        if (step.done) {
          diagnostics = step.value;
          break;
        }
        await yieldToWaitingRequests();
        if (documents.get(uri)?.version !== version) return;
      }
    } catch (error) {
      connection.console.error(`Checking ${uri} failed: ${describe(error)}`);
      return;
    }
    // The folder is listed while the checks run.
    const series = await seriesChecked;
    if (documents.get(uri)?.version !== version) return;
    const own = diagnostics.map((d) => toLspDiagnostic(d, uri, version, support));
    this.published.set(uri, { version, own, seriesKey: '[]' });
    if (!series || !this.publishSeries(series, uri)) this.send(uri, version, own);
  }

  /** Checks the numbering across `folder` again and republishes the documents it changed for. */
  private async refreshSeries(series: SeriesChecks, folder: string): Promise<void> {
    this.publishSeries(await series.check(folder));
  }

  /**
   * Publishes each open document's own diagnostics with its new series diagnostics, when they
   * changed (always for `validated`), and were computed for the document's current version.
   * Returns whether `validated` was published.
   */
  private publishSeries(results: Map<string, SeriesResult>, validated?: string): boolean {
    const { documents, support } = this.options;
    let publishedValidated = false;
    for (const [uri, result] of results) {
      const last = this.published.get(uri);
      const version = documents.get(uri)?.version;
      if (!last || last.version !== version || result.version !== version) continue;
      // A document has at most one series diagnostic: its renumbering is never repeated.
      const series = result.diagnostics.map((d) =>
        toLspDiagnostic(d, uri, version, support, Infinity),
      );
      const key = JSON.stringify(series);
      if (uri !== validated && key === last.seriesKey) continue;
      last.seriesKey = key;
      this.send(uri, version, byPosition(withinCodeCap(last.own, series)));
      if (uri === validated) publishedValidated = true;
    }
    return publishedValidated;
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

function byPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(byRangeStart);
}

/**
 * Lets the messages that arrived meanwhile be handled: `setImmediate` in Node (no delay), a
 * zero timeout in a browser worker, which has no `setImmediate`.
 */
function yieldToWaitingRequests(): Promise<void> {
  return new Promise((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0),
  );
}
