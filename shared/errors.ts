import { z } from 'zod';
import { translate } from './i18n/index.ts';
import type { MessageKey } from './i18n/messages.ru.ts';

/** Parameters interpolated into an error message; every value is shown to the user as is. */
export type ErrorParams = Record<string, string | number>;

/**
 * An error meant for the user. `code` is an i18n key, so the renderer shows it in the user's
 * language and the CLI in its own; `params` fill the message (file names, rows, fields).
 */
export class AppError extends Error {
  readonly code: MessageKey;
  readonly params: ErrorParams;

  constructor(code: MessageKey, params: ErrorParams = {}, options?: { cause?: unknown }) {
    super(`${code} ${JSON.stringify(params)}`, options);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
}

/** An error as it crosses a transport: the key, its parameters, and an English rendering for logs. */
export const ErrorPayload = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

/** The payload of an error with this key and parameters. */
export function errorPayload(code: MessageKey, params: ErrorParams = {}): ErrorPayload {
  return { code, params, message: translate('en', code, params) };
}
