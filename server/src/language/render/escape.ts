/**
 * Characters that would let document text change the page around it even when escaped: C0/C1
 * controls (except tab and line breaks), bidirectional embeddings, overrides and isolates (which
 * can reorder the renderer's own labels, "Trojan Source" style), and lone surrogates. They are
 * shown as U+FFFD so the secretary sees that something odd is in the text.
 */
const UNSAFE_CHARACTERS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NEEDS_WORK =
  /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Replaces the characters that could reorder or hide the surrounding page by U+FFFD. */
export function neutralise(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(UNSAFE_CHARACTERS, '\ufffd');
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return neutralise(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
