import { ipcMain } from 'electron';
import { channels, ipcChannel } from '../shared/api/channels.ts';
import { errorPayload } from '../shared/errors.ts';
import type { Dispatch } from './api/dispatch.ts';
import { senderAllowed } from './hardening.ts';

/**
 * Registers one IPC handler per API channel, once. A call is served only when it comes from the
 * app's own top-level page (senderAllowed); its input is then parsed by the channel's schema in `dispatch`.
 */
export function registerIpc(dispatch: Dispatch): void {
  for (const channel of channels) {
    ipcMain.handle(ipcChannel(channel), (event, input: unknown) => {
      if (!senderAllowed(event.senderFrame)) return { ok: false, error: errorPayload('error.unauthorized') };
      return dispatch(channel, input);
    });
  }
}
