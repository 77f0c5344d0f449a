import { createProtokollService, createTextDocument } from '../../server/src/language';
import { REPRODUCTIONS } from '../fuzz/reproductions';
import { generateMinutes } from './generate';
import type { Figure } from './goals';

/*
 * Issue 12's table: each hostile document through parse + all checks (the work of
 * `protokoll check`), CPU time of the best of three runs, per MB of document. Goal: under 1 s
 * per MB; and the 400 KB plain-looking document (20,000 round-table bullets at scale 0.7) in
 * well under a second.
 */
export function benchHostile(): Figure[] {
  const figures: Figure[] = [];
  // Plain minutes, for the load of the moment: the same work per MB on ordinary text.
  const plainText = generateMinutes(4_000);
  const plainMsPerMb = bestCpuMs(plainText) / (Buffer.byteLength(plainText) / 1e6);
  console.log(`plain minutes: ${plainMsPerMb.toFixed(0)} ms/MB (the load of the moment)`);
  for (const r of REPRODUCTIONS) {
    const text = r.build();
    const best = bestCpuMs(text);
    const mb = Buffer.byteLength(text) / 1e6;
    console.log(
      `${r.what}: ${(mb * 1000).toFixed(0)} KB, ${best.toFixed(0)} ms CPU, ${(best / mb).toFixed(0)} ms/MB = ×${(best / mb / plainMsPerMb).toFixed(1)} plain minutes`,
    );
    figures.push({
      what: `hostile: ${r.what} (${(mb * 1000).toFixed(0)} KB), check`,
      unit: 'ms/MB',
      value: best / mb,
      max: 1000,
    });
  }
  return figures;
}

function bestCpuMs(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const service = createProtokollService({ cacheSize: 1 });
    const start = process.cpuUsage();
    service.getDiagnostics(createTextDocument(`file:///hostile/${i}.protokoll`, text));
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}
