import * as fs from 'node:fs';
import * as path from 'node:path';
import { MINUTES_CSS } from '../../language/render/css';

/**
 * Writes `media/minutes.css`, the preview's copy of the renderer's stylesheet (the webview's CSP
 * only loads styles from the media folder). Run after changing css.ts:
 * `node out/server/src/node/export/stylesheet.js` — a unit test fails while the copies differ.
 */
export function writeMediaStylesheet(repositoryRoot: string): string {
  const file = path.join(repositoryRoot, 'media', 'minutes.css');
  fs.writeFileSync(file, MINUTES_CSS);
  return file;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '../../../../..');
  console.log(`wrote ${writeMediaStylesheet(root)}`);
}
