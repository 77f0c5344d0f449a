import * as assert from 'node:assert/strict';
import { applyEdits, CLEAN, covered, only } from './helpers';

describe('header checks', () => {
  it('reports header/missing-title when there is no # line', () => {
    const text = CLEAN.replace('# Styrelsen\n', '');
    const [d] = only(text, 'header/missing-title');
    assert.ok(d);
    assert.equal(applyEdits(text, d.fixes![0].edits).startsWith('# '), true);
  });

  it('reports header/missing-title for an empty # line', () => {
    assert.equal(only(CLEAN.replace('# Styrelsen', '#'), 'header/missing-title').length, 1);
  });

  it('reports header/missing-date when Datum is absent, and not when present', () => {
    assert.equal(only(CLEAN.replace('Datum: 2024-04-18\n', ''), 'header/missing-date').length, 1);
    assert.equal(only(CLEAN, 'header/missing-date').length, 0);
  });

  it('reports header/invalid-date on an impossible date, covering the date only', () => {
    const text = CLEAN.replace('2024-04-18', '2019-02-30');
    const [d] = only(text, 'header/invalid-date');
    assert.equal(covered(text, d), '2019-02-30');
    assert.equal(d.fixes, undefined);
  });

  it('offers the ISO form for a written-out date', () => {
    const text = CLEAN.replace('Datum: 2024-04-18', 'Datum: 14 december 2018');
    const [d] = only(text, 'header/invalid-date');
    assert.match(d.message, /2018-12-14/);
    assert.match(applyEdits(text, d.fixes![0].edits), /Datum: 2018-12-14/);
  });

  it('reads a next meeting written as 1/2 as the coming 1 February', () => {
    const text = CLEAN.replace('Datum: 2024-04-18', 'Datum: 2018-12-14').replace(
      '2024-06-01, Hjo',
      '1/2, Hjo',
    );
    const [d] = only(text, 'header/invalid-date');
    assert.equal(d.fixes![0].edits[0].newText, '2019-02-01');
  });

  it('checks dates in Justerat, Anslaget and action due dates too', () => {
    const text = CLEAN.replace('Justerat: 2024-04-25', 'Justerat: 2024-13-01').replace(
      '@Per Berg, 2024-05-01',
      '@Per Berg, imorgon',
    );
    assert.equal(only(text, 'header/invalid-date').length, 2);
  });

  it('reports header/invalid-time for a malformed time and for an end before the start', () => {
    assert.equal(only(CLEAN.replace('13:00-15:00', '13.00'), 'header/invalid-time').length, 1);
    assert.equal(only(CLEAN.replace('13:00-15:00', '25:00'), 'header/invalid-time').length, 1);
    const [d] = only(CLEAN.replace('13:00-15:00', '15:00-13:00'), 'header/invalid-time');
    assert.match(d.message, /slutar/);
  });

  it('accepts a single time and an en dash range', () => {
    assert.equal(only(CLEAN.replace('13:00-15:00', '13:00'), 'header/invalid-time').length, 0);
    assert.equal(
      only(CLEAN.replace('13:00-15:00', '13:00–15:00'), 'header/invalid-time').length,
      0,
    );
  });
});
