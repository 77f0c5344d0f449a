import * as assert from 'node:assert/strict';
import {
  createProtokollService,
  createTextDocument,
  mergeConfig,
} from '../../../server/src/language/index.js';
import { escapeHtml, neutralise } from '../../../server/src/language/render/escape.js';
import { HOSTILE_STRINGS, hostileMinutes, hostileMunicipalMinutes } from '../../render/hostile.js';

const service = createProtokollService();

/** Every element and attribute the renderer itself writes; anything else came from a document. */
const ALLOWED_TAGS = new Set([
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'article',
  'header',
  'section',
  'div',
  'p',
  'span',
  'h1',
  'h2',
  'h3',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'th',
  'td',
  'ul',
  'li',
  'em',
  'strong',
  'a',
]);
const ALLOWED_ATTRIBUTES = new Set([
  'id',
  'class',
  'lang',
  'role',
  'title',
  'data-line',
  'data-code',
  'colspan',
  'scope',
  'href',
  'rel',
  'charset',
  'http-equiv',
  'content',
  'name',
]);

interface Tag {
  name: string;
  attributes: { name: string; value: string }[];
}

/** The start tags of renderer output (document text is escaped, so every `<` is the renderer's). */
function startTags(html: string): Tag[] {
  const withoutStyle = html.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
  return [...withoutStyle.matchAll(/<([!a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({
    name: m[1].toLowerCase(),
    attributes: [...m[2].matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((a) => ({
      name: a[1].toLowerCase(),
      value: a[2] ?? '',
    })),
  }));
}

function assertInert(html: string): void {
  for (const tag of startTags(html)) {
    assert.ok(ALLOWED_TAGS.has(tag.name), `unexpected element <${tag.name}>`);
    for (const attribute of tag.attributes) {
      if (tag.name === '!doctype') continue;
      assert.ok(
        ALLOWED_ATTRIBUTES.has(attribute.name),
        `unexpected attribute ${attribute.name} on <${tag.name}>`,
      );
      if (attribute.name === 'href') {
        assert.match(
          attribute.value,
          /^(https?:\/\/|mailto:)/,
          `unexpected URL ${attribute.value}`,
        );
      }
      assert.doesNotMatch(attribute.value, /[<>"]/, `unescaped value in ${attribute.name}`);
    }
  }
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  assert.doesNotMatch(
    style,
    /expression\(|url\(|@import|<\//i,
    'document text reached the stylesheet',
  );
  assert.doesNotMatch(
    html,
    /[\u202a-\u202e\u2066-\u2069\u0000]/u,
    'a bidi or NUL control survived',
  );
}

describe('renderer: hostile document text stays inert', () => {
  for (const hostile of HOSTILE_STRINGS) {
    it(`renders ${JSON.stringify(hostile).slice(0, 60)} as text in every position`, () => {
      const doc = createTextDocument('file:///hostile.protokoll', hostileMinutes(hostile));
      for (const standalone of [false, true]) {
        const { html } = service.render(doc, { standalone, showDiagnostics: true });
        assertInert(html);
      }
      const { html } = service.render(doc, { locale: 'en', showDiagnostics: true });
      assertInert(html);
    });
  }

  it('keeps every hostile string inert in the municipal layout, the ordinary and the public version', () => {
    for (const hostile of HOSTILE_STRINGS) {
      const oneLine = hostile.replace(/[\r\n]+/g, ' ');
      const config = mergeConfig({
        kind: 'kommunal',
        archive: oneLine,
        maskedNames: [oneLine.slice(0, 12) || 'x'],
      });
      const doc = createTextDocument('file:///k.protokoll', hostileMunicipalMinutes(hostile));
      for (const options of [
        { standalone: true, showDiagnostics: true },
        { standalone: true, public: true },
        { standalone: false, showDiagnostics: true },
      ]) {
        assertInert(service.render(doc, { config, ...options }).html);
      }
    }
  });

  it('keeps the hostile text visible, escaped, rather than dropping it', () => {
    const doc = createTextDocument(
      'file:///h.protokoll',
      hostileMinutes('<script>window.__pwned=1</script>'),
    );
    const { html } = service.render(doc);
    assert.ok(html.includes('&lt;script&gt;window.__pwned=1&lt;/script&gt;'));
  });

  it('links only http, https and mailto, and never javascript:, data: or vbscript:', () => {
    const line =
      'javascript:alert(1) data:text/html,<b>x</b> vbscript:msgbox JaVaScRiPt:alert(1) https://ok.se/a mailto:sekreterare@skovde.se';
    const doc = createTextDocument(
      'file:///l.protokoll',
      `# ${line}\nDatum: 2024-01-01\n\n§ 1 ${line}\n${line}\n- ${line}\nBeslut: ${line}\n`,
    );
    const { html } = service.render(doc);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(hrefs.length > 0);
    assert.deepEqual([...new Set(hrefs)], ['https://ok.se/a', 'mailto:sekreterare@skovde.se']);
  });

  it('ends a link at a quote so it cannot add an attribute', () => {
    const doc = createTextDocument(
      'file:///q.protokoll',
      hostileMinutes('https://x.se/"onmouseover="alert(1)'),
    );
    const { html } = service.render(doc);
    assert.match(
      html,
      /<a href="https:\/\/x\.se\/" rel="noopener noreferrer">https:\/\/x\.se\/<\/a>&quot;onmouseover=&quot;alert\(1\)/,
    );
  });

  it('escapes the five HTML metacharacters', () => {
    assert.equal(
      escapeHtml(`<a href="x" title='y'>&amp;</a>`),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('replaces bidi overrides, controls and lone surrogates, and keeps real text', () => {
    assert.equal(
      neutralise('a\u202eb\u2066c\u0000d\u0007e\ud800f'),
      'a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf',
    );
    assert.equal(neutralise('Åsa 🙂 Ørjan\tx'), 'Åsa 🙂 Ørjan\tx');
  });
});
