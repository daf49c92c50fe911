import type { NominationProgress } from '../../shared/domain/views.ts';
import { ProgressSummary } from '../components/ProgressSummary.tsx';
import { useT } from '../i18n.ts';
import { hrefOf, type Route } from '../stores/route-store.ts';
import { useOverview, useWorkspaceStore } from '../stores/workspace-store.ts';
import { ActionError, useAction } from '../action.tsx';
import { useLoadError } from '../load-error.ts';
import { PageTitle } from '../components/PageTitle.tsx';

/** Where a nomination's title leads: its categories, or straight to its entries when it has none. */
export function nominationRoute(n: NominationProgress): Route {
  return n.categories.length > 0 ? { name: 'nomination', nominationId: n.id } : { name: 'entries', nominationId: n.id, categoryId: null };
}

function ScorerPicker() {
  const { t } = useT();
  const choosing = useAction();
  const summary = useWorkspaceStore((s) => s.summary);
  const setScorer = useWorkspaceStore((s) => s.setScorer);
  if (!summary) return null;
  // An expert's workspace scores for that expert alone.
  if (summary.kind === 'expert') return <p className="scorer">{t('contest.scorer.expert', { name: summary.scorer?.name ?? '' })}</p>;
  return (
    <div className="scorer">
      <label htmlFor="scorer">{t('contest.scorer.label')}</label>
      <select id="scorer" value={summary.scorer?.id ?? ''} disabled={choosing.busy} onChange={(e) => void choosing.run(() => setScorer(e.target.value))}>
        {!summary.scorer && <option value="">{t('contest.scorer.choose')}</option>}
        {summary.experts.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name} — {x.organisation}
          </option>
        ))}
      </select>
      {!summary.scorer && <p className="hint">{t('contest.scorer.needed')}</p>}
      <ActionError action={choosing} />
    </div>
  );
}

/** The contest: who scores, and each nomination with its categories and the scorer's progress. */
export function ContestScreen() {
  const { t, date } = useT();
  const reportLoadError = useLoadError();
  const summary = useWorkspaceStore((s) => s.summary);
  const overview = useOverview(reportLoadError);

  if (!summary) return null;
  const { contest } = summary;
  return (
    <div>
      <PageTitle title={contest.title}>
        {contest.title}
        {contest.year !== null && <span className="muted"> · {String(contest.year)}</span>}
      </PageTitle>
      <p className="lead">
        {contest.place}
        {contest.startsOn && contest.endsOn && <> · {t('contest.dates', { from: date(contest.startsOn), to: date(contest.endsOn) })}</>}
      </p>
      {contest.description && <p>{contest.description}</p>}
      <ScorerPicker />
      <p>
        <a href={hrefOf({ name: 'mine' })}>{t('contest.allMine')}</a>
      </p>
      <h2>{t('contest.nominations')}</h2>
      <ul className="cards">
        {(overview ?? []).map((n) => (
          <li key={n.id} className="card">
            <h3>
              <a href={hrefOf(nominationRoute(n))}>{n.title}</a>
            </h3>
            {n.description && <p>{n.description}</p>}
            <p className="muted">{t('nomination.criteria', { count: n.criteriaCount })}</p>
            <ProgressSummary progress={n.progress} />
            {n.categories.length > 0 && (
              <ul className="category-links" aria-label={t('nomination.categories')}>
                {n.categories.map((c) => (
                  <li key={c.id}>
                    <a href={hrefOf({ name: 'entries', nominationId: n.id, categoryId: c.id })}>{c.title}</a>
                    <span className="muted"> — {t('progress.summary', { complete: c.progress.complete, assigned: c.progress.assigned })}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
