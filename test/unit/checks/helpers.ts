import {
  createProtokollService,
  createTextDocument,
  mergeConfig,
  type ProtokollConfig,
  type ProtokollDiagnostic,
} from '../../../server/src/language';

export const service = createProtokollService();
let counter = 0;

/** A minimal valid meeting; tests replace or add lines to provoke one diagnostic at a time. */
export const CLEAN = `# Styrelsen
Datum: 2024-04-18
Tid: 13:00-15:00
Plats: Stadshuset

Närvarande:
- Anna Ek, Skövde (ordförande)
- Per Berg, Hjo (sekreterare)
- Eva Lund, Tibro (justerare)

Frånvarande:
- Karlsborg

§ 1 Val av justerare
Eva Lund

§ 2 Budget
Beslut: Budgeten godkänns.
Åtgärd: Skicka budgeten. @Per Berg, 2024-05-01

§ 3 Nästa möte
Nästa möte: 2024-06-01, Hjo

Ordförande: Anna Ek
Sekreterare: Per Berg
Justerare: Eva Lund
Justerat: 2024-04-25
Anslaget: 2024-04-26
`;

export function diagnose(
  text: string,
  config: Partial<ProtokollConfig> = {},
): ProtokollDiagnostic[] {
  return service.getDiagnostics(
    createTextDocument(`file:///test/${counter++}.protokoll`, text),
    mergeConfig(config),
  );
}

export function codes(text: string, config: Partial<ProtokollConfig> = {}): string[] {
  return diagnose(text, config).map((d) => d.code);
}

/** The text a diagnostic's range covers. */
export function covered(text: string, d: ProtokollDiagnostic): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (d.range.start.line !== d.range.end.line) return '<multi-line>';
  return lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}

/** Applies the edits of a fix (non-overlapping) to the text. */
export function applyEdits(
  text: string,
  edits: readonly { range: ProtokollDiagnostic['range']; newText: string }[],
): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted)
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

export function only(
  text: string,
  code: string,
  config: Partial<ProtokollConfig> = {},
): ProtokollDiagnostic[] {
  return diagnose(text, config).filter((d) => d.code === code);
}
