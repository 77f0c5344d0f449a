/**
 * The minimal document the service reads. Both `vscode-languageserver-textdocument`'s
 * TextDocument and the in-memory documents of the CLI and tests satisfy it.
 */
export interface ProtokollTextDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** Creates an in-memory document. */
export function createTextDocument(uri: string, text: string, version = 1): ProtokollTextDocument {
  return { uri, version, getText: () => text };
}
