import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { EntryListItem, EntryStatus, NominationProgress } from '../../shared/domain/views.ts';
import { call } from '../api/client.ts';
import { Field, SelectField } from '../components/form.tsx';
import { ShowMore, useListCommitted, useShownRows } from '../components/LongList.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useT } from '../i18n.ts';
import { hrefOf } from '../stores/route-store.ts';
import { useOverview } from '../stores/workspace-store.ts';
import { useLoadError } from '../load-error.ts';
import { useLoad } from './organise/use-load.ts';

const ALL = 'all';

type StatusFilter = EntryStatus | typeof ALL;

const fold = (text: string) => text.toLocaleLowerCase('ru').replaceAll('ё', 'е');

/** Each loaded list's searchable texts, folded once per load rather than on every keystroke. */
const foldedTexts = new WeakMap<EntryListItem[], string[]>();
function foldedOf(entries: EntryListItem[]): string[] {
  let texts = foldedTexts.get(entries);
  if (!texts) {
    texts = entries.map((e) => fold(`${e.title} ${e.organisation} ${e.region}`));
    foldedTexts.set(entries, texts);
  }
  return texts;
}

const EntryItem = memo(function EntryItem({ entry, index }: { entry: EntryListItem; index: number }) {
  return (
    <li data-row={index}>
      <a href={hrefOf({ name: 'entry', entryId: entry.id })}>{entry.title}</a>
      <span className="muted">{entry.region}</span>
      <StatusBadge entry={entry} />
    </li>
  );
});

/**
 * What the search found, grouped by nomination and category: the first matches, more on request
 * (components/LongList.tsx). Memoised on the deferred query, so a keystroke first paints the search
 * box alone and this follows as soon as it is rendered.
 */
const Found = memo(function Found({ found, overview, query }: { found: EntryListItem[]; overview: NominationProgress[]; query: string }) {
  const { t } = useT();
  // Each search starts again from the first matches.
  const { shown: count, more, rowsRef } = useShownRows<HTMLDivElement>(`mine/${query}`);
  const shown = found.slice(0, count);
  useListCommitted('mine', shown.length, found.length, query);
  const index = new Map(shown.map((e, i) => [e.id, i]));
  const groups = overview.flatMap((n) =>
    [...n.categories.map((c) => ({ id: c.id as string | null, title: `${n.title} › ${c.title}` })), { id: null, title: n.title }].map((g) => ({
      ...g,
      entries: shown.filter((e) => e.nominationId === n.id && e.categoryId === g.id),
    })),
  );
  return (
    <>
      <p role="status">{t('mine.found', { count: found.length })}</p>
      <div ref={rowsRef}>
        {groups
          .filter((g) => g.entries.length > 0)
          .map((g) => (
            <section key={`${g.title}-${g.id ?? ''}`} className="card" aria-label={g.title}>
              <h2>{g.title}</h2>
              <ul className="entry-list">
                {g.entries.map((e) => (
                  <EntryItem key={e.id} entry={e} index={index.get(e.id) ?? 0} />
                ))}
              </ul>
            </section>
          ))}
      </div>
      <ShowMore shown={shown.length} total={found.length} onMore={more} />
    </>
  );
});

/** Every entry assigned to the expert, searchable and filtered by status, grouped by nomination and category. */
export function MyEntriesScreen() {
  const { t } = useT();
  const reportLoadError = useLoadError();
  const overview = useOverview(reportLoadError);
  const { data: entries } = useLoad(() => call('scoring:mine'), []);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>(ALL);
  // Folded after the list is painted (10,000 entries take ~10 ms), before the first keystroke needs it.
  useEffect(() => {
    if (entries) foldedOf(entries);
  }, [entries]);
  const deferredQuery = useDeferredValue(query);
  const found = useMemo(() => {
    const list = entries ?? [];
    const q = fold(deferredQuery.trim());
    const texts = q === '' ? null : foldedOf(list);
    return list.filter((e, i) => (status === ALL || e.status === status) && (texts === null || (texts[i] ?? '').includes(q)));
  }, [entries, deferredQuery, status]);

  if (!entries || !overview) return null;
  return (
    <div>
      <PageTitle title={t('nav.mine')}>{t('nav.mine')}</PageTitle>
      <div className="toolbar">
        <Field label={t('mine.search')}>{(a11y) => <input {...a11y} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />}</Field>
        <SelectField<StatusFilter>
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
      <Found found={found} overview={overview} query={`${status}\n${deferredQuery}`} />
    </div>
  );
}
