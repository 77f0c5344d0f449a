// Imported first by the server's entry point, before any other module allocates.
//
// V8 lets the young generation grow to two 16 MB semi-spaces, which the parse of a long document
// fills and which stay resident: with a 25,000-line document open they were a third of the
// server's memory. The VS Code client starts the server with `--max-semi-space-size=1`; the
// `protokoll-language-server` command gets no Node flags from the editors that start it, so the
// semi-spaces are kept at their initial 1 MB here instead. Young space that has grown is never
// given back, hence before the first allocation.
import * as v8 from 'node:v8';

const nodeFlags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
if (!nodeFlags.includes('semi-space')) v8.setFlagsFromString('--semi-space-growth-factor=1');
