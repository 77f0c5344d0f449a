/**
 * The Protokoll language service: everything the editor, the language server and the CLI know
 * about `.protokoll` documents, as plain functions over text. No editor, no LSP connection, no
 * file system.
 */
import { CHECKS } from './checks/registry';
import { seriesFindings, seriesSummary, type SeriesSummary } from './checks/series';
import { cappedReporter, type Finding } from './checks/context';
import { DIAGNOSTIC_CODES } from './codes';
import { lastAtOrBefore } from './sortedSearch';
import { DEFAULT_CONFIG, type Locale, type ProtokollConfig } from './config';
import { computeCodeActions, type CodeActionContext } from './features/codeActions';
import { completions } from './features/completion/index';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import * as persons from './features/persons';
import { selectionRanges } from './features/selectionRanges';
import { documentSymbols } from './features/symbols';
import { formatText, minimalEdit } from './features/formatting';
import { changeBetween, lineInEarlierParse } from './earlierParse';
import { buildModel, type MeetingModel } from './model';
import {
  buildMinutesView,
  makePublic,
  publicUri,
  renderMinutes,
  toProtokollJson,
  type RenderOptions,
} from './render';
import type { ProtokollAst } from './syntax/ast';
import { buildAst } from './syntax/build';
import type { ProtokollTextDocument } from './textDocument';
import {
  byRangeStart,
  Severity,
  type Position,
  type ProtokollDiagnostic,
  type Range,
  type TextEdit,
} from './types';

export * from './types';
export * from './textDocument';
export { applyTextEdits } from './textEdits';
export { withinCodeCap } from './diagnosticCap';
export { lastAtOrBefore } from './sortedSearch';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes';
export {
  DEFAULT_CONFIG,
  mergeConfig,
  readConfig,
  SETTING_NAMES,
  type ConfigProblem,
  type Locale,
  type ProtokollConfig,
} from './config';
export type { ProtokollAst } from './syntax/ast';
export type { SeriesSummary } from './checks/series';
export type { MeetingModel } from './model';
export type { CompletionItem, CompletionList } from './features/completion/index';
export type { FoldingRange } from './features/folding';
export type { Hover } from './features/hover';
export type { DocumentHighlight, Location, RenameError, WorkspaceEdit } from './features/persons';
export type { SelectionRange } from './features/selectionRanges';
export type { DocumentSymbol } from './features/symbols';
export {
  postingDates,
  type PostingDates,
  type ProtokollJson,
  type RenderedHtml,
  type RenderOptions,
} from './render';
export {
  CODE_ACTION_KINDS,
  type CodeActionContext,
  type CodeActionDiagnostic,
  type ProtokollCodeAction,
} from './features/codeActions';

/** A parsed document: AST and meeting model, computed once per document version. */
export interface ParsedDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly ast: ProtokollAst;
  readonly model: MeetingModel;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

const SEVERITY: Record<string, Severity> = {
  error: Severity.Error,
  warning: Severity.Warning,
  information: Severity.Information,
  hint: Severity.Hint,
};

/** How a request may be answered. */
export interface AnswerOptions {
  /**
   * When the newest version is not parsed yet, answer from the latest parse of the document plus
   * the current line, if the edit since lies outside the § item at the position (a request typed
   * right after a change need not wait for a parse). Facts from elsewhere in the document (the
   * people, other items) are then those of the latest parse; the next parse brings them up to
   * date. Otherwise, and without this option, the newest version is parsed.
   */
  readonly fromLatestParse?: boolean;
}

export interface ProtokollServiceOptions {
  /** How many parsed documents to keep (least recently used are dropped). Default 50. */
  readonly cacheSize?: number;
}

/** Creates a language service. One per process is enough; it caches parses by URI and version. */
export function createProtokollService(options: ProtokollServiceOptions = {}) {
  const cacheSize = options.cacheSize ?? 50;
  const cache = new Map<string, ParsedDocument>();
  const checked = new WeakMap<
    ParsedDocument,
    { config: ProtokollConfig; diagnostics: ProtokollDiagnostic[] }
  >();

  function parse(doc: ProtokollTextDocument): ParsedDocument {
    const text = doc.getText();
    const cached = cache.get(doc.uri);
    if (cached && cached.version === doc.version && cached.text === text) {
      cache.delete(doc.uri);
      cache.set(doc.uri, cached);
      return cached;
    }
    // The previous version's unchanged § items are taken over (it is not used after this).
    const ast = buildAst(text, cached?.ast);
    const parsed: ParsedDocument = {
      uri: doc.uri,
      version: doc.version,
      text,
      ast,
      model: buildModel(ast),
      positionAt: (offset) => positionAt(ast.lineStarts, text, offset),
      offsetAt: (position) => offsetAt(ast.lineStarts, text, position),
    };
    cache.delete(doc.uri);
    cache.set(doc.uri, parsed);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    return parsed;
  }

  /**
   * Runs `answer` on the newest parse of `doc`, or (with `fromLatestParse`) on the latest parse
   * when the edit since lies outside the § item at `position`: then at that position's line in
   * the latest parse, and the lines of what it answers are moved back to the newest text.
   */
  function atPosition<T>(
    doc: ProtokollTextDocument,
    position: Position,
    options: AnswerOptions,
    answer: (parsed: ParsedDocument, position: Position) => T,
    moveLines: (answer: T, toNewLine: (line: number) => number) => T,
  ): T {
    const latest = cache.get(doc.uri);
    if (options.fromLatestParse && latest && latest.version !== doc.version) {
      const change = doc.changesSince?.(latest.text) ?? changeBetween(latest.text, doc.getText());
      const earlier = lineInEarlierParse(latest, change, position.line);
      if (earlier) {
        const answered = answer(latest, { line: earlier.line, character: position.character });
        return moveLines(answered, earlier.toNewLine);
      }
    }
    return answer(parse(doc), position);
  }

  function getDiagnostics(
    doc: ProtokollTextDocument,
    config: ProtokollConfig = DEFAULT_CONFIG,
  ): ProtokollDiagnostic[] {
    const steps = diagnosticSteps(doc, config);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The diagnostics of `getDiagnostics`, computed in steps (the parse, then each check): a caller
   * may answer other requests between steps and stop when the document has changed meanwhile.
   */
  function* diagnosticSteps(
    doc: ProtokollTextDocument,
    config: ProtokollConfig = DEFAULT_CONFIG,
  ): Generator<void, ProtokollDiagnostic[], void> {
    const parsed = parse(doc);
    // Code actions ask for the diagnostics on every cursor move; the checks run once per parse
    // and configuration.
    const cached = checked.get(parsed);
    if (cached?.config === config) return [...cached.diagnostics];
    const findings: Finding[] = [];
    const reporter = cappedReporter((f) => findings.push(f));
    const ctx = { model: parsed.model, config, text: parsed.text, ...reporter };
    for (const check of CHECKS) {
      yield;
      check(ctx);
    }
    findings.push(...reporter.summary());
    findings.sort(byRangeStart);
    const diagnostics = finalise(findings, config);
    checked.set(parsed, { config, diagnostics });
    return [...diagnostics];
  }

  /**
   * Numbering across several minutes of the same body (same title) in one year: each document's
   * first § continues from the previous meeting's last. Returns diagnostics per document URI; a
   * member given only by its `summary` (from `getSeriesSummary`) counts but gets none.
   */
  function getSeriesDiagnostics(
    documents: readonly (
      | { doc: ProtokollTextDocument; config?: ProtokollConfig }
      | { uri: string; summary: SeriesSummary }
    )[],
  ): Map<string, ProtokollDiagnostic[]> {
    const configs = new Map<string, ProtokollConfig>();
    const members = documents.map((d) => {
      if (!('doc' in d)) return d;
      configs.set(d.doc.uri, d.config ?? DEFAULT_CONFIG);
      return { uri: d.doc.uri, ast: parse(d.doc).ast };
    });
    const out = new Map<string, ProtokollDiagnostic[]>();
    for (const [uri, findings] of seriesFindings(members)) {
      out.set(uri, finalise(findings, configs.get(uri) ?? DEFAULT_CONFIG));
    }
    return out;
  }

  /** Edits that format the document, or only the lines of `range`. */
  function format(doc: ProtokollTextDocument, range?: Range): TextEdit[] {
    const parsed = parse(doc);
    const lines = range ? { start: range.start.line, end: range.end.line } : undefined;
    return minimalEdit(parsed.text, formatText(parsed.text, parsed.ast, lines), parsed.positionAt);
  }

  return {
    parse,
    getDiagnostics,
    diagnosticSteps,
    getSeriesDiagnostics,
    /**
     * What the numbering across files needs of a document (undefined: it takes no part), to keep
     * instead of its parse.
     */
    getSeriesSummary: (doc: ProtokollTextDocument): SeriesSummary | undefined => {
      // Not through the cache: a folder's files would push the open documents' parses out.
      const text = doc.getText();
      const cached = cache.get(doc.uri);
      const fresh = cached?.version === doc.version && cached.text === text;
      return seriesSummary(fresh ? cached.ast : buildAst(text));
    },
    format,
    /** The formatted text of a whole document. */
    formatText: (doc: ProtokollTextDocument): string => {
      const parsed = parse(doc);
      return formatText(parsed.text, parsed.ast);
    },
    /** Quick fixes for the diagnostics at `range`, "fix all", and "renumber from § N". */
    getCodeActions: (
      doc: ProtokollTextDocument,
      range: Range,
      context: CodeActionContext = {},
      config: ProtokollConfig = DEFAULT_CONFIG,
    ) => {
      const parsed = parse(doc);
      const document = {
        version: parsed.version,
        items: parsed.ast.items,
        diagnostics: getDiagnostics(doc, config),
      };
      return computeCodeActions(document, range, context, config.locale);
    },
    /**
     * The minutes as HTML with the source lines of its blocks (preview, CLI, export); with
     * `public`, the public version (secret items and masked names replaced).
     */
    render: (doc: ProtokollTextDocument, options: RenderOptions = {}) => {
      const parsed = parse(doc);
      if (options.public) {
        const made = makePublic(
          parsed.text,
          parsed.ast,
          options.config ?? DEFAULT_CONFIG,
          options.locale,
        );
        return renderMinutes(made.ast, [], { ...options, model: made.model, locale: made.locale });
      }
      return renderMinutes(
        parsed.ast,
        options.showDiagnostics ? getDiagnostics(doc, options.config) : [],
        { ...options, model: parsed.model },
      );
    },
    /** The view of the minutes the PDF writer lays out (same options as `render`). */
    minutesView: (doc: ProtokollTextDocument, options: RenderOptions = {}) => {
      const parsed = parse(doc);
      const config = options.config ?? DEFAULT_CONFIG;
      if (options.public) {
        const made = makePublic(parsed.text, parsed.ast, config, options.locale);
        return buildMinutesView(made.ast, {
          config,
          model: made.model,
          locale: made.locale,
          public: true,
        });
      }
      return buildMinutesView(parsed.ast, { config, model: parsed.model, locale: options.locale });
    },
    /**
     * The documented, versioned JSON form of the document (docs/ast-json.md); `public` gives the
     * JSON of the public version (with `config.maskedNames`).
     */
    toJson: (
      doc: ProtokollTextDocument,
      locale: Locale = 'sv',
      options: { readonly public?: boolean; readonly config?: ProtokollConfig } = {},
    ) => {
      const parsed = parse(doc);
      if (!options.public) return toProtokollJson(doc.uri, parsed.ast, locale);
      const config = options.config ?? DEFAULT_CONFIG;
      const made = makePublic(parsed.text, parsed.ast, config);
      return toProtokollJson(publicUri(doc.uri, config, made.locale), made.ast, locale);
    },
    /**
     * Completions at a position: municipalities, people (signers, owners, a vote's voters,
     * reservations, jäv, yrkanden, adjusters, `ersätter`), party letters, roles, keywords by
     * place, § numbers, and the `paragraf` and `underskrifter` snippets.
     */
    getCompletions: (
      doc: ProtokollTextDocument,
      position: Position,
      config: ProtokollConfig = DEFAULT_CONFIG,
      options: AnswerOptions = {},
    ) =>
      atPosition(
        doc,
        position,
        options,
        (parsed, at) => completions(parsed, at, config),
        (list, toNewLine) => ({
          ...list,
          items: list.items.map((item) =>
            item.textEdit
              ? {
                  ...item,
                  textEdit: { ...item.textEdit, range: moved(item.textEdit.range, toNewLine) },
                }
              : item,
          ),
        }),
      ),
    /**
     * Hover for a municipality, a person (lists, party, substitute, items taken part in), party
     * letters, a vote (result, tie), `Justeras omedelbart`, a date (with its legal deadlines);
     * null elsewhere.
     */
    getHover: (
      doc: ProtokollTextDocument,
      position: Position,
      config: ProtokollConfig = DEFAULT_CONFIG,
      options: AnswerOptions = {},
    ) =>
      atPosition(
        doc,
        position,
        options,
        (parsed, at) => hover(parsed.model, at, config),
        (answer, toNewLine) => answer && { ...answer, range: moved(answer.range, toNewLine) },
      ),
    /** The outline: title, header, lists with people, § items with their labels, signatures. */
    getDocumentSymbols: (doc: ProtokollTextDocument, config: ProtokollConfig = DEFAULT_CONFIG) => {
      const parsed = parse(doc);
      const documentRange = {
        start: parsed.positionAt(0),
        end: parsed.positionAt(parsed.text.length),
      };
      return documentSymbols(parsed.ast, documentRange, config.locale);
    },
    /** Lists, items, item labels with their lists and votes, comment blocks, signatures. */
    getFoldingRanges: (doc: ProtokollTextDocument) => foldingRanges(parse(doc).ast),
    /** Word → name or value → line → item or section → document, per position. */
    getSelectionRanges: (doc: ProtokollTextDocument, positions: readonly Position[]) =>
      selectionRanges(parse(doc), positions),
    /** The attendance line of the person at the position. */
    getDefinition: (doc: ProtokollTextDocument, position: Position) =>
      persons.definition(parse(doc).model, doc.uri, position),
    /** Every mention of the person at the position. */
    getReferences: (doc: ProtokollTextDocument, position: Position, includeDeclaration: boolean) =>
      persons.references(parse(doc).model, doc.uri, position, includeDeclaration),
    /** The person's mentions: attendance lines as writes, the rest as reads. */
    getDocumentHighlights: (doc: ProtokollTextDocument, position: Position) =>
      persons.documentHighlights(parse(doc).model, position),
    /** The name to rename at the position, or `{ error }` saying why there is none. */
    prepareRename: (
      doc: ProtokollTextDocument,
      position: Position,
      config: ProtokollConfig = DEFAULT_CONFIG,
    ) => persons.prepareRename(parse(doc).model, position, config.locale),
    /** Renames the person at the position everywhere, or `{ error }`. */
    rename: (
      doc: ProtokollTextDocument,
      position: Position,
      newName: string,
      config: ProtokollConfig = DEFAULT_CONFIG,
    ) => persons.rename(parse(doc).model, doc.uri, position, newName, config.locale),
    /** Forgets a closed document. */
    close: (uri: string): void => void cache.delete(uri),
  };
}

export type ProtokollService = ReturnType<typeof createProtokollService>;

/** Applies the configured severities and the locale to the checks' findings. */
function finalise(findings: readonly Finding[], config: ProtokollConfig): ProtokollDiagnostic[] {
  const out: ProtokollDiagnostic[] = [];
  const pick = (m: { sv: string; en: string }) => m[config.locale];
  for (const f of findings) {
    const setting = config.severity[f.code] ?? DIAGNOSTIC_CODES[f.code];
    if (setting === 'off') continue;
    out.push({
      range: f.range,
      severity: SEVERITY[setting],
      code: f.code,
      message: pick(f.message),
      source: 'protokoll',
      related: f.related?.map((r) => ({ range: r.range, message: pick(r.message) })),
      tags: f.tags,
      fixes: f.fixes?.map((x) => ({
        title: pick(x.title),
        edits: x.edits,
        preferred: x.preferred,
      })),
    });
  }
  return out;
}

function moved(range: Range, toNewLine: (line: number) => number): Range {
  return {
    start: { line: toNewLine(range.start.line), character: range.start.character },
    end: { line: toNewLine(range.end.line), character: range.end.character },
  };
}

function positionAt(lineStarts: readonly number[], text: string, offset: number): Position {
  offset = Math.max(0, Math.min(offset, text.length));
  const line = lastAtOrBefore(lineStarts, offset);
  return { line, character: offset - lineStarts[line] };
}

function offsetAt(lineStarts: readonly number[], text: string, position: Position): number {
  if (position.line >= lineStarts.length) return text.length;
  if (position.line < 0) return 0;
  const start = lineStarts[position.line];
  const next = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : text.length;
  let end = next;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return Math.min(start + Math.max(0, position.character), end);
}
