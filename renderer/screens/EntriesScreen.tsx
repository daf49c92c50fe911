import { memo, useEffect, useState } from 'react';
import type { EntryList, EntryListItem } from '../../shared/domain/views.ts';
import { callOrTake } from '../api/early.ts';
import { Breadcrumbs, type Crumb } from '../components/Breadcrumbs.tsx';
import { ShowMore, useListCommitted, useShownRows, type ShownRows } from '../components/LongList.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useT } from '../i18n.ts';
import { entriesListKey } from '../lists.ts';
import { hrefOf } from '../stores/route-store.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';
import { useLoadError } from '../load-error.ts';
import { PageTitle } from '../components/PageTitle.tsx';

/** One row; memoised, so showing more rows renders only the new ones. */
const EntryRow = memo(function EntryRow({ entry, index }: { entry: EntryListItem; index: number }) {
  return (
    <tr data-row={index} aria-rowindex={index + 2}>
      <td>{String(index + 1)}</td>
      <td>
        <a href={hrefOf({ name: 'entry', entryId: entry.id })}>{entry.title}</a>
        {entry.organisation !== entry.title && <div className="muted">{entry.organisation}</div>}
      </td>
      <td>{entry.region}</td>
      <td>
        <StatusBadge entry={entry} />
      </td>
    </tr>
  );
});

/** The list's rows: the first ones at once, more on request (components/LongList.tsx says why not a scrolling window). */
function EntryTable({ list, rows: { shown, more, rowsRef } }: { list: EntryList; rows: ShownRows<HTMLTableSectionElement> }) {
  const { t } = useT();
  const rows = list.entries.slice(0, shown);
  useListCommitted('entries', rows.length, list.total, list);
  if (list.total === 0) return <p className="muted">{t('entries.empty')}</p>;
  return (
    <>
      {/* aria-rowcount counts the header row too, and every entry, shown or not yet. */}
      <table className="entries" aria-rowcount={list.total + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('entries.column.number')}</th>
            <th scope="col">{t('entries.column.title')}</th>
            <th scope="col">{t('entries.column.region')}</th>
            <th scope="col">{t('entries.column.status')}</th>
          </tr>
        </thead>
        <tbody ref={rowsRef}>
          {rows.map((e, i) => (
            <EntryRow key={e.id} entry={e} index={i} />
          ))}
        </tbody>
      </table>
      <ShowMore shown={rows.length} total={list.total} onMore={more}>
        <a href={hrefOf({ name: 'mine' })}>{t('entries.search')}</a>
      </ShowMore>
    </>
  );
}

/**
 * The scorer's entries in one nomination and category, with the state of each. Only the rows shown
 * are loaded: a list of 10,000 opens with its first 100, and "show more" loads the next ones.
 */
export function EntriesScreen({ nominationId, categoryId }: { nominationId: string; categoryId: string | null }) {
  const { t } = useT();
  const reportLoadError = useLoadError();
  const summary = useWorkspaceStore((s) => s.summary);
  const listKey = entriesListKey(nominationId, categoryId);
  const [loaded, setLoaded] = useState<{ key: string; list: EntryList } | null>(null);
  const list = loaded?.key === listKey ? loaded.list : null;
  const rows = useShownRows<HTMLTableSectionElement>(listKey, list?.entries.length ?? 0);
  // Asked for when the list opens, and again when more rows are to be shown than have come.
  const wanted = list === null || (list.entries.length < list.total && list.entries.length < rows.shown) ? rows.shown : null;

  useEffect(() => {
    if (wanted === null) return;
    let live = true;
    callOrTake('scoring:entries', { nominationId, categoryId, first: wanted })
      .then((next) => live && setLoaded({ key: listKey, list: next }))
      .catch(reportLoadError);
    return () => {
      live = false;
    };
  }, [nominationId, categoryId, listKey, wanted, reportLoadError]);

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
      <EntryTable list={list} rows={rows} />
    </div>
  );
}
