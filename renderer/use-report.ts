import { useNoticeStore } from './stores/notice-store.ts';

/** A handler for a failed action: the error banner shows it in the user's language. */
export function useReport(): (error: unknown) => void {
  return useNoticeStore((s) => s.show);
}
