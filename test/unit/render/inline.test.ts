import * as assert from 'node:assert/strict';
import { inlineHtml } from '../../../server/src/language/render/html.js';
import { inlineText, parseInline } from '../../../server/src/language/render/inline.js';

const html = (text: string) => inlineHtml(parseInline(text));

describe('renderer: inline emphasis and links', () => {
  it('renders *kursiv* and **fet**', () => {
    assert.equal(
      html('en *kursiv* och en **fet** text'),
      'en <em>kursiv</em> och en <strong>fet</strong> text',
    );
  });

  it('nests emphasis one inside the other', () => {
    assert.equal(
      html('**fet med *kursiv* inuti**'),
      '<strong>fet med <em>kursiv</em> inuti</strong>',
    );
    assert.equal(
      html('*kursiv med **fet** inuti*'),
      '<em>kursiv med <strong>fet</strong> inuti</em>',
    );
  });

  it('leaves lone, spaced and empty stars as text', () => {
    assert.equal(html('2 * 3 * 4'), '2 * 3 * 4');
    assert.equal(html('ett *ensamt'), 'ett *ensamt');
    assert.equal(html('** och **'), '** och **');
    assert.equal(html('tomt ** här'), 'tomt ** här');
    assert.equal(html('* punkt'), '* punkt');
  });

  it('links bare http, https and mailto addresses', () => {
    assert.equal(
      html('Se https://vara.se/ikt och http://x.se, skriv till mailto:anna.ek@vara.se.'),
      'Se <a href="https://vara.se/ikt" rel="noopener noreferrer">https://vara.se/ikt</a> och <a href="http://x.se" rel="noopener noreferrer">http://x.se</a>, skriv till <a href="mailto:anna.ek@vara.se" rel="noopener noreferrer">mailto:anna.ek@vara.se</a>.',
    );
  });

  it('keeps a closing parenthesis that belongs to the link and drops one that does not', () => {
    assert.deepEqual(
      parseInline('(se https://sv.wikipedia.org/wiki/Vara_(kommun))').filter(
        (r) => r.kind === 'link',
      ),
      [
        {
          kind: 'link',
          href: 'https://sv.wikipedia.org/wiki/Vara_(kommun)',
          text: 'https://sv.wikipedia.org/wiki/Vara_(kommun)',
        },
      ],
    );
    assert.deepEqual(
      parseInline('(https://vara.se)')
        .filter((r) => r.kind === 'link')
        .map((r) => r.kind === 'link' && r.href),
      ['https://vara.se'],
    );
  });

  it('does not link other schemes, scheme-less hosts or schemes inside words', () => {
    for (const text of [
      'javascript:alert(1)',
      'ftp://x.se',
      'www.vara.se',
      'xhttps://x.se',
      'https://',
      'mailto:nobody',
    ]) {
      assert.ok(
        parseInline(text).every((r) => r.kind === 'text'),
        text,
      );
    }
  });

  it('does not treat stars inside a link as emphasis', () => {
    assert.equal(
      html('*se https://x.se/a_b* nu*'),
      '<em>se <a href="https://x.se/a_b" rel="noopener noreferrer">https://x.se/a_b</a></em> nu*',
    );
  });

  it('returns the plain text without marks', () => {
    assert.equal(
      inlineText(parseInline('**fet** och *kursiv* https://x.se')),
      'fet och kursiv https://x.se',
    );
  });

  it('handles a very long line of openers in linear time', () => {
    const text = '*a '.repeat(50_000);
    const start = Date.now();
    assert.equal(inlineText(parseInline(text)), text);
    assert.ok(Date.now() - start < 2_000, 'parsing 150 kB of unmatched openers took too long');
  });
});
