import { useEffect, useRef, useState } from 'react';
import type { AssignmentMatrix, AssignmentScope } from '../../../shared/domain/editor.ts';
import { call } from '../../api/client.ts';
import { SelectField, TextField } from '../../components/form.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { conflictReasonText, useT } from '../../i18n.ts';
import { navigate } from '../../stores/route-store.ts';
import { ActionError, useAction } from '../../action.tsx';
import { useLoad } from './use-load.ts';

const ALL = '*';
type Cell = { expertId: string; entryId: string };

function ConflictPanel({ matrix, cell, onDone }: { matrix: AssignmentMatrix; cell: Cell; onDone(): void }) {
  const { t, lang } = useT();
  const deciding = useAction();
  const ref = useRef<HTMLElement>(null);
  const conflict = matrix.conflicts.find((c) => c.expertId === cell.expertId && c.entryId === cell.entryId);
  const waiver = matrix.waivers.find((w) => w.expertId === cell.expertId && w.entryId === cell.entryId);
  const [reason, setReason] = useState(conflict?.source === 'organiser' ? conflict.reason : (waiver?.reason ?? ''));
  const expert = matrix.experts.find((x) => x.id === cell.expertId);
  const entry = matrix.entries.find((e) => e.id === cell.entryId);
  useEffect(() => ref.current?.focus(), [cell]);
  const decide = (decision: { kind: 'conflict' | 'waiver'; reason: string } | null) =>
    void deciding.run(() => call('editor:decideConflict', { ...cell, decision }), onDone);
  const state = conflict ? conflictReasonText(lang, conflict) : waiver ? t('org.conflict.state.waived', { reason: waiver.reason }) : t('org.conflict.state.none');

  return (
    <section ref={ref} tabIndex={-1} className="card decision" aria-labelledby="conflict-panel">
      <h2 id="conflict-panel">{t('org.conflict.title', { expert: expert?.name ?? '', entry: entry?.title ?? '' })}</h2>
      <p>{state}</p>
      <TextField multiline label={t('org.conflict.reason')} value={reason} onChange={setReason} hint={t('org.conflict.reasonHint')} />
      <div className="row-actions">
        {conflict?.source === 'auto' && (
          <button type="button" disabled={reason.trim() === ''} onClick={() => decide({ kind: 'waiver', reason })}>
            {t('org.conflict.waive')}
          </button>
        )}
        {!conflict && (
          <button type="button" disabled={reason.trim() === ''} onClick={() => decide({ kind: 'conflict', reason })}>
            {t('org.conflict.add')}
          </button>
        )}
        {(waiver || conflict?.source === 'organiser') && (
          <button type="button" onClick={() => decide(null)}>
            {t('org.conflict.clear')}
          </button>
        )}
        <button type="button" onClick={onDone}>
          {t('org.close')}
        </button>
      </div>
      <ActionError action={deciding} />
    </section>
  );
}

/** The matrix as it will be once the host has recorded an assignment (shown at once, confirmed by a reload). */
function withAssignment(m: AssignmentMatrix, expertId: string, scope: AssignmentScope, assigned: boolean): AssignmentMatrix {
  if ('entryId' in scope) {
    const others = m.single.filter((s) => !(s.expertId === expertId && s.entryId === scope.entryId));
    return { ...m, single: assigned ? [...others, { expertId, entryId: scope.entryId }] : others };
  }
  return {
    ...m,
    experts: m.experts.map((x) => {
      if (x.id !== expertId) return x;
      if ('nominationId' in scope) return { ...x, wholeNomination: assigned };
      const categories = x.categories.filter((c) => c !== scope.categoryId);
      return { ...x, wholeCategory: assigned, categories: assigned ? [...categories, scope.categoryId] : categories };
    }),
  };
}

/** Experts × entries for one nomination or category: who scores what, and every conflict of interest. */
export function AssignmentsScreen({ nominationId, categoryId }: { nominationId: string | null; categoryId: string | null }) {
  const { t } = useT();
  const assigning = useAction();
  const overview = useLoad(() => call('editor:overview'), []);
  const nominations = overview.data?.nominations ?? [];
  const chosen = nominationId ?? nominations[0]?.id ?? null;
  const { data: matrix, reload, change } = useLoad(() => (chosen ? call('editor:matrix', { nominationId: chosen, categoryId }) : Promise.resolve(null)), [chosen, categoryId]);
  const [cell, setCell] = useState<Cell | null>(null);
  if (!overview.data) return null;
  const nomination = nominations.find((n) => n.id === chosen);

  const assign = (expertId: string, scope: AssignmentScope, assigned: boolean) => {
    change((m) => (m ? withAssignment(m, expertId, scope, assigned) : m));
    // Shown at once; a refusal puts the matrix back as the host has it.
    void assigning.run(() => call('editor:assign', { expertId, scope, assigned }).finally(reload));
  };
  /** Whether a whole-nomination or whole-category rule already assigns this expert the entry. */
  const byRule = (x: AssignmentMatrix['experts'][number], e: AssignmentMatrix['entries'][number]) =>
    x.wholeNomination || (e.categoryId !== null && x.categories.includes(e.categoryId));

  return (
    <div>
      <PageTitle title={t('nav.assignments')}>{t('nav.assignments')}</PageTitle>
      {nominations.length === 0 ? (
        <p className="muted">{t('org.nomination.none')}</p>
      ) : (
        <div className="toolbar">
          <SelectField label={t('org.entry.nomination')} value={chosen ?? ''} options={nominations.map((n) => ({ value: n.id, label: n.title }))} onChange={(v) => navigate({ name: 'assignments', nominationId: v, categoryId: null })} />
          {nomination && nomination.categories.length > 0 && (
            <SelectField
              label={t('org.entry.category')}
              value={categoryId ?? ALL}
              options={[{ value: ALL, label: t('org.assign.allCategories') }, ...nomination.categories.map((c) => ({ value: c.id, label: c.title }))]}
              onChange={(v) => navigate({ name: 'assignments', nominationId: chosen, categoryId: v === ALL ? null : v })}
            />
          )}
        </div>
      )}
      <ActionError action={assigning} />
      {matrix && matrix.experts.length === 0 && <p className="muted">{t('org.assign.noExperts')}</p>}
      {matrix && matrix.experts.length > 0 && (
        <div className="matrix-wrap">
          <table className="matrix">
            <caption>{t('org.assign.caption', { place: matrix.category ? `${matrix.nomination.title} › ${matrix.category.title}` : matrix.nomination.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('entries.column.title')}</th>
                {matrix.experts.map((x) => (
                  <th scope="col" key={x.id}>
                    {x.name}
                    <div className="muted">{x.region}</div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr className="rule-row">
                <th scope="row">{t('org.assign.wholeNomination')}</th>
                {matrix.experts.map((x) => (
                  <td key={x.id}>
                    <input type="checkbox" checked={x.wholeNomination} aria-label={t('org.assign.nominationFor', { expert: x.name, nomination: matrix.nomination.title })} onChange={(e) => assign(x.id, { nominationId: matrix.nomination.id }, e.target.checked)} />
                  </td>
                ))}
              </tr>
              {matrix.category && (
                <tr className="rule-row">
                  <th scope="row">{t('org.assign.wholeCategory')}</th>
                  {matrix.experts.map((x) => (
                    <td key={x.id}>
                      <input type="checkbox" checked={x.wholeCategory} aria-label={t('org.assign.categoryFor', { expert: x.name, category: matrix.category?.title ?? '' })} onChange={(e) => assign(x.id, { categoryId: matrix.category?.id ?? '' }, e.target.checked)} />
                    </td>
                  ))}
                </tr>
              )}
              {matrix.entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    {e.title}
                    <div className="muted">{e.region}</div>
                  </th>
                  {matrix.experts.map((x) => {
                    const ruled = byRule(x, e);
                    const single = matrix.single.some((s) => s.expertId === x.id && s.entryId === e.id);
                    const conflict = matrix.conflicts.find((c) => c.expertId === x.id && c.entryId === e.id);
                    const waived = matrix.waivers.some((w) => w.expertId === x.id && w.entryId === e.id);
                    return (
                      <td key={x.id} className={conflict ? 'conflict-cell' : undefined}>
                        <input
                          type="checkbox"
                          checked={ruled || single}
                          disabled={ruled}
                          aria-label={t('org.assign.entryFor', { expert: x.name, entry: e.title })}
                          onChange={(ev) => assign(x.id, { entryId: e.id }, ev.target.checked)}
                        />
                        <button type="button" className={conflict ? 'conflict-mark' : waived ? 'conflict-mark waived' : 'conflict-mark quiet'} onClick={() => setCell({ expertId: x.id, entryId: e.id })} aria-label={t('org.conflict.open', { expert: x.name, entry: e.title })}>
                          {conflict ? t('org.conflict.short') : waived ? t('org.conflict.waivedShort') : '…'}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {matrix && cell && (
        <ConflictPanel
          key={`${cell.expertId}:${cell.entryId}`}
          matrix={matrix}
          cell={cell}
          onDone={() => {
            setCell(null);
            reload();
          }}
        />
      )}
    </div>
  );
}
