import { escapeHtml } from './escape';
import type { Inline } from './inline';
import type { LabelledBlock, ListItemView, SecrecyBlock, VoteBlock } from './itemBlocks';
import { MAX_PEOPLE_IN_ONE_COLUMN, type FrontPageView } from './municipal';
import type { Labels } from './labels';
import type { MinutesView, SignerView } from './view';

/** What the HTML parts need from the writer: line attributes, diagnostics, inline markup. */
export interface HtmlContext {
  readonly view: MinutesView;
  /** ` data-line="N"`, recorded in the line map. */
  at(line: number | undefined): string;
  /** The diagnostics of a line, the first time it is written. */
  diagnostics(line: number | undefined): string;
  inline(runs: readonly Inline[]): string;
}

const esc = escapeHtml;

/** A list of bullets, the organisation or speaker of a round-table bullet in bold. */
export function listHtml(ctx: HtmlContext, items: readonly ListItemView[]): string {
  return `<ul>${items
    .map((item) => {
      const organisation = item.organisation
        ? `<span class="round-table-organisation">${esc(item.organisation)}:</span> `
        : '';
      return `<li${ctx.at(item.line)}>${organisation}${ctx.inline(item.content)}${ctx.diagnostics(item.line)}</li>`;
    })
    .join('\n')}</ul>`;
}

/** `Beslutsunderlag`, `Yrkanden`, `Reservation`, …: the heading, the text, the list. */
export function labelledHtml(ctx: HtmlContext, block: LabelledBlock): string {
  const text =
    block.content.length > 0
      ? ` <span class="labelled-text">${ctx.inline(block.content)}</span>`
      : '';
  const list = block.items.length > 0 ? listHtml(ctx, block.items) : '';
  return `<div class="labelled labelled-${block.label}"${ctx.at(block.line)}><p class="labelled-head"><span class="label">${esc(block.heading)}:</span>${text}${ctx.diagnostics(block.line)}</p>${list}</div>`;
}

/** `Omröstning`: what Ja and Nej stand for, then a small table of the tallies. */
export function voteHtml(ctx: HtmlContext, block: VoteBlock): string {
  const l = ctx.view.labels;
  const meaning = block.meaning
    ? ` <span class="vote-meaning"${ctx.at(block.meaning.line)}>${ctx.inline(block.meaning.value)}${ctx.diagnostics(block.meaning.line)}</span>`
    : '';
  const head = `<tr><th scope="col">${esc(l.voteChoice)}</th><th scope="col">${esc(l.voteCount)}</th>${block.rollCall ? `<th scope="col">${esc(l.voteNames)}</th>` : ''}</tr>`;
  const rows = block.rows.map((row) => {
    const count = row.count === undefined ? esc(row.rest ?? '') : String(row.count);
    const names = block.rollCall ? `<td class="vote-names">${esc(row.names.join(', '))}</td>` : '';
    return `<tr${ctx.at(row.line)}><th scope="row">${esc(row.label)}</th><td class="vote-count">${count}${ctx.diagnostics(row.line)}</td>${names}</tr>`;
  });
  const table =
    block.rows.length > 0
      ? `<table class="vote-table">\n${head}\n${rows.join('\n')}\n</table>`
      : '';
  return `<div class="vote"${ctx.at(block.line)}><p class="labelled-head"><span class="label">${esc(block.heading)}:</span>${meaning}${ctx.diagnostics(block.line)}</p>${table}</div>`;
}

/** The mark on a secret item, or in the public version the notice that replaces its body. */
export function secrecyHtml(ctx: HtmlContext, block: SecrecyBlock): string {
  const l = ctx.view.labels;
  if (ctx.view.public) {
    return `<p class="secrecy secrecy-notice" role="note"${ctx.at(block.line)}>${esc(l.secretNotice(block.reference))}</p>`;
  }
  return `<p class="secrecy" role="note" title="${esc(l.secrecyExplanation)}"${ctx.at(block.line)}><span class="label">${esc(l.secrecyMark)}:</span> ${esc(block.reference)}${ctx.diagnostics(block.line)}</p>`;
}

/**
 * The municipal first page: kind of document, body and meeting date at the top, then the facts
 * as a definition list (Plats och tid, Beslutande, …, Underskrifter with Paragrafer).
 */
export function frontPageHtml(ctx: HtmlContext, front: FrontPageView): string {
  const { view } = ctx;
  const l = view.labels;
  const title = front.body
    ? `<h1 class="minutes-title"${ctx.at(front.body.line)}>${esc(front.body.value)}${ctx.diagnostics(front.body.line)}</h1>`
    : `<h1 class="minutes-title"></h1>`;
  const subtitle = front.subtitle
    ? `<p class="minutes-subtitle"${ctx.at(front.subtitle.line)}>${esc(front.subtitle.value)}${ctx.diagnostics(front.subtitle.line)}</p>`
    : '';
  // The title line of `# Kommunstyrelsen` when the body comes from `Organ:`.
  const titleLine =
    view.title && front.body?.line !== view.title.line && !front.subtitle
      ? `<span class="source-anchor"${ctx.at(view.title.line)}>${ctx.diagnostics(view.title.line)}</span>`
      : '';
  const date = view.date
    ? `<dd${ctx.at(view.date.line)}>${esc(view.date.value)}${ctx.diagnostics(view.date.line)}</dd>`
    : '<dd><span class="blank"></span></dd>';
  const publicNote = view.public
    ? `<p class="public-version" role="note">${esc(l.publicVersion)}</p>`
    : '';
  const header = [
    '<header class="minutes-header municipal-header">',
    '<div class="municipal-heading">',
    `<div class="municipal-body"><p class="document-kind">${esc(l.municipalDocumentKind)}</p>${title}${subtitle}${titleLine}</div>`,
    `<dl class="municipal-date"><div><dt>${esc(l.meetingDate)}</dt>${date}</div></dl>`,
    '</div>',
    publicNote,
    '</header>',
  ].join('\n');

  const facts: string[] = [];
  const fact = (name: string, label: string, line: number | undefined, value: string) =>
    facts.push(
      `<div class="fact fact-${name}"${ctx.at(line)}><dt>${esc(label)}</dt><dd>${value}${ctx.diagnostics(line)}</dd></div>`,
    );
  if (front.placeAndTime) {
    const lines = front.placeAndTime.lines;
    const extra = lines
      .slice(1)
      .map((line) => `<span class="source-anchor"${ctx.at(line)}>${ctx.diagnostics(line)}</span>`);
    fact('place-time', l.placeAndTime, lines[0], esc(front.placeAndTime.value) + extra.join(''));
  }
  for (const row of front.rows) {
    const entries = row.entries.map((e) => {
      const party = e.party ? ` (${esc(e.party)})` : '';
      const details =
        e.details.length > 0
          ? `<span class="person-details">, ${esc(e.details.join(', '))}</span>`
          : '';
      return `<li${ctx.at(e.line)}><span class="person-name">${esc(e.name)}</span>${party}${details}${ctx.diagnostics(e.line)}</li>`;
    });
    const anchors = row.sectionLines
      .slice(1)
      .map((line) => `<span class="source-anchor"${ctx.at(line)}>${ctx.diagnostics(line)}</span>`);
    fact(
      row.group,
      row.heading,
      row.line,
      `<ul class="${entries.length > MAX_PEOPLE_IN_ONE_COLUMN ? 'people columns' : 'people'}">${entries.join('')}</ul>${anchors.join('')}`,
    );
  }
  fact(
    'adjusters',
    l.appointedAdjusters,
    front.appointedAdjusters?.line,
    front.appointedAdjusters ? esc(front.appointedAdjusters.value) : '<span class="blank"></span>',
  );
  const paragraphs = `<span class="front-paragraphs"${ctx.at(front.paragraphs?.line)}><span class="label">${esc(l.paragraphs)}</span> ${front.paragraphs ? esc(front.paragraphs.value) : '<span class="blank"></span>'}${ctx.diagnostics(front.paragraphs?.line)}</span>`;
  fact(
    'adjustment',
    l.adjustmentPlace,
    front.adjustmentPlace?.line,
    `<span class="adjustment-place">${front.adjustmentPlace ? esc(front.adjustmentPlace.value) : '<span class="blank"></span>'}</span>${paragraphs}`,
  );
  if (view.signatures) {
    const s = view.signatures;
    const signers = [...s.recorder, ...s.adjusters].map((signer) => frontSigner(ctx, signer));
    const adjusted = s.adjusted
      ? `<p class="signature-date"${ctx.at(s.adjusted.line)}><span class="label">${esc(l.adjusted)}:</span> ${esc(s.adjusted.value)}${ctx.diagnostics(s.adjusted.line)}</p>`
      : '';
    const posted = s.posted
      ? `<p class="signature-date"${ctx.at(s.posted.line)}><span class="label">${esc(l.posted)}:</span> ${esc(s.posted.value)}${ctx.diagnostics(s.posted.line)}</p>`
      : '';
    facts.push(
      `<div class="fact fact-signatures front-signatures"${ctx.at(s.line)}><dt>${esc(l.signatures)}</dt><dd>${signers.join('')}${adjusted}${posted}</dd></div>`,
    );
  }
  return `${header}\n<section class="front-page"><dl class="front-facts">\n${facts.join('\n')}\n</dl></section>`;
}

function frontSigner(ctx: HtmlContext, signer: SignerView): string {
  return `<div class="front-signer signature"${ctx.at(signer.line)}><span class="signer-role">${esc(signer.role)}</span><span class="signature-line"></span><span class="signer-name">${esc(signer.name) || '&nbsp;'}</span>${ctx.diagnostics(signer.line)}</div>`;
}

/** The Anslag/Bevis box: the rows, then a line for the signature. */
export function certificateHtml(ctx: HtmlContext): string {
  const { view } = ctx;
  const c = view.certificate!;
  const l: Labels = view.labels;
  const row = (label: string, value: string | undefined) =>
    `<tr><th scope="row">${esc(label)}</th><td>${value ? esc(value) : '<span class="blank"></span>'}</td></tr>`;
  const rows = [
    row(l.body, c.body),
    row(l.meetingDate, c.meetingDate),
    row(l.datePosted, c.datePosted),
    row(l.dateTakenDown, c.dateTakenDown),
    row(l.lastDayOfAppeal, c.lastDayOfAppeal),
  ];
  if (c.municipal) rows.push(row(l.archive, c.archive));
  return [
    `<section class="certificate${c.municipal ? ' certificate-municipal' : ''}"${ctx.at(c.line)}>`,
    `<h2>${esc(l.certificate)}</h2>`,
    `<p>${esc(l.certificateStatement)}</p>`,
    '<table>',
    ...rows,
    '</table>',
    `<div class="signature"><div class="signature-line"></div><p class="signer-role">${esc(l.certifiedBy)}</p></div>`,
    '</section>',
  ].join('\n');
}
