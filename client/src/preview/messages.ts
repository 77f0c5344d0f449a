/** Messages between the preview webview (`media/preview.js`) and the extension. */

/** Extension → webview. */
export type ToWebview =
  | {
      /** New content for the preview; the webview keeps the reader's place unless `reset`. */
      readonly type: 'render';
      readonly uri: string;
      readonly html: string;
      readonly lineMap: readonly number[];
      readonly version: number;
      /** Start at the top (another document), instead of keeping the scroll position. */
      readonly reset: boolean;
    }
  | {
      /** The editor scrolled: put this (fractional, 0-based) source line at the preview's top. */
      readonly type: 'scrollToLine';
      readonly line: number;
    }
  | {
      /** The user is typing on this line: scroll only if its block would be out of view. */
      readonly type: 'revealLine';
      readonly line: number;
    }
  | {
      /** The editor's cursor line, marked in the preview; null clears the mark. */
      readonly type: 'cursorLine';
      readonly line: number | null;
    }
  | {
      readonly type: 'settings';
      readonly settings: WebviewSettings;
    }
  | {
      /** A notice shown above the content (e.g. the document was closed). */
      readonly type: 'notice';
      readonly text: string | null;
    };

/** Webview → extension. */
export type FromWebview =
  | { readonly type: 'ready' }
  /** The reader scrolled the preview; `line` is the (fractional) source line at its top. */
  | { readonly type: 'didScroll'; readonly line: number }
  /** Double-click on a block: show the source line in the editor. */
  | { readonly type: 'openSource'; readonly line: number };

export interface WebviewSettings {
  readonly scrollEditorWithPreview: boolean;
  readonly doubleClickToSwitchToEditor: boolean;
  readonly markEditorSelection: boolean;
}

/** What the webview keeps with `vscode.setState`, and the serializer gets back after a reload. */
export interface PreviewState {
  readonly uri: string;
  /** Source line at the top of the preview. */
  readonly line?: number;
  /** A preview that follows the active editor instead of one document. */
  readonly locked?: boolean;
}

/** Checks a message from the webview: only the known shapes are acted on. */
export function isFromWebview(value: unknown): value is FromWebview {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; line?: unknown };
  switch (message.type) {
    case 'ready':
      return true;
    case 'didScroll':
    case 'openSource':
      return typeof message.line === 'number' && Number.isFinite(message.line) && message.line >= 0;
    default:
      return false;
  }
}

/** Checks restored webview state; anything else is treated as no state. */
export function isPreviewState(value: unknown): value is PreviewState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as { uri?: unknown; line?: unknown; locked?: unknown };
  return (
    typeof state.uri === 'string' &&
    (state.line === undefined || (typeof state.line === 'number' && Number.isFinite(state.line))) &&
    (state.locked === undefined || typeof state.locked === 'boolean')
  );
}
