import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n.ts';
import { Field } from './form.tsx';

type State = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saved'; at: string } | { kind: 'failed'; error: unknown };

/** Typing pauses this long before a comment is saved. */
const SAVE_DELAY_MS = 600;

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
  const last = useRef(initial);

  const flush = (value: string) => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (value === last.current) return;
    last.current = value;
    save(value).then(
      ({ savedAt }) => setState((s) => (last.current === value ? { kind: 'saved', at: savedAt } : s)),
      (failure: unknown) => setState({ kind: 'failed', error: failure }),
    );
  };
  useEffect(() => () => clearTimeout(timer.current), []);

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
              setText(value);
              setState({ kind: 'pending' });
              clearTimeout(timer.current);
              timer.current = setTimeout(() => flush(value), SAVE_DELAY_MS);
            }}
            onBlur={() => flush(text)}
          />
        )}
      </Field>
      <p className={`save save-${state.kind}`} aria-live="polite" data-save-state={state.kind}>
        {status}
      </p>
    </div>
  );
}
