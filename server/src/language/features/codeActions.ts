import { renumberEdits } from '../checks/numbering';
import type { Locale } from '../config';
import type { AgendaItem } from '../syntax/ast';
import {
  comparePositions,
  rangesEqual,
  type Fix,
  type ProtokollDiagnostic,
  type Range,
  type TextEdit,
} from '../types';

/** The code action kinds the service offers. */
export const CODE_ACTION_KINDS = {
  quickFix: 'quickfix',
  fixAll: 'source.fixAll.protokoll',
  renumber: 'refactor.rewrite.protokoll.renumber',
} as const;

/**
 * A diagnostic as an editor hands it back with a code action request: its place, its code, and
 * the fixes it was published with (with the document version they were computed for).
 */
export interface CodeActionDiagnostic {
  readonly range: Range;
  readonly code?: string | number;
  readonly fixes?: readonly Fix[];
  readonly version?: number;
}

/** What the editor asks for: the diagnostics at the cursor, and which kinds it wants. */
export interface CodeActionContext {
  /** The diagnostics at the range; when absent, those of the document that touch the range. */
  readonly diagnostics?: readonly CodeActionDiagnostic[];
  /** Kinds wanted (a kind also matches its sub-kinds: `source` matches `source.fixAll…`). */
  readonly only?: readonly string[];
}

/** A code action as plain data: its edits all apply to the requested document. */
export interface ProtokollCodeAction {
  readonly title: string;
  readonly kind: string;
  readonly edits: readonly TextEdit[];
  /** The diagnostics it resolves: the very objects passed in the context. */
  readonly diagnostics?: readonly CodeActionDiagnostic[];
  readonly isPreferred?: boolean;
}

/** The document facts code actions need. */
export interface CodeActionDocument {
  readonly version: number;
  readonly items: readonly AgendaItem[];
  /** All current diagnostics of the document, with their fixes. */
  readonly diagnostics: readonly ProtokollDiagnostic[];
}

const WIDE_EDIT_LINES = 64;

const TITLES = {
  fixAll: {
    sv: 'Åtgärda alla problem som kan åtgärdas automatiskt',
    en: 'Fix all auto-fixable problems',
  },
  renumber: {
    sv: (n: number) => `Numrera om från § ${n}`,
    en: (n: number) => `Renumber from § ${n}`,
  },
};

/**
 * Quick fixes for the diagnostics in `context`, a "fix all" source action, and the refactoring
 * "renumber from § N" when `range` starts on an item's `§` line.
 */
export function computeCodeActions(
  doc: CodeActionDocument,
  range: Range,
  context: CodeActionContext,
  locale: Locale,
): ProtokollCodeAction[] {
  const wanted = (kind: string) =>
    !context.only || context.only.some((o) => kind === o || kind.startsWith(o + '.'));
  const actions: ProtokollCodeAction[] = [];
  if (wanted(CODE_ACTION_KINDS.quickFix)) actions.push(...quickFixes(doc, range, context));
  if (wanted(CODE_ACTION_KINDS.fixAll)) {
    const edits = fixAllEdits(doc.diagnostics);
    if (edits.length > 0)
      actions.push({ title: TITLES.fixAll[locale], kind: CODE_ACTION_KINDS.fixAll, edits });
  }
  if (wanted(CODE_ACTION_KINDS.renumber)) {
    const renumber = renumberFrom(doc.items, range, locale);
    if (renumber) actions.push(renumber);
  }
  return actions;
}

function quickFixes(
  doc: CodeActionDocument,
  range: Range,
  context: CodeActionContext,
): ProtokollCodeAction[] {
  const diagnostics =
    context.diagnostics ?? doc.diagnostics.filter((d) => rangesTouch(d.range, range));
  // One repair (e.g. "renumber all items") is offered by several diagnostics: list it once.
  const byKey = new Map<string, { fix: Fix; diagnostics: CodeActionDiagnostic[] }>();
  for (const diagnostic of diagnostics) {
    for (const fix of currentFixes(doc, diagnostic)) {
      const key = `${fix.title}\u0000${editsKey(fix.edits)}`;
      const entry = byKey.get(key);
      if (entry) entry.diagnostics.push(diagnostic);
      else byKey.set(key, { fix, diagnostics: [diagnostic] });
    }
  }
  return [...byKey.values()].map(({ fix, diagnostics }) => ({
    title: fix.title,
    kind: CODE_ACTION_KINDS.quickFix,
    edits: fix.edits,
    diagnostics,
    isPreferred: fix.preferred === true ? true : undefined,
  }));
}

/**
 * The fixes a diagnostic carries, if they were computed for this version of the document;
 * otherwise those of the same diagnostic computed now (none when it no longer exists).
 */
function currentFixes(doc: CodeActionDocument, diagnostic: CodeActionDiagnostic): readonly Fix[] {
  if (diagnostic.fixes && (diagnostic.version === undefined || diagnostic.version === doc.version))
    return diagnostic.fixes;
  const code = diagnostic.code === undefined ? undefined : String(diagnostic.code);
  const same = doc.diagnostics.find(
    (d) => d.code === code && rangesEqual(d.range, diagnostic.range),
  );
  return same?.fixes ?? [];
}

/**
 * The edits of every preferred fix, skipping a fix whose edits would overlap one already taken.
 * Fixes with fewer edits go first, so one local repair is not lost to a renumbering that touches
 * the same mark; the renumbering then applies on the next "fix all". Linear in the edits: a fix
 * shared by many diagnostics (the renumbering) is keyed once, and an edit is compared only with
 * the taken edits on its own lines.
 */
export function fixAllEdits(diagnostics: readonly ProtokollDiagnostic[]): TextEdit[] {
  const seen = new Set<string>();
  const candidates: Fix[] = [];
  for (const d of diagnostics) {
    for (const fix of d.fixes ?? []) {
      if (!fix.preferred || fix.edits.length === 0) continue;
      const key = editsKey(fix.edits);
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(fix);
    }
  }
  candidates.sort((a, b) => a.edits.length - b.edits.length);
  // Taken edits by every line they touch (two edits that conflict share a line); the few that
  // span more than WIDE_EDIT_LINES lines are compared with every edit.
  const takenOnLine = new Map<number, TextEdit[]>();
  const wide: TextEdit[] = [];
  const lines = (e: TextEdit) => e.range.end.line - e.range.start.line + 1;
  const conflicts = (e: TextEdit) => {
    if (wide.some((t) => editsConflict(e, t))) return true;
    if (lines(e) > WIDE_EDIT_LINES)
      return [...takenOnLine.values()].some((onLine) => onLine.some((t) => editsConflict(e, t)));
    for (let line = e.range.start.line; line <= e.range.end.line; line++) {
      if (takenOnLine.get(line)?.some((t) => editsConflict(e, t))) return true;
    }
    return false;
  };
  const taken: TextEdit[] = [];
  for (const fix of candidates) {
    if (fix.edits.some(conflicts)) continue;
    for (const e of fix.edits) {
      if (lines(e) > WIDE_EDIT_LINES) {
        wide.push(e);
        continue;
      }
      for (let line = e.range.start.line; line <= e.range.end.line; line++) {
        const onLine = takenOnLine.get(line);
        if (onLine) onLine.push(e);
        else takenOnLine.set(line, [e]);
      }
    }
    taken.push(...fix.edits);
  }
  return taken.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

/**
 * Two edits conflict when their ranges overlap, when both insert at the same place (their order
 * would be arbitrary), or when one inserts inside the text the other replaces. Edits that only
 * touch at an end do not conflict.
 */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  if (rangesEqual(a.range, b.range)) return true;
  return (
    comparePositions(a.range.start, b.range.end) < 0 &&
    comparePositions(b.range.start, a.range.end) < 0
  );
}

function renumberFrom(
  items: readonly AgendaItem[],
  range: Range,
  locale: Locale,
): ProtokollCodeAction | undefined {
  const index = items.findIndex((i) => i.mark.start.line === range.start.line);
  if (index < 0) return undefined;
  const item = items[index];
  const previous = items
    .slice(0, index)
    .reverse()
    .find((i) => i.value !== undefined)?.value;
  // An inserted `§ 17 a` continues after its `§ 17`; an item without a number after its predecessor.
  const from =
    item.value === undefined || (item.suffix && previous !== undefined && previous >= item.value)
      ? (previous ?? 0) + 1
      : item.value;
  const edits = renumberEdits(items, from, index);
  if (edits.length === 0) return undefined;
  return { title: TITLES.renumber[locale](from), kind: CODE_ACTION_KINDS.renumber, edits };
}

// The same edits array is handed out by every diagnostic sharing a fix: keyed once.
const editsKeys = new WeakMap<readonly TextEdit[], string>();

function editsKey(edits: readonly TextEdit[]): string {
  let key = editsKeys.get(edits);
  if (key === undefined) editsKeys.set(edits, (key = editsKeyOf(edits)));
  return key;
}

function editsKeyOf(edits: readonly TextEdit[]): string {
  return JSON.stringify(
    edits.map((e) => [
      e.range.start.line,
      e.range.start.character,
      e.range.end.line,
      e.range.end.character,
      e.newText,
    ]),
  );
}

function rangesTouch(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
