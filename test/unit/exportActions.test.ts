import * as assert from 'node:assert/strict';
import {
  chosenAction,
  exportActions,
  type ExportSurroundings,
} from '../../client/src/preview/exportActions.js';

const desktop: ExportSurroundings = {
  local: true,
  onDisk: true,
  inWorkspace: true,
  pdfViewer: false,
};
const remote: ExportSurroundings = { ...desktop, local: false };

describe('what the message after an export offers', () => {
  it('on a local desktop: HTML in the browser, a PDF in the system viewer, the folder in the OS', () => {
    assert.deepEqual(exportActions('html', desktop), ['openInBrowser', 'revealInOs']);
    assert.deepEqual(exportActions('pdf', desktop), ['openInOsViewer', 'revealInOs']);
  });

  it('in a remote or web editor: HTML as text, the file in the explorer (its Download…)', () => {
    assert.deepEqual(exportActions('html', remote), ['openInEditor', 'revealInExplorer']);
    // No local program can reach the file: showing it is all there is.
    assert.deepEqual(exportActions('pdf', remote), ['revealInExplorer']);
  });

  it('opens a PDF in an installed viewer extension wherever the editor runs', () => {
    assert.deepEqual(exportActions('pdf', { ...remote, pdfViewer: true }), [
      'openInPdfViewer',
      'revealInExplorer',
    ]);
    assert.deepEqual(exportActions('pdf', { ...desktop, pdfViewer: true }), [
      'openInPdfViewer',
      'revealInOs',
    ]);
  });

  it('treats a file in a virtual file system like a remote one, even on a desktop', () => {
    assert.deepEqual(exportActions('html', { ...desktop, onDisk: false }), [
      'openInEditor',
      'revealInExplorer',
    ]);
  });

  it('offers no reveal for a remote file outside the workspace (the explorer cannot show it)', () => {
    assert.deepEqual(exportActions('html', { ...remote, inWorkspace: false }), ['openInEditor']);
    assert.deepEqual(exportActions('pdf', { ...remote, inWorkspace: false }), []);
  });

  it('answers "open" and "reveal" given ahead, revealing what nothing can open', () => {
    const html = exportActions('html', remote);
    assert.equal(chosenAction(html, 'open'), 'openInEditor');
    assert.equal(chosenAction(html, 'reveal'), 'revealInExplorer');
    assert.equal(chosenAction(exportActions('pdf', remote), 'open'), 'revealInExplorer');
    assert.equal(chosenAction(exportActions('pdf', desktop), 'open'), 'openInOsViewer');
    assert.equal(chosenAction([], 'open'), undefined);
  });
});
