import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n.ts';
import { Field } from './form.tsx';

type State = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saved'; at: string } | { kind: 'failed'; error: unknown };

/** Typing pauses this long before a comment is saved. */
const SAVE_DELAY_MS = 600;

/**
 * Every text field of this kind on screen. Unlike a mark, a comment's prefix is a comment, so text is
 * saved as it is typed; but it is never dropped: leaving the screen saves what still waits for its
 * pause and tries again what the host refused (saveTexts), and what stays unsaved is asked about.
 */
const onScreen = new Map<symbol, { save(): Promise<boolean>; unsaved(): boolean }>();

/** Saves every text on screen that is not saved yet; resolves with how many still are not. */
export async function saveTexts(): Promise<number> {
  const saved = await Promise.all([...onScreen.values()].map((text) => text.save()));
  return saved.filter((ok) => !ok).length;
}

/** Whether a text on screen is not saved yet (typed, on its way, or refused). */
export const textsUnsaved = (): boolean => [...onScreen.values()].some((text) => text.unsaved());

interface Props {
  label: string;
  initial: string;
  save(text: string): Promise<{ savedAt: string }>;
  disabled?: boolean;
  hint?: string;
  /** Shown as this field's problem, e.g. a required comment still missing. */
  warning?: string | null;
}

/** A text saved by itself shortly after typing stops and when the field is left, saying when it was saved. */
export function AutosaveText({ label, initial, save, disabled, hint, warning }: Props) {
  const { t, time, error } = useT();
  const [text, setText] = useState(initial);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Refs, because the saves outlive the render that started them (and the field, on leaving).
  const typed = useRef(initial);
  const confirmed = useRef(initial);
  const saving = useRef<{ text: string; done: Promise<boolean> } | null>(null);
  const saveNow = useRef(save);
  useEffect(() => {
    saveNow.current = save;
  });

  /** Saves `value` after any save still on its way; resolves with whether it is saved. */
  const flush = useCallback((value: string): Promise<boolean> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const previous = saving.current;
    if (previous?.text === value) return previous.done;
    if (!previous && value === confirmed.current) {
      // Typed back to what is saved: nothing to save, and nothing left waiting.
      setState((s) => (s.kind === 'pending' ? { kind: 'idle' } : s));
      return Promise.resolve(true);
    }
    const done: Promise<boolean> = (previous?.done ?? Promise.resolve(true))
      .then(() => saveNow.current(value))
      .then(
        ({ savedAt }) => {
          confirmed.current = value;
          if (typed.current === value) setState({ kind: 'saved', at: savedAt });
          return true;
        },
        (failure: unknown) => {
          if (typed.current === value) setState({ kind: 'failed', error: failure });
          return false;
        },
      )
      .finally(() => {
        if (saving.current?.done === done) saving.current = null;
      });
    saving.current = { text: value, done };
    return done;
  }, []);

  useEffect(() => {
    const id = Symbol('text');
    onScreen.set(id, { save: () => flush(typed.current), unsaved: () => typed.current !== confirmed.current || saving.current !== null });
    return () => {
      onScreen.delete(id);
      // A field going away (another entry, a reload of the list) saves what it still holds.
      if (typed.current !== confirmed.current) void flush(typed.current);
    };
  }, [flush]);

  const status = state.kind === 'pending' ? t('save.pending') : state.kind === 'saved' ? t('save.saved', { time: time(state.at) }) : state.kind === 'failed' ? t('save.failed', { reason: error(state.error) }) : '';
  return (
    <div className="autosave">
      <Field label={label} hint={hint} error={warning ?? null}>
        {(a11y) => (
          <textarea
            {...a11y}
            rows={2}
            value={text}
            disabled={disabled}
            onChange={(e) => {
              const value = e.target.value;
              typed.current = value;
              setText(value);
              setState({ kind: 'pending' });
              clearTimeout(timer.current);
              timer.current = setTimeout(() => void flush(value), SAVE_DELAY_MS);
            }}
            onBlur={() => void flush(text)}
          />
        )}
      </Field>
      <p className={`save save-${state.kind}`} aria-live="polite" data-save-state={state.kind}>
        {status}
      </p>
    </div>
  );
}
