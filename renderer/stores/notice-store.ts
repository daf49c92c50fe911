import { create } from 'zustand';
import type { MessageKey, Params } from '../../shared/i18n/index.ts';
import { useRouteStore } from './route-store.ts';

interface NoticeState {
  /** The last failure worth the user's attention; translated when shown, so it follows the language. */
  error: unknown;
  /** The last thing that went well ("Saved", "Imported 50 entries"), as a message key. */
  status: { key: MessageKey; params: Params; at: number } | null;
  show(error: unknown): void;
  say(key: MessageKey, params?: Params): void;
  dismiss(): void;
}

/** How long a status line stays: long enough to read, gone before it describes an older screen. */
const STATUS_MS = 6000;
/** A status line said this recently goes along to the next screen: the action that said it opened that screen ("Saved", then the list). */
const CARRY_MS = 1000;
let statusTimer: ReturnType<typeof setTimeout> | undefined;

export const useNoticeStore = create<NoticeState>((set) => ({
  error: null,
  status: null,
  show: (error) => set({ error, status: null }),
  say: (key, params = {}) => {
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => set({ status: null }), STATUS_MS);
    set({ status: { key, params, at: Date.now() }, error: null });
  },
  dismiss: () => set({ error: null }),
}));

// Any later change of screen takes the status line away: it would describe the screen left behind.
useRouteStore.subscribe((state, previous) => {
  const { status } = useNoticeStore.getState();
  if (state.route !== previous.route && status && Date.now() - status.at > CARRY_MS) useNoticeStore.setState({ status: null });
});

export const say = (key: MessageKey, params?: Params): void => useNoticeStore.getState().say(key, params);
