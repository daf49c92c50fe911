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
 * The CLI's messages. The templates are ours; every parameter is data (a name, a title, a reason,
 * a file name, another message) and is filled in with all its control and bidi characters escaped,
 * line breaks included, so that no file can erase or rewrite a line, start one that looks like ours,
 * or turn a fingerprint around. Commands translate through this, never through shared/i18n directly
 * (a lint rule says so); out() and err() then escape whatever else reaches them.
 */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const inert = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? escapeHidden(value) : value]));
  return translateMessage(lang, key, inert);
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
