import * as assert from 'node:assert/strict';
import {
  createProtokollService,
  createTextDocument,
  mergeConfig,
} from '../../../server/src/language/index.js';
import { maskNames, publicText } from '../../../server/src/language/render/publicVersion.js';
import { buildAst } from '../../../server/src/language/syntax/build.js';
import {
  KEPT_TEXTS,
  MASKED_TEXTS,
  SECRET_CONFIG,
  SECRET_MINUTES,
  survivors,
} from './secretFixture.js';

const service = createProtokollService();
let version = 0;
const doc = (text: string, uri = 'file:///sn.protokoll') =>
  createTextDocument(uri, text, ++version);

describe('public version', () => {
  it('HTML: no masked name and nothing of the secret item body survives; the rest is kept', () => {
    const { html } = service.render(doc(SECRET_MINUTES), {
      config: SECRET_CONFIG,
      public: true,
      standalone: true,
    });
    assert.deepEqual(survivors(html, MASKED_TEXTS), []);
    assert.deepEqual(
      KEPT_TEXTS.filter((t) => !html.includes(t)),
      [],
    );
    assert.match(html, /Sekretessbelagd uppgift enligt OSL 26 kap\. 1 §/);
    // The secret item's title named a masked person: it is replaced, the case number stays.
    assert.match(html, /<span class="item-title">Sekretessbelagt ärende<\/span>/);
    assert.match(html, /Offentlig version/);
  });

  it('JSON: no masked text anywhere, the file name included', () => {
    const json = JSON.stringify(
      service.toJson(
        doc(SECRET_MINUTES, 'file:///protokoll/Greta%20%C3%85kesson.protokoll'),
        'sv',
        {
          public: true,
          config: SECRET_CONFIG,
        },
      ),
    );
    assert.deepEqual(survivors(json, MASKED_TEXTS), []);
    assert.deepEqual(survivors(decodeURIComponent(json), MASKED_TEXTS), []);
    assert.ok(json.includes('Remiss om hemtjänst'));
  });

  it('the view for the PDF is made from the masked text too', () => {
    const view = service.minutesView(doc(SECRET_MINUTES), { config: SECRET_CONFIG, public: true });
    assert.equal(view.public, true);
    assert.deepEqual(survivors(JSON.stringify(view), MASKED_TEXTS), []);
  });

  it('leaves the ordinary version unchanged, with the secret item marked', () => {
    const { html } = service.render(doc(SECRET_MINUTES), { config: SECRET_CONFIG });
    for (const text of ['Greta Åkesson', 'Storgatan 5', 'Olof', 'beviljar bistånd']) {
      assert.ok(html.includes(text), `the ordinary version lost ${text}`);
    }
    assert.match(
      html,
      /<p class="secrecy" role="note"[^>]*><span class="label">Sekretess:<\/span> OSL 26 kap\. 1 §/,
    );
    assert.doesNotMatch(html, /namn maskerat|Sekretessbelagd uppgift/);
  });

  it('keeps a secret item title that names no masked person', () => {
    const text = SECRET_MINUTES.replace('Ansökan om bistånd, Greta Åkesson', 'Ansökan om bistånd');
    const { html } = service.render(doc(text), { config: SECRET_CONFIG, public: true });
    assert.match(html, /<span class="item-title">Ansökan om bistånd<\/span>/);
  });

  it('masks names ignoring case, spacing and line breaks, with a genitive s, keeping line numbers', () => {
    const text = 'Greta  Åkesson och GRETA ÅKESSONS hund; Olof\nHägg kom; Gretaåkesson ej';
    const masked = maskNames(text, ['Greta Åkesson', 'Olof Hägg'], 'sv');
    assert.equal(
      masked,
      '[namn maskerat] och [namn maskerat] hund; [namn maskerat]\n kom; Gretaåkesson ej',
    );
    assert.equal(maskNames('Met Olof Hägg.', ['Olof Hägg'], 'en'), 'Met [name withheld].');
    // Decomposed å (NFD) in the document still matches.
    assert.equal(maskNames('A\u030Akesson', ['Åkesson'], 'sv'), '[namn maskerat]');
  });

  it('keeps the line count of the text', () => {
    const masked = publicText(
      SECRET_MINUTES,
      buildAst(SECRET_MINUTES),
      SECRET_CONFIG.maskedNames,
      'sv',
    );
    assert.equal(masked.split('\n').length, SECRET_MINUTES.split('\n').length);
  });

  it('labels the English public version in English', () => {
    const english = `# Social services committee
Date: 2024-05-14

Present:
- Anna Ek, Hjo (chair)

§ 1 Application for support
Secrecy: OSL 26 kap. 1 §
Greta Åkesson applies.
Decision: Granted.

Chair: Anna Ek
`;
    const { html } = service.render(doc(english), {
      config: mergeConfig({ maskedNames: ['Greta Åkesson'] }),
      public: true,
    });
    assert.match(html, /Information classified as secret under OSL 26 kap\. 1 §/);
    assert.doesNotMatch(html, /Greta/);
  });
});
