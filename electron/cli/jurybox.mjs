#!/usr/bin/env node
// The `jurybox` command. Plain JavaScript, so that an older Node gets a clear sentence (from
// node-check.mjs, imported first) instead of a crash.
import '../node-check.mjs';

const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
