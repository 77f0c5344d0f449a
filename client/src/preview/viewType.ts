/** The preview's webview type (package.json `onWebviewPanel:`); its own file so activation can name it without loading the preview. */
export const PREVIEW_VIEW_TYPE = 'protokoll.preview';
