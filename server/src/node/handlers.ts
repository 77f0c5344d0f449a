import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentHighlight,
  type DocumentSymbol,
  type FoldingRange,
  type Location,
  type SelectionRange,
  type Hover,
  type TextDocuments,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import {
  CODE_ACTION_KINDS,
  type CodeActionDiagnostic,
  type Fix,
  type Position,
  type ProtokollConfig,
  type ProtokollService,
  type Range,
  type TextEdit,
} from '../language';
import { RenderRequest, type DiagnosticData, type RenderResult } from '../protocol';
import { describe, type SettingsStore } from './settings';

/** The characters after which the client asks for completions on its own. */
export const COMPLETION_TRIGGER_CHARACTERS = [',', ' ', '@', '(', '§', ':'];

export const CODE_ACTION_KIND_LIST = Object.values(CODE_ACTION_KINDS);

export interface HandlerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: ProtokollService;
  readonly settings: SettingsStore;
  /** Whether the client applies `documentChanges` (versioned edits). */
  readonly versionedEdits: boolean;
}

/**
 * Answers the client's requests with the language service. A handler never throws: a failure is
 * logged to the client's output and the request gets an empty answer; a cancelled request gets
 * the `RequestCancelled` error LSP asks for.
 */
export function registerHandlers(ctx: HandlerContext): void {
  const { connection, documents, service } = ctx;
  const features = service as ProtokollService & PendingFeatures;

  /** Runs `work` on the open document of `uri` with its configuration. */
  function onDocument<P, R>(
    name: string,
    uriOf: (params: P) => string,
    work: (doc: TextDocument, config: ProtokollConfig, params: P) => R | null,
  ): (params: P, token: CancellationToken) => Promise<R | null | ResponseError<void>> {
    return async (params, token) => {
      try {
        const doc = documents.get(uriOf(params));
        if (!doc) return null;
        const { config } = await ctx.settings.forDocument(doc.uri);
        if (token.isCancellationRequested) return cancelled();
        const result = work(doc, config, params);
        return token.isCancellationRequested ? cancelled() : result;
      } catch (error) {
        if (error instanceof ResponseError) return error as ResponseError<void>;
        connection.console.error(`${name} failed: ${describe(error)}`);
        return null;
      }
    };
  }
  const byTextDocument = <P extends { textDocument: { uri: string } }>(params: P) =>
    params.textDocument.uri;

  connection.onCompletion(
    onDocument('Completion', byTextDocument, (doc, config, { position }) =>
      features.getCompletions ? features.getCompletions(doc, position, config) : null,
    ),
  );

  connection.onHover(
    onDocument('Hover', byTextDocument, (doc, config, { position }): Hover | null => {
      const hover = features.getHover?.(doc, position, config);
      if (!hover) return null;
      const contents =
        typeof hover.contents === 'string'
          ? { kind: 'markdown' as const, value: hover.contents }
          : hover.contents;
      return { contents, range: hover.range };
    }),
  );

  connection.onDocumentSymbol(
    onDocument('Document symbols', byTextDocument, (doc, config) =>
      features.getDocumentSymbols ? features.getDocumentSymbols(doc, config) : null,
    ),
  );

  connection.onFoldingRanges(
    onDocument('Folding', byTextDocument, (doc) =>
      features.getFoldingRanges ? features.getFoldingRanges(doc) : null,
    ),
  );

  connection.onSelectionRanges(
    onDocument('Selection ranges', byTextDocument, (doc, _config, { positions }) =>
      features.getSelectionRanges ? features.getSelectionRanges(doc, positions) : null,
    ),
  );

  connection.onDefinition(
    onDocument('Definition', byTextDocument, (doc, _config, { position }) =>
      features.getDefinition ? features.getDefinition(doc, position) : null,
    ),
  );

  connection.onReferences(
    onDocument('References', byTextDocument, (doc, _config, { position, context }) =>
      features.getReferences
        ? features.getReferences(doc, position, context.includeDeclaration)
        : null,
    ),
  );

  connection.onDocumentHighlight(
    onDocument('Highlights', byTextDocument, (doc, _config, { position }) =>
      features.getDocumentHighlights ? features.getDocumentHighlights(doc, position) : null,
    ),
  );

  connection.onPrepareRename(
    onDocument('Prepare rename', byTextDocument, (doc, config, { position }) => {
      const answer = features.prepareRename?.(doc, position, config);
      if (!answer) return null;
      if ('error' in answer) throw new ResponseError(LSPErrorCodes.RequestFailed, answer.error);
      return answer;
    }),
  );

  connection.onRenameRequest(
    onDocument('Rename', byTextDocument, (doc, config, { position, newName }) => {
      const answer = features.rename?.(doc, position, newName, config);
      if (!answer) return null;
      if ('error' in answer) throw new ResponseError(LSPErrorCodes.RequestFailed, answer.error);
      return answer;
    }),
  );

  connection.onDocumentFormatting(
    onDocument('Formatting', byTextDocument, (doc) => service.format(doc) as TextEdit[]),
  );

  connection.onDocumentRangeFormatting(
    onDocument(
      'Range formatting',
      byTextDocument,
      (doc, _config, { range }) => service.format(doc, range) as TextEdit[],
    ),
  );

  connection.onCodeAction(
    onDocument('Code actions', byTextDocument, (doc, config, { range, context }) => {
      const originals = new Map<CodeActionDiagnostic, Diagnostic>();
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== 'protokoll') continue;
        const data = diagnosticData(diagnostic.data);
        originals.set(
          {
            range: diagnostic.range,
            code: diagnostic.code,
            fixes: data?.fixes,
            version: data?.version,
          },
          diagnostic,
        );
      }
      const actions = service.getCodeActions(
        doc,
        range,
        { diagnostics: [...originals.keys()], only: context.only },
        config,
      );
      return actions.map((action): CodeAction => ({
        title: action.title,
        kind: action.kind,
        isPreferred: action.isPreferred,
        diagnostics: action.diagnostics?.flatMap((d) => originals.get(d) ?? []),
        edit: workspaceEdit(ctx, doc, action.edits),
      }));
    }),
  );

  connection.onRequest(
    RenderRequest,
    onDocument(
      'Render',
      (params) => params.uri,
      (doc, config, { options }): RenderResult | null => {
        if (!features.render) {
          throw new ResponseError(
            LSPErrorCodes.RequestFailed,
            'This version of the Protokoll language server cannot render previews.',
          );
        }
        const rendered = features.render(doc, { ...options, config });
        return { ...rendered, version: doc.version };
      },
    ),
  );
}

function workspaceEdit(
  ctx: HandlerContext,
  doc: TextDocument,
  edits: readonly TextEdit[],
): WorkspaceEdit {
  // Versioned edits let the client refuse an action computed for text it no longer has.
  return ctx.versionedEdits
    ? {
        documentChanges: [
          { textDocument: { uri: doc.uri, version: doc.version }, edits: [...edits] },
        ],
      }
    : { changes: { [doc.uri]: [...edits] } };
}

/** The `data` of a published diagnostic, if it has the shape the server gave it. */
function diagnosticData(data: unknown): DiagnosticData | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { version, fixes } = data as Record<string, unknown>;
  if (typeof version !== 'number') return undefined;
  if (fixes !== undefined && !(Array.isArray(fixes) && fixes.every(isFix))) return undefined;
  return { version, fixes: fixes as Fix[] | undefined };
}

function isFix(value: unknown): value is Fix {
  if (typeof value !== 'object' || value === null) return false;
  const { title, edits } = value as Record<string, unknown>;
  return (
    typeof title === 'string' &&
    Array.isArray(edits) &&
    edits.every(
      (e) =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as TextEdit).newText === 'string' &&
        isRange((e as TextEdit).range),
    )
  );
}

function isRange(value: unknown): value is Range {
  const r = value as Range | undefined;
  return (
    typeof r?.start?.line === 'number' &&
    typeof r.start.character === 'number' &&
    typeof r.end?.line === 'number' &&
    typeof r.end.character === 'number'
  );
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/** Service features that are being added to the facade; each answers nothing until it exists. */
interface PendingFeatures {
  getCompletions?(
    doc: TextDocument,
    position: Position,
    config: ProtokollConfig,
  ): CompletionItem[] | CompletionList;
  getHover?(
    doc: TextDocument,
    position: Position,
    config: ProtokollConfig,
  ):
    | { contents: string | { kind: 'markdown' | 'plaintext'; value: string }; range?: Range }
    | undefined;
  getDocumentSymbols?(doc: TextDocument, config: ProtokollConfig): DocumentSymbol[];
  getFoldingRanges?(doc: TextDocument): FoldingRange[];
  getSelectionRanges?(doc: TextDocument, positions: Position[]): SelectionRange[];
  getDefinition?(doc: TextDocument, position: Position): Location[];
  getReferences?(doc: TextDocument, position: Position, includeDeclaration: boolean): Location[];
  getDocumentHighlights?(doc: TextDocument, position: Position): DocumentHighlight[];
  prepareRename?(
    doc: TextDocument,
    position: Position,
    config: ProtokollConfig,
  ): { range: Range; placeholder: string } | { error: string } | undefined;
  rename?(
    doc: TextDocument,
    position: Position,
    newName: string,
    config: ProtokollConfig,
  ): { changes: Record<string, TextEdit[]> } | { error: string } | undefined;
  render?(
    doc: TextDocument,
    options: { showDiagnostics?: boolean; config: ProtokollConfig },
  ): Omit<RenderResult, 'version'>;
}
