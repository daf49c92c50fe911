import { useEffect, useRef, useState } from 'react';
import { call } from '../api/client.ts';
import { useT } from '../i18n.ts';
import { useScoringStore } from '../stores/scoring-store.ts';
import { ActionError, useAction } from '../action.tsx';
import { TextField } from './form.tsx';

type Asking = 'declareConflict' | 'abstain' | null;

/**
 * The expert's decisions about an entry besides marks: declare a conflict of interest or abstain
 * (each with a reason; the entry's marks are then removed), or take either back.
 */
export function DecisionPanel() {
  const { t } = useT();
  const deciding = useAction<Awaited<ReturnType<typeof call<'entry:decide'>>>>();
  const detail = useScoringStore((s) => s.detail);
  const replace = useScoringStore((s) => s.replace);
  const [asking, setAsking] = useState<Asking>(null);
  const [reason, setReason] = useState('');
  // The buttons pressed here go away with the form they open or close: focus follows to the reason
  // field, or back to the panel's first button (the one that opens the form, or takes the decision back).
  const panel = useRef<HTMLElement>(null);
  const focusNext = useRef<'field' | 'button' | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    panel.current?.querySelector<HTMLElement>(focusNext.current === 'field' ? 'textarea' : 'button')?.focus();
    focusNext.current = null;
  });
  if (!detail || !detail.assigned) return null;

  const ask = (what: Asking) => {
    focusNext.current = what === null ? 'button' : 'field';
    setAsking(what);
  };
  const decide = (decision: Parameters<typeof call<'entry:decide'>>[1]['decision']) =>
    deciding.run(
      () => call('entry:decide', { entryId: detail.entry.id, decision }),
      (next) => {
        focusNext.current = 'button';
        replace(next);
        setAsking(null);
        setReason('');
      },
    );

  const declared = detail.conflict?.source === 'declared';
  return (
    <section ref={panel} className="card" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('decision.title')}</h2>
      {declared && (
        <button type="button" onClick={() => void decide({ kind: 'withdrawConflict' })}>
          {t('decision.withdrawConflict')}
        </button>
      )}
      {detail.abstention && (
        <button type="button" onClick={() => void decide({ kind: 'withdrawAbstention' })}>
          {t('decision.withdrawAbstention')}
        </button>
      )}
      {!detail.conflict && !detail.abstention && asking === null && (
        <div className="row-actions">
          <button type="button" onClick={() => ask('declareConflict')}>
            {t('decision.declareConflict')}
          </button>
          <button type="button" onClick={() => ask('abstain')}>
            {t('decision.abstain')}
          </button>
        </div>
      )}
      {asking && (
        <div className="form-grid">
          <p className="notice warning">{t('decision.marksRemoved')}</p>
          <TextField multiline label={t(asking === 'declareConflict' ? 'decision.conflictReason' : 'decision.abstainReason')} value={reason} onChange={setReason} />
          <div className="actions">
            <button type="button" className="primary" disabled={reason.trim() === ''} onClick={() => void decide({ kind: asking, reason })}>
              {t(asking === 'declareConflict' ? 'decision.confirmConflict' : 'decision.confirmAbstain')}
            </button>
            <button type="button" onClick={() => ask(null)}>
              {t('org.back')}
            </button>
          </div>
        </div>
      )}
      <ActionError action={deciding} />
    </section>
  );
}
