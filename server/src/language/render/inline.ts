/** A run of inline content: the format's `*kursiv*`, `**fet**` and bare links, nothing else. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'em' | 'strong'; readonly children: Inline[] }
  | { readonly kind: 'link'; readonly href: string; readonly text: string };

/**
 * A bare link: http(s) with a host, or mailto with an address. Quotes, angle brackets, backticks,
 * backslashes, `*` and whitespace end it, so a link can neither break out of an attribute nor
 * swallow an emphasis mark.
 */
const LINK =
  /(?:https?:\/\/[\p{L}\p{N}][^\s<>"'`\\*]*|mailto:[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,})/uy;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/** Splits a line of document text into text, emphasis and link runs. Never throws. */
export function parseInline(text: string): Inline[] {
  if (!MAY_HAVE_MARKUP.test(text)) return text ? [{ kind: 'text', text }] : [];
  return new InlineParser(text).parse(0, text.length);
}

const MAY_HAVE_MARKUP = /\*|https?:\/\/|mailto:/;

/** The plain text of inline runs, without markup. */
export function inlineText(runs: readonly Inline[]): string {
  return runs
    .map((r) => (r.kind === 'text' || r.kind === 'link' ? r.text : inlineText(r.children)))
    .join('');
}

class InlineParser {
  /** Per delimiter, the smallest position from which no closer exists (memo for long lines). */
  private readonly noCloserFrom = new Map<string, number>();

  constructor(private readonly text: string) {}

  parse(from: number, to: number): Inline[] {
    const out: Inline[] = [];
    let plain = '';
    const flush = () => {
      if (plain) out.push({ kind: 'text', text: plain });
      plain = '';
    };
    let i = from;
    while (i < to) {
      const link = this.linkAt(i, to);
      if (link) {
        flush();
        out.push({ kind: 'link', href: link, text: link });
        i += link.length;
        continue;
      }
      const delimiter = this.text.startsWith('**', i) ? '**' : this.text[i] === '*' ? '*' : '';
      const close = delimiter ? this.closerFor(delimiter, i + delimiter.length, to) : -1;
      if (close >= 0) {
        flush();
        out.push({
          kind: delimiter === '**' ? 'strong' : 'em',
          children: this.parse(i + delimiter.length, close),
        });
        i = close + delimiter.length;
        continue;
      }
      plain += this.text[i];
      i++;
    }
    flush();
    return out;
  }

  private linkAt(i: number, to: number): string | undefined {
    if (!this.text.startsWith('http', i) && !this.text.startsWith('mailto:', i)) return undefined;
    if (i > 0 && WORD_CHARACTER.test(this.text[i - 1])) return undefined;
    LINK.lastIndex = i;
    const m = LINK.exec(this.text);
    if (!m) return undefined;
    let link = m[0].slice(0, to - i);
    const trailing = TRAILING_PUNCTUATION.exec(link);
    if (trailing) {
      link = link.slice(0, link.length - trailing[0].length);
      // Keep a closing parenthesis that balances one inside the link (Wikipedia-style URLs).
      const rest = trailing[0];
      if (rest.startsWith(')') && count(link, '(') > count(link, ')')) link += ')';
    }
    return /^(?:https?:\/\/|mailto:).+/u.test(link) ? link : undefined;
  }

  /**
   * The position of the delimiter that closes one opened at `start`: the opener must be followed
   * by a non-blank, the closer preceded by one, and the content must not be empty.
   */
  private closerFor(delimiter: string, start: number, to: number): number {
    if (start >= to || /\s/.test(this.text[start]) || this.text[start] === '*') return -1;
    const memoKey = `${delimiter}:${to}`;
    const none = this.noCloserFrom.get(memoKey);
    if (none !== undefined && start >= none) return -1;
    let j = start + 1;
    while (j < to) {
      const link = this.linkAt(j, to);
      if (link) {
        j += link.length;
        continue;
      }
      if (this.text[j] === '*') {
        const run = this.text.startsWith('**', j) ? 2 : 1;
        if (run === delimiter.length && !/\s/.test(this.text[j - 1]) && j + run <= to) return j;
        // A longer or shorter run belongs to a nested emphasis; step over it whole.
        j += run;
        continue;
      }
      j++;
    }
    this.noCloserFrom.set(memoKey, start);
    return -1;
  }
}

function count(text: string, c: string): number {
  let n = 0;
  for (const ch of text) if (ch === c) n++;
  return n;
}
