import { isLang, translate, type Lang, type MessageKey, type Params } from '../../shared/i18n/index.ts';
import { AppError } from '../../shared/errors.ts';

/** What a command needs from the outside world; tests pass their own. */
export interface CliContext {
  lang: Lang;
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the user asks a long-running command to stop (Ctrl+C). */
  stopped: Promise<void>;
}

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
