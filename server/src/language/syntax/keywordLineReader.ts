import { actionLine } from './actionLine';
import { SectionNode } from './attendanceNodes';
import { headerField, signatureLine } from './blocks';
import type { BlockBuilder } from './blockBuilder';
import { DecisionLineNode, NextMeetingLineNode } from './bodyLineNodes';
import { readAttendee } from './bulletLineReader';
import { labelLine } from './itemBody';
import {
  canonicalKeyword,
  GROUP_OF_SECTION_KEYWORD,
  HEADER_KINDS,
  ITEM_LABEL_KINDS,
  LIST_LABEL_KINDS,
  KEYWORDS,
  type HeaderKind,
  type ItemLabelKind,
  type KeywordKind,
} from './keywords';
import { trimEnd, trimStart } from './lines';
import { KeywordNode } from './place';
import { readTextLine } from './textLineReader';

/** Reads a keyword line of the block being read: header field, attendance, signature or item line. */
export function readKeywordLine(b: BlockBuilder, afterLastItem: boolean): void {
  const { text, lineEnd } = b;
  const kind = b.keywordKind as KeywordKind;
  const colonEnd = b.firstEnd;
  const item = b.item;
  if (b.context === 'item' && item && (kind === 'decision' || kind === 'action')) {
    // The most frequent keyword lines keep columns, not span objects.
    const base = b.lineStart;
    if (kind === 'decision') {
      const ts = trimStart(text, colonEnd, lineEnd);
      const te = trimEnd(text, ts, lineEnd);
      const some = ts < te;
      b.addBody(
        new DecisionLineNode(
          b,
          b.first - base,
          colonEnd - base,
          some ? ts - base : -1,
          some ? te - base : -1,
        ),
      );
    } else b.addBody(actionLine(b, b.first, colonEnd, lineEnd));
    return;
  }
  const keyword = new KeywordNode(kind, b.place, b.first - b.lineStart, colonEnd - b.lineStart);
  const value = b.span(colonEnd, lineEnd);
  const beforeItems = b.items.length === 0 && !item;

  if (kind === 'paragraphs' && afterLastItem && b.items.length + (item ? 1 : 0) > 0) {
    // `Paragrafer:` may also stand in the signature block.
    b.closeItem();
    b.endSection();
    b.context = 'signatures';
    b.header.push(headerField(b, kind, keyword, value));
    return;
  }
  if ((HEADER_KINDS as readonly KeywordKind[]).includes(kind)) {
    if (beforeItems && b.context !== 'signatures') {
      b.endSection();
      if (b.header.some((h) => h.kind === kind)) {
        b.problem(
          keyword.range,
          `${canonicalKeyword(kind)} står redan i huvudet. Ta bort den ena raden.`,
          `${KEYWORDS[kind][1]} is already given in the header. Remove one of the lines.`,
        );
      }
      b.header.push(headerField(b, kind as HeaderKind, keyword, value));
      return;
    }
    return readTextLine(b, afterLastItem);
  }
  const group = GROUP_OF_SECTION_KEYWORD[kind];
  if (group) {
    if (!beforeItems || b.context === 'signatures') {
      b.problem(
        keyword.range,
        `${canonicalKeyword(kind)}: ska stå före den första §-punkten.`,
        `${KEYWORDS[kind][1]}: belongs before the first § item.`,
      );
      return;
    }
    b.endSection();
    b.section = new SectionNode(group === 'absent' ? 'absent' : 'present', group, b.place, keyword);
    b.sections.push(b.section);
    b.context = 'section';
    if (value) {
      // `Närvarande: Ulf Andersson, Gullspång` — the first entry on the keyword line.
      readAttendee(b, b.offsetOf(value), keyword._s, keyword._e);
    }
    return;
  }
  if (
    kind === 'chair' ||
    kind === 'secretary' ||
    kind === 'adjuster' ||
    kind === 'adjusted' ||
    kind === 'posted'
  ) {
    if (afterLastItem) {
      b.closeItem();
      b.endSection();
      b.context = 'signatures';
      b.signatures.push(signatureLine(b, kind, keyword, value));
      return;
    }
    return readTextLine(b, afterLastItem);
  }
  // decision, action (outside an item), next meeting and the v2 item labels
  if (b.context !== 'item' || !item) {
    b.problem(
      keyword.range,
      `${canonicalKeyword(kind)}: hör till en §-punkt. Skriv raden under punkten den gäller.`,
      `${KEYWORDS[kind][1]}: belongs to a § item. Write the line under the item it concerns.`,
    );
    return;
  }
  if ((ITEM_LABEL_KINDS as readonly KeywordKind[]).includes(kind)) {
    const label = kind as ItemLabelKind;
    b.addBody(labelLine(b, label, keyword, value, colonEnd, lineEnd));
    b.listLabel = LIST_LABEL_KINDS.includes(label) ? label : undefined;
    return;
  }
  if (!value) {
    b.addBody(new NextMeetingLineNode(b.place, keyword));
    return;
  }
  const start = b.offsetOf(value);
  const comma = value.text.indexOf(',');
  const space = value.text.search(/\s/);
  const cut = comma >= 0 ? comma : space >= 0 ? space : value.text.length;
  b.addBody(
    new NextMeetingLineNode(
      b.place,
      keyword,
      b.span(start, start + cut),
      b.span(start + cut + (comma >= 0 ? 1 : 0), lineEnd),
    ),
  );
}
