// Process and polling helpers for the real-editor tests. Children are spawned `detached` (their
// own process group) and stopped through that group by PID: never by name.
import type { ChildProcess } from 'node:child_process';
import * as os from 'node:os';

/** Resolves when `condition` returns truthy; polls every `intervalMs`; rejects after `timeoutMs`. */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  timeoutMs: number,
  what = 'condition',
  intervalMs = 100,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() >= deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
}

/**
 * The exit code of a child (a signal counts as 128 + its number). With `timeoutMs`, a child still
 * running then has its process group killed and the promise rejects.
 */
export function exitOf(child: ChildProcess, timeoutMs?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      if (timer) clearTimeout(timer);
      resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0));
    };
    if (child.exitCode !== null || child.signalCode !== null) {
      done(child.exitCode, child.signalCode);
      return;
    }
    child.once('exit', done);
    child.once('error', (error) => {
      if (timer) clearTimeout(timer);
      reject(error);
    });
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => {
        if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
        reject(new Error(`process ${child.pid} still running after ${timeoutMs} ms: killed`));
      }, timeoutMs);
    }
  });
}

/** Signals the process group led by `pid` (a child spawned with `detached: true`). */
export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Whether any process of the group led by `pid` is still alive. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGTERM to the group, SIGKILL after `graceMs` if the leader is still there, then wait (briefly)
 * for the rest of the group to go.
 */
export async function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = exitOf(child).catch(() => 0);
  killGroup(pid, 'SIGTERM');
  if ((await Promise.race([exited, delay(graceMs).then(() => 'timeout' as const)])) === 'timeout') {
    killGroup(pid, 'SIGKILL');
    await exited;
  }
  await waitFor(() => !groupAlive(pid), 5_000, `process group ${pid} to end`, 50).catch(() =>
    killGroup(pid, 'SIGKILL'),
  );
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
