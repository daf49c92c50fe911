import { call } from '../../api/client.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.ts';
import { useLoad } from '../organise/use-load.ts';

/** Every mark and comment one entry received, expert by expert, with declared conflicts and abstentions. */
export function MarksScreen({ entryId }: { entryId: string }) {
  const { t, number } = useT();
  const { data } = useLoad(() => call('chair:entry', { entryId }), [entryId]);
  if (!data) return null;
  const { entry, criteria, experts } = data;
  const scored = experts.filter((x) => x.total !== null);
  return (
    <div>
      <Breadcrumbs
        crumbs={[
          { label: t('nav.results'), route: { name: 'results' } },
          { label: data.group, route: { name: 'group', nominationId: entry.nominationId, categoryId: entry.categoryId } },
          { label: entry.title, route: { name: 'marks', entryId } },
        ]}
      />
      <PageTitle title={entry.title}>{entry.title}</PageTitle>
      <dl className="entry-meta">
        {entry.applicationNo && (
          <>
            <dt>{t('entry.application')}</dt>
            <dd>{entry.applicationNo}</dd>
          </>
        )}
        <dt>{t('entry.region')}</dt>
        <dd>{entry.region}</dd>
        <dt>{t('marks.evaluations')}</dt>
        <dd>{number(scored.length)}</dd>
      </dl>
      {/* Wider than the page with many criteria and nothing in it to focus: focusable, so the arrow keys scroll it. */}
      <div className="matrix-wrap" tabIndex={0} role="region" aria-labelledby="marks-caption">
        <table className="matrix marks">
          <caption id="marks-caption">{t('marks.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('intake.expert')}</th>
              {criteria.map((c) => (
                <th scope="col" key={c.id}>
                  {c.title}
                  <div className="muted">{t('marks.scale', { min: c.min, max: c.max, weight: number(c.weight) })}</div>
                </th>
              ))}
              <th scope="col">{t('marks.total')}</th>
            </tr>
          </thead>
          <tbody>
            {experts.map((x) => (
              <tr key={x.id}>
                <th scope="row">
                  {x.name}
                  {x.state !== 'complete' && <div className={`badge cover-${x.state}`}>{t(`coverage.state.${x.state}`)}</div>}
                </th>
                {x.marks.map((m) => (
                  <td key={m.criterionId} className="num">
                    {m.value === null ? '—' : number(m.value)}
                    {m.comment && <p className="mark-comment">{m.comment}</p>}
                  </td>
                ))}
                <td className="num">{x.total === null ? '—' : t('marks.totalValue', { total: number(x.total, 2), normalised: number(x.normalised ?? 0, 1) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {experts.some((x) => x.comment || x.conflict || x.abstention) && (
        <section className="card" aria-labelledby="marks-notes">
          <h2 id="marks-notes">{t('marks.notes')}</h2>
          <dl className="notes">
            {experts.flatMap((x) =>
              (
                [
                  ['comment', x.comment],
                  ['conflict', x.conflict],
                  ['abstention', x.abstention],
                ] as const
              )
                .filter(([, text]) => text !== '')
                .map(([kind, text]) => (
                  <div key={`${x.id}-${kind}`}>
                    <dt>{t(`marks.note.${kind}`, { name: x.name })}</dt>
                    <dd>{text}</dd>
                  </div>
                )),
            )}
          </dl>
        </section>
      )}
    </div>
  );
}
