// `npm run stress`: the long versions of what `npm test` samples (docs/security.md).
//   - marks saved through the real service, the saving process killed with SIGKILL at random moments;
//   - a chair's import of the demo bundles killed at random moments, mostly inside its transaction;
//   - every single-byte flip of each kind of signed file, and the structured mutations, fed to the
//     same code paths the app uses.
// Prints what survived and what was refused; exits 1 on any loss, partial import or crash.
//
// Options: --rounds N (crash rounds, 200), --import-rounds N (40), --seed N, --only crash|import|fuzz.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { crashRounds } from './helpers/crash-harness.ts';
import { fuzzAll } from './helpers/fuzz.ts';
import { importCrashRounds } from './helpers/import-crash.ts';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '200' }, 'import-rounds': { type: 'string', default: '40' }, seed: { type: 'string' }, only: { type: 'string' } },
});
const count = (text: string, name: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number from 1, not “${text}”`);
  return n;
};
const rounds = count(values.rounds, 'rounds');
const importRounds = count(values['import-rounds'], 'import-rounds');
const seed = values.seed === undefined ? undefined : count(values.seed, 'seed');
const runs = (part: string) => values.only === undefined || values.only === part;

const dir = mkdtempSync(join(tmpdir(), 'jurybox-stress-'));
const folder = (name: string) => {
  mkdirSync(join(dir, name));
  return join(dir, name);
};
const line = (text: string) => process.stdout.write(`${text}\n`);
const progress = (text: string) => process.stdout.isTTY && process.stdout.write(`\r${text}\u001b[K`);
const failures: string[] = [];

try {
  if (runs('crash')) {
    const started = Date.now();
    const crash = await crashRounds({ rounds, dir: folder('crash'), seed, onRound: (n) => progress(`crash rounds: ${n} of ${rounds}`) });
    progress('');
    line(
      `Crash (SIGKILL while saving marks): ${crash.rounds} of ${rounds} rounds survived, ${crash.acknowledged} marks acknowledged, ` +
        `${crash.lost} lost, ${crash.integrityFailures} integrity failures (seed ${crash.seed}, ${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
    failures.push(...crash.problems);
  }

  if (runs('import')) {
    const started = Date.now();
    const imports = await importCrashRounds({ rounds: importRounds, dir: folder('import'), seed, maxMs: 200, onRound: (n) => progress(`import rounds: ${n} of ${importRounds}`) });
    progress('');
    line(
      `Crash (SIGKILL during a chair's import): ${imports.rounds} rounds, ${imports.midway} killed inside the transaction; ` +
        `${imports.rolledBack} as before, ${imports.committed} whole, ${imports.problems.length} partial or damaged (seed ${imports.seed}, ${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
    failures.push(...imports.problems);
  }

  if (runs('fuzz')) {
    const started = Date.now();
    const reports = await fuzzAll({ scale: 'stress', seed, dir: folder('fuzz'), onProgress: (kind, done, total) => progress(`${kind}: ${done} of ${total}`) });
    progress('');
    let tried = 0;
    let refused = 0;
    for (const r of reports) {
      tried += r.tried;
      refused += r.refused;
      line(`  ${r.kind}: ${r.refused} of ${r.tried} refused, ${r.crashes.length} crashes, ${r.partial.length} partial imports`);
      failures.push(...r.crashes.map((c) => `${r.kind}: ${c}`), ...r.partial.map((p) => `${r.kind}: partial import: ${p}`));
    }
    line(`Fuzz: ${refused} of ${tried} mutations refused with a message (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (failures.length > 0) {
  line(`\n${failures.length} problems:`);
  for (const f of failures.slice(0, 50)) line(`  ${f}`);
  process.exitCode = 1;
} else {
  line('\nZero losses, zero partial imports, zero crashes.');
}
