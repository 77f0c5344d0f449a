import * as assert from 'node:assert/strict';
import { applyEdits, CLEAN, codes, covered, only } from './helpers';

describe('signature checks', () => {
  it('reports a missing adjuster and inserts the elected one with the fix', () => {
    const text = CLEAN.replace('Justerare: Eva Lund\n', '');
    const [d] = only(text, 'signature/missing');
    assert.match(d.message, /justerare/);
    const fixed = applyEdits(text, d.fixes![0].edits);
    assert.match(fixed, /Justerare: Eva Lund/);
    assert.deepEqual(codes(fixed), []);
  });

  it('follows the configured required roles', () => {
    const text = CLEAN.replace('Justerare: Eva Lund\n', '');
    assert.equal(
      only(text, 'signature/missing', { requiredSignatures: ['Ordförande', 'Sekreterare'] }).length,
      0,
    );
    assert.equal(
      only(text, 'signature/missing', { requiredSignatures: ['Chair', 'Adjuster'] }).length,
      1,
    );
  });

  it('reports every missing role when there is no signature block', () => {
    const text = CLEAN.replace(/Ordförande: [\s\S]*$/, '');
    assert.equal(only(text, 'signature/missing').length, 3);
  });

  it('reports a signer who is not present', () => {
    const text = CLEAN.replace('Sekreterare: Per Berg', 'Sekreterare: Per Bergh');
    const [d] = only(text, 'signature/not-present');
    assert.equal(covered(text, d), 'Per Bergh');
  });

  it('reports the chair adjusting and a double signature', () => {
    const text = CLEAN.replace('Justerare: Eva Lund', 'Justerare: Anna Ek, Eva Lund, Eva Lund');
    assert.equal(only(text, 'signature/same-person').length, 2);
  });

  it('reports that the elected secretary is not the one who signs, pointing at the election', () => {
    const text = CLEAN.replace('§ 1 Val av justerare\nEva Lund', '§ 1 Utse sekreterare\nEva Lund');
    const [d] = only(text, 'signature/mismatch');
    assert.match(d.message, /Eva Lund valdes till sekreterare i § 1, men Per Berg skriver under/);
    assert.equal(d.related![0].range.start.line, 14);
    assert.match(applyEdits(text, d.fixes![0].edits), /Sekreterare: Eva Lund/);
  });

  it('is satisfied when the elected adjuster signs', () => {
    assert.equal(only(CLEAN, 'signature/mismatch').length, 0);
  });
});
