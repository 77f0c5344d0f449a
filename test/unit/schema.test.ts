import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES } from '../../server/src/language';

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
  it('documents every diagnostic code with its default severity', () => {
    const doc = fs.readFileSync(path.resolve(__dirname, '../../../docs/format.md'), 'utf8');
    for (const [code, severity] of Object.entries(DIAGNOSTIC_CODES)) {
      assert.match(doc, new RegExp(`\\| \`${code}\`\\s*\\| ${severity}\\s*\\|`), code);
    }
  });
});
