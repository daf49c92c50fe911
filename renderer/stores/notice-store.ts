import { create } from 'zustand';
import type { MessageKey, Params } from '../../shared/i18n/index.ts';

interface NoticeState {
  /** The last failure worth the user's attention; translated when shown, so it follows the language. */
  error: unknown;
  /** The last thing that went well ("Saved", "Imported 50 entries"), as a message key. */
  status: { key: MessageKey; params: Params } | null;
  show(error: unknown): void;
  say(key: MessageKey, params?: Params): void;
  dismiss(): void;
}

/** How long a status line stays: long enough to read, gone before it describes an older screen. */
const STATUS_MS = 6000;
let statusTimer: ReturnType<typeof setTimeout> | undefined;

export const useNoticeStore = create<NoticeState>((set) => ({
  error: null,
  status: null,
  show: (error) => set({ error, status: null }),
  say: (key, params = {}) => {
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => set({ status: null }), STATUS_MS);
    set({ status: { key, params }, error: null });
  },
  dismiss: () => set({ error: null }),
}));

export const say = (key: MessageKey, params?: Params): void => useNoticeStore.getState().say(key, params);
