import type { Channel } from '../../shared/api/channels.ts';
import type { Input, Output, Reply } from '../../shared/api/contract.ts';
import type { ErrorPayload } from '../../shared/errors.ts';
import type { Params } from '../../shared/i18n/index.ts';

/** The preload's bridge in the desktop app: one function per channel, each answering with a reply. */
export type Bridge = { [C in Channel]: (input: Input<C>) => Promise<Reply<C>> };

declare global {
  interface Window {
    jurybox?: Bridge;
  }
}

type Transport = (channel: Channel, input: unknown) => Promise<Reply<Channel>>;

/** An error the Node side reported; `code` is an i18n key, `params` fill its message. */
export class ApiError extends Error {
  readonly code: string;
  readonly params: Params;

  constructor(error: ErrorPayload) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.params = error.params;
  }
}

const failure = (code: string, message: string): Reply<Channel> => ({ ok: false, error: { code, params: { message }, message } });

const TOKEN_KEY = 'jurybox.token';

/**
 * The browser host's session token arrives once in the address (?token=…); it is kept for this
 * tab only and removed from the address bar, so it is not left in history or bookmarks.
 */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = takeToken();
  return async (channel, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
    } catch (error) {
      return failure('error.network', error instanceof Error ? error.message : String(error));
    }
    if (response.status === 401) return failure('error.unauthorized', 'unauthorized');
    return (await response.json()) as Reply<Channel>;
  };
}

function ipcTransport(bridge: Bridge): Transport {
  return (channel, input) => (bridge[channel] as (input: unknown) => Promise<Reply<Channel>>)(input);
}

// The desktop app's preload defines window.jurybox; anywhere else the UI talks to the browser host.
const transport: Transport = window.jurybox ? ipcTransport(window.jurybox) : httpTransport();

/** Channels that take no input (an empty strict object) are called without an argument. */
type Args<C extends Channel> = Input<C> extends Record<string, never> ? [input?: Input<C>] : [input: Input<C>];

/** Calls one API channel; resolves with its output or rejects with an ApiError. */
export async function call<C extends Channel>(channel: C, ...args: Args<C>): Promise<Output<C>> {
  const reply = await transport(channel, args[0] ?? {});
  if (!reply.ok) throw new ApiError(reply.error);
  return reply.value as Output<C>;
}
