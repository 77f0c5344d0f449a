// The language of configuration problems: the caller's locale, else the file's own, else the
// fallback (the editor setting), else Swedish.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  loadConfigFile,
  parseConfigText,
  resolveConfig,
} from '../../server/src/node/configFiles.js';
import { readSettings } from '../../server/src/common/editorSettings.js';

const messages = (text: string, language: Parameters<typeof parseConfigText>[2] = {}) =>
  parseConfigText(text, '.protokoll.json', language).problems.map((p) => p.message);

describe('configuration problems in Swedish and English', () => {
  const bogus = '{ "bogus": 1 }';

  it('are Swedish when nobody names a language', () => {
    assert.deepEqual(messages(bogus), [
      'bogus: okänd inställning "bogus"; kända inställningar: requiredSignatures, organisations, members, severity, locale, kind, parties, seats, archive, maskedNames',
    ]);
  });

  it('follow the fallback locale when the file names none', () => {
    assert.deepEqual(messages(bogus, { fallbackLocale: 'en' }), [
      'bogus: unknown setting "bogus"; known settings: requiredSignatures, organisations, members, severity, locale, kind, parties, seats, archive, maskedNames',
    ]);
  });

  it("follow the file's own locale over the fallback", () => {
    const [problem] = messages('{ "locale": "en", "bogus": 1 }', { fallbackLocale: 'sv' });
    assert.match(problem, /^bogus: unknown setting "bogus"/);
    const [swedish] = messages('{ "locale": "sv", "bogus": 1 }', { fallbackLocale: 'en' });
    assert.match(swedish, /^bogus: okänd inställning "bogus"/);
  });

  it("follow the caller's locale over the file's", () => {
    const [problem] = messages('{ "locale": "en", "bogus": 1 }', { locale: 'sv' });
    assert.match(problem, /^bogus: okänd inställning "bogus"/);
    const [english] = messages('{ "locale": "sv", "bogus": 1 }', { locale: 'en' });
    assert.match(english, /^bogus: unknown setting "bogus"/);
  });

  it('ignore an invalid locale in the file and say why in the chosen language', () => {
    assert.deepEqual(messages('{ "locale": "de" }', { fallbackLocale: 'en' }), [
      'locale: "de" is not a supported language; use "sv" (Swedish) or "en" (English)',
    ]);
    assert.deepEqual(messages('{ "locale": "de" }'), [
      'locale: "de" är inget språk som stöds; använd "sv" (svenska) eller "en" (engelska)',
    ]);
  });

  it('keep the place of each problem whatever the language', () => {
    const text = '{\n  "requiredSignatures": ["Ordförande", "Kassör"],\n  "locale": "en"\n}';
    const [english] = parseConfigText(text, 'f').problems;
    const [swedish] = parseConfigText(text, 'f', { locale: 'sv' }).problems;
    const column = text.split('\n')[1].indexOf('"Kassör"');
    assert.deepEqual(english.range, {
      start: { line: 1, character: column },
      end: { line: 1, character: column + '"Kassör"'.length },
    });
    assert.deepEqual(swedish.range, english.range);
    assert.match(english.message, /^requiredSignatures\.1: "Kassör" is not a signing role/);
    assert.match(swedish.message, /^requiredSignatures\.1: "Kassör" är ingen roll/);
  });

  it('describe JSON syntax errors in the language the broken file still names', () => {
    const text = '{\n  "requiredSignatures": ["Ordförande",]\n  "locale": "en"\n}\n';
    const [english] = parseConfigText(text, 'f').problems;
    assert.equal(english.message, 'invalid JSON: expected "," between entries');
    assert.equal(english.range.start.line, 2);
    assert.deepEqual(messages('{ "locale": }'), ['ogiltig JSON: förväntade ett värde']);
    assert.deepEqual(messages('{ "locale": }', { locale: 'en' }), [
      'invalid JSON: expected a value',
    ]);
  });

  it('explain how to fill an empty file', () => {
    assert.match(
      messages('  // nothing yet\n')[0],
      /^filen är tom; skriv ett JSON-objekt, till exempel \{/,
    );
    assert.match(
      messages('', { fallbackLocale: 'en' })[0],
      /^the file is empty; write a JSON object such as \{/,
    );
  });

  it('say that a configuration file cannot be read, in the chosen language', () => {
    const missing = path.join(os.tmpdir(), 'protokoll-no-such-dir', '.protokoll.json');
    assert.match(
      loadConfigFile(missing).problems[0].message,
      /^kan inte läsa inställningsfilen \(ENOENT\); kontrollera att den finns/,
    );
    assert.match(
      loadConfigFile(missing, { locale: 'en' }).problems[0].message,
      /^cannot read the configuration file \(ENOENT\); check that it exists/,
    );
  });

  describe('resolveConfig', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-config-'));
      fs.writeFileSync(path.join(dir, '.protokoll.json'), '{ "severity": { "numbering/gap": 1 } }');
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('writes the problems in the editor locale when the file names none', () => {
      const document = path.join(dir, 'möte.protokoll');
      const english = resolveConfig(document, { locale: 'en' });
      assert.equal(english.config.locale, 'en');
      assert.deepEqual(
        english.problems.map((p) => p.message),
        [
          'severity.numbering/gap: 1 is not a severity; use "error", "warning", "information", "hint" or "off"',
        ],
      );
      assert.match(
        resolveConfig(document).problems[0].message,
        /^severity\.numbering\/gap: 1 är ingen allvarlighetsgrad/,
      );
    });

    it("lets the caller's locale choose both the checks' and the problems' language", () => {
      fs.writeFileSync(path.join(dir, '.protokoll.json'), '{ "locale": "sv", "bogus": 1 }');
      const resolved = resolveConfig(path.join(dir, 'möte.protokoll'), {}, { locale: 'en' });
      assert.equal(resolved.config.locale, 'en');
      assert.match(resolved.problems[0].message, /^bogus: unknown setting/);
      const fromFile = resolveConfig(path.join(dir, 'möte.protokoll'), { locale: 'en' });
      assert.equal(fromFile.config.locale, 'sv');
      assert.match(fromFile.problems[0].message, /^bogus: okänd inställning/);
    });
  });
});

describe('invalid editor settings in Swedish and English', () => {
  it('are described in Swedish when the locale setting is unset or invalid', () => {
    const { problems, layer } = readSettings({
      locale: 'fi',
      validate: 'sometimes',
      diagnosticsDelay: 'soon',
    });
    assert.equal(layer.locale, undefined);
    assert.deepEqual(problems, [
      'inställningen protokoll.locale ignoreras: "fi" är inget språk som stöds; använd "sv" (svenska) eller "en" (engelska)',
      'inställningen protokoll.validate ignoreras: "sometimes" är inget giltigt läge; använd "onType" (medan du skriver) eller "onSave" (när filen sparas)',
      'inställningen protokoll.diagnosticsDelay ignoreras: måste vara ett antal millisekunder, 0 eller fler (till exempel 250), inte "soon"',
    ]);
  });

  it('are described in English when the locale setting is en', () => {
    const { problems, layer, validate } = readSettings({
      locale: 'en',
      validate: 'sometimes',
      requiredSignatures: ['Ordförande', 'Kassör'],
    });
    assert.deepEqual(
      [layer.locale, layer.requiredSignatures, validate],
      ['en', ['Ordförande'], 'onType'],
    );
    assert.deepEqual(problems, [
      'setting protokoll.requiredSignatures.1 ignored: "Kassör" is not a signing role; use Ordförande, Sekreterare or Justerare (Chair, Secretary, Adjuster)',
      'setting protokoll.validate ignored: "sometimes" is not a validation mode; use "onType" (while typing) or "onSave" (when the file is saved)',
    ]);
  });
});
