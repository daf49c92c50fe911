import { useEffect, useState } from 'react';
import type { EntryList } from '../../shared/domain/views.ts';
import { call } from '../api/client.ts';
import { Breadcrumbs, type Crumb } from '../components/Breadcrumbs.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useT } from '../i18n.ts';
import { hrefOf } from '../stores/route-store.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';
import { useReport } from '../use-report.ts';
import { PageTitle } from '../components/PageTitle.tsx';

/** The scorer's entries in one nomination and category, with the state of each. */
export function EntriesScreen({ nominationId, categoryId }: { nominationId: string; categoryId: string | null }) {
  const { t } = useT();
  const report = useReport();
  const summary = useWorkspaceStore((s) => s.summary);
  const [list, setList] = useState<EntryList | null>(null);

  useEffect(() => {
    let live = true;
    call('scoring:entries', { nominationId, categoryId })
      .then((next) => live && setList(next))
      .catch(report);
    return () => {
      live = false;
    };
  }, [nominationId, categoryId, report]);

  if (!summary || !list) return null;
  const crumbs: Crumb[] = [
    { label: summary.contest.title, route: { name: 'contest' } },
    { label: list.nomination.title, route: list.category ? { name: 'nomination', nominationId } : { name: 'entries', nominationId, categoryId: null } },
    ...(list.category ? [{ label: list.category.title, route: { name: 'entries' as const, nominationId, categoryId } }] : []),
  ];
  return (
    <div>
      <Breadcrumbs crumbs={crumbs} />
      <PageTitle title={list.category?.title ?? list.nomination.title}>{list.category?.title ?? list.nomination.title}</PageTitle>
      <h2 className="visually-hidden">{t('entries.title')}</h2>
      {list.entries.length === 0 ? (
        <p className="muted">{t('entries.empty')}</p>
      ) : (
        <table className="entries">
          <thead>
            <tr>
              <th scope="col">{t('entries.column.number')}</th>
              <th scope="col">{t('entries.column.title')}</th>
              <th scope="col">{t('entries.column.region')}</th>
              <th scope="col">{t('entries.column.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.entries.map((e, i) => (
              <tr key={e.id}>
                <td>{i + 1}</td>
                <td>
                  <a href={hrefOf({ name: 'entry', entryId: e.id })}>{e.title}</a>
                  {e.organisation !== e.title && <div className="muted">{e.organisation}</div>}
                </td>
                <td>{e.region}</td>
                <td>
                  <StatusBadge entry={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
