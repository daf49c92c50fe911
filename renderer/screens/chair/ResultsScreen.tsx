import { useState } from 'react';
import type { GroupView, ResultsView } from '../../../shared/domain/chair.ts';
import type { ScoringRules } from '../../../shared/domain/contest.ts';
import { call } from '../../api/client.ts';
import { TextField } from '../../components/form.tsx';
import { ShowMore, useShownRows } from '../../components/LongList.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.ts';
import { say } from '../../stores/notice-store.ts';
import { hrefOf } from '../../stores/route-store.ts';
import { ActionError, useAction } from '../../action.tsx';
import { useLoad } from '../organise/use-load.ts';

/** The nomination's rules in one line: method, order, tie-break chain, minimum of evaluations. */
export function RulesLine({ rules, criteria, minEvaluations }: { rules: ScoringRules; criteria: Record<string, string>; minEvaluations: number }) {
  const { t } = useT();
  const method = rules.method === 'trimmed' ? t('results.rules.trimmed', { k: rules.trim }) : t(`rules.method.${rules.method}`);
  const chain = rules.tieBreak.map((tb) => (tb.kind === 'applicationDate' ? t('rules.byDate') : t('rules.byCriterion', { criterion: criteria[tb.criterionId] ?? tb.criterionId })));
  return (
    <p className="hint">
      {t('results.rules', { method, order: t(`rules.order.${rules.order}`), min: minEvaluations })}{' '}
      {chain.length > 0 ? t('results.rules.chain', { chain: chain.join('; ') }) : t('results.rules.noChain')}
    </p>
  );
}

/** Marks a score the plain mean gave because the trimmed mean had too few evaluations (the note under the table says why). */
function FallbackBadge() {
  const { t } = useT();
  return <span className="badge badge-flag fallback">{t('results.trimFallback.badge')}</span>;
}

/** Settles one group of entries still tied: the chair puts them in order and gives the reason. */
function TieSettler({ group, tie, titles, onDone }: { group: GroupView; tie: string[]; titles: ResultsView['entries']; onDone(view: ResultsView): void }) {
  const { t } = useT();
  const recording = useAction<ResultsView>();
  const [order, setOrder] = useState(tie);
  const [reason, setReason] = useState('');
  const busy = recording.busy;
  const move = (i: number, delta: -1 | 1) => {
    const next = [...order];
    const [item] = next.splice(i, 1);
    if (item === undefined) return;
    next.splice(i + delta, 0, item);
    setOrder(next);
  };
  const place = group.ranked.find((r) => r.entryId === tie[0])?.place ?? 0;
  const record = () => {
    void recording.run(
      () => call('tie:decide', { nominationId: group.nominationId, categoryId: group.categoryId, entryIds: order, reason }),
      (view) => {
        say('results.tie.recorded');
        onDone(view);
      },
    );
  };
  const title = (id: string) => titles[id]?.title ?? id;
  return (
    <fieldset className="tie">
      <legend>{t('results.tie.title', { place, entries: tie.map(title).join('; ') })}</legend>
      <p className="hint">{t('results.tie.hint')}</p>
      <ol className="tie-order">
        {order.map((id, i) => (
          <li key={id}>
            <span>{title(id)}</span>
            <span className="row-actions">
              <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('results.tie.up', { entry: title(id) })}>
                ↑
              </button>
              <button type="button" disabled={i === order.length - 1} onClick={() => move(i, 1)} aria-label={t('results.tie.down', { entry: title(id) })}>
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <TextField multiline label={t('results.tie.reason')} value={reason} onChange={setReason} hint={t('results.tie.reasonHint')} />
      <div className="actions">
        <button type="button" className="primary" disabled={busy || reason.trim() === ''} onClick={record}>
          {t('results.tie.record')}
        </button>
      </div>
      <ActionError action={recording} />
    </fieldset>
  );
}

function Group({ group, view, onChange }: { group: GroupView; view: ResultsView; onChange(view: ResultsView): void }) {
  const { t, number, dateTime } = useT();
  const withdrawing = useAction<ResultsView>();
  const title = (id: string) => view.entries[id]?.title ?? id;
  const id = `group-${group.nominationId}-${group.categoryId ?? 'all'}`;
  const { statistics: st } = group;
  const why = st.notes?.kendallW;
  const agreement =
    st.kendallW !== null ? t('results.w', { w: number(st.kendallW, 3) }) : why === undefined ? t('results.wUndefined') : t('results.wUndefinedBecause', { reason: t(`report.statistic.${why}`) });
  const withdraw = (decision: number) => withdrawing.run(() => call('tie:withdraw', { id: decision }), onChange);
  const { shown, more, rowsRef } = useShownRows<HTMLTableSectionElement>(`results/${id}`);
  return (
    <section className="card result-group" aria-labelledby={id}>
      <h2 id={id}>{group.title}</h2>
      <RulesLine rules={group.rules} criteria={view.criteria} minEvaluations={group.minEvaluations} />
      <p className="row">
        <a href={hrefOf({ name: 'group', nominationId: group.nominationId, categoryId: group.categoryId })}>{t('results.toStatistics')}</a>
        <a href={hrefOf({ name: 'coverage', nominationId: group.nominationId, categoryId: group.categoryId })}>{t('results.toCoverage')}</a>
      </p>
      <p className="muted">
        {agreement} · {t('results.disagreements', { count: st.disagreements })} · {t('results.outliers', { count: st.outliers })}
      </p>
      {group.ranked.length === 0 ? (
        <p className="muted">{t('results.noRanking')}</p>
      ) : (
        <table className="entries ranking" aria-rowcount={group.ranked.length + 1}>
          <caption className="visually-hidden">{t('results.caption', { group: group.title })}</caption>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">{t('results.place')}</th>
              <th scope="col">{t('entries.column.title')}</th>
              <th scope="col" className="num">
                {t('results.score')}
              </th>
              <th scope="col" className="num">
                {t('results.normalised')}
              </th>
              <th scope="col" className="num">
                {t('results.evaluations')}
              </th>
              <th scope="col">{t('results.decidedBy')}</th>
            </tr>
          </thead>
          <tbody ref={rowsRef}>
            {group.ranked.slice(0, shown).map((r, i) => (
              <tr key={r.entryId} className={r.place === 1 ? 'winner' : undefined} data-row={i} aria-rowindex={i + 2}>
                <td className="num">{r.place ?? '—'}</td>
                <td>
                  <a href={hrefOf({ name: 'marks', entryId: r.entryId })}>{title(r.entryId)}</a>
                  <div className="muted">{view.entries[r.entryId]?.region}</div>
                </td>
                <td className="num">
                  {r.score === null ? '—' : number(r.score, 2)}
                  {r.trimFallback && <FallbackBadge />}
                </td>
                <td className="num">{r.normalised === null ? '—' : number(r.normalised, 2)}</td>
                <td className="num">{number(r.evaluations)}</td>
                <td>
                  <span className={`badge decided-${r.decidedBy ?? 'shared'}`}>{t(`results.decided.${r.decidedBy ?? 'shared'}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ShowMore shown={Math.min(shown, group.ranked.length)} total={group.ranked.length} onMore={more} />
      {[...group.ranked, ...group.flagged].some((e) => e.trimFallback) && <p className="hint">{t('results.trimFallback.note', { k: group.rules.trim, twice: 2 * group.rules.trim })}</p>}
      {group.flagged.length > 0 && (
        <div className="notice warning">
          <p>{t('results.flagged', { count: group.flagged.length, min: group.minEvaluations })}</p>
          <ul>
            {group.flagged.map((f) => (
              <li key={f.entryId}>
                <a href={hrefOf({ name: 'marks', entryId: f.entryId })}>{title(f.entryId)}</a> — {t('results.flaggedEntry', { count: f.evaluations, score: f.score === null ? '—' : number(f.score, 2) })}
                {f.trimFallback && <FallbackBadge />}
              </li>
            ))}
          </ul>
        </div>
      )}
      {group.unresolvedTies.map((tie) => (
        <TieSettler key={tie.join('+')} group={group} tie={tie} titles={view.entries} onDone={onChange} />
      ))}
      {group.decisions.length > 0 && (
        <div className="decisions">
          <h3>{t('results.decisions')}</h3>
          <ul>
            {group.decisions.map((d) => (
              <li key={d.id}>
                <div>
                  {d.entryIds.map(title).join(' › ')}
                  {!d.applies && <span className="badge">{t('results.decision.stale')}</span>}
                </div>
                <div className="muted">{t('results.decision.reason', { reason: d.reason, when: dateTime(d.decidedAt) })}</div>
                <button type="button" disabled={withdrawing.busy} onClick={() => void withdraw(d.id)}>
                  {t('results.decision.withdraw')}
                </button>
              </li>
            ))}
          </ul>
          <ActionError action={withdrawing} />
        </div>
      )}
    </section>
  );
}

/**
 * The rankings of every nomination × category as the bundles that stand give them now, each with
 * its rules, the flagged entries, the ties the chair still has to settle, and links to every mark.
 */
export function ResultsScreen() {
  const { t } = useT();
  const results = useLoad(() => call('chair:results'), []);
  const view = results.data;
  if (!view) return null;
  const open = view.groups.reduce((n, g) => n + g.unresolvedTies.length, 0);
  const onChange = (next: ResultsView) => results.change(() => next);
  return (
    <div>
      <PageTitle title={t('nav.results')}>{t('nav.results')}</PageTitle>
      <p className="lead">{t('results.lead', { count: view.counted, drafts: view.drafts })}</p>
      {view.counted === 0 ? (
        <p className="notice warning">
          {t('results.nothing')} <a href={hrefOf({ name: 'intake' })}>{t('nav.intake')}</a>
        </p>
      ) : (
        <p className={open > 0 ? 'notice warning' : 'notice success'}>
          {open > 0 ? t('results.openTies', { count: open }) : t('results.ready')} <a href={hrefOf({ name: 'finalise' })}>{t('nav.finalise')}</a>
        </p>
      )}
      {view.groups.map((g) => (
        <Group key={`${g.nominationId}/${g.categoryId ?? ''}`} group={g} view={view} onChange={onChange} />
      ))}
    </div>
  );
}
