import * as zlib from 'node:zlib';

/**
 * The deflate level of the page content streams. zlib's default (6) spent about a tenth of a long
 * export compressing; level 1 compresses content streams (repetitive operators) nearly as well.
 */
export const CONTENT_DEFLATE_LEVEL = 1;

/** Operators gathered before they are joined into one string (few objects for the heap). */
const JOIN_EVERY = 512;

/** The part of pdfkit's `PDFReference` that a page's content stream is written through. */
interface ContentStream {
  compress: boolean;
  data: { Filter?: string; Length?: number };
  /** What was written before the page was announced (its coordinate transform). */
  buffer: Uint8Array[];
  uncompressedLength: number;
  write(chunk: string | Uint8Array): void;
  end(chunk?: string | Uint8Array): void;
}

/**
 * Gathers each page's drawing operators as text and writes them as one compressed block when the
 * page is written. pdfkit turns every operator into a byte array of its own and keeps them, page
 * by page, until the end (`bufferPages`, needed for "Sida N av M"): a 900-page PDF held millions
 * of small arrays, and the garbage collector spent a third of the export moving them. Call before
 * the first page is added; the bytes written are the ones pdfkit would write, deflated at
 * `CONTENT_DEFLATE_LEVEL` instead of zlib's default.
 */
export function gatherPageContent(doc: PDFKit.PDFDocument): void {
  const compress = (doc as unknown as { compress: boolean }).compress;
  doc.on('pageAdded', () => {
    const stream = doc.page.content as unknown as ContentStream;
    const write = stream.write.bind(stream);
    const end = stream.end.bind(stream);
    // pdfkit writes the page's transform before it announces the page: taken over, so that
    // everything is written in order, in one block.
    const before = Buffer.concat(stream.buffer).toString('latin1');
    stream.buffer = [];
    stream.data.Length = 0;
    stream.uncompressedLength = 0;
    const joined: string[] = before === '' ? [] : [before.replace(/\n$/, '')];
    let pending: string[] = [];
    // Operators are ASCII apart from string operands, which pdfkit writes as bytes in a
    // binary string (one character per byte): latin1 turns them back into the same bytes.
    stream.write = (chunk) => {
      pending.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1'));
      if (pending.length === JOIN_EVERY) {
        joined.push(pending.join('\n'));
        pending = [];
      }
    };
    stream.end = (chunk) => {
      if (chunk !== undefined) stream.write(chunk);
      if (pending.length > 0) joined.push(pending.join('\n'));
      pending = [];
      if (joined.length > 0) {
        // pdfkit ends every operator with a line feed.
        const bytes = Buffer.from(`${joined.join('\n')}\n`, 'latin1');
        joined.length = 0;
        if (compress) {
          stream.compress = false;
          stream.data.Filter = 'FlateDecode';
          write(zlib.deflateSync(bytes, { level: CONTENT_DEFLATE_LEVEL }));
        } else {
          write(bytes);
        }
      }
      end();
    };
  });
}

/** The part of pdfkit's document that writes the file: a Readable stream of byte arrays. */
interface DocumentOutput {
  _offset: number;
  _write(data: unknown): void;
  push(chunk: Uint8Array | null): boolean;
}

/** Output text gathered before it is pushed as one byte array. */
const PUSH_EVERY_BYTES = 64 * 1024;

/**
 * Writes the PDF in blocks of about 64 KB. pdfkit pushes every line of every object as a byte
 * array of its own into its stream, which holds them all until the layout returns (the stream
 * flows on the next tick): some 170,000 arrays for 25,000 lines of minutes, all kept alive
 * through the layout. Same bytes, same offsets (pdfkit counts them for the cross-reference table).
 */
export function batchOutput(doc: PDFKit.PDFDocument): void {
  const output = doc as unknown as DocumentOutput;
  const push = output.push.bind(output);
  let pending: string[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pending.length === 0) return;
    push(Buffer.from(pending.join(''), 'latin1'));
    pending = [];
    pendingBytes = 0;
  };
  output._write = (data) => {
    if (data instanceof Uint8Array) {
      flush();
      push(data);
      output._offset += data.length;
      return;
    }
    // As pdfkit's own `_write`: a binary string (one character per byte) and a line feed.
    const line = `${String(data)}\n`;
    pending.push(line);
    pendingBytes += line.length;
    output._offset += line.length;
    if (pendingBytes >= PUSH_EVERY_BYTES) flush();
  };
  output.push = (chunk) => {
    if (chunk === null) flush();
    return push(chunk);
  };
}
