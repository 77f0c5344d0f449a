import {
  applyTextEdits,
  CODE_ACTION_KINDS,
  createTextDocument,
  type ProtokollConfig,
  type ProtokollService,
} from '../../language';

/** Rounds of "fix all" at most: a renumbering held back by an overlapping fix waits one round. */
const MAX_ROUNDS = 10;

/**
 * The text after every safe fix: the edits of the editor's "Fix all" (`source.fixAll.protokoll`),
 * applied again until nothing is left to fix, as a user pressing it repeatedly would.
 * `rounds` is how many rounds changed the text.
 */
export function applyAllFixes(
  service: ProtokollService,
  uri: string,
  text: string,
  config: ProtokollConfig,
): { text: string; rounds: number } {
  let current = text;
  let rounds = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const doc = createTextDocument(uri, current, round + 1);
    const whole = {
      start: { line: 0, character: 0 },
      end: { line: Number.MAX_SAFE_INTEGER, character: 0 },
    };
    const actions = service.getCodeActions(
      doc,
      whole,
      { only: [CODE_ACTION_KINDS.fixAll] },
      config,
    );
    service.close(uri);
    const edits = actions.flatMap((a) => a.edits);
    if (edits.length === 0) break;
    const next = applyTextEdits(current, edits);
    if (next === current) break;
    current = next;
    rounds++;
  }
  return { text: current, rounds };
}
