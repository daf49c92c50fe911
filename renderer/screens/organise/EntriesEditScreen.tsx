import { call } from '../../api/client.ts';
import { RowButton, SelectField } from '../../components/form.tsx';
import { ShowMore, useShownRows } from '../../components/LongList.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.ts';
import { hrefOf, navigate } from '../../stores/route-store.ts';
import { ActionError, useAction } from '../../action.tsx';
import { useLoad } from './use-load.ts';

const ALL = '*';

/** Every entry (or one nomination's), with ways to add, import, edit and delete. */
export function EntriesEditScreen({ nominationId }: { nominationId: string | null }) {
  const { t, date } = useT();
  const removing = useAction();
  const overview = useLoad(() => call('editor:overview'), []);
  const { data: entries, reload } = useLoad(() => call('editor:entries', { nominationId }), [nominationId]);
  const busy = removing.busy;
  const { shown, more, rowsRef } = useShownRows<HTMLTableSectionElement>(`editEntries/${nominationId ?? ''}`);
  if (!overview.data || !entries) return null;
  const nominations = overview.data.nominations;
  const placeOf = (nom: string, cat: string | null) => {
    const n = nominations.find((x) => x.id === nom);
    const c = n?.categories.find((x) => x.id === cat);
    return c ? `${n?.title} › ${c.title}` : (n?.title ?? nom);
  };
  const remove = (id: string, title: string) => {
    if (!window.confirm(t('org.entry.confirmDelete', { title }))) return;
    void removing.run(() => call('editor:deleteEntry', { id }), reload);
  };

  return (
    <div>
      <PageTitle title={t('nav.entries')}>{t('nav.entries')}</PageTitle>
      <div className="toolbar">
        <SelectField
          label={t('org.entry.filter')}
          value={nominationId ?? ALL}
          options={[{ value: ALL, label: t('org.entry.allNominations') }, ...nominations.map((n) => ({ value: n.id, label: n.title }))]}
          onChange={(v) => navigate({ name: 'editEntries', nominationId: v === ALL ? null : v })}
        />
        <a className="button primary" href={hrefOf({ name: 'editEntry', entryId: null })}>
          {t('org.entry.add')}
        </a>
        <a className="button" href={hrefOf({ name: 'import', kind: 'entries' })}>
          {t('org.import.entries')}
        </a>
      </div>
      <p className="muted">{t('org.entry.count', { count: entries.length })}</p>
      <ActionError action={removing} />
      {entries.length > 0 && (
        <table className="entries" aria-rowcount={entries.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">{t('entries.column.title')}</th>
              <th scope="col">{t('org.entry.place')}</th>
              <th scope="col">{t('entries.column.region')}</th>
              <th scope="col">{t('entry.application')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('org.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody ref={rowsRef}>
            {entries.slice(0, shown).map((e, i) => (
              <tr key={e.id} data-row={i} aria-rowindex={i + 2}>
                <td>
                  <a href={hrefOf({ name: 'editEntry', entryId: e.id })}>{e.title}</a>
                  {e.organisation && e.organisation !== e.title && <div className="muted">{e.organisation}</div>}
                </td>
                <td>{placeOf(e.nominationId, e.categoryId)}</td>
                <td>{e.region}</td>
                <td>{e.applicationNo && t('entry.applicationValue', { number: e.applicationNo, date: e.appliedOn ? date(e.appliedOn) : '—' })}</td>
                <td>
                  <RowButton danger text={t('org.remove')} label={t('org.delete', { title: e.title })} disabled={busy || e.marks > 0} onClick={() => remove(e.id, e.title)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ShowMore shown={Math.min(shown, entries.length)} total={entries.length} onMore={more} />
    </div>
  );
}
