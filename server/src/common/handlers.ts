import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type TextDocuments,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import {
  CODE_ACTION_KINDS,
  type CodeActionDiagnostic,
  createTextDocument,
  type Fix,
  type ProtokollConfig,
  type ProtokollTextDocument,
  type ProtokollService,
  type Range,
  type TextEdit,
} from '../language';
import { exportFileStem } from '../language/render/publicVersion';
import { RenderRequest, type DiagnosticData, type RenderResult } from '../protocol';
import { describe } from './editorSettings';
import type { SettingsStore } from './settingsStore';

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
  /** Whether a validation is about to parse the newest version of a document. */
  readonly parseComing: (uri: string) => boolean;
}

/**
 * Answers the client's requests with the language service. A handler never throws: a failure is
 * logged to the client's output and the request gets an empty answer; a cancelled request gets
 * the `RequestCancelled` error LSP asks for.
 */
export function registerHandlers(ctx: HandlerContext): void {
  const { connection, documents, service } = ctx;

  /**
   * Runs `work` on the open document of `uri` (or the one `unopened` makes of the parameters)
   * with its configuration.
   */
  function onDocument<P, R>(
    name: string,
    uriOf: (params: P) => string,
    work: (doc: ProtokollTextDocument, config: ProtokollConfig, params: P) => R | null,
    unopened?: (params: P) => ProtokollTextDocument | undefined,
  ): (params: P, token: CancellationToken) => Promise<R | null | ResponseError<void>> {
    return async (params, token) => {
      try {
        const doc = documents.get(uriOf(params)) ?? unopened?.(params);
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

  // Typed right after a change, these are answered from the latest parse plus the current line
  // when they can be: the parse of the new version is the validation's work, not theirs. Only
  // while that validation is on its way: with validation on save, nothing else would parse.
  const beforeParse = (uri: string) => ({ fromLatestParse: ctx.parseComing(uri) });

  connection.onCompletion(
    onDocument('Completion', byTextDocument, (doc, config, { position }) =>
      service.getCompletions(doc, position, config, beforeParse(doc.uri)),
    ),
  );

  connection.onHover(
    onDocument('Hover', byTextDocument, (doc, config, { position }) =>
      service.getHover(doc, position, config, beforeParse(doc.uri)),
    ),
  );

  connection.onDocumentSymbol(
    onDocument('Document symbols', byTextDocument, (doc, config) =>
      service.getDocumentSymbols(doc, config),
    ),
  );

  connection.onFoldingRanges(
    onDocument('Folding', byTextDocument, (doc) => service.getFoldingRanges(doc)),
  );

  connection.onSelectionRanges(
    onDocument('Selection ranges', byTextDocument, (doc, _config, { positions }) =>
      service.getSelectionRanges(doc, positions),
    ),
  );

  connection.onDefinition(
    onDocument('Definition', byTextDocument, (doc, _config, { position }) =>
      service.getDefinition(doc, position),
    ),
  );

  connection.onReferences(
    onDocument('References', byTextDocument, (doc, _config, { position, context }) =>
      service.getReferences(doc, position, context.includeDeclaration),
    ),
  );

  connection.onDocumentHighlight(
    onDocument('Highlights', byTextDocument, (doc, _config, { position }) =>
      service.getDocumentHighlights(doc, position),
    ),
  );

  connection.onPrepareRename(
    onDocument('Prepare rename', byTextDocument, (doc, config, { position }) =>
      refusalAsError(service.prepareRename(doc, position, config)),
    ),
  );

  connection.onRenameRequest(
    onDocument('Rename', byTextDocument, (doc, config, { position, newName }) =>
      refusalAsError(service.rename(doc, position, newName, config)),
    ),
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
      (doc, config, { options }): RenderResult => {
        const rendered = service.render(doc, {
          showDiagnostics: options?.showDiagnostics === true,
          standalone: options?.standalone === true,
          public: options?.public === true,
          config,
        });
        return {
          html: rendered.html,
          lineMap: rendered.lineMap,
          version: doc.version,
          title: rendered.title || undefined,
          fileStem: options?.standalone
            ? exportStem(doc, config, options.public === true)
            : undefined,
        };
      },
      ({ uri, text }) => (typeof text === 'string' ? createTextDocument(uri, text) : undefined),
    ),
  );
}

/** The name of an export of `doc` without its extension, from the last segment of its URI. */
function exportStem(doc: ProtokollTextDocument, config: ProtokollConfig, publicVersion: boolean) {
  const path = doc.uri.replace(/[?#].*$/, '');
  const name = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)).replace(
    /\.protokoll$/,
    '',
  );
  return exportFileStem(
    name || 'protokoll',
    publicVersion ? { text: doc.getText(), config } : undefined,
  );
}

function workspaceEdit(
  ctx: HandlerContext,
  doc: ProtokollTextDocument,
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

/** A feature's `{ error }` answer becomes the error response the client shows the user. */
function refusalAsError<T extends object>(answer: T | { error: string }): T {
  if ('error' in answer && typeof answer.error === 'string')
    throw new ResponseError(LSPErrorCodes.RequestFailed, answer.error);
  return answer as T;
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}
