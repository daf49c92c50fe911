import { isLang, translate as translateMessage, type Lang, type MessageKey, type Params } from '../../shared/i18n/index.ts';
import { AppError } from '../../shared/errors.ts';
import { escapeHidden } from '../../shared/visible-text.ts';

/** What a command needs from the outside world; tests pass their own. */
export interface CliContext {
  lang: Lang;
  /** Prints a line; main() makes both print every control or bidi character but '\n' as a visible escape. */
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the user asks a long-running command to stop (Ctrl+C). */
  stopped: Promise<void>;
}

/**
 * How a line break inside a parameter is shown: a new line that begins with this mark, which no line
 * of the CLI's own begins with. A reason written on two lines stays readable on two lines, and a
 * line a file slips in can never pass for one of ours.
 */
export const CONTINUED = '    ┆ ';

// A line break of the data (LF or CRLF), unless it is one this module marked already (a message
// inside another message). A CR alone breaks no line in any text but returns to the start of the
// line to overwrite it, so it is escaped like any other control.
const DATA_BREAK = new RegExp(`\\n(?!${CONTINUED})`, 'g');

/** A parameter as the CLI shows it: every control, bidi and invisible character escaped, line breaks marked. */
const inert = (value: string): string => escapeHidden(value.replaceAll('\r\n', '\n'), '\n').replace(DATA_BREAK, `\n${CONTINUED}`);

/**
 * The CLI's messages. The templates are ours; every parameter is data (a name, a title, a reason,
 * a file name, another message) and is filled in with all its control and bidi characters escaped
 * and each line break marked (CONTINUED), so that no file can erase or rewrite a line, start one
 * that looks like ours, or turn a fingerprint around. Commands translate through this, never
 * through shared/i18n directly (a lint rule says so); out() and err() then escape whatever else reaches them.
 */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const shown = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? inert(value) : value]));
  return translateMessage(lang, key, shown);
}

/** Writes the CLI's own text: its line breaks stay; any other character that would act on the terminal shows as an escape. */
export const printer =
  (write: (text: string) => void) =>
  (text: string): void =>
    write(escapeHidden(text, '\n'));

/** The language of CLI messages: --lang, else the locale in the environment, else English. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function parseLang(value: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (value === undefined) return langFromEnv(env);
  if (!isLang(value)) throw new UsageError('cli.badLang', { value });
  return value;
}

/** A mistake in how the command was called: exit status 2. */
export class UsageError extends Error {
  readonly code: MessageKey;
  readonly params: Params;

  constructor(code: MessageKey, params: Params = {}) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

/** A user error (AppError) in the CLI's language, or the raw message of anything else. */
export function messageOf(lang: Lang, error: unknown): string {
  if (error instanceof AppError || error instanceof UsageError) return translate(lang, error.code, error.params);
  return error instanceof Error ? error.message : String(error);
}
