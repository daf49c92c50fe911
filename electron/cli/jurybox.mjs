#!/usr/bin/env node
// The `jurybox` command. Plain JavaScript, so that an older Node gets a clear sentence instead of a
// crash: the TypeScript it loads next needs Node's built-in type stripping (22.18+), and
// better-sqlite3 13's bundled binary crashes below 22.14.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`JuryBox needs Node.js 22.18 or newer; this is Node.js ${process.versions.node}.`);
  process.exit(1);
}

const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
