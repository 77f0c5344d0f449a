/**
 * The minimal document the service reads. Both `vscode-languageserver-textdocument`'s
 * TextDocument and the in-memory documents of the CLI and tests satisfy it.
 */
export interface ProtokollTextDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
  /**
   * Optional: how this version differs from `earlierText`, an earlier version's text, when the
   * document can tell without reading its whole text (undefined when it cannot). A request
   * answered from the latest parse then costs the size of the edit, not of the document.
   */
  changesSince?(earlierText: string): TextChangeSince | undefined;
}

/**
 * How a text differs from an earlier one: it keeps the earlier text's first `prefix` and last
 * `suffix` characters and has `middle` between them. Any such split will do, not only the
 * tightest.
 */
export interface TextChangeSince {
  readonly prefix: number;
  readonly suffix: number;
  readonly middle: string;
}

/** Creates an in-memory document. */
export function createTextDocument(uri: string, text: string, version = 1): ProtokollTextDocument {
  return { uri, version, getText: () => text };
}
