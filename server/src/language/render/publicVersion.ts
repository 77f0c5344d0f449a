import type { Locale, ProtokollConfig } from '../config';
import type { ProtokollAst } from '../syntax/ast';
import { buildAst } from '../syntax/build';
import { documentLanguage } from './documentLanguage';
import { labelsFor } from './labels';

/**
 * The name (without extension) of an export of the minutes named `name`: the same name, and for
 * the public version `name.offentlig` (`name.public` for minutes written in English), so it never
 * replaces the full one, with the masked names masked in the file name too.
 */
export function exportFileStem(
  name: string,
  publicVersion?: { readonly text: string; readonly config: ProtokollConfig },
): string {
  if (!publicVersion) return name;
  const { config } = publicVersion;
  const language = documentLanguage(buildAst(publicVersion.text), config.locale);
  // A masked name in the file name would be published with the file.
  const masked = maskNames(name, config.maskedNames, language);
  return `${masked}.${language === 'en' ? 'public' : 'offentlig'}`;
}

/**
 * The public version of minutes, made from the text before anything is parsed or rendered, so
 * that no writer (HTML, PDF, JSON) can let masked text through:
 *
 * - every § with a `Sekretess:` line keeps its heading and that line; every other line of its
 *   body becomes empty (the renderer shows "Sekretessbelagd uppgift enligt …" for the line);
 * - a secret item's title that names a masked person becomes "Sekretessbelagt ärende"
 *   (the case number stays);
 * - every name of `maskedNames`, anywhere in the text, becomes "[namn maskerat]" ("[name
 *   withheld]" in English minutes), ignoring case and the spacing between its words; a Swedish
 *   genitive `s` goes with it.
 *
 * Lines keep their numbers, so diagnostics and line maps of the public text still point at the
 * source line they came from.
 */
export function publicText(
  text: string,
  ast: ProtokollAst,
  maskedNames: readonly string[],
  locale: Locale,
): string {
  const labels = labelsFor(locale);
  const lines = text.normalize('NFC').split('\n');
  const patterns = namePatterns(maskedNames);
  const namesMasked = (s: string) => patterns.some((p) => new RegExp(p.source, p.flags).test(s));
  for (const item of ast.items) {
    const secrecy = item.body.find((l) => l.kind === 'label' && l.label === 'secrecy');
    if (!secrecy) continue;
    const first = item.mark.start.line + 1;
    for (let line = first; line <= item.range.end.line && line < lines.length; line++) {
      if (line !== secrecy.range.start.line) lines[line] = '';
    }
    const title = item.title;
    if (title && namesMasked(title.text.normalize('NFC'))) {
      const line = title.range.start.line;
      const source = lines[line];
      lines[line] =
        source.slice(0, title.range.start.character) +
        labels.secretTitle +
        source.slice(title.range.end.character);
    }
  }
  return maskNames(lines.join('\n'), maskedNames, locale);
}

/** Replaces every masked name in `text` (see `publicText`). */
export function maskNames(text: string, maskedNames: readonly string[], locale: Locale): string {
  const replacement = labelsFor(locale).maskedName;
  let out = text.normalize('NFC');
  for (const pattern of namePatterns(maskedNames)) {
    // A name broken over two lines keeps the line break, so lines keep their numbers.
    out = out.replace(pattern, (match) => replacement + '\n'.repeat(countNewlines(match)));
  }
  return out;
}

/** One pattern per name, longest first (so `Anna Svensson` goes before `Svensson`). */
function namePatterns(maskedNames: readonly string[]): RegExp[] {
  return [...new Set(maskedNames.map((n) => n.normalize('NFC').trim()).filter((n) => n !== ''))]
    .sort((a, b) => b.length - a.length)
    .map((name) => {
      const words = name.split(/\s+/).map(escapeRegExp).join('\\s+');
      return new RegExp(`(?<![\\p{L}\\p{N}])${words}s?(?![\\p{L}\\p{N}])`, 'giu');
    });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function countNewlines(s: string): number {
  let n = 0;
  for (const c of s) if (c === '\n') n++;
  return n;
}
