// What the end-to-end test scripts (test-editors.mjs, test-web.mjs) share: progress lines with
// the time since start, a clear exit on bad usage, and their command-line options.
import { parseArgs } from 'node:util';

/** Seconds, one decimal: `12.3s`. */
export const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

/**
 * The script `name`'s voice: `say` prints a progress line, `die` prints what is wrong with hints
 * and exits 2, `options` parses the command line or dies pointing at the usage in `file`.
 */
export function scriptRunner(name, file) {
  const t0 = Date.now();
  const say = (message) => console.log(`[${name} ${secs(Date.now() - t0)}] ${message}`);
  function die(message, ...hints) {
    console.error(`\ntest-${name}: ${message}`);
    for (const hint of hints) console.error(`  ${hint}`);
    process.exit(2);
  }
  function options(spec) {
    try {
      return parseArgs({ options: spec }).values;
    } catch (error) {
      return die(error.message, `See the usage at the top of ${file}.`);
    }
  }
  return { say, die, options };
}
