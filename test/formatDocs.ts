// The sections of docs/format.md as GitHub links to them, for the tests of the links on
// diagnostic codes (LSP codeDescription, SARIF helpUri).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** docs/format.md of this repository. */
export const FORMAT_DOCS = path.resolve(__dirname, '..', '..', 'docs', 'format.md');

/**
 * The anchor GitHub gives each heading of `markdown` (as github-slugger: the heading's text in
 * lower case, characters other than letters, digits, `-`, `_` and spaces dropped, spaces turned
 * into `-`, a repeated anchor numbered `-1`, `-2`…), mapped to the heading's text as written.
 */
export function headingAnchors(markdown: string): Map<string, string> {
  const anchors = new Map<string, string>();
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^(```|~~~)/.test(line)) fence = !fence;
    const heading = !fence && /^#{1,6} +(.*?) *#* *$/.exec(line);
    if (!heading) continue;
    const text = heading[1]
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*]/g, '')
      .trim();
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    let anchor = slug;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${slug}-${n}`;
    anchors.set(anchor, heading[1]);
  }
  return anchors;
}

/** The anchors of docs/format.md's headings, mapped to the headings as written. */
export function formatDocsAnchors(): Map<string, string> {
  return headingAnchors(fs.readFileSync(FORMAT_DOCS, 'utf8'));
}
