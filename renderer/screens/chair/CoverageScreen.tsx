import type { CoverageState } from '../../../shared/domain/chair.ts';
import { call } from '../../api/client.ts';
import { SelectField } from '../../components/form.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.ts';
import { hrefOf, navigate } from '../../stores/route-store.ts';
import { useLoad } from '../organise/use-load.ts';

const ALL = '*';

/** The short sign of each state in a cell; the legend and each cell's label say it in words. */
const SIGNS: Record<CoverageState, string> = { complete: '✓', partial: '◐', draft: '✎', missing: '○', conflict: '⚠', abstained: '—', notAssigned: '' };
const SHOWN: CoverageState[] = ['complete', 'partial', 'draft', 'missing', 'conflict', 'abstained', 'notAssigned'];

/**
 * Experts × entries of one nomination (or category), from the bundles that stand: who evaluated
 * what, what is missing or only in a draft, and the conflicts of interest and abstentions; each
 * entry's count of complete evaluations against the nomination's minimum.
 */
export function CoverageScreen({ nominationId, categoryId }: { nominationId: string | null; categoryId: string | null }) {
  const { t, number } = useT();
  const overview = useLoad(() => call('editor:overview'), []);
  const nominations = overview.data?.nominations ?? [];
  const chosen = nominationId ?? nominations[0]?.id ?? null;
  const { data: cover } = useLoad(() => (chosen ? call('chair:coverage', { nominationId: chosen, categoryId }) : Promise.resolve(null)), [chosen, categoryId]);
  if (!overview.data) return null;
  const nomination = nominations.find((n) => n.id === chosen);
  // Experts with nothing to do in this nomination are left out: the matrix stays readable.
  const columns = cover ? cover.experts.map((x, i) => ({ x, i })).filter(({ i }) => cover.cells[i]?.some((c) => c !== 'notAssigned')) : [];
  const count = (state: CoverageState) => (cover ? cover.cells.flat().filter((c) => c === state).length : 0);

  return (
    <div>
      <PageTitle title={t('nav.coverage')}>{t('nav.coverage')}</PageTitle>
      <p className="lead">{t('coverage.lead')}</p>
      <div className="toolbar">
        <SelectField label={t('org.entry.nomination')} value={chosen ?? ''} options={nominations.map((n) => ({ value: n.id, label: n.title }))} onChange={(v) => navigate({ name: 'coverage', nominationId: v, categoryId: null })} />
        {nomination && nomination.categories.length > 0 && (
          <SelectField
            label={t('org.entry.category')}
            value={categoryId ?? ALL}
            options={[{ value: ALL, label: t('org.assign.allCategories') }, ...nomination.categories.map((c) => ({ value: c.id, label: c.title }))]}
            onChange={(v) => navigate({ name: 'coverage', nominationId: chosen, categoryId: v === ALL ? null : v })}
          />
        )}
      </div>
      {cover && (
        <>
          <ul className="legend" aria-label={t('coverage.legend')}>
            {SHOWN.filter((s) => s !== 'notAssigned').map((s) => (
              <li key={s}>
                <span className={`cover cover-${s}`} aria-hidden="true">
                  {SIGNS[s]}
                </span>{' '}
                {t(`coverage.state.${s}`)}: {number(count(s))}
              </li>
            ))}
          </ul>
          <div className="matrix-wrap">
            <table className="matrix coverage">
              <caption>{t('coverage.caption', { nomination: cover.nomination.title, min: cover.nomination.minEvaluations })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('entries.column.title')}</th>
                  <th scope="col">{t('coverage.evaluations')}</th>
                  {columns.map(({ x }) => (
                    <th scope="col" key={x.id}>
                      {x.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {cover.entries.map((e, j) => {
                  const short = e.evaluations < cover.nomination.minEvaluations;
                  return (
                    <tr key={e.id}>
                      <th scope="row">
                        <a href={hrefOf({ name: 'marks', entryId: e.id })}>{e.title}</a>
                      </th>
                      <td className={short ? 'short' : undefined}>
                        {number(e.evaluations)}
                        {short && <span className="visually-hidden"> {t('coverage.short', { min: cover.nomination.minEvaluations })}</span>}
                      </td>
                      {columns.map(({ x, i }) => {
                        const state = cover.cells[i]?.[j] ?? 'notAssigned';
                        return (
                          <td key={x.id} className={`cover-${state}`} title={t(`coverage.state.${state}`)}>
                            <span aria-hidden="true">{SIGNS[state]}</span>
                            <span className="visually-hidden">{t(`coverage.state.${state}`)}</span>
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
