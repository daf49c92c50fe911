import { create } from 'zustand';

interface NoticeState {
  /** The last failure worth the user's attention; translated when shown, so it follows the language. */
  error: unknown;
  show(error: unknown): void;
  dismiss(): void;
}

export const useNoticeStore = create<NoticeState>((set) => ({
  error: null,
  show: (error) => set({ error }),
  dismiss: () => set({ error: null }),
}));
