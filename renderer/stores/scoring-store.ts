import { create } from 'zustand';
import type { Criterion } from '../../shared/domain/contest.ts';
import type { EntryDetail, SavedMark } from '../../shared/domain/views.ts';
import { scaleProblem, stepValue } from '../../shared/scoring/scale.ts';
import { formatNumber, type MessageKey, type Params } from '../../shared/i18n/index.ts';
import { call } from '../api/client.ts';
import { useLangStore } from '../i18n.ts';

/** The save state of one mark input, as the user sees it next to the input. */
export type SaveState =
  | { kind: 'idle' }
  /** A valid value typed and not committed yet: nothing is saved until Enter, leaving the field or ↑/↓. */
  | { kind: 'unsaved' }
  /** Committed and on its way to the file. */
  | { kind: 'pending' }
  | { kind: 'saved'; at: string }
  | { kind: 'cleared'; at: string }
  | { kind: 'invalid'; key: MessageKey; params: Params }
  | { kind: 'failed'; error: unknown };

export interface Field {
  /** What is in the input, exactly as typed. */
  text: string;
  /** The last value the Node side confirmed as durable, and when. */
  saved: number | null;
  savedAt: string | null;
  /** The mark's comment as last saved. */
  comment: string;
  state: SaveState;
}

/** Whether the input shows something the workspace file does not hold (typed, invalid, or refused by the host). */
export const isUnsaved = (field: Field): boolean => field.state.kind === 'unsaved' || field.state.kind === 'invalid' || field.state.kind === 'failed';

interface ScoringState {
  detail: EntryDetail | null;
  fields: Record<string, Field>;
  load(entryId: string): Promise<void>;
  /** The entry screen closes: nothing stale is shown, or typed into, when an entry opens again. */
  close(): void;
  /** Replaces the entry shown after a decision (a declared conflict, an abstention) changed it. */
  replace(detail: EntryDetail): void;
  /** Records a mark's comment the host has saved. */
  commented(criterionId: string, comment: string): void;
  /** Takes what the input now holds. Never saves: a keystroke is not a mark («1» on the way to «10»). */
  edit(criterionId: string, text: string): void;
  /**
   * The expert commits the input (Enter, leaving the field): a valid value is saved, an empty one
   * clears the mark. False when the value is not valid for the scale; then nothing is saved.
   */
  commit(criterionId: string): boolean;
  /** ↑ or ↓: one step of the scale from what the input holds, committed at once. */
  step(criterionId: string, delta: 1 | -1): void;
  /** Resolves once every committed mark has reached the host (or failed to). */
  settle(): Promise<void>;
  /** Criteria whose input holds something not saved. */
  unsaved(): string[];
  /** Leaving the entry leaves its fields: commits what is valid, waits for the saves, returns what is still not saved. */
  beforeLeave(): Promise<string[]>;
  /** Leaving without saving: every input shows its saved mark again. */
  discard(): void;
}

/** Accepts a decimal comma as well as a point: experts type marks the way their locale writes them. */
export function parseMark(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  // «7,» is not 7: the decimals the expert was about to type are not guessed.
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

// Marks are exact decimals on their scale's grid (shared/scoring/scale.ts): equal or not, nothing between.
const sameMark = (a: number | null, b: number | null): boolean => a === b;
const shown = (value: number | null): string => (value === null ? '' : formatNumber(useLangStore.getState().lang, value, 6));

function resting(field: Pick<Field, 'saved' | 'savedAt'>): SaveState {
  if (field.savedAt === null) return { kind: 'idle' };
  return field.saved === null ? { kind: 'cleared', at: field.savedAt } : { kind: 'saved', at: field.savedAt };
}

function invalidState(text: string, criterion: Criterion): SaveState | null {
  const value = parseMark(text);
  const problem = value === null ? null : scaleProblem(value, criterion.scale);
  return problem ? { kind: 'invalid', key: `scale.${problem}`, params: { criterion: criterion.title, value: text.trim(), ...criterion.scale } } : null;
}

// Per criterion: saves reach the host in the order they were committed (one chain each), and the
// value of the latest one still on its way, so an input can tell "being saved" from "typed since".
const chains = new Map<string, Promise<void>>();
const queued = new Map<string, { value: number | null; count: number }>();
/** The entry the screen asked for last: an answer for another one is not shown. */
let wanted: string | null = null;

/** What the input's state is for `text`, given what is saved and what is on its way. */
function stateFor(id: string, field: Field, text: string, criterion: Criterion): SaveState {
  const invalid = invalidState(text, criterion);
  if (invalid) return invalid;
  const value = parseMark(text);
  const onItsWay = queued.get(id);
  if (onItsWay) return sameMark(value, onItsWay.value) ? { kind: 'pending' } : { kind: 'unsaved' };
  return sameMark(value, field.saved) ? resting(field) : { kind: 'unsaved' };
}

export const useScoringStore = create<ScoringState>((set, get) => {
  const criterionOf = (id: string) => get().detail?.criteria.find((c) => c.id === id);
  function setField(id: string, patch: Partial<Field>): void {
    const current = get().fields[id];
    if (current) set({ fields: { ...get().fields, [id]: { ...current, ...patch } } });
  }

  /** A save's answer, applied to the field as it is now (the expert may have typed since). */
  function landed(id: string, committed: string, outcome: SavedMark | { error: unknown }): void {
    const field = get().fields[id];
    const criterion = criterionOf(id);
    if (!field || !criterion) return;
    if ('error' in outcome) {
      if (field.text === committed) setField(id, { state: { kind: 'failed', error: outcome.error } });
      return;
    }
    const updated = { ...field, saved: outcome.value, savedAt: outcome.savedAt };
    // What was committed is shown the way the language writes the saved value («07» → «7», «7.5» → «7,5»).
    const text = field.text === committed ? shown(outcome.value) : field.text;
    set({ fields: { ...get().fields, [id]: { ...updated, text, state: stateFor(id, updated, text, criterion) } } });
  }

  function save(id: string, text: string, value: number | null): void {
    const entryId = get().detail?.entry.id;
    if (entryId === undefined) return;
    queued.set(id, { value, count: (queued.get(id)?.count ?? 0) + 1 });
    const next = (chains.get(id) ?? Promise.resolve()).then(async () => {
      const outcome = await call('marks:set', { entryId, criterionId: id, value }).catch((error: unknown) => ({ error }));
      const left = (queued.get(id)?.count ?? 1) - 1;
      if (left === 0) queued.delete(id);
      else queued.set(id, { value: queued.get(id)?.value ?? null, count: left });
      if (get().detail?.entry.id === entryId) landed(id, text, outcome);
    });
    chains.set(id, next);
  }

  return {
    detail: null,
    fields: {},
    async load(entryId) {
      wanted = entryId;
      await get().settle();
      const detail = await call('scoring:entry', { entryId });
      if (wanted === entryId) get().replace(detail);
    },
    close() {
      wanted = null;
      set({ detail: null, fields: {} });
    },
    replace(detail) {
      const marks = new Map(detail.marks.map((m) => [m.criterionId, m]));
      const fields: Record<string, Field> = {};
      for (const c of detail.criteria) {
        const mark = marks.get(c.id);
        const saved = mark?.value ?? null;
        const savedAt = mark?.savedAt ?? null;
        fields[c.id] = { text: shown(saved), saved, savedAt, comment: mark?.comment ?? '', state: resting({ saved, savedAt }) };
      }
      set({ detail, fields });
    },
    commented(criterionId, comment) {
      setField(criterionId, { comment });
    },
    edit(criterionId, text) {
      const criterion = criterionOf(criterionId);
      const field = get().fields[criterionId];
      if (criterion && field) setField(criterionId, { text, state: stateFor(criterionId, field, text, criterion) });
    },
    commit(criterionId) {
      const criterion = criterionOf(criterionId);
      const field = get().fields[criterionId];
      if (!criterion || !field) return false;
      const state = stateFor(criterionId, field, field.text, criterion);
      if (state.kind === 'unsaved') {
        save(criterionId, field.text, parseMark(field.text));
        setField(criterionId, { state: { kind: 'pending' } });
      } else setField(criterionId, { state });
      return state.kind !== 'invalid';
    },
    step(criterionId, delta) {
      const criterion = criterionOf(criterionId);
      const field = get().fields[criterionId];
      if (!criterion || !field) return;
      const value = parseMark(field.text);
      get().edit(criterionId, shown(stepValue(value !== null && Number.isFinite(value) ? value : null, delta, criterion.scale)));
      get().commit(criterionId);
    },
    async settle() {
      await Promise.all(chains.values());
    },
    unsaved() {
      return Object.entries(get().fields)
        .filter(([, field]) => isUnsaved(field))
        .map(([id]) => id);
    },
    async beforeLeave() {
      for (const id of get().unsaved()) get().commit(id);
      await get().settle();
      return get().unsaved();
    },
    discard() {
      const fields = { ...get().fields };
      for (const id of get().unsaved()) {
        const field = fields[id];
        if (field) fields[id] = { ...field, text: shown(field.saved), state: resting(field) };
      }
      set({ fields });
    },
  };
});
