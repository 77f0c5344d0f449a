import { PdfTooLargeError } from './errors';

/**
 * The largest document exported as PDF. Minutes run to tens of pages; a municipal council's
 * longest run to a few hundred. 50,000 source lines is about 2,000 A4 pages, and 4 MiB of text
 * some 1,500,000 words: past either, the "minutes" are something else (a pasted data dump, a
 * generated file) and the PDF would take minutes and gigabytes to write. HTML export has no limit.
 */
export const PDF_LIMITS = { lines: 50_000, bytes: 4 * 1024 * 1024 } as const;

/** Throws a `PdfTooLargeError` with a one-line message when `text` is beyond `PDF_LIMITS`. */
export function checkPdfSize(text: string): void {
  const bytes = Buffer.byteLength(text);
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  if (lines <= PDF_LIMITS.lines && bytes <= PDF_LIMITS.bytes) return;
  const size =
    lines > PDF_LIMITS.lines
      ? `${lines.toLocaleString('en')} lines (the limit is ${PDF_LIMITS.lines.toLocaleString('en')})`
      : `${(bytes / 1024 / 1024).toFixed(1)} MiB (the limit is ${PDF_LIMITS.bytes / 1024 / 1024} MiB)`;
  throw new PdfTooLargeError(
    `too large for a PDF: ${size}; split the minutes into several files or export HTML instead`,
  );
}
