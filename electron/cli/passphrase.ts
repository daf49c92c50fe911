import { escapeHidden } from '../../shared/visible-text.ts';
import { UsageError, type CliContext } from './context.ts';

/** Reads a line from the terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    // The prompt names the key by the label in its file: shown, never obeyed, like all the CLI prints.
    process.stderr.write(escapeHidden(prompt));
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * The passphrase of a key file: JURYBOX_PASSPHRASE when set (for scripts), otherwise asked on the
 * terminal without echo. Never printed, never logged.
 */
export async function passphrase(ctx: CliContext, prompt: string, options: { confirm?: string } = {}): Promise<string> {
  const fromEnv = ctx.env.JURYBOX_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError('cli.passphraseNeeded');
  const first = await readHidden(prompt);
  if (options.confirm !== undefined && (await readHidden(options.confirm)) !== first) throw new UsageError('cli.passphraseMismatch');
  return first;
}
