import { useMemo, useState } from 'react';
import type { EntryStatus } from '../../shared/domain/views.ts';
import { call } from '../api/client.ts';
import { Field, SelectField } from '../components/form.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useT } from '../i18n.ts';
import { hrefOf } from '../stores/route-store.ts';
import { useOverview } from '../stores/workspace-store.ts';
import { useReport } from '../use-report.ts';
import { useLoad } from './organise/use-load.ts';

const ALL = 'all';
/** Enough rows to scan by eye; more is a sign the search should be narrower. */
const SHOWN = 300;

const fold = (text: string) => text.toLocaleLowerCase('ru').replaceAll('ё', 'е');

/** Every entry assigned to the expert, searchable and filtered by status, grouped by nomination and category. */
export function MyEntriesScreen() {
  const { t } = useT();
  const report = useReport();
  const overview = useOverview(report);
  const { data: entries } = useLoad(() => call('scoring:mine'), []);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<EntryStatus | typeof ALL>(ALL);

  const found = useMemo(() => {
    const q = fold(query.trim());
    return (entries ?? []).filter((e) => (status === ALL || e.status === status) && (q === '' || fold(`${e.title} ${e.organisation} ${e.region}`).includes(q)));
  }, [entries, query, status]);

  if (!entries || !overview) return null;
  const shown = found.slice(0, SHOWN);
  const groups = overview.flatMap((n) =>
    [...n.categories.map((c) => ({ id: c.id as string | null, title: `${n.title} › ${c.title}` })), { id: null, title: n.title }].map((g) => ({
      ...g,
      entries: shown.filter((e) => e.nominationId === n.id && e.categoryId === g.id),
    })),
  );

  return (
    <div>
      <PageTitle title={t('nav.mine')}>{t('nav.mine')}</PageTitle>
      <div className="toolbar">
        <Field label={t('mine.search')}>{(a11y) => <input {...a11y} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />}</Field>
        <SelectField<EntryStatus | typeof ALL>
          label={t('mine.status')}
          value={status}
          options={[
            { value: ALL, label: t('mine.all') },
            { value: 'notStarted', label: t('status.notStarted') },
            { value: 'incomplete', label: t('mine.incomplete') },
            { value: 'complete', label: t('status.complete') },
            { value: 'conflict', label: t('status.conflict') },
            { value: 'abstained', label: t('status.abstained') },
          ]}
          onChange={setStatus}
        />
      </div>
      <p role="status">{found.length > SHOWN ? t('mine.foundMore', { count: found.length, shown: SHOWN }) : t('mine.found', { count: found.length })}</p>
      {groups
        .filter((g) => g.entries.length > 0)
        .map((g) => (
          <section key={`${g.title}-${g.id ?? ''}`} className="card" aria-label={g.title}>
            <h2>{g.title}</h2>
            <ul className="entry-list">
              {g.entries.map((e) => (
                <li key={e.id}>
                  <a href={hrefOf({ name: 'entry', entryId: e.id })}>{e.title}</a>
                  <span className="muted">{e.region}</span>
                  <StatusBadge entry={e} />
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}
