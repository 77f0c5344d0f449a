// How the language server process is best started. The VS Code client, the LSP tests and the
// benchmark take the flags from here, and the README gives the same to other editors.
//
// Both shape memory that can only be shaped when the process starts (docs/performance.md,
// "Memory"): with a 25,000-line document open the server measured 71–78 MB with them and 78–86 MB
// without.
// A server started without them still works; it sets what it can at run time
// (youngGeneration.ts, heapGrowth.ts).

/**
 * Node flags for the server: semi-spaces of 1 MB (V8 would let the young generation grow to
 * 32 MB) and one V8 background thread instead of four (each thread's compilations leave their
 * own malloc arena behind, 2.5–3 MB each). All are allowed in `NODE_OPTIONS`.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1', '--v8-pool-size=1'];

/**
 * Environment for the server, read by glibc's malloc (other C libraries ignore it): one arena
 * for all threads, not one per thread that ever allocated. Fixed mmap and trim thresholds of
 * 128 KB as well saved nothing more and made opening a long document slower.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };
