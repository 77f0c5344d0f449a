import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { MINUTES_CSS } from '../../../server/src/language/render/css.js';

// Tests compile to out/test/unit/render/*.js.
const repoRoot = path.resolve(__dirname, '../../../..');

describe('renderer: stylesheet', () => {
  it('builds media/minutes.css, the preview stylesheet, from css.ts (the one source)', () => {
    const built = readFileSync(path.join(repoRoot, 'media', 'minutes.css'), 'utf8');
    const header = built.slice(0, built.indexOf('*/\n') + 3);
    assert.match(
      header,
      /^\/\* Built by scripts\/bundle\.mjs from server\/src\/language\/render\/css\.ts/,
    );
    assert.ok(
      built.slice(header.length) === MINUTES_CSS,
      'media/minutes.css is older than server/src/language/render/css.ts: run npm run build',
    );
  });

  it('styles the A4 page and hides diagnostics in print', () => {
    assert.match(MINUTES_CSS, /@page \{\n {2}size: A4;/);
    assert.match(MINUTES_CSS, /@media print \{[\s\S]*\.diagnostics \{\n {4}display: none;/);
  });
});
