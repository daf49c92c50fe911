import type { z } from 'zod';
import { api, type Api, type Output, type Reply } from '../../shared/api/contract.ts';
import { channels, type Channel } from '../../shared/api/channels.ts';
import { AppError, errorPayload } from '../../shared/errors.ts';
import { logError as logFailure } from '../services/log.ts';

/** One function per channel; each gets its input already parsed by the channel's schema. */
export type Handlers = {
  [C in Channel]: (input: z.output<Api[C]['input']>) => Output<C> | Promise<Output<C>>;
};

export type Dispatch = (channel: string, input: unknown) => Promise<Reply<Channel>>;

export const isChannel = (name: string): name is Channel => (channels as readonly string[]).includes(name);


/** Zod issues as one line a person can act on: the field, then what is wrong with it. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(input)'}: ${i.message}`).join('; ');
}

export interface DispatchOptions {
  /** Also check every output against its schema (tests and development). */
  checkOutputs?: boolean;
  /** Where unexpected errors are reported; user errors (AppError) are not logged. */
  logError?: (channel: string, error: unknown) => void;
}

/**
 * The single entry point both transports call: validates the channel and its input, runs the
 * handler, and turns every outcome into a reply. Nothing the renderer sends reaches a service
 * unparsed, and no exception escapes to the transport.
 */
export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  const logError = options.logError ?? logFailure;
  return async (channel, input) => {
    if (!isChannel(channel)) return { ok: false, error: errorPayload('error.unknownChannel', { channel }) };
    const endpoint = api[channel];
    const parsed = endpoint.input.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: errorPayload('error.invalidInput', { channel, issues: describeIssues(parsed.error) }) };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (options.checkOutputs) endpoint.output.parse(value);
      return { ok: true, value } as Reply<Channel>;
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: errorPayload(error.code, error.params) };
      logError(channel, error);
      return { ok: false, error: errorPayload('error.internal', { message: error instanceof Error ? error.message : String(error) }) };
    }
  };
}
