/**
 * The stylesheet of rendered minutes, its one source: inlined in standalone HTML, and written to
 * `media/minutes.css` for the preview by the build (scripts/minutes-stylesheet.mjs). Colours are
 * custom properties with paper defaults; the preview maps them to the VS Code theme in
 * `preview.css`. Keep this module free of imports: the build evaluates it on its own.
 */
export const MINUTES_CSS = `:root {
  --pk-fg: #1b1b1b;
  --pk-bg: #ffffff;
  --pk-muted: #5a5a5a;
  --pk-rule: #bdbdbd;
  --pk-accent: #1f4e79;
  --pk-link: #1f4e79;
  --pk-mark: #b00020;
  --pk-decision-bg: #f2f5f8;
  --pk-error: #b00020;
  --pk-warning: #8a5a00;
  --pk-information: #1f4e79;
  --pk-hint: #5a5a5a;
  --pk-font: Georgia, 'DejaVu Serif', 'Times New Roman', serif;
  --pk-size: 11.5pt;
}
html {
  background: var(--pk-bg);
}
body {
  margin: 0;
  background: var(--pk-bg);
  color: var(--pk-fg);
}
.protokoll {
  position: relative;
  box-sizing: border-box;
  max-width: 46rem;
  margin: 0 auto;
  padding: 2rem 1.5rem 3rem;
  font-family: var(--pk-font);
  font-size: var(--pk-size);
  line-height: 1.45;
  color: var(--pk-fg);
  overflow-wrap: anywhere;
}
.protokoll a {
  color: var(--pk-link);
}
.ojusterat {
  position: absolute;
  top: 1.4rem;
  right: 1.5rem;
  margin: 0;
  padding: 0.2rem 0.7rem;
  border: 2px solid var(--pk-mark);
  border-radius: 3px;
  color: var(--pk-mark);
  font-family: var(--pk-font);
  font-weight: bold;
  letter-spacing: 0.14em;
  transform: rotate(-4deg);
}
.minutes-header {
  border-bottom: 2px solid var(--pk-fg);
  padding-bottom: 0.8rem;
  margin-bottom: 1.4rem;
}
.document-kind {
  margin: 0;
  color: var(--pk-muted);
  text-transform: uppercase;
  letter-spacing: 0.12em;
  font-size: 0.85em;
}
.minutes-title {
  margin: 0.2rem 0 0.8rem;
  font-size: 1.9em;
  line-height: 1.2;
}
.meeting-facts {
  margin: 0;
}
.meeting-facts .fact {
  display: flex;
  gap: 1rem;
  margin: 0.15rem 0;
}
.meeting-facts dt {
  flex: 0 0 8.5rem;
  font-weight: bold;
}
.meeting-facts dd {
  margin: 0;
}
.attendance h2,
.signatures h3,
.certificate h2 {
  margin: 1.2rem 0 0.4rem;
  font-size: 0.95em;
  text-transform: uppercase;
  letter-spacing: 0.08em;
}
.attendance table {
  border-collapse: collapse;
  width: 100%;
}
.attendance td {
  padding: 0.1rem 0.8rem 0.1rem 0;
  vertical-align: top;
}
.attendance td.name {
  width: 35%;
}
.attendance td.organisation {
  white-space: nowrap;
}
.attendance td.role {
  color: var(--pk-muted);
  font-style: italic;
}
.preamble {
  margin-top: 1.4rem;
}
.item {
  margin-top: 1.4rem;
}
.item-heading {
  margin: 0 0 0.4rem;
  font-size: 1.1em;
  break-after: avoid;
  page-break-after: avoid;
}
.item-number {
  display: inline-block;
  min-width: 3.2rem;
}
.case-number {
  font-weight: normal;
  font-size: 0.85em;
  color: var(--pk-muted);
  white-space: nowrap;
}
.item-body {
  padding-left: 3.2rem;
}
.item-body p,
.preamble p {
  margin: 0.3rem 0;
}
.item-body ul,
.preamble ul {
  margin: 0.3rem 0;
  padding-left: 1.2rem;
}
.round-table-organisation {
  font-weight: bold;
}
.decision {
  margin: 0.5rem 0;
  padding: 0.4rem 0.7rem;
  border-left: 3px solid var(--pk-accent);
  background: var(--pk-decision-bg);
  break-inside: avoid;
  page-break-inside: avoid;
}
.label {
  font-weight: bold;
}
.decision > .label::after,
.action > .label::after {
  content: ':';
}
.action {
  margin: 0.4rem 0;
}
.action-meta {
  color: var(--pk-muted);
  font-size: 0.92em;
  white-space: nowrap;
}
.action-meta > span + span::before {
  content: ' \\00b7  ';
}
.signatures {
  margin-top: 2.4rem;
  display: flex;
  flex-wrap: wrap;
  gap: 0 3rem;
  break-inside: avoid;
  page-break-inside: avoid;
}
.signature-group {
  flex: 1 1 16rem;
}
.signature {
  margin: 2.6rem 0 0.4rem;
  max-width: 18rem;
}
.signature-line {
  border-top: 1px solid var(--pk-fg);
}
.signer-name,
.signer-role {
  margin: 0.15rem 0 0;
}
.signer-role {
  color: var(--pk-muted);
  font-size: 0.9em;
}
.signature-date {
  flex: 1 0 100%;
  margin: 0.6rem 0 0;
}
.certificate {
  margin-top: 2.4rem;
  padding: 0.4rem 1rem 1rem;
  border: 1.5px solid var(--pk-fg);
  break-inside: avoid;
  page-break-inside: avoid;
}
.certificate table {
  border-collapse: collapse;
}
.certificate th {
  text-align: left;
  font-weight: normal;
  color: var(--pk-muted);
  padding: 0.15rem 1.2rem 0.15rem 0;
}
.diagnostics {
  display: block;
  margin: 0.1rem 0 0.2rem;
  font-family: system-ui, sans-serif;
  font-size: 0.78em;
  font-style: normal;
  font-weight: normal;
  letter-spacing: normal;
  text-transform: none;
  line-height: 1.3;
}
.diagnostic {
  display: block;
  padding-left: 0.5rem;
  border-left: 2px solid currentColor;
}
.diagnostic-error {
  color: var(--pk-error);
}
.diagnostic-warning {
  color: var(--pk-warning);
}
.diagnostic-information {
  color: var(--pk-information);
}
.diagnostic-hint {
  color: var(--pk-hint);
}
/* ---- labelled parts of an item, votes, secrecy (every kind of body) ---- */
.labelled,
.vote {
  margin: 0.4rem 0;
}
.labelled-head {
  margin: 0.3rem 0 0.1rem;
}
.labelled ul {
  margin: 0.1rem 0 0.3rem;
  padding-left: 1.2rem;
}
.labelled-reservation,
.labelled-note,
.labelled-jav {
  padding-left: 0.6rem;
  border-left: 3px double var(--pk-muted);
}
.labelled-sendTo {
  margin-top: 0.8rem;
  padding-top: 0.3rem;
  border-top: 1px solid var(--pk-rule);
  font-size: 0.92em;
}
.vote-table {
  border-collapse: collapse;
  margin: 0.2rem 0 0.4rem;
  font-size: 0.95em;
}
.vote-table th,
.vote-table td {
  border: 1px solid var(--pk-rule);
  padding: 0.1rem 0.6rem;
  text-align: left;
  vertical-align: top;
}
.vote-table th[scope='col'] {
  font-weight: normal;
  color: var(--pk-muted);
}
.vote-table td.vote-count {
  text-align: right;
}
.immediate {
  display: inline-block;
  margin-left: 0.4rem;
  padding: 0 0.4rem;
  border: 1.5px solid var(--pk-accent);
  border-radius: 3px;
  color: var(--pk-accent);
  font-size: 0.75em;
  font-weight: bold;
  letter-spacing: 0.04em;
  vertical-align: 0.15em;
  white-space: nowrap;
}
.secrecy {
  margin: 0.3rem 0;
  padding: 0.2rem 0.6rem;
  border: 1px dashed var(--pk-mark);
  color: var(--pk-mark);
}
.secrecy-notice {
  border-style: solid;
  font-style: italic;
}
.public-version {
  margin: 0.4rem 0 0;
  font-size: 0.9em;
  font-style: italic;
  color: var(--pk-muted);
}
/* ---- the municipal layout (kind: kommunal) ---- */
.layout-kommunal .item-heading {
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  gap: 0 0.4rem;
}
.layout-kommunal .item-heading .item-number {
  min-width: 4.2rem;
}
.layout-kommunal .item-heading .item-title {
  flex: 1 1 14rem;
}
.layout-kommunal .item-heading .case-number {
  margin-left: auto;
}
.layout-kommunal .item-body {
  padding-left: 4.6rem;
}
.municipal-heading {
  display: flex;
  justify-content: space-between;
  align-items: flex-end;
  gap: 1rem;
  padding-right: 9rem;
}
.layout-kommunal:not(.is-ojusterat) .municipal-heading {
  padding-right: 0;
}
.municipal-header .minutes-title {
  margin: 0.1rem 0 0;
  font-size: 1.6em;
}
.minutes-subtitle {
  margin: 0.1rem 0 0;
}
.municipal-date {
  margin: 0;
  text-align: right;
}
.municipal-date dt {
  color: var(--pk-muted);
  font-size: 0.85em;
}
.municipal-date dd {
  margin: 0;
  font-weight: bold;
}
.front-facts {
  margin: 0;
}
.front-facts .fact {
  display: grid;
  grid-template-columns: 11rem 1fr;
  gap: 1rem;
  padding: 0.35rem 0;
  border-bottom: 1px solid var(--pk-rule);
  break-inside: avoid;
  page-break-inside: avoid;
}
.front-facts dt {
  font-weight: bold;
}
.front-facts dd {
  margin: 0;
}
.people {
  margin: 0;
  padding: 0;
  list-style: none;
}
/* Two columns where each gets 14rem; a narrow preview keeps one. */
.people.columns {
  columns: 2 14rem;
  column-gap: 1.5rem;
}
.people.columns li {
  break-inside: avoid;
}
.person-details {
  color: var(--pk-muted);
}
.fact-adjustment dd {
  display: flex;
  flex-wrap: wrap;
  justify-content: space-between;
  gap: 0 1rem;
}
.front-paragraphs .label {
  margin-right: 0.3rem;
}
.front-signer {
  display: grid;
  /* The name before the line: a narrow preview shortens the line, not the name. */
  grid-template-columns: 7rem minmax(4rem, 14rem) fit-content(50%);
  align-items: end;
  gap: 0.6rem;
  margin: 1.4rem 0 0.2rem;
  max-width: none;
}
.front-signer .signer-role {
  color: var(--pk-muted);
  font-size: 0.9em;
}
.front-signer .signature-line {
  border-top: 0;
  border-bottom: 1px dotted var(--pk-fg);
  height: 1.1em;
}
.front-signatures .signature-date {
  margin: 0.6rem 0 0;
}
.certificate-municipal {
  margin-top: 1rem;
}
.certificate-municipal h2 {
  margin-top: 0.4rem;
}
.blank {
  display: inline-block;
  min-width: 8rem;
  border-bottom: 1px solid var(--pk-fg);
}
.source-anchor {
  display: inline;
}
.layout-kommunal .certificate-municipal + .item,
.layout-kommunal .certificate-municipal + .preamble {
  margin-top: 2.4rem;
}
@page {
  size: A4;
  margin: 20mm 18mm 22mm 22mm;
}
@media print {
  :root {
    --pk-fg: #000000;
    --pk-bg: #ffffff;
    --pk-muted: #444444;
    --pk-link: #000000;
    --pk-decision-bg: #ffffff;
    --pk-size: 11pt;
  }
  .protokoll {
    max-width: none;
    padding: 0;
  }
  .ojusterat {
    top: 0;
    right: 0;
  }
  .protokoll a {
    text-decoration: none;
  }
  .diagnostics {
    display: none;
  }
  .signature {
    margin-top: 1.6cm;
  }
  .front-signer {
    margin-top: 1cm;
  }
  .layout-kommunal .certificate-municipal {
    break-after: page;
    page-break-after: always;
  }
}
`;
