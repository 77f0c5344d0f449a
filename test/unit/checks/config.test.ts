import * as assert from 'node:assert/strict';
import { createTextDocument, mergeConfig, readConfig } from '../../../server/src/language';
import { CLEAN, diagnose, service } from './helpers';

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

  it('describes each invalid setting in Swedish and in English with the values that are valid', () => {
    const { problems } = readConfig({
      requiredSignatures: ['Ordförande', 'Kassör', ''],
      organisations: 'Kommunalförbundet',
      severity: { 'numbering/gap': 'loud', 'no/such': 'off' },
      locale: 'de',
      extra: 1,
    });
    const at = (path: string) => problems.find((p) => p.path.join('.') === path)!.message;
    assert.match(
      at('requiredSignatures.1').sv,
      /^"Kassör" är ingen roll som skriver under protokollet; använd Ordförande, Sekreterare eller Justerare/,
    );
    assert.match(
      at('requiredSignatures.1').en,
      /^"Kassör" is not a signing role; use Ordförande, Sekreterare or Justerare \(Chair, Secretary, Adjuster\)$/,
    );
    assert.match(at('requiredSignatures.2').sv, /måste vara ett namn inom citattecken, inte ""/);
    assert.match(at('requiredSignatures.2').en, /must be a name in double quotes, not ""/);
    assert.match(
      at('organisations').sv,
      /måste vara en lista med namn, till exempel \["Kommunalförbundet"\], inte "Kommunalförbundet"/,
    );
    assert.match(
      at('organisations').en,
      /must be an array of names such as \["Kommunalförbundet"\], not "Kommunalförbundet"/,
    );
    assert.equal(
      at('severity.numbering/gap').sv,
      '"loud" är ingen allvarlighetsgrad; använd "error", "warning", "information", "hint" eller "off"',
    );
    assert.equal(
      at('severity.numbering/gap').en,
      '"loud" is not a severity; use "error", "warning", "information", "hint" or "off"',
    );
    assert.match(
      at('severity.no/such').sv,
      /^okänd diagnoskod "no\/such"; kända koder: .*numbering\/gap/,
    );
    assert.match(
      at('severity.no/such').en,
      /^unknown diagnostic code "no\/such"; known codes: .*numbering\/gap/,
    );
    assert.equal(
      at('locale').sv,
      '"de" är inget språk som stöds; använd "sv" (svenska) eller "en" (engelska)',
    );
    assert.equal(
      at('locale').en,
      '"de" is not a supported language; use "sv" (Swedish) or "en" (English)',
    );
    assert.match(
      at('extra').sv,
      /^okänd inställning "extra"; kända inställningar: requiredSignatures, /,
    );
    assert.match(at('extra').en, /^unknown setting "extra"; known settings: requiredSignatures, /);
  });

  it('describes a configuration that is not an object in both languages', () => {
    const [problem] = readConfig(['Ordförande']).problems;
    assert.deepEqual(problem.path, []);
    assert.match(
      problem.message.sv,
      /^inställningarna måste vara ett JSON-objekt, .* inte en lista$/,
    );
    assert.match(problem.message.en, /^the settings must be a JSON object .* not an array$/);
  });
});

describe('diagnostics of an unchanged document', () => {
  it('are computed once per configuration and handed out as fresh arrays', () => {
    const doc = createTextDocument(
      'file:///cache/a.protokoll',
      CLEAN.replace('Justerare: Eva Lund\n', ''),
    );
    const sv = mergeConfig({});
    const first = service.getDiagnostics(doc, sv);
    first.length = 0;
    assert.deepEqual(
      service.getDiagnostics(doc, sv).map((d) => d.code),
      ['signature/missing'],
    );
    const [english] = service.getDiagnostics(doc, mergeConfig({ locale: 'en' }));
    assert.match(english.message, /adjuster's signature is missing/);
  });
});
