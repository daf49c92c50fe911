import { create } from 'zustand';
import type { EntryDetail } from '../../shared/domain/views.ts';
import { scaleProblem } from '../../shared/scoring/scale.ts';
import type { MessageKey, Params } from '../../shared/i18n/index.ts';
import { call } from '../api/client.ts';
import { formatNumber } from '../../shared/i18n/index.ts';
import { useLangStore } from '../i18n.ts';

/** The save state of one mark input, as the user sees it next to the input. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saved'; at: string }
  | { kind: 'cleared'; at: string }
  | { kind: 'invalid'; key: MessageKey; params: Params }
  | { kind: 'failed'; error: unknown };

interface Field {
  /** What is in the input, exactly as typed. */
  text: string;
  /** The last value the Node side confirmed as durable, and when. */
  saved: number | null;
  savedAt: string | null;
  /** The mark's comment as last saved. */
  comment: string;
  state: SaveState;
}

interface ScoringState {
  detail: EntryDetail | null;
  fields: Record<string, Field>;
  load(entryId: string): Promise<void>;
  edit(criterionId: string, text: string): void;
  /** Saves at once what is waiting for the pause in typing (on blur, Enter, leaving the page). */
  flush(criterionId?: string): Promise<void>;
  /** Records a mark's comment the host has saved. */
  commented(criterionId: string, comment: string): void;
  /** Replaces the entry shown after a decision (a declared conflict, an abstention) changed it. */
  replace(detail: EntryDetail): void;
}

/** Typing pauses this long before a save, so "1" then "0" saves 10 once instead of 1 and 10. */
export const SAVE_DELAY_MS = 250;

/** Accepts a decimal comma as well as a point: experts type marks the way their locale writes them. */
export function parseMark(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

const restingState = (field: Field): SaveState => (field.saved === null || field.savedAt === null ? { kind: 'idle' } : { kind: 'saved', at: field.savedAt });

const timers = new Map<string, ReturnType<typeof setTimeout>>();
// One chain per criterion, so saves of the same mark reach the host in the order they were made.
const chains = new Map<string, Promise<void>>();
const inFlight = new Map<string, number>();

export const useScoringStore = create<ScoringState>((set, get) => {
  function setField(criterionId: string, patch: Partial<Field>): void {
    const current = get().fields[criterionId];
    if (current) set({ fields: { ...get().fields, [criterionId]: { ...current, ...patch } } });
  }

  function save(criterionId: string): Promise<void> {
    clearTimeout(timers.get(criterionId));
    timers.delete(criterionId);
    const detail = get().detail;
    const field = get().fields[criterionId];
    if (!detail || !field) return Promise.resolve();
    const { text } = field;
    const entryId = detail.entry.id;
    inFlight.set(criterionId, (inFlight.get(criterionId) ?? 0) + 1);
    const next = (chains.get(criterionId) ?? Promise.resolve()).then(async () => {
      try {
        const saved = await call('marks:set', { entryId, criterionId, value: parseMark(text) });
        if (get().detail?.entry.id !== entryId) return;
        const at = saved.savedAt;
        // A newer edit may be waiting; only the save of what is shown may say "saved".
        const shown = get().fields[criterionId]?.text === text;
        setField(criterionId, { saved: saved.value, savedAt: at, ...(shown ? { state: saved.value === null ? { kind: 'cleared', at } : { kind: 'saved', at } } : {}) });
      } catch (error) {
        if (get().detail?.entry.id === entryId) setField(criterionId, { state: { kind: 'failed', error } });
      } finally {
        inFlight.set(criterionId, (inFlight.get(criterionId) ?? 1) - 1);
      }
    });
    chains.set(criterionId, next);
    return next;
  }

  return {
    detail: null,
    fields: {},
    async load(entryId) {
      await get().flush();
      get().replace(await call('scoring:entry', { entryId }));
    },
    replace(detail) {
      const marks = new Map(detail.marks.map((m) => [m.criterionId, m]));
      const { lang } = useLangStore.getState();
      const fields: Record<string, Field> = {};
      for (const c of detail.criteria) {
        const mark = marks.get(c.id);
        const field: Field = { text: mark?.value != null ? formatNumber(lang, mark.value, 6) : '', saved: mark?.value ?? null, savedAt: mark?.savedAt ?? null, comment: mark?.comment ?? '', state: { kind: 'idle' } };
        fields[c.id] = { ...field, state: restingState(field) };
      }
      set({ detail, fields });
    },
    commented(criterionId, comment) {
      setField(criterionId, { comment });
    },
    edit(criterionId, text) {
      const criterion = get().detail?.criteria.find((c) => c.id === criterionId);
      const field = get().fields[criterionId];
      if (!criterion || !field) return;
      clearTimeout(timers.get(criterionId));
      timers.delete(criterionId);
      const value = parseMark(text);
      const problem = value === null ? null : scaleProblem(value, criterion.scale);
      if (problem) {
        setField(criterionId, { text, state: { kind: 'invalid', key: `scale.${problem}`, params: { criterion: criterion.title, value: text, ...criterion.scale } } });
        return;
      }
      const busy = (inFlight.get(criterionId) ?? 0) > 0;
      if (!busy && value === field.saved && field.state.kind !== 'failed') {
        setField(criterionId, { text, state: restingState(field) });
        return;
      }
      setField(criterionId, { text, state: { kind: 'pending' } });
      timers.set(criterionId, setTimeout(() => void save(criterionId), SAVE_DELAY_MS));
    },
    async flush(criterionId) {
      const ids = criterionId ? [criterionId] : [...new Set([...timers.keys(), ...chains.keys()])];
      await Promise.all(ids.map((id) => (timers.has(id) ? save(id) : (chains.get(id) ?? Promise.resolve()))));
    },
  };
});

// Leaving or reloading the page saves what is still waiting for the pause in typing.
window.addEventListener('pagehide', () => void useScoringStore.getState().flush());
