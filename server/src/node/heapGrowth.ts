// Imported by the server's entry point right after youngGeneration.ts.
//
// After a full collection V8 lets the old generation grow to up to four times what survived
// before it collects again (less only on devices with little memory). Each checked version of
// a long document leaves its text (1.5 MB for the 25,000-line benchmark document) and the
// parse's temporaries there, and each closed document its whole parse: with that document open
// (19 MB live) the server carried 30–60 MB of such garbage, and its RSS swung between 105 and
// 170 MB depending on how close the last full collection was. Doubling at most halves that
// garbage for about a tenth more main-thread time while typing (docs/performance.md, "Memory");
// a smaller factor saved a few MB more but cost a quarter more. The factor is read at every
// full collection, so setting it here, after start-up, works. A heap growing flag given on the
// command line or in NODE_OPTIONS wins.
import * as v8 from 'node:v8';

const nodeFlags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
if (!nodeFlags.includes('heap-growing')) v8.setFlagsFromString('--heap-growing-percent=100');
