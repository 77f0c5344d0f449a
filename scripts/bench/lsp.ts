import * as fs from 'node:fs';
import { CompletionRequest, type Position } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../../test/lsp/client';
import { generateMinutes } from './generate';

/**
 * What the editor feels while typing, measured over stdio against `dist/server.js`, started as
 * the VS Code client starts it (server/src/serverLaunch.ts) or bare.
 */
export interface LspRow {
  readonly lines: number;
  /** Started with no Node flags and no launch environment (`protokoll-language-server`). */
  readonly bare: boolean;
  /** didOpen → first publishDiagnostics, median of fresh documents. */
  readonly openMs: number;
  /** didChange (one character) → diagnostics of that version, with diagnosticsDelay 0. */
  readonly keystrokeP50: number;
  readonly keystrokeP95: number;
  /** Completion on the parsed, unchanged document. */
  readonly completionIdleP99: number;
  /** Completion sent right behind a didChange, before that version is checked. */
  readonly completionAfterEditP99: number;
  /** Server resident set size with the document open and checked. */
  readonly rssOpenMb: number;
  /** The same after 1,000 more edits. */
  readonly rssAfterEditsMb: number;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** One server per size, so the RSS figures are this document's alone. */
export async function measureLsp(lines: number, { bare = false } = {}): Promise<LspRow> {
  const text = generateMinutes(lines);
  const rows = text.split('\n');
  const client = await LspClient.start({
    settings: { diagnosticsDelay: 0 },
    timeoutMs: 60_000,
    bare,
  });
  try {
    // Open → diagnostics on fresh URIs; each closed again so only one stays open at the end.
    const opens: number[] = [];
    for (let i = 0; i < 7; i++) {
      const uri = `file:///bench/open-${lines}-${i}.protokoll`;
      const start = now();
      await client.open(uri, text);
      await client.diagnosticsForVersion(uri, 1);
      opens.push(now() - start);
      await client.close(uri);
    }
    const uri = `file:///bench/typing-${lines}.protokoll`;
    await client.open(uri, text);
    await client.diagnosticsForVersion(uri, 1);
    const rssOpenMb = rssMb(client.process.pid!);

    // Typing in the middle of the document: a character at the end of a body line.
    const middle = rows.findIndex((l, i) => i > rows.length / 2 && l.startsWith('Förvaltningen'));
    let column = rows[middle].length;
    const type = (): Promise<number> =>
      client
        .change(uri, [
          {
            range: {
              start: { line: middle, character: column },
              end: { line: middle, character: column },
            },
            text: 'x',
          },
        ])
        .then((version) => {
          column++;
          return version;
        });
    const keystrokes: number[] = [];
    const strokes = lines > 10_000 ? 60 : 200;
    for (let i = 0; i < strokes; i++) {
      const start = now();
      const version = await type();
      await client.diagnosticsForVersion(uri, version);
      keystrokes.push(now() - start);
    }

    const action = rows.findLastIndex((l) => l.startsWith('Åtgärd:'));
    const owner: Position = { line: action, character: rows[action].indexOf('@') + 3 };
    const complete = async (): Promise<number> => {
      const start = now();
      await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: owner,
      });
      return now() - start;
    };
    const idle: number[] = [];
    for (let i = 0; i < 200; i++) idle.push(await complete());
    const afterEdit: number[] = [];
    for (let i = 0; i < (lines > 10_000 ? 60 : 200); i++) {
      const version = await type();
      afterEdit.push(await complete());
      await client.diagnosticsForVersion(uri, version);
    }

    // 1,000 edits in bursts of 25, as fast typing sends them; each burst's last version is
    // checked before the next (a server that checks every version of a burst is slow, not hung).
    for (let burst = 0; burst < 40; burst++) {
      let last = 0;
      for (let i = 0; i < 25; i++) last = await type();
      await client.diagnosticsForVersion(uri, last);
    }
    const rssAfterEditsMb = rssMb(client.process.pid!);

    return {
      lines,
      bare,
      openMs: percentile(opens, 50),
      keystrokeP50: percentile(keystrokes, 50),
      keystrokeP95: percentile(keystrokes, 95),
      completionIdleP99: percentile(idle, 99),
      completionAfterEditP99: percentile(afterEdit, 99),
      rssOpenMb,
      rssAfterEditsMb,
    };
  } finally {
    await client.stop();
  }
}
