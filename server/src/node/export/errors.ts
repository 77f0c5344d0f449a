/** A failure the user can act on; `message` says what and how to fix it. */
export class ExportError extends Error {}

/** The document is larger than a PDF of minutes can sensibly be (see `pdfLimits.ts`). */
export class PdfTooLargeError extends ExportError {}
