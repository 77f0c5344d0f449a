import type { BlockBuilder } from './blockBuilder';
import { readAttendeeContent } from './attendee';
import type { SectionNode } from './attendanceNodes';
import { BulletLineNode } from './bodyLineNodes';
import { bulletPersons, tallyLine } from './itemBody';
import { voteChoice } from './keywords';
import { trimEnd, trimStart } from './lines';
import type { LineNode } from './place';
import { mayBeVoteChoice, roundTableColon, wordCount } from './roundTable';
import { notASignature } from './textLineReader';

/** Reads a `- ` line of the block being read: an attendance entry, tally, round table or bullet. */
export function readBullet(b: BlockBuilder): void {
  const markerStart = b.first;
  const after = b.firstEnd;
  const { lineEnd } = b;
  if (b.context === 'section') return readAttendee(b, after, markerStart - b.lineStart);
  if (b.context === 'signatures') return notASignature(b);
  const item = b.context === 'item' ? b.item : undefined;
  const markerCol = markerStart - b.lineStart;
  if (item) {
    // `- Ja: 7`, `- Avstår: 2` — a vote tally, never an organisation.
    const tally = tallyLine(b, after, lineEnd, markerCol);
    if (tally) {
      b.addBody(tally);
      return;
    }
  }
  const source = b.text;
  const base = b.lineStart;
  const ts = trimStart(source, after, lineEnd);
  const te = trimEnd(source, ts, lineEnd);
  const list = item ? b.listLabel : undefined;
  // `- Hjo: text` — a short label and a colon followed by a blank or the line end; not
  // `- Kl 10:00 fika`, a URL, a vote tally or a bullet of a list under a label.
  let os = -1;
  let oe = -1;
  let rs = -1;
  let re = -1;
  if (!list && ts < te) {
    const colon = roundTableColon(source, after, lineEnd);
    if (colon >= 0) {
      const start = trimStart(source, after, colon);
      const end = trimEnd(source, start, colon);
      if (
        start < end &&
        !(mayBeVoteChoice(source.charCodeAt(after)) && voteChoice(source.slice(after, colon))) &&
        wordCount(source, start, end) <= 4
      ) {
        os = start - base;
        oe = end - base;
        const restStart = trimStart(source, colon + 1, lineEnd);
        const restEnd = trimEnd(source, restStart, lineEnd);
        if (restStart < restEnd) {
          rs = restStart - base;
          re = restEnd - base;
        }
      }
    }
  }
  const bullet = new BulletLineNode(
    b,
    markerCol,
    ts < te ? ts - base : -1,
    ts < te ? te - base : -1,
    os,
    oe,
    rs,
    re,
    list,
    list ? bulletPersons(b, list, after, lineEnd) : undefined,
  );
  if (item) b.addBody(bullet);
  else b.preamble.push(bullet);
}

export function readAttendee(
  b: BlockBuilder,
  from: number,
  markerStart: number,
  markerEnd = markerStart + 1,
): void {
  const section = b.section as SectionNode;
  const entry = readAttendeeContent(b, from, b.lineEnd, section.group, markerStart, markerEnd);
  section.entries.push(entry);
  section._end = entry as unknown as LineNode;
}
