import * as assert from 'node:assert/strict';
import { createTextDocument, mergeConfig } from '../../server/src/language';
import { MAX_EDITS_IN_DATA, toLspDiagnostic } from '../../server/src/common/diagnostics';
import { service } from './checks/helpers';

/** Minutes whose items are numbered 2, 4, 6, …: every item after the first is a gap. */
function badlyNumbered(items: number): string {
  const body = Array.from({ length: items }, (_, i) => `§ ${2 * i + 2} Punkt\nText.\n`).join('\n');
  return `# Nämnden\nDatum: 2024-01-01\n\n${body}`;
}

describe('diagnostics as the server publishes them', () => {
  const support = { relatedInformation: true, tags: true };
  const config = mergeConfig({ requiredSignatures: [] });

  it('carries small fixes in data for the code actions', () => {
    const doc = createTextDocument('file:///lsp/small.protokoll', badlyNumbered(3));
    const [gap] = service.getDiagnostics(doc, config).filter((d) => d.code === 'numbering/gap');
    const published = toLspDiagnostic(gap, doc.uri, 1, support);
    assert.deepEqual((published.data as { fixes: unknown }).fixes, gap.fixes);
  });

  it('leaves out a renumbering of a long document, and the code action still offers it', () => {
    const items = MAX_EDITS_IN_DATA + 10;
    const doc = createTextDocument('file:///lsp/long.protokoll', badlyNumbered(items));
    const gaps = service.getDiagnostics(doc, config).filter((d) => d.code === 'numbering/gap');
    assert.equal(gaps.length, items - 1);
    const published = toLspDiagnostic(gaps[5], doc.uri, 1, support);
    assert.equal((published.data as { fixes?: unknown }).fixes, undefined);
    const actions = service.getCodeActions(
      doc,
      published.range,
      { diagnostics: [published] },
      config,
    );
    const renumber = actions.find((a) => a.kind === 'quickfix' && /Numrera om alla/.test(a.title));
    assert.ok(renumber, actions.map((a) => a.title).join(', '));
  });
});
