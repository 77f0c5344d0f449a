import type { Range } from '../types';
import type { SyntaxProblem } from './ast';
import type { Anchor } from './place';

type Message = { readonly sv: string; readonly en: string };

/** A range kept relative to a block's anchor (problems may span lines). */
class AnchoredRange {
  constructor(
    readonly _anchor: Anchor,
    readonly _sl: number,
    readonly _sc: number,
    readonly _el: number,
    readonly _ec: number,
  ) {}

  static of(anchor: Anchor, range: Range): AnchoredRange {
    return new AnchoredRange(
      anchor,
      range.start.line - anchor.line,
      range.start.character,
      range.end.line - anchor.line,
      range.end.character,
    );
  }

  get range(): Range {
    const base = this._anchor.line;
    return {
      start: { line: base + this._sl, character: this._sc },
      end: { line: base + this._el, character: this._ec },
    };
  }
}

export class ProblemNode implements SyntaxProblem {
  readonly _at: AnchoredRange;
  readonly _fix?: AnchoredRange;
  readonly _fixText?: { readonly newText: string; readonly title: Message };

  constructor(
    anchor: Anchor,
    range: Range,
    readonly message: Message,
    fix?: { readonly range: Range; readonly newText: string; readonly title: Message },
  ) {
    this._at = AnchoredRange.of(anchor, range);
    if (fix) {
      this._fix = AnchoredRange.of(anchor, fix.range);
      this._fixText = { newText: fix.newText, title: fix.title };
    }
  }

  get range(): Range {
    return this._at.range;
  }

  get fix(): SyntaxProblem['fix'] {
    if (!this._fix || !this._fixText) return undefined;
    return { range: this._fix.range, newText: this._fixText.newText, title: this._fixText.title };
  }
}
