import type { KeyboardEvent } from 'react';
import type { Criterion } from '../../shared/domain/contest.ts';
import { scaleProblem } from '../../shared/scoring/scale.ts';
import { call } from '../api/client.ts';
import { useT } from '../i18n.ts';
import { AutosaveText } from './AutosaveText.tsx';
import { parseMark, useScoringStore, type Field } from '../stores/scoring-store.ts';

/** The line under a mark: saved and when, or not saved and why; a mark saved before is named while another is typed over it. */
function useSaveText(field: Field | undefined): string {
  const { t, time, error, number } = useT();
  const state = field?.state ?? { kind: 'idle' };
  const saved = field?.saved ?? null;
  switch (state.kind) {
    case 'idle':
      return t('save.idle');
    case 'unsaved':
      return saved === null ? t('save.unsaved') : t('save.unsavedKept', { saved: number(saved, 6) });
    case 'pending':
      return t('save.pending');
    case 'saved':
      return t('save.saved', { time: time(state.at) });
    case 'cleared':
      return t('save.cleared', { time: time(state.at) });
    case 'invalid': {
      const reason = t(state.key, state.params);
      return saved === null ? t('save.invalid', { reason }) : t('save.invalidKept', { reason, saved: number(saved, 6) });
    }
    case 'failed':
      return t('save.failed', { reason: error(state.error) });
  }
}

interface Props {
  entryId: string;
  criterion: Criterion;
  index: number;
  disabled: boolean;
  /** Enter on the last criterion: go on to the next entry. */
  onPastLast(): void;
}

/** Moves focus to the next mark input on the page; false when this was the last. */
function focusNextMark(from: HTMLInputElement): boolean {
  const inputs = [...document.querySelectorAll<HTMLInputElement>('input[data-mark]')];
  const next = inputs[inputs.indexOf(from) + 1];
  next?.focus();
  next?.select();
  return next !== undefined;
}

/** One criterion: its scale and rubric, the mark input, and whether the mark is saved. */
export function MarkField({ entryId, criterion: c, index, disabled, onPastLast }: Props) {
  const { t } = useT();
  const field = useScoringStore((s) => s.fields[c.id]);
  const edit = useScoringStore((s) => s.edit);
  const commit = useScoringStore((s) => s.commit);
  const step = useScoringStore((s) => s.step);
  const commented = useScoringStore((s) => s.commented);
  const saveText = useSaveText(field);
  if (!field) return null;

  const current = parseMark(field.text);
  const commentMissing = field.saved !== null && c.commentBelow !== null && field.saved < c.commentBelow && field.comment.trim() === '';
  const onScale = current !== null && scaleProblem(current, c.scale) === null ? current : null;

  // The three ways to commit a mark: Enter, ↑/↓ (a step, saved at once) and leaving the field (onBlur).
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Keys that finish an input method's composition (Enter confirms a candidate) are the IME's, not the mark's.
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      step(c.id, event.key === 'ArrowUp' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // A value the scale refuses keeps the expert on it, saying why under the field.
      if (!commit(c.id)) event.currentTarget.select();
      else if (!focusNextMark(event.currentTarget)) onPastLast();
    }
  };

  const inputId = `mark-${c.id}`;
  return (
    <fieldset className="criterion">
      <legend>
        {String(index + 1)}. {c.title}
      </legend>
      {c.group && <p className="muted">{t('criterion.group', { group: c.group })}</p>}
      {c.description && <p>{c.description}</p>}
      <div className="criterion-body">
        <div className="mark">
          <label htmlFor={inputId}>{t('criterion.mark')}</label>
          <input
            id={inputId}
            data-mark={c.id}
            className="mark-input"
            aria-label={t('criterion.markLabel', { title: c.title })}
            inputMode="decimal"
            autoComplete="off"
            value={field.text}
            disabled={disabled}
            aria-invalid={field.state.kind === 'invalid'}
            aria-describedby={`scale-${c.id} save-${c.id}`}
            onChange={(e) => edit(c.id, e.target.value)}
            onBlur={() => commit(c.id)}
            onKeyDown={onKeyDown}
          />
          <p id={`scale-${c.id}`} className="hint">
            {t('criterion.scale', { min: c.scale.min, max: c.scale.max, step: c.scale.step, weight: c.weight })}
          </p>
          <p id={`save-${c.id}`} className={`save save-${field.state.kind}`} aria-live="polite" data-save-state={field.state.kind}>
            {saveText}
          </p>
          <AutosaveText
            label={t('criterion.comment')}
            initial={field.comment}
            disabled={disabled}
            hint={field.saved === null ? t('criterion.commentAfterMark') : undefined}
            warning={commentMissing ? t('criterion.commentRequired', { threshold: c.commentBelow ?? 0 }) : null}
            save={(comment) =>
              call('marks:comment', { entryId, criterionId: c.id, comment }).then((saved) => {
                commented(c.id, saved.comment);
                return saved;
              })
            }
          />
        </div>
        {c.rubric.length > 0 && (
          <div className="rubric">
            <h3>{t('criterion.rubric')}</h3>
            <dl>
              {c.rubric.map((band) => {
                const active = onScale !== null && onScale >= band.from && onScale <= band.to;
                return (
                  <div key={`${band.from}-${band.to}`} className={active ? 'band active' : 'band'}>
                    <dt>{band.from === band.to ? t('criterion.bandSingle', { from: band.from }) : t('criterion.band', { from: band.from, to: band.to })}</dt>
                    <dd>{band.text}</dd>
                  </div>
                );
              })}
            </dl>
          </div>
        )}
      </div>
    </fieldset>
  );
}
