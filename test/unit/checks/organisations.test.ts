import * as assert from 'node:assert/strict';
import { applyEdits, CLEAN, covered, only } from './helpers';

describe('municipality checks', () => {
  it('reports Tidaholm kommun with the official form and fixes it', () => {
    const text = CLEAN.replace('Per Berg, Hjo', 'Per Berg, Tidaholm kommun');
    const [d] = only(text, 'municipality/form');
    assert.equal(covered(text, d), 'Tidaholm kommun');
    assert.match(d.message, /Tidaholms kommun/);
    assert.match(applyEdits(text, d.fixes![0].edits), /Per Berg, Tidaholms kommun/);
  });

  it('accepts short, official and legal forms in any case and normalisation', () => {
    const text = CLEAN.replace('Per Berg, Hjo', 'Per Berg, HJO KOMMUN')
      .replace('Anna Ek, Skövde', 'Anna Ek, Sko\u0308vde')
      .replace('- Karlsborg', '- Stockholms kommun');
    assert.equal(
      only(text, 'municipality/form').length + only(text, 'municipality/unknown').length,
      0,
    );
  });

  it('reports an unknown organisation naming the nearest municipalities', () => {
    const text = CLEAN.replace('- Karlsborg', '- Karlsbrog');
    const [d] = only(text, 'municipality/unknown');
    assert.match(d.message, /Karlsborg/);
    assert.match(applyEdits(text, d.fixes![0].edits), /- Karlsborg/);
  });

  it('accepts configured organisations', () => {
    const text = CLEAN.replace('- Karlsborg', '- Kommunalförbundet');
    assert.equal(only(text, 'municipality/unknown').length, 1);
    assert.equal(
      only(text, 'municipality/unknown', { organisations: ['kommunalförbundet'] }).length,
      0,
    );
  });

  it('checks round-table organisations but not ordinary labelled bullets', () => {
    const text = CLEAN.replace(
      'Beslut: Budgeten',
      '- Tidaholm kommun: Vill vänta.\n- Obs: ingen kommun.\nBeslut: Budgeten',
    );
    assert.equal(only(text, 'municipality/form').length, 1);
    assert.equal(only(text, 'municipality/unknown').length, 0);
  });
});
