import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { ProgressSummary } from '../components/ProgressSummary.tsx';
import { useT } from '../i18n.ts';
import { hrefOf } from '../stores/route-store.ts';
import { useOverview, useWorkspaceStore } from '../stores/workspace-store.ts';
import { useLoadError } from '../load-error.ts';
import { PageTitle } from '../components/PageTitle.tsx';

/** One nomination's categories, each with the scorer's progress. */
export function NominationScreen({ nominationId }: { nominationId: string }) {
  const { t } = useT();
  const reportLoadError = useLoadError();
  const summary = useWorkspaceStore((s) => s.summary);
  const overview = useOverview(reportLoadError);

  const nomination = overview?.find((n) => n.id === nominationId);
  if (!summary || !nomination) return null;
  const groups = [
    ...nomination.categories.map((c) => ({ ...c, categoryId: c.id as string | null })),
    ...(nomination.uncategorised.assigned + nomination.uncategorised.conflicted > 0
      ? [{ id: '-', categoryId: null, title: t('contest.noCategory'), description: '', progress: nomination.uncategorised }]
      : []),
  ];
  return (
    <div>
      <Breadcrumbs crumbs={[{ label: summary.contest.title, route: { name: 'contest' } }, { label: nomination.title, route: { name: 'nomination', nominationId } }]} />
      <PageTitle title={nomination.title}>{nomination.title}</PageTitle>
      {nomination.description && <p className="lead">{nomination.description}</p>}
      <ProgressSummary progress={nomination.progress} />
      <h2>{t('nomination.categories')}</h2>
      <ul className="cards">
        {groups.map((c) => (
          <li key={c.id} className="card">
            <h3>
              <a href={hrefOf({ name: 'entries', nominationId, categoryId: c.categoryId })}>{c.title}</a>
            </h3>
            {c.description && <p className="muted">{c.description}</p>}
            <ProgressSummary progress={c.progress} />
          </li>
        ))}
      </ul>
    </div>
  );
}
