import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n.ts';
import { guardLeaving } from '../stores/route-store.ts';
import { isUnsaved, useScoringStore, type Field } from '../stores/scoring-store.ts';
import { saveTexts, textsUnsaved } from './AutosaveText.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface Question {
  /** Criteria whose marks are not saved, in the order shown. */
  marks: string[];
  comments: number;
  answer(leave: boolean): void;
}

const markInput = (criterionId: string) => document.querySelector<HTMLInputElement>(`input[data-mark="${CSS.escape(criterionId)}"]`);

/** Why a mark is not saved, in one line that names its criterion. */
function useReason(): (field: Field, criterion: string) => string {
  const { t, error } = useT();
  return (field, criterion) =>
    field.state.kind === 'invalid' ? t(field.state.key, field.state.params) : t('leave.failed', { criterion, reason: field.state.kind === 'failed' ? error(field.state.error) : t('save.unsaved') });
}

/**
 * Leaving an entry leaves its fields: what is valid is committed and saved first; what still is not
 * saved (a value off the scale, a save the host refused) is asked about before the screen changes,
 * and the browser asks before the tab is closed or reloaded.
 */
export function UnsavedMarksGuard() {
  const { t } = useT();
  const reason = useReason();
  const [question, setQuestion] = useState<Question | null>(null);
  const fields = useScoringStore((s) => s.fields);
  const criteria = useScoringStore((s) => s.detail?.criteria);
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    let open: Question | null = null;
    const remove = guardLeaving(async () => {
      const marks = await useScoringStore.getState().beforeLeave();
      const comments = await saveTexts();
      if (marks.length === 0 && comments === 0) return true;
      const leave = await new Promise<boolean>((answer) => {
        open = { marks, comments, answer };
        setQuestion(open);
      });
      open = null;
      setQuestion(null);
      if (leave) useScoringStore.getState().discard();
      else focusAfter.current = marks[0] ?? null;
      return leave;
    });
    return () => {
      remove();
      open?.answer(false);
    };
  }, []);

  // Back on the entry: to the first mark that needs fixing, once the dialog has given focus back.
  useEffect(() => {
    if (question !== null || focusAfter.current === null) return;
    markInput(focusAfter.current)?.focus();
    focusAfter.current = null;
  }, [question]);

  useEffect(() => {
    const ask = (event: BeforeUnloadEvent) => {
      const marks = Object.values(useScoringStore.getState().fields);
      if (marks.some((f) => isUnsaved(f) || f.state.kind === 'pending') || textsUnsaved()) event.preventDefault();
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, []);

  if (!question) return null;
  return (
    <ConfirmDialog title={t('leave.title')} cancel={t('leave.stay')} confirm={t('leave.go')} onCancel={() => question.answer(false)} onConfirm={() => question.answer(true)}>
      {question.marks.length > 0 && (
        <>
          <p>{t('leave.marks')}</p>
          <ul>
            {question.marks.map((id) => {
              const field = fields[id];
              return field && <li key={id}>{reason(field, criteria?.find((c) => c.id === id)?.title ?? id)}</li>;
            })}
          </ul>
          <p>{t('leave.kept')}</p>
        </>
      )}
      {question.comments > 0 && <p>{t('leave.comments', { count: question.comments })}</p>}
    </ConfirmDialog>
  );
}
