import * as assert from 'node:assert/strict';
import { isFromWebview, isPreviewState } from '../../../client/src/preview/messages.js';
import { createNonce, previewShell } from '../../../client/src/preview/shell.js';

const options = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  minutesCss: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/minutes.css',
  previewCss: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css',
  script: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js',
  lang: 'sv' as const,
  loadingText: 'Förhandsvisningen laddas…',
};

describe('preview shell and messages', () => {
  it('writes the strict CSP with the nonce and loads only media files', () => {
    const nonce = createNonce();
    const html = previewShell({ ...options, nonce });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1];
    assert.equal(
      csp,
      `default-src 'none'; style-src ${options.cspSource}; script-src 'nonce-${nonce}'; img-src ${options.cspSource}`,
    );
    assert.match(
      html,
      new RegExp(
        `<script nonce="${nonce.replace(/[+/]/g, '\\$&')}" src="${options.script.replace(/[.+]/g, '\\$&')}"></script>`,
      ),
    );
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<main id="protokoll-preview" aria-busy="true">/);
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    assert.equal(nonces.size, 200);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
  });

  it('accepts only the known webview messages', () => {
    assert.ok(isFromWebview({ type: 'ready' }));
    assert.ok(isFromWebview({ type: 'didScroll', line: 12.5 }));
    assert.ok(isFromWebview({ type: 'openSource', line: 3 }));
    for (const bad of [
      null,
      'ready',
      {},
      { type: 'openSource' },
      { type: 'openSource', line: -1 },
      { type: 'didScroll', line: Number.NaN },
      { type: 'runCommand', command: 'x' },
    ]) {
      assert.equal(isFromWebview(bad), false, JSON.stringify(bad));
    }
  });

  it('restores only well-formed preview state', () => {
    assert.ok(isPreviewState({ uri: 'file:///a.protokoll', line: 4, locked: true }));
    assert.ok(isPreviewState({ uri: 'file:///a.protokoll' }));
    for (const bad of [
      undefined,
      {},
      { uri: 3 },
      { uri: 'x', line: 'a' },
      { uri: 'x', locked: 'yes' },
    ]) {
      assert.equal(isPreviewState(bad), false, JSON.stringify(bad));
    }
  });
});
