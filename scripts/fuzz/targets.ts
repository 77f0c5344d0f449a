import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  applyTextEdits,
  CODE_ACTION_KINDS,
  createProtokollService,
  createTextDocument,
  mergeConfig,
  type ProtokollConfig,
} from '../../server/src/language';
import { exportDocument } from '../../server/src/node/export';
import { main as cliMain } from '../../server/src/node/cli';
import { structure } from './structure';

/*
 * The fuzz targets (issue 12): each runs one document through one way in — the language
 * service, the CLI code, an export — and throws when something is wrong (a crash, formatting
 * that is not idempotent). A target is an entry of `TARGETS`; other engineers add theirs (for
 * instance incremental-versus-fresh parsing) with one more entry.
 */

/** One way a document enters the program. */
export interface FuzzTarget {
  readonly name: string;
  /** Largest document this target is run on (the PDF export has its own size limit). */
  readonly maxBytes?: number;
  /** Runs the document through the target; throws on a defect. */
  run(text: string): Promise<void> | void;
}

const KOMMUNAL: ProtokollConfig = mergeConfig({
  kind: 'kommunal',
  seats: 15,
  organisations: ['Kommunalförbundet'],
  members: ['Hjo', 'Vara'],
});

let counter = 0;
const doc = (text: string) => createTextDocument(`file:///fuzz/${counter++}.protokoll`, text);

/** Positions spread over the document: start, a few inside, the end. */
function probePositions(text: string): { line: number; character: number }[] {
  const lines = text.split(/\r\n|\r|\n/);
  const picks = [0, 1, 5, Math.floor(lines.length / 2), lines.length - 1];
  return picks
    .filter((l) => l >= 0 && l < lines.length)
    .map((line) => ({ line, character: Math.min(3, lines[line].length) }));
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-fuzz-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

async function cli(argv: string[], text: string): Promise<void> {
  const file = path.join(tmp, `doc${counter++}.protokoll`);
  fs.writeFileSync(file, text);
  let stderr = '';
  const code = await cliMain([...argv, file], {
    stdout: () => undefined,
    stderr: (t) => void (stderr += t),
    write: () => undefined,
    readStdin: () => Buffer.alloc(0),
    env: {},
    isTerminal: false,
    cwd: tmp,
  });
  fs.rmSync(file, { force: true });
  // 0 clean, 1 problems found; 2 a usage or file error — here only the clear refusal of a file
  // with NUL bytes ("binary file") is expected.
  if ((code === 2 && !/binary file/.test(stderr)) || /at .*\(.*:\d+:\d+\)/.test(stderr))
    throw new Error(`CLI ${argv.join(' ')} exit ${code}: ${stderr.slice(0, 500)}`);
}

/** Every target `npm run fuzz` runs. */
export const TARGETS: FuzzTarget[] = [
  {
    name: 'service check',
    run(text) {
      const service = createProtokollService({ cacheSize: 2 });
      service.getDiagnostics(doc(text));
      service.getDiagnostics(doc(text), KOMMUNAL);
    },
  },
  {
    name: 'service format',
    run(text) {
      const service = createProtokollService({ cacheSize: 2 });
      const before = doc(text);
      const once = service.formatText(before);
      const after = doc(once);
      if (service.formatText(after) !== once) throw new Error('formatting is not idempotent');
      const [a, b] = [before, after].map((d) => JSON.stringify(structure(service.parse(d).ast)));
      if (a !== b)
        throw new Error(
          `formatting changed the structure: ${a.slice(0, 300)} → ${b.slice(0, 300)}`,
        );
    },
  },
  {
    name: 'service features',
    run(text) {
      const service = createProtokollService({ cacheSize: 2 });
      const d = doc(text);
      service.getDocumentSymbols(d);
      service.getFoldingRanges(d);
      const positions = probePositions(text);
      service.getSelectionRanges(d, positions);
      for (const p of positions) {
        service.getCompletions(d, p);
        service.getHover(d, p);
        service.getReferences(d, p, true);
        service.getCodeActions(d, { start: p, end: p });
      }
      const whole = {
        start: { line: 0, character: 0 },
        end: { line: Number.MAX_SAFE_INTEGER, character: 0 },
      };
      const fixAll = service.getCodeActions(d, whole, { only: [CODE_ACTION_KINDS.fixAll] });
      applyTextEdits(
        text,
        fixAll.flatMap((a) => a.edits),
      );
    },
  },
  {
    name: 'render html + json',
    run(text) {
      const service = createProtokollService({ cacheSize: 2 });
      service.render(doc(text), { config: KOMMUNAL, standalone: true, showDiagnostics: true });
      service.toJson(doc(text));
    },
  },
  {
    name: 'export pdf',
    maxBytes: 64 * 1024,
    async run(text) {
      await exportDocument({
        format: 'pdf',
        path: path.join(tmp, 'x.protokoll'),
        text,
        config: KOMMUNAL,
      });
    },
  },
  {
    name: 'cli check + format + render json',
    async run(text) {
      await cli(['check', '--no-config'], text);
      await cli(['format', '--check'], text);
      await cli(['render', '--format', 'json', '--no-config'], text);
    },
  },
];
