import { escapeHidden } from '../../shared/visible-text.ts';
import { UsageError, type CliContext } from './context.ts';

// A key sequence the terminal sends for an arrow, Home, F1…: ESC [ or ESC O, parameters, one final byte.
// eslint-disable-next-line no-control-regex -- the escape sequences a terminal sends are what this finds
const KEY_SEQUENCE = /^\x1b(?:\[[0-?]*[ -/]*[@-~]|O[^\r\n]|[^\r\n]?)/u;
// Control characters, C1 included, are keys, not text.
const CONTROL = /^[\p{Cc}]/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * What typing `chunk` does to the hidden line `typed`. Enter ends it, Ctrl+C cancels it; Backspace
 * takes back the last character as the user sees it (😀 is two UTF-16 units, й may be two code
 * points: half of one would seal the key with a passphrase no one can type again); Ctrl+U starts
 * over; keys that move a cursor the user cannot see (arrows, Home) and other controls add nothing.
 */
function typeHidden(typed: string, chunk: string): { typed: string; end: 'enter' | 'cancel' | null } {
  let value = typed;
  let rest = chunk;
  while (rest !== '') {
    const sequence = KEY_SEQUENCE.exec(rest)?.[0] ?? '';
    const ch = sequence === '' ? String.fromCodePoint(rest.codePointAt(0) ?? 0) : sequence;
    rest = rest.slice(ch.length);
    if (ch === '\r' || ch === '\n') return { typed: value, end: 'enter' };
    if (ch === '\u0003') return { typed: value, end: 'cancel' };
    if (ch === '\u007f' || ch === '\b') value = [...graphemes.segment(value)].slice(0, -1).map((g) => g.segment).join('');
    else if (ch === '\u0015') value = '';
    else if (sequence === '' && !CONTROL.test(ch)) value += ch;
  }
  return { typed: value, end: null };
}

/** Reads a line from the terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    // Echo goes off before the prompt shows: a key typed as soon as it appears is never echoed.
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    // The prompt names the key by the label in its file: shown, never obeyed, like all the CLI prints.
    process.stderr.write(escapeHidden(prompt, '\n'));
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
      const next = typeHidden(value, chunk);
      value = next.typed;
      if (next.end === 'enter') done();
      else if (next.end === 'cancel') done(new Error('cancelled'));
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
