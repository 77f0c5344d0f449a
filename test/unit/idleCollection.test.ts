// The language server collects garbage when it goes idle after document activity, once per
// pause and only when the heap grew.
import * as assert from 'node:assert/strict';
import {
  exposedCollector,
  IDLE_COLLECTION_MIN_GROWTH_BYTES,
  IdleCollection,
} from '../../server/src/node/idleCollection';

const MB = 1024 * 1024;

/** A heap whose size the test sets, and that tells when the idle check read it. */
class FakeHeap {
  used = 0;
  collections = 0;
  private readers: (() => void)[] = [];
  read = (): number => {
    for (const reader of this.readers.splice(0)) reader();
    return this.used;
  };
  collect = (): void => {
    this.collections++;
    this.used = 20 * MB;
  };
  /** Resolves when the idle check next looks at the heap. */
  nextCheck(): Promise<void> {
    return new Promise((resolve) => this.readers.push(resolve));
  }
}

describe('idle collection (language server memory)', () => {
  it('collects once per pause, and only when the heap grew by the threshold', async () => {
    const heap = new FakeHeap();
    const idle = new IdleCollection({ collect: heap.collect, usedHeap: heap.read, delayMs: 5 });

    heap.used = 30 * MB;
    let checked = heap.nextCheck();
    for (let i = 0; i < 5; i++) idle.activity();
    await checked;
    assert.equal(heap.collections, 1, 'a burst of activity is one collection');

    heap.used = 20 * MB + IDLE_COLLECTION_MIN_GROWTH_BYTES - 1;
    checked = heap.nextCheck();
    idle.activity();
    await checked;
    assert.equal(heap.collections, 1, 'too little growth since the last collection');

    heap.used = 20 * MB + IDLE_COLLECTION_MIN_GROWTH_BYTES;
    checked = heap.nextCheck();
    idle.activity();
    await checked;
    assert.equal(heap.collections, 2);
  });

  it("gets V8's collector without leaving a global gc behind", () => {
    const collect = exposedCollector();
    assert.equal(typeof collect, 'function');
    collect();
    assert.equal((globalThis as { gc?: unknown }).gc, undefined);
  });
});
