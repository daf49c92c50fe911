// npm start: builds what is stale and launches the desktop app. Where Electron cannot run (its
// binary cannot be downloaded, or there is no display), it says so in one sentence and starts the
// browser host instead, which prints its address.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { translate } from '../shared/i18n/index.ts';
import { langFromEnv } from '../electron/cli/context.ts';
import { buildStale, root } from './build.ts';
import { electronPackageDir, findElectron, hasDisplay, type ElectronLookup } from './electron-binary.ts';

const lang = langFromEnv(process.env);

/** Finds Electron, downloading its binary the first time (as the electron package would). */
function obtainElectron(): ElectronLookup {
  const found = findElectron();
  if ('path' in found || found.reason !== 'cli.start.reason.download') return found;
  // Its own output is a stack trace when offline; the sentence below says what happened instead.
  spawnSync(process.execPath, [join(electronPackageDir, 'install.js')], { stdio: 'ignore', timeout: 10 * 60_000 });
  return findElectron();
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: root });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function browserHost(reason: string): Promise<number> {
  console.log(translate(lang, 'cli.start.noElectron', { reason }));
  return run(process.execPath, [join(root, 'electron', 'cli', 'jurybox.mjs'), 'serve', ...process.argv.slice(2)]);
}

await buildStale();
const electron = hasDisplay() ? obtainElectron() : { reason: 'cli.start.reason.noDisplay' as const };
if ('path' in electron) {
  process.exitCode = await run(electron.path, [root]);
} else {
  process.exitCode = await browserHost(translate(lang, electron.reason));
}
