import type { HeaderField, Keyword, SignatureLine, Span } from './ast';
import type { LineTools } from './attendee';
import type { HeaderKind, KeywordKind, SignatureKind } from './keywords';
import { HeaderFieldNode, SignatureNode } from './headerNodes';
import { paragraphSet, personList, signerList } from './persons';

/** Keywords of the signature block (a run of them right before a § is one too). */
export const SIGNATURE_BLOCK_KINDS: ReadonlySet<KeywordKind> = new Set([
  'chair',
  'secretary',
  'adjuster',
  'adjusted',
  'posted',
  'paragraphs',
]);

/** A signature line: signers split at `,` and ` och ` (party letters apart), or a date. */
export function signatureLine(
  tools: LineTools,
  kind: SignatureKind,
  keyword: Keyword,
  value: Span | undefined,
): SignatureLine {
  const { place } = tools;
  if (kind === 'adjusted' || kind === 'posted')
    return new SignatureNode(kind, place, keyword, [], [], value);
  if (!value) return new SignatureNode(kind, place, keyword, [], []);
  const start = tools.offsetOf(value);
  const persons = signerList(tools.text, start, start + value.text.length, tools.span);
  return new SignatureNode(
    kind,
    place,
    keyword,
    persons.map((p) => p.name),
    persons,
  );
}

const ISO_IN_TEXT = /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/;

/** A header field with the parts of its value the model uses. */
export function headerField(
  tools: LineTools,
  kind: HeaderKind,
  keyword: Keyword,
  value: Span | undefined,
): HeaderField {
  const { place } = tools;
  if (!value) return new HeaderFieldNode(kind, place, keyword);
  const start = tools.offsetOf(value);
  const end = start + value.text.length;
  if (kind === 'appointedAdjusters') {
    const persons =
      personList(tools.text, start, end, tools.span) ??
      signerList(tools.text, start, end, tools.span);
    return new HeaderFieldNode(kind, place, keyword, value, persons);
  }
  if (kind === 'adjustmentPlace') {
    const m = ISO_IN_TEXT.exec(value.text);
    const date = m ? tools.span(start + m.index, start + m.index + m[0].length) : undefined;
    return new HeaderFieldNode(kind, place, keyword, value, undefined, date);
  }
  if (kind === 'paragraphs') {
    const paragraphs = paragraphSet(tools.text, start, end, tools.span, true);
    return new HeaderFieldNode(kind, place, keyword, value, undefined, undefined, paragraphs);
  }
  return new HeaderFieldNode(kind, place, keyword, value);
}
