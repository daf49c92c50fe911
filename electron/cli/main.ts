import { parseArgs } from 'node:util';
import { appVersion } from '../services/version.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { demoCommand } from './commands/demo.ts';
import { keygenCommand } from './commands/keys.ts';
import { mergeCommand, recomputeCommand } from './commands/merge.ts';
import { enrolCommand, publishCommand } from './commands/publish.ts';
import { resultsCommand } from './commands/results.ts';
import { serveCommand } from './commands/serve.ts';
import { verifyCommand } from './commands/verify.ts';
import type { Command } from './commands/command.ts';
import { messageOf, parseLang, printer, translate, UsageError, type CliContext } from './context.ts';

const commands: readonly Command[] = [demoCommand, serveCommand, verifyCommand, keygenCommand, publishCommand, enrolCommand, mergeCommand, recomputeCommand, resultsCommand, backupCommand, restoreCommand];

const common = { help: { type: 'boolean' }, version: { type: 'boolean' }, lang: { type: 'string' } } as const;

function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * Runs `jurybox <command> [options]` and returns the exit status: 0 done, 1 failed,
 * 2 called wrongly. Messages are in the user's language (--lang, else LANG).
 */
export async function main(argv: string[], io: Partial<CliContext> = {}): Promise<number> {
  const env = io.env ?? process.env;
  const ctx: CliContext = {
    lang: 'en',
    out: printer(io.out ?? ((text) => process.stdout.write(`${text}\n`))),
    err: printer(io.err ?? ((text) => process.stderr.write(`${text}\n`))),
    env,
    stopped: io.stopped ?? stopSignal(),
  };
  // --lang may also come before the command (`jurybox --lang ru verify …`), as the usage lists it among every command's options.
  const leading = argv[0] === '--lang' ? 2 : argv[0]?.startsWith('--lang=') ? 1 : 0;
  const [name, ...rest] = argv.slice(leading);
  try {
    const langAt = argv.indexOf('--lang');
    const langArg = argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length) ?? (langAt >= 0 ? argv[langAt + 1] : undefined);
    ctx.lang = parseLang(langArg, env);
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      ctx.out(translate(ctx.lang, 'cli.usage'));
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      ctx.out(appVersion);
      return 0;
    }
    const command = commands.find((c) => c.name === name);
    if (!command) throw new UsageError('cli.unknownCommand', { command: name });
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...common, ...command.options }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError('cli.badArgs', { message: error instanceof Error ? error.message : String(error), command: command.name });
    }
    if (parsed.values.help) {
      ctx.out(translate(ctx.lang, command.help));
      return 0;
    }
    return await command.run(parsed.values, ctx, parsed.positionals);
  } catch (error) {
    ctx.err(translate(ctx.lang, 'cli.failed', { message: messageOf(ctx.lang, error) }));
    return error instanceof UsageError ? 2 : 1;
  }
}
