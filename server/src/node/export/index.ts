import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtokollService,
  createTextDocument,
  type ProtokollConfig,
  type ProtokollService,
} from '../../language';
import { exportFileStem } from '../../language/render/publicVersion';
import { ExportError } from './errors';
import { findFontDirectory } from './fonts';
import { checkPdfSize } from './pdfLimits';
import { sourceRefusal, WriteError, writeFileAtomically } from '../safeFiles';

export { findFontDirectory } from './fonts';
export { PDF_FONT_FILES } from './fonts';
export { ExportError, PdfTooLargeError } from './errors';
export { PDF_LIMITS } from './pdfLimits';

export type ExportFormat = 'html' | 'pdf' | 'json';

/** What to export: the document text (saved or not) and where it comes from. */
export interface ExportSource {
  readonly format: ExportFormat;
  /** File system path of the `.protokoll` file (names the output, becomes the JSON `uri`). */
  readonly path: string;
  readonly text: string;
  readonly config: ProtokollConfig;
  /** Where the PDF fonts are; found beside the bundle or checkout when omitted. */
  readonly fontDirectory?: string;
  /**
   * The public version: items marked `Sekretess:` replaced by a notice and the names of
   * `config.maskedNames` replaced, in every format.
   */
  readonly public?: boolean;
}

const EXTENSIONS: Record<ExportFormat, string> = { html: '.html', pdf: '.pdf', json: '.json' };

/**
 * The exported bytes: standalone HTML (inline CSS, no scripts, no remote resources), an A4 PDF
 * with embedded fonts, or the versioned JSON of the AST. Diagnostics are never part of an export.
 */
export async function exportDocument(
  source: ExportSource,
  service: ProtokollService = createProtokollService({ cacheSize: 1 }),
): Promise<Buffer> {
  const doc = createTextDocument(pathToFileURL(path.resolve(source.path)).href, source.text);
  switch (source.format) {
    case 'html':
      return Buffer.from(
        service.render(doc, { config: source.config, standalone: true, public: source.public })
          .html,
      );
    case 'json': {
      const json = service.toJson(doc, source.config.locale, {
        public: source.public,
        config: source.config,
      });
      return Buffer.from(`${JSON.stringify(json, null, 2)}\n`);
    }
    case 'pdf': {
      checkPdfSize(source.text);
      const fontDirectory = source.fontDirectory ?? findFontDirectory();
      if (!fontDirectory) {
        throw new ExportError(
          'cannot find the PDF fonts (media/fonts/DejaVuSerif*.ttf beside the program); reinstall Protokoll or export HTML instead',
        );
      }
      const view = service.minutesView(doc, { config: source.config, public: source.public });
      // Loaded on demand: the PDF library is large and only this export needs it.
      const { renderPdf } = await import('./pdf.js');
      return renderPdf(view, { fontDirectory });
    }
  }
}

/**
 * `minutes.protokoll` → `minutes.pdf` beside it; the public version `minutes.offentlig.pdf`
 * (`minutes.public.pdf` for minutes written in English), so it never replaces the full one, with
 * the masked names masked in the file name too.
 */
export function exportPath(
  sourcePath: string,
  format: ExportFormat,
  publicVersion?: { readonly text: string; readonly config: ProtokollConfig },
): string {
  const parsed = path.parse(sourcePath);
  return path.join(
    parsed.dir,
    `${exportFileStem(parsed.name, publicVersion)}${EXTENSIONS[format]}`,
  );
}

/**
 * The first of `name (2).pdf`, `name (3).pdf`, … beside `target` that does not exist, for an
 * export that must not replace an existing file.
 */
export function freeExportPath(target: string, exists: (file: string) => boolean): string {
  const parsed = path.parse(target);
  for (let n = 2; ; n++) {
    const candidate = path.join(parsed.dir, `${parsed.name} (${n})${parsed.ext}`);
    if (!exists(candidate)) return candidate;
  }
}

/** Arguments of `protokoll render`, after the CLI has read the file and resolved its config. */
export interface RenderCommand {
  readonly format: ExportFormat;
  /** `-o FILE`; `-` writes to standard output. */
  readonly output?: string;
  readonly path: string;
  readonly text: string;
  readonly config: ProtokollConfig;
  readonly fontDirectory?: string;
  /** Other files read (the configuration file): never overwritten either. */
  readonly inputs?: readonly string[];
  /** `--public`: the public version. */
  readonly public?: boolean;
}

export interface RenderCommandResult {
  /** 0 rendered; 2 the output could not be written or the PDF fonts are missing. */
  readonly exitCode: 0 | 2;
  /** For standard error: where the file went, or what went wrong and how to fix it. */
  readonly message?: string;
  /** For standard output, when the output goes there. */
  readonly stdout?: Buffer;
  /** The file written, if any. */
  readonly outputFile?: string;
}

/**
 * `protokoll render [--format html|pdf|json] [-o FILE] PATH`. HTML and JSON go to standard
 * output unless `-o` names a file; a PDF is written beside the source (`x.protokoll` → `x.pdf`)
 * unless `-o` says otherwise (`-o -` sends it to standard output). Never throws.
 */
export async function runRender(command: RenderCommand): Promise<RenderCommandResult> {
  const output =
    command.output ??
    (command.format === 'pdf'
      ? exportPath(command.path, 'pdf', command.public ? command : undefined)
      : '-');
  const inputs = [command.path, ...(command.inputs ?? [])];
  // Refused before rendering too (and again when writing): no work for an output never written.
  const refusal = output === '-' ? undefined : sourceRefusal(output, inputs);
  if (refusal) return { exitCode: 2, message: `${output}: ${refusal}` };
  let bytes: Buffer;
  try {
    bytes = await exportDocument(command);
  } catch (e) {
    const reason = e instanceof ExportError ? e.message : `rendering failed: ${describe(e)}`;
    return { exitCode: 2, message: `${command.path}: ${reason}` };
  }
  if (output === '-') return { exitCode: 0, stdout: bytes };
  try {
    writeFileAtomically(output, bytes, inputs);
  } catch (e) {
    if (e instanceof WriteError && e.refused) {
      return { exitCode: 2, message: `${output}: ${e.message}` };
    }
    const code = e instanceof WriteError ? (e.code ?? e.message) : describe(e);
    return {
      exitCode: 2,
      message: `${output}: cannot write the ${command.format.toUpperCase()} file (${code}); check that the folder exists and is writable`,
    };
  }
  return {
    exitCode: 0,
    message: `wrote ${output} (${bytes.length} bytes)`,
    outputFile: output,
  };
}

function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code) return code;
  return e instanceof Error ? e.message : String(e);
}
