/**
 * A fresh CSP nonce: 128 bits from the cryptographic random source (Web Crypto, in Node and in
 * the browser alike).
 */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export interface ShellOptions {
  /** The webview's `cspSource` (the origin its resources are served from). */
  readonly cspSource: string;
  readonly nonce: string;
  /** Webview URIs of `media/minutes.css`, `media/preview.css` and `media/preview.js`. */
  readonly minutesCss: string;
  readonly previewCss: string;
  readonly script: string;
  readonly lang: 'sv' | 'en';
  /** Shown until the first content arrives. */
  readonly loadingText: string;
}

/**
 * The preview page. It is written once per panel (a new nonce each time) and never reloaded
 * for content: the content comes by message. Styles and the script load only from the
 * extension's media folder; the script runs only with the nonce.
 */
export function previewShell(options: ShellOptions): string {
  const attr = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource}`,
    `script-src 'nonce-${options.nonce}'`,
    `img-src ${options.cspSource}`,
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    `<html lang="${options.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<link rel="stylesheet" href="${attr(options.minutesCss)}">`,
    `<link rel="stylesheet" href="${attr(options.previewCss)}">`,
    '</head>',
    '<body>',
    '<div id="protokoll-notice" role="status" hidden></div>',
    `<main id="protokoll-preview" aria-busy="true"><p class="protokoll-loading">${attr(options.loadingText)}</p></main>`,
    `<script nonce="${attr(options.nonce)}" src="${attr(options.script)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
