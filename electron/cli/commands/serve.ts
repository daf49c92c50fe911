import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors.ts';
import { createDispatcher } from '../../api/dispatch.ts';
import { Session } from '../../api/session.ts';
import { startHost } from '../../host/server.ts';
import { AppData, defaultDataDir } from '../../services/app-data.ts';
import { KeyStore } from '../../services/keys/key-store.ts';
import { OpenedFiles } from '../../services/opened-files.ts';
import { appVersion } from '../../services/version.ts';
import { translate, UsageError, type CliContext } from '../context.ts';
import type { Command, OptionValues } from './command.ts';

const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const rendererDir = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));

/**
 * In a checkout the UI is built on demand, so `npx jurybox serve` works right after `npm install`
 * and always serves the current sources; the build skips itself when nothing changed.
 */
function ensureRenderer(): void {
  const buildScript = `${packageRoot}build/build.ts`;
  if (existsSync(buildScript)) {
    const result = spawnSync(process.execPath, [buildScript, 'renderer'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new AppError('error.internal', { message: `npm run build failed (${result.status})` });
  }
  if (!existsSync(`${rendererDir}index.html`)) throw new AppError('error.internal', { message: translate('en', 'cli.serve.noRenderer', { path: rendererDir }) });
}

function parsePort(value: OptionValues[string]): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || port > 65535) throw new UsageError('cli.badPort', { value: String(value) });
  return port;
}

export const serveCommand: Command = {
  name: 'serve',
  help: 'cli.help.serve',
  options: { workspace: { type: 'string' }, port: { type: 'string' } },
  async run(values, ctx: CliContext, files: string[]) {
    const port = parsePort(values.port);
    const appData = new AppData(defaultDataDir(ctx.env));
    // Files named on the command line wait for the page, as a double-click's file waits for the desktop app's window.
    const openedFiles = new OpenedFiles();
    for (const file of files) openedFiles.add(file);
    // No OS keystore here: keys made in the browser host are sealed by a passphrase.
    const session = new Session({ appData, keyStore: new KeyStore(appData.keysDir), version: appVersion, openedFiles });
    if (typeof values.workspace === 'string') session.open(values.workspace);
    ensureRenderer();
    const host = await startHost({ dispatch: createDispatcher(session.handlers()), rendererDir, port });
    ctx.out(translate(ctx.lang, 'cli.serve.listening', { url: host.url }));
    if (typeof values.workspace === 'string') ctx.out(translate(ctx.lang, 'cli.serve.workspace', { path: session.current().path }));
    ctx.out(translate(ctx.lang, 'cli.serve.stop'));
    await ctx.stopped;
    await host.close();
    session.close();
    return 0;
  },
};
