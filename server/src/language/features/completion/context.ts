import type { Locale, ProtokollConfig } from '../../config';
import type { MeetingModel } from '../../model';
import { foldDiacritics } from '../../municipalities/index';
import type { ProtokollAst } from '../../syntax/ast';
import type { Range } from '../../types';

/** LSP CompletionItemKind numbers used here. */
export const CompletionItemKind = {
  Variable: 6,
  Module: 9,
  Value: 12,
  Keyword: 14,
  Snippet: 15,
  EnumMember: 20,
} as const;

/** The kinds this service uses (a subset of LSP's CompletionItemKind). */
export type CompletionItemKindValue = (typeof CompletionItemKind)[keyof typeof CompletionItemKind];

/** LSP InsertTextFormat: 1 = plain text, 2 = snippet (`${1:Rubrik}`, `${1|a,b|}`). */
export const InsertTextFormat = { PlainText: 1, Snippet: 2 } as const;

/** Structurally LSP's CompletionItem (plain-text or snippet inserts, markdown documentation). */
export interface CompletionItem {
  label: string;
  kind: CompletionItemKindValue;
  detail?: string;
  documentation?: { kind: 'markdown'; value: string };
  insertText?: string;
  textEdit?: { range: Range; newText: string };
  filterText?: string;
  sortText?: string;
  insertTextFormat?: 1 | 2;
  preselect?: boolean;
}

/** Structurally LSP's CompletionList. */
export interface CompletionList {
  /** True when the server filtered and ranked for the typed text: ask again as typing goes on. */
  isIncomplete: boolean;
  items: CompletionItem[];
}

/** What completion reads: the text and its parse. */
export interface CompletionSource {
  readonly text: string;
  readonly ast: ProtokollAst;
  readonly model: MeetingModel;
}

/** The cursor and what surrounds it on its line. */
export interface Context {
  readonly source: CompletionSource;
  readonly config: ProtokollConfig;
  readonly locale: Locale;
  /** The line's text before the cursor. */
  readonly before: string;
  /** The line's text after the cursor. */
  readonly after: string;
  readonly line: number;
  /** The range from `start` on the cursor line to the cursor. */
  at(start: number): Range;
}

/** A fresh empty list each time: callers may add to what they get. */
export const empty = (): CompletionList => ({ isIncomplete: false, items: [] });

export const sortKey = (i: number): string => String(i).padStart(5, '0');

/** Normalised, without diacritics, hyphens as spaces: the key typed text is compared on. */
export function foldedKey(s: string): string {
  return foldDiacritics(s).replace(/\s*-\s*/g, ' ');
}

/** A prefix of the text, or its characters in order starting with the same first letter. */
export function matchesTyped(candidate: string, typed: string): boolean {
  if (candidate.startsWith(typed)) return true;
  if (candidate[0] !== typed[0]) return false;
  let i = 0;
  for (const c of candidate) if (c === typed[i]) i++;
  return i === typed.length;
}

/** Gives the items their order through `sortText` (clients sort by it, not by array order). */
export function inOrder(items: CompletionItem[]): CompletionItem[] {
  return items.map((item, i) => ({ ...item, sortText: sortKey(i) }));
}
