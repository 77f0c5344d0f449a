import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { MINUTES_CSS } from '../../../server/src/language/render/css.js';

// Tests compile to out/test/unit/render/*.js.
const repoRoot = path.resolve(__dirname, '../../../..');

describe('renderer: stylesheet', () => {
  it('ships media/minutes.css identical to the stylesheet inlined in standalone HTML', () => {
    const shipped = readFileSync(path.join(repoRoot, 'media', 'minutes.css'), 'utf8');
    assert.ok(
      shipped === MINUTES_CSS,
      'media/minutes.css differs from server/src/language/render/css.ts; regenerate it with: node out/server/src/node/export/stylesheet.js',
    );
  });

  it('styles the A4 page and hides diagnostics in print', () => {
    assert.match(MINUTES_CSS, /@page \{\n {2}size: A4;/);
    assert.match(MINUTES_CSS, /@media print \{[\s\S]*\.diagnostics \{\n {4}display: none;/);
  });
});
