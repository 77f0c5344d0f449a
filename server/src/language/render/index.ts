import { DEFAULT_CONFIG, type Locale, type ProtokollConfig } from '../config';
import type { ProtokollAst } from '../syntax/ast';
import type { ProtokollDiagnostic } from '../types';
import { renderHtml, type RenderedHtml } from './html';
import { buildMinutesView } from './view';

export type { RenderedHtml } from './html';
export type { ProtokollJson } from './astJson';
export type { MinutesView } from './view';
export { toProtokollJson } from './astJson';
export { buildMinutesView } from './view';
export { postingDates, type PostingDates } from './certificate';
export { nearestMappedLine } from './lineMap';
export { MINUTES_CSS } from './css';

/** How to render a document. */
export interface RenderOptions {
  /** Show each line's diagnostics beside it (the preview's `protokoll.preview.showDiagnostics`). */
  readonly showDiagnostics?: boolean;
  /** Locale, required signatures. Default: the defaults. */
  readonly config?: ProtokollConfig;
  /** A whole HTML file with the stylesheet inline instead of the `<article>` fragment. */
  readonly standalone?: boolean;
  /** Overrides `config.locale` for the labels. */
  readonly locale?: Locale;
}

/** Renders an AST with the given diagnostics (ignored unless `showDiagnostics`). */
export function renderMinutes(
  ast: ProtokollAst,
  diagnostics: readonly ProtokollDiagnostic[],
  options: RenderOptions = {},
): RenderedHtml {
  const config = options.config ?? DEFAULT_CONFIG;
  const view = buildMinutesView(ast, {
    locale: options.locale ?? config.locale,
    config,
    diagnostics: options.showDiagnostics ? diagnostics : undefined,
  });
  return renderHtml(view, { standalone: options.standalone });
}
