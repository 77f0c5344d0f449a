// Imported by the server's entry point right after youngGeneration.ts.
//
// After a full collection V8 lets the old generation grow to up to four times what survived
// before it collects again (less only on devices with little memory). Each checked version of
// a long document leaves its text (1.5 MB for the 25,000-line benchmark document) and the
// parse's temporaries there, and each closed document its whole parse: with that document open
// the server carried 30–60 MB of such garbage, and its RSS swung between 105 and 170 MB
// depending on how close the last full collection was. Growing by at most 30% keeps that
// garbage to a few MB for about a tenth more main-thread time over the benchmark's opens and
// edits, most of the marking being concurrent (docs/performance.md, "Memory"). The factor is
// read at every full collection, so setting it here, after start-up, works. A heap growing
// flag given on the command line or in NODE_OPTIONS wins.
import * as v8 from 'node:v8';

const nodeFlags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
if (!nodeFlags.includes('heap-growing')) v8.setFlagsFromString('--heap-growing-percent=30');
