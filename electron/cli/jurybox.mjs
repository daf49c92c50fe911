#!/usr/bin/env node
// The `jurybox` command. Plain JavaScript, so that it can check the Node version and make sure
// TypeScript type stripping is on before any TypeScript source is loaded.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`JuryBox needs Node.js 22.12 or newer; this is Node.js ${process.versions.node}.`);
  process.exit(1);
}

if (!process.features.typescript) {
  // Node 22.12–22.17 strip types only when asked to.
  const flags = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'];
  const child = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
