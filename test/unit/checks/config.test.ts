import * as assert from 'node:assert/strict';
import { readConfig } from '../../../server/src/language';
import { CLEAN, diagnose } from './helpers';

describe('configuration of the checks', () => {
  it('turns a code off and changes a severity', () => {
    const text = CLEAN.replace('Justerare: Eva Lund\n', '');
    assert.equal(diagnose(text, { severity: { 'signature/missing': 'off' } }).length, 0);
    assert.equal(diagnose(text, { severity: { 'signature/missing': 'hint' } })[0].severity, 4);
  });

  it('speaks English when the locale is en', () => {
    const [d] = diagnose(CLEAN.replace('Justerare: Eva Lund\n', ''), { locale: 'en' });
    assert.match(d.message, /adjuster's signature is missing/);
  });

  it('reports invalid settings with their path and keeps the valid ones', () => {
    const { config, problems } = readConfig({
      requiredSignatures: ['Ordförande', 'Kassör'],
      severity: { 'numbering/gap': 'loud', 'no/such': 'off' },
      locale: 'de',
      extra: 1,
    });
    assert.deepEqual(config.requiredSignatures, ['Ordförande']);
    assert.deepEqual(
      problems.map((p) => p.path.join('.')),
      ['requiredSignatures.1', 'severity.numbering/gap', 'severity.no/such', 'locale', 'extra'],
    );
  });
});
