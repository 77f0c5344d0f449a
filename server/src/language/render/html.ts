import { MINUTES_CSS } from './css';
import { escapeHtml } from './escape';
import {
  certificateHtml,
  frontPageHtml,
  labelledHtml,
  listHtml,
  secrecyHtml,
  voteHtml,
  type HtmlContext,
} from './htmlParts';
import type { Inline } from './inline';
import { LineMapBuilder } from './lineMap';
import type { Block, DiagnosticView, MinutesView, SignerView } from './view';

/** HTML of the minutes, the source lines its blocks come from, and the document title. */
export interface RenderedHtml {
  readonly html: string;
  /** Ascending, distinct 0-based source lines that some element's `data-line` names. */
  readonly lineMap: number[];
  readonly title: string;
}

export interface HtmlOptions {
  /** A whole HTML document with the stylesheet inline, no scripts, no remote resources. */
  readonly standalone?: boolean;
}

const SEVERITY_CLASS = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' } as const;

/**
 * Content-Security-Policy of the standalone file: nothing may load or run. It backs up the
 * escaping, which alone already keeps document text inert.
 */
export const STANDALONE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * Writes the minutes as HTML. Every piece of document text is escaped; the only elements and
 * attributes are the renderer's own, and the only URLs are the document's http(s)/mailto links.
 * Every block carries `data-line` (0-based source line) for scroll sync.
 */
export function renderHtml(view: MinutesView, options: HtmlOptions = {}): RenderedHtml {
  const writer = new HtmlWriter(view);
  const body = writer.article();
  const title = view.title?.value ?? '';
  const html = options.standalone ? standaloneDocument(view, title, body) : body;
  return { html, lineMap: writer.lines.build(), title };
}

function standaloneDocument(view: MinutesView, title: string, body: string): string {
  const heading = [title, view.date?.value].filter(Boolean).join(' ');
  return [
    '<!DOCTYPE html>',
    `<html lang="${view.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${STANDALONE_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Protokoll">',
    `<title>${escapeHtml(heading || view.labels.documentKind)}</title>`,
    `<style>${MINUTES_CSS}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

class HtmlWriter implements HtmlContext {
  readonly lines = new LineMapBuilder();
  private readonly shownDiagnostics = new Set<number>();

  constructor(readonly view: MinutesView) {}

  inline(runs: readonly Inline[]): string {
    return inlineHtml(runs);
  }

  article(): string {
    const { view } = this;
    const l = view.labels;
    const parts: string[] = [];
    parts.push(
      `<article id="protokoll-root" class="protokoll layout-${view.kind === 'kommunal' ? 'kommunal' : view.kind === 'förening' ? 'forening' : 'natverk'}${view.adjusted ? '' : ' is-ojusterat'}${view.public ? ' is-public' : ''}" lang="${view.locale}">`,
    );
    if (!view.adjusted) {
      parts.push(
        `<p class="ojusterat" role="note" title="${escapeHtml(l.notAdjustedExplanation)}">${escapeHtml(l.notAdjusted)}</p>`,
      );
    }
    if (view.front) {
      parts.push(frontPageHtml(this, view.front));
      if (view.certificate) parts.push(certificateHtml(this));
    } else {
      parts.push(this.header());
      for (const section of view.attendance) parts.push(this.attendance(section));
    }
    if (view.preamble.length > 0) {
      parts.push(`<div class="preamble">${this.blocks(view.preamble)}</div>`);
    }
    for (const item of view.items) {
      const caseNumber = item.caseNumber
        ? ` <span class="case-number" title="${escapeHtml(l.caseNumber)}">${escapeHtml(item.caseNumber)}</span>`
        : '';
      const immediate =
        item.immediate === undefined
          ? ''
          : ` <span class="immediate" title="${escapeHtml(l.immediateExplanation)}"${this.at(item.immediate)}>${escapeHtml(l.immediate)}${this.diagnostics(item.immediate)}</span>`;
      parts.push(
        `<section class="item${item.secret ? ' is-secret' : ''}${item.immediate === undefined ? '' : ' is-immediate'}"${this.at(item.line)}>`,
        `<h2 class="item-heading"${this.at(item.line)}><span class="item-number">${escapeHtml(item.label)}</span> <span class="item-title">${escapeHtml(item.title ?? '')}</span>${immediate}${caseNumber}${this.diagnostics(item.line)}</h2>`,
        `<div class="item-body">${this.blocks(item.blocks)}</div>`,
        '</section>',
      );
    }
    if (!view.front) {
      if (view.signatures) parts.push(this.signatures());
      if (view.certificate) parts.push(certificateHtml(this));
    }
    parts.push('</article>');
    return parts.join('\n');
  }

  private header(): string {
    const { view } = this;
    const l = view.labels;
    const facts: string[] = [];
    if (view.date) {
      facts.push(
        `<div class="fact fact-date"${this.at(view.date.line)}><dt>${escapeHtml(l.date)}</dt><dd>${escapeHtml(view.date.value)}${this.diagnostics(view.date.line)}</dd></div>`,
      );
    }
    const timeAndPlace = [view.time, view.place].filter((f) => f !== undefined);
    if (timeAndPlace.length > 0) {
      const values = timeAndPlace
        .map(
          (f) => `<span${this.at(f.line)}>${escapeHtml(f.value)}${this.diagnostics(f.line)}</span>`,
        )
        .join(', ');
      facts.push(
        `<div class="fact fact-time-place"${this.at(timeAndPlace[0].line)}><dt>${escapeHtml(l.timeAndPlace)}</dt><dd>${values}</dd></div>`,
      );
    }
    const title = view.title
      ? `<h1 class="minutes-title"${this.at(view.title.line)}>${escapeHtml(view.title.value)}${this.diagnostics(view.title.line)}</h1>`
      : '';
    return [
      '<header class="minutes-header">',
      `<p class="document-kind">${escapeHtml(l.documentKind)}</p>`,
      title,
      view.public ? `<p class="public-version" role="note">${escapeHtml(l.publicVersion)}</p>` : '',
      facts.length > 0 ? `<dl class="meeting-facts">${facts.join('')}</dl>` : '',
      '</header>',
    ]
      .filter(Boolean)
      .join('\n');
  }

  private attendance(section: MinutesView['attendance'][number]): string {
    const l = this.view.labels;
    const heading = section.kind === 'present' ? l.present : l.absent;
    const rows = section.entries.map((e) => {
      const cells = [
        e.name === undefined
          ? `<td class="organisation" colspan="2">${escapeHtml(e.organisation ?? '')}</td>`
          : `<td class="name">${escapeHtml(e.name)}</td><td class="organisation">${escapeHtml(e.organisation ?? '')}</td>`,
        `<td class="role">${escapeHtml(e.role ?? '')}${this.diagnostics(e.line)}</td>`,
      ];
      return `<tr${this.at(e.line)}>${cells.join('')}</tr>`;
    });
    return [
      `<section class="attendance attendance-${section.kind}"${this.at(section.line)}>`,
      `<h2${this.at(section.line)}>${escapeHtml(heading)}${this.diagnostics(section.line)}</h2>`,
      rows.length > 0 ? `<table>\n${rows.join('\n')}\n</table>` : '',
      '</section>',
    ]
      .filter(Boolean)
      .join('\n');
  }

  private blocks(blocks: readonly Block[]): string {
    const l = this.view.labels;
    return blocks
      .map((block) => {
        switch (block.kind) {
          case 'paragraph':
            return `<p${this.at(block.lines[0].line)}>${block.lines
              .map(
                (line) =>
                  `<span class="line"${this.at(line.line)}>${inlineHtml(line.value)}${this.diagnostics(line.line)}</span>`,
              )
              .join('\n')}</p>`;
          case 'list':
            return listHtml(this, block.items);
          case 'labelled':
            return labelledHtml(this, block);
          case 'vote':
            return voteHtml(this, block);
          case 'secrecy':
            return secrecyHtml(this, block);
          case 'decision':
            return `<div class="decision"${this.at(block.line)}><span class="label">${escapeHtml(l.decision)}</span> <span class="decision-text">${inlineHtml(block.content)}</span>${this.diagnostics(block.line)}</div>`;
          case 'action': {
            const meta = [
              block.owner
                ? `<span class="action-owner"><span class="meta-label">${escapeHtml(l.owner)}:</span> ${escapeHtml(block.owner)}</span>`
                : '',
              block.due
                ? `<span class="action-due"><span class="meta-label">${escapeHtml(l.due)}:</span> ${escapeHtml(block.due)}</span>`
                : '',
            ].filter(Boolean);
            return `<div class="action"${this.at(block.line)}><span class="label">${escapeHtml(l.action)}</span> <span class="action-text">${inlineHtml(block.content)}</span>${meta.length > 0 ? ` <span class="action-meta">${meta.join(' ')}</span>` : ''}${this.diagnostics(block.line)}</div>`;
          }
          case 'nextMeeting': {
            const value = [block.date, block.place].filter(Boolean).join(', ');
            return `<p class="next-meeting"${this.at(block.line)}><span class="label">${escapeHtml(l.nextMeeting)}:</span> ${escapeHtml(value)}${this.diagnostics(block.line)}</p>`;
          }
        }
      })
      .join('\n');
  }

  private signatures(): string {
    const s = this.view.signatures!;
    const l = this.view.labels;
    const dated = (label: string, field: { line: number; value: string } | undefined) =>
      field
        ? `<p class="signature-date"${this.at(field.line)}><span class="label">${escapeHtml(label)}:</span> ${escapeHtml(field.value)}${this.diagnostics(field.line)}</p>`
        : '';
    return [
      `<section class="signatures"${this.at(s.line)}>`,
      `<div class="signature-group signature-recorder"><h3>${escapeHtml(l.recorder)}</h3>${s.recorder.map((x) => this.signer(x)).join('')}</div>`,
      `<div class="signature-group signature-adjusters"><h3>${escapeHtml(l.adjusts)}</h3>${s.adjusters.map((x) => this.signer(x)).join('')}</div>`,
      dated(l.adjusted, s.adjusted),
      dated(l.posted, s.posted),
      '</section>',
    ]
      .filter(Boolean)
      .join('\n');
  }

  private signer(signer: SignerView): string {
    const at = signer.line === undefined ? '' : this.at(signer.line);
    const diagnostics = signer.line === undefined ? '' : this.diagnostics(signer.line);
    return `<div class="signature"${at}><div class="signature-line"></div><p class="signer-name">${escapeHtml(signer.name) || '&nbsp;'}</p><p class="signer-role">${escapeHtml(signer.role)}${diagnostics}</p></div>`;
  }

  /** The `data-line` attribute for a 0-based source line, recorded in the line map. */
  at(line: number | undefined): string {
    if (line === undefined) return '';
    this.lines.add(line);
    return ` data-line="${line}"`;
  }

  /** The diagnostics of a line, the first time the line is written. */
  diagnostics(line: number | undefined): string {
    if (line === undefined) return '';
    const list = this.view.diagnostics.get(line);
    if (!list || this.shownDiagnostics.has(line)) return '';
    this.shownDiagnostics.add(line);
    return `<span class="diagnostics">${list.map(diagnosticHtml).join('')}</span>`;
  }
}

function diagnosticHtml(d: DiagnosticView): string {
  const severity = SEVERITY_CLASS[d.severity] ?? 'information';
  return `<span class="diagnostic diagnostic-${severity}" data-code="${escapeHtml(d.code)}">${escapeHtml(d.message)}</span>`;
}

/** Inline runs as HTML: escaped text, `<em>`, `<strong>`, and `<a>` for http(s)/mailto only. */
export function inlineHtml(runs: readonly Inline[]): string {
  let out = '';
  for (const run of runs) {
    switch (run.kind) {
      case 'text':
        out += escapeHtml(run.text);
        break;
      case 'em':
        out += `<em>${inlineHtml(run.children)}</em>`;
        break;
      case 'strong':
        out += `<strong>${inlineHtml(run.children)}</strong>`;
        break;
      case 'link':
        out += /^(?:https?:\/\/|mailto:)/.test(run.href)
          ? `<a href="${escapeHtml(run.href)}" rel="noopener noreferrer">${escapeHtml(run.text)}</a>`
          : escapeHtml(run.text);
        break;
    }
  }
  return out;
}
