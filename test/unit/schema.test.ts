import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES } from '../../server/src/language';
import { codeAnchor, codeDocumentationUrl } from '../../server/src/common/packageInfo';
import { FORMAT_DOCS, formatDocsAnchors, headingAnchors } from '../formatDocs';

const schema = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../schemas/protokoll.schema.json'), 'utf8'),
);

describe('the configuration schema', () => {
  it('lists every diagnostic code under severity', () => {
    assert.deepEqual(
      Object.keys(schema.properties.severity.properties).sort(),
      Object.keys(DIAGNOSTIC_CODES).sort(),
    );
  });

  it('describes every setting the service reads', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [
      '$schema',
      'archive',
      'kind',
      'locale',
      'maskedNames',
      'members',
      'organisations',
      'parties',
      'requiredSignatures',
      'seats',
      'severity',
    ]);
  });
});

describe('the format documentation', () => {
  it('has a section for every diagnostic code, with its default severity', () => {
    const doc = fs.readFileSync(FORMAT_DOCS, 'utf8');
    for (const [code, severity] of Object.entries(DIAGNOSTIC_CODES)) {
      assert.match(
        doc,
        new RegExp(`^### \`${code}\`\n\n- \\*\\*Default:\\*\\* ${severity}$`, 'm'),
        code,
      );
    }
  });

  it('is where the link on each code leads: the anchor of its heading, as GitHub makes it', () => {
    const anchors = formatDocsAnchors();
    for (const code of Object.keys(DIAGNOSTIC_CODES)) {
      const url = new URL(codeDocumentationUrl(code));
      assert.match(url.pathname, /\/blob\/main\/docs\/format\.md$/);
      assert.equal(anchors.get(url.hash.slice(1)), `\`${code}\``, `${code} → ${url.hash}`);
    }
    assert.equal(
      codeAnchor('attendance/substitute-for-present'),
      'attendancesubstitute-for-present',
    );
  });

  it('finds anchors as GitHub does: punctuation dropped, repeats numbered, fenced code skipped', () => {
    const anchors = headingAnchors(
      '# The `.protokoll` format\n## Numbering through the year\n```\n# not a heading\n```\n### `numbering/gap`\n### [Votes, jäv](#x)\n## Numbering through the year\n',
    );
    assert.deepEqual(
      [...anchors.keys()],
      [
        'the-protokoll-format',
        'numbering-through-the-year',
        'numberinggap',
        'votes-jäv',
        'numbering-through-the-year-1',
      ],
    );
  });
});
