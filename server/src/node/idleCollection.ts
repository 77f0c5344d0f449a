// A full collection when the server goes idle after changes or closes.
//
// What a burst of edits or a closed document leaves (old texts and parses) is garbage until
// V8's next full collection, and V8 starts none while nothing allocates: the server stayed at
// its busy size for as long as the user paused. V8's own memory reducer waits eight seconds
// and then collects only when it judges the allocation rate low; in the pauses measured here
// it never did.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** How long no document may have changed before collecting. */
export const IDLE_COLLECTION_DELAY_MS = 1000;
/** Collect only when the heap grew by this much since the last idle collection. */
export const IDLE_COLLECTION_MIN_GROWTH_BYTES = 4 * 1024 * 1024;

export interface IdleCollectionOptions {
  /** Runs a full collection (default: V8's `gc()`). */
  readonly collect?: () => void;
  /** The heap in use, in bytes, garbage included (default: V8's heap statistics). */
  readonly usedHeap?: () => number;
  readonly delayMs?: number;
}

/** Collects garbage once the server has been idle for a while after document activity. */
export class IdleCollection {
  private readonly collect: () => void;
  private readonly usedHeap: () => number;
  private readonly delayMs: number;
  private timer: NodeJS.Timeout | undefined;
  private usedAfterCollection = 0;

  constructor(options: IdleCollectionOptions = {}) {
    this.collect = options.collect ?? exposedCollector();
    this.usedHeap = options.usedHeap ?? (() => v8.getHeapStatistics().used_heap_size);
    this.delayMs = options.delayMs ?? IDLE_COLLECTION_DELAY_MS;
  }

  /** A document opened, changed or closed: collect when nothing else happens for a while. */
  activity(): void {
    if (this.timer) {
      this.timer.refresh();
      return;
    }
    this.timer = setTimeout(() => this.idle(), this.delayMs);
    // Never keeps the process alive once the client has gone.
    this.timer.unref();
  }

  private idle(): void {
    this.timer = undefined;
    if (this.usedHeap() - this.usedAfterCollection < IDLE_COLLECTION_MIN_GROWTH_BYTES) return;
    this.collect();
    this.usedAfterCollection = this.usedHeap();
  }
}

/**
 * V8's `gc()`, which only a context created while `--expose-gc` is set has. The flag is set
 * for that moment alone, so no other context (nor code the server runs) gets a global `gc`.
 */
export function exposedCollector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  try {
    return vm.runInNewContext('gc') as () => void;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}
