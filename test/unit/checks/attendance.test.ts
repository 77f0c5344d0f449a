import * as assert from 'node:assert/strict';
import { applyEdits, CLEAN, covered, only } from './helpers';

describe('attendance checks', () => {
  it('reports a person listed twice', () => {
    const text = CLEAN.replace(
      '- Eva Lund, Tibro (justerare)',
      '- Eva Lund, Tibro (justerare)\n- eva lund, Tibro',
    );
    const [d] = only(text, 'attendance/duplicate');
    assert.equal(covered(text, d), 'eva lund');
  });

  it('reports an organisation both present and absent', () => {
    const text = CLEAN.replace('- Karlsborg', '- Hjo');
    assert.equal(only(text, 'attendance/both').length, 1);
  });

  it('reports a person both present and absent', () => {
    const text = CLEAN.replace('- Karlsborg', '- Per Berg, Hjo');
    assert.equal(only(text, 'attendance/both').length, 1);
  });

  it('does not report an absent colleague from a present organisation', () => {
    const text = CLEAN.replace('- Karlsborg', '- Olle Ek, Hjo');
    assert.equal(only(text, 'attendance/both').length, 0);
  });

  it('reports configured members neither present nor absent, and adds them as absent', () => {
    const text = CLEAN;
    const found = only(text, 'attendance/unaccounted', {
      members: ['Skövde', 'Hjo', 'Tibro', 'Karlsborg', 'Vara'],
    });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /Vara/);
    const fixed = applyEdits(text, found[0].fixes![0].edits);
    assert.equal(only(fixed, 'attendance/unaccounted', { members: ['Vara'] }).length, 0);
  });
});
