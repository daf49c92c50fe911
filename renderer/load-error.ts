import { useNoticeStore } from './stores/notice-store.ts';

/**
 * Where a failure goes that no action of the user's caused: data a screen loads by itself, a file the
 * system handed over. The banner above the screen shows it in the user's language; a failed action
 * shows its error beside its control instead (useAction, ActionError in action.tsx).
 */
export function useLoadError(): (error: unknown) => void {
  return useNoticeStore((s) => s.show);
}
