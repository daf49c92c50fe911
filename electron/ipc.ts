import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels, ipcChannel } from '../shared/api/channels.ts';
import { errorPayload, type Dispatch } from './api/dispatch.ts';
import { isAppUrl } from './window-options.ts';

/**
 * Registers one IPC handler per API channel, once. A call is served only when it comes from the
 * app's own top-level page; its input is then parsed by the channel's schema in `dispatch`.
 */
export function registerIpc(dispatch: Dispatch): void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isAppUrl(frame.url);
  };
  for (const channel of channels) {
    ipcMain.handle(ipcChannel(channel), (event, input: unknown) => {
      if (!trusted(event)) return { ok: false, error: errorPayload('error.unauthorized') };
      return dispatch(channel, input);
    });
  }
}
