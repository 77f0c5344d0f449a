import { DEFAULT_CONFIG, type Locale, type ProtokollConfig } from '../config';
import { buildModel, type MeetingModel } from '../model';
import type { ProtokollAst } from '../syntax/ast';
import { buildAst } from '../syntax/build';
import type { ProtokollDiagnostic } from '../types';
import { documentLanguage } from './documentLanguage';
import { renderHtml, type RenderedHtml } from './html';
import { maskNames, publicText } from './publicVersion';
import { buildMinutesView } from './view';

export type { RenderedHtml } from './html';
export type { ProtokollJson } from './astJson';
export type { MinutesView } from './view';
export { toProtokollJson } from './astJson';
export { buildMinutesView } from './view';
export { postingDates, type PostingDates } from './certificate';
export { nearestMappedLine } from './lineMap';
export { MINUTES_CSS } from './css';
export { documentLanguage } from './documentLanguage';
export { maskNames, publicText } from './publicVersion';

/** How to render a document. */
export interface RenderOptions {
  /** Show each line's diagnostics beside it (the preview's `protokoll.preview.showDiagnostics`). */
  readonly showDiagnostics?: boolean;
  /** Locale, required signatures. Default: the defaults. */
  readonly config?: ProtokollConfig;
  /** A whole HTML file with the stylesheet inline instead of the `<article>` fragment. */
  readonly standalone?: boolean;
  /**
   * The language of the labels. Default: the language of the document's keywords (Swedish
   * keywords, Swedish labels), whatever `config.locale` (the messages' language) says.
   */
  readonly locale?: Locale;
  /**
   * The public version: items with `Sekretess:` replaced by a notice, the names of
   * `config.maskedNames` replaced (see `publicVersion.ts`). Never shows diagnostics.
   */
  readonly public?: boolean;
}

/** A document made public: the masked text, parsed. */
export interface PublicDocument {
  readonly text: string;
  readonly ast: ProtokollAst;
  readonly model: MeetingModel;
  readonly locale: Locale;
}

/** The public version of a parsed document (see `publicText`). */
export function makePublic(
  text: string,
  ast: ProtokollAst,
  config: ProtokollConfig,
  locale?: Locale,
): PublicDocument {
  const language = locale ?? documentLanguage(ast, config.locale);
  const masked = publicText(text, ast, config.maskedNames, language);
  const publicAst = buildAst(masked);
  return { text: masked, ast: publicAst, model: buildModel(publicAst), locale: language };
}

/** A URI or file name with the masked names replaced, for the public JSON's `source.uri`. */
export function publicUri(uri: string, config: ProtokollConfig, locale: Locale): string {
  let decoded = uri;
  try {
    decoded = decodeURIComponent(uri);
  } catch {
    // Not percent-encoded text: mask it as it is.
  }
  const masked = maskNames(decoded, config.maskedNames, locale);
  return masked === decoded ? uri : encodeURI(masked);
}

/** Renders an AST with the given diagnostics (ignored unless `showDiagnostics`). */
export function renderMinutes(
  ast: ProtokollAst,
  diagnostics: readonly ProtokollDiagnostic[],
  options: RenderOptions & { readonly model?: MeetingModel } = {},
): RenderedHtml {
  const config = options.config ?? DEFAULT_CONFIG;
  const view = buildMinutesView(ast, {
    locale: options.locale,
    config,
    model: options.model,
    public: options.public,
    diagnostics: options.showDiagnostics && !options.public ? diagnostics : undefined,
  });
  return renderHtml(view, { standalone: options.standalone });
}
