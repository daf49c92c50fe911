import type { Agreement, GroupStatistics } from '../../../shared/domain/chair.ts';
import { call } from '../../api/client.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.ts';
import { hrefOf } from '../../stores/route-store.ts';
import { useLoad } from '../organise/use-load.ts';
import { agreementReading } from './agreement-reading.ts';
import { signed } from './chart-math.ts';
import { CriterionChart, ExpertsChart } from './charts.tsx';
import './chair.css';

type Stats = GroupStatistics;
type Method = Stats['sensitivity']['methods'][number]['method'];

/** One measure of agreement: its value and reading, or why it cannot be computed. */
function AgreementTile({ name, kind, means, value, detail }: { name: string; kind: 'w' | 'icc'; means: string; value: Agreement; detail(d: Record<string, number>): string }) {
  const { t, number } = useT();
  return (
    <div className="stat-tile">
      <h3>{name}</h3>
      <p className="hint">{means}</p>
      {value.defined ? (
        <>
          <p className="stat-value">{value.value < 0 ? signed(value.value, (v) => number(v, 3)) : number(value.value, 3)}</p>
          <p className={value.outOfRange === null ? 'stat-reading' : 'stat-reading notice warning'}>{t(agreementReading(kind, value))}</p>
          <p className="hint">{detail(value.detail)}</p>
        </>
      ) : (
        <>
          <p className="stat-value muted">—</p>
          <p className="stat-reading">{t(agreementReading(kind, value))}</p>
        </>
      )}
    </div>
  );
}

function AgreementSection({ stats }: { stats: Stats }) {
  const { t, number } = useT();
  const d = (detail: Record<string, number>, key: string) => detail[key] ?? 0;
  const icc = (detail: Record<string, number>) =>
    t('stats.icc.detail', { k: d(detail, 'k'), n: d(detail, 'n'), bms: number(d(detail, 'bms'), 1), jms: number(d(detail, 'jms'), 1), ems: number(d(detail, 'ems'), 1) });
  return (
    <section className="card" aria-labelledby="stats-agreement">
      <h2 id="stats-agreement">{t('stats.agreement')}</h2>
      <p className="hint">{t('stats.agreement.hint')}</p>
      <div className="stat-tiles">
        <AgreementTile
          name={t('stats.w')}
          kind="w"
          means={t('stats.w.means')}
          value={stats.kendallW}
          detail={(x) => t('stats.w.detail', { chi: number(d(x, 'chiSquare'), 2), df: d(x, 'n') - 1, m: d(x, 'm'), n: d(x, 'n') })}
        />
        <AgreementTile name="ICC(2,1)" kind="icc" means={t('stats.icc21.means')} value={stats.icc21} detail={icc} />
        <AgreementTile name="ICC(2,k)" kind="icc" means={t('stats.icc2k.means')} value={stats.icc2k} detail={icc} />
      </div>
    </section>
  );
}

function SensitivitySection({ stats }: { stats: Stats }) {
  const { t } = useT();
  const { rules, sensitivity } = stats;
  const title = (id: string) => stats.entries.find((e) => e.id === id)?.title ?? id;
  const label = (method: Method) => (method === 'trimmed' ? t('stats.method.trimmed', { k: rules.trim }) : t(`rules.method.${method}`));
  const own = JSON.stringify(sensitivity.methods.find((m) => m.method === rules.method)?.winners ?? []);
  return (
    <section className="card" aria-labelledby="stats-sensitivity">
      <h2 id="stats-sensitivity">{t('stats.sensitivity')}</h2>
      <p className="hint">{t('stats.sensitivity.hint')}</p>
      <p className={sensitivity.changes ? 'notice warning' : 'notice success'}>{t(sensitivity.changes ? 'stats.sensitivity.changes' : 'stats.sensitivity.same')}</p>
      <table className="entries">
        <thead>
          <tr>
            <th scope="col">{t('stats.sensitivity.method')}</th>
            <th scope="col">{t('stats.sensitivity.winners')}</th>
          </tr>
        </thead>
        <tbody>
          {sensitivity.methods.map((m) => (
            <tr key={m.method} className={m.method === rules.method ? 'own-method' : undefined}>
              <th scope="row">
                {label(m.method)}
                {m.method === rules.method && <span className="badge badge-own">{t('stats.method.own')}</span>}
              </th>
              <td>
                {m.winners.length === 0 ? (
                  <span className="muted">{t('stats.method.noWinner')}</span>
                ) : (
                  <ul className="winners">
                    {m.winners.map((id) => (
                      <li key={id}>{title(id)}</li>
                    ))}
                  </ul>
                )}
                {m.winners.length > 1 && <span className="badge">{t('stats.method.shared')}</span>}
                {JSON.stringify(m.winners) !== own && <span className="badge badge-flag">{t('stats.method.differs')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ExpertsSection({ stats }: { stats: Stats }) {
  const { t, number } = useT();
  const one = (v: number) => number(v, 1);
  const range = (xs: number[]) => (xs.length === 0 ? '—' : t('stats.lowHigh.value', { low: one(Math.min(...xs)), high: one(Math.max(...xs)) }));
  return (
    <section className="card" aria-labelledby="stats-experts">
      <h2 id="stats-experts">{t('stats.experts')}</h2>
      <p className="hint">{t('stats.experts.hint')}</p>
      <ExpertsChart experts={stats.experts} />
      <table className="entries">
        <thead>
          <tr>
            <th scope="col">{t('stats.expert')}</th>
            <th scope="col" className="num">{t('stats.evaluations')}</th>
            <th scope="col" className="num">{t('stats.severity')}</th>
            <th scope="col" className="num">{t('stats.spread')}</th>
            <th scope="col" className="num">{t('stats.mean')}</th>
            <th scope="col" className="num">{t('stats.lowHigh')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.experts.map((x) => {
            const { mean } = x;
            return (
              <tr key={x.id}>
                <th scope="row">{x.name}</th>
                <td className="num">{number(x.evaluations)}</td>
                <td className="num">{x.severity === null ? '—' : signed(x.severity, one)}</td>
                <td className="num">{x.spread === null ? '—' : one(x.spread)}</td>
                <td className="num">{mean === null ? '—' : one(mean)}</td>
                <td className="num">{range(x.totals)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}


function CriteriaSection({ stats }: { stats: Stats }) {
  const { t, number } = useT();
  const scored = stats.criteria.some((c) => c.values.length > 0);
  return (
    <section className="card" aria-labelledby="stats-criteria">
      <h2 id="stats-criteria">{t('stats.criteria')}</h2>
      <p className="hint">{t('stats.criteria.hint')}</p>
      <table className="entries">
        <thead>
          <tr>
            <th scope="col">{t('stats.criterion')}</th>
            <th scope="col" className="num">{t('stats.scale')}</th>
            <th scope="col" className="num">{t('stats.marks')}</th>
            <th scope="col" className="num">{t('stats.meanMark')}</th>
            <th scope="col" className="num">{t('stats.median')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.criteria.map((c) => {
            const { mean, median } = c;
            return (
              <tr key={c.id}>
                <th scope="row">{c.title}</th>
                <td className="num">{t('stats.scale.value', { min: number(c.min), max: number(c.max) })}</td>
                <td className="num">{number(c.values.length)}</td>
                <td className="num">{mean === null ? '—' : number(mean, 2)}</td>
                <td className="num">{median === null ? '—' : number(median, 2)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {scored ? (
        <div className="criterion-charts">
          {stats.criteria.map((c) => (
            <CriterionChart key={c.id} criterion={c} />
          ))}
        </div>
      ) : (
        <p className="muted">{t('stats.noEvaluations')}</p>
      )}
    </section>
  );
}

function EntriesSection({ stats }: { stats: Stats }) {
  const { t, number } = useT();
  const flagged = stats.entries.filter((e) => e.flagged).length;
  // The most disputed first: flagged entries, then by range; entries nobody evaluated last.
  const entries = [...stats.entries].sort((a, b) => Number(b.flagged) - Number(a.flagged) || (b.range ?? -1) - (a.range ?? -1));
  return (
    <section className="card" aria-labelledby="stats-entries">
      <h2 id="stats-entries">{t('stats.entries')}</h2>
      <p className="hint">{t('stats.entries.hint', { tolerance: number(stats.rules.tolerance, 1) })}</p>
      <p className={flagged > 0 ? 'notice warning' : 'notice success'}>{flagged > 0 ? t('stats.entries.flagged', { count: flagged }) : t('stats.entries.calm')}</p>
      <table className="entries">
        <thead>
          <tr>
            <th scope="col">{t('stats.entry')}</th>
            <th scope="col" className="num">{t('stats.evaluations')}</th>
            <th scope="col" className="num">{t('stats.sd')}</th>
            <th scope="col" className="num">{t('stats.range')}</th>
            <th scope="col">{t('stats.flag')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className={e.flagged ? 'flagged' : undefined}>
              <td>
                <a href={hrefOf({ name: 'marks', entryId: e.id })}>{e.title}</a>
              </td>
              <td className="num">{number(e.evaluations)}</td>
              <td className="num">{e.sd === null ? '—' : number(e.sd, 1)}</td>
              <td className="num">{e.range === null ? '—' : number(e.range, 1)}</td>
              <td>{e.flagged && <span className="badge badge-flag">{t('stats.flagged')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function OutliersSection({ stats }: { stats: Stats }) {
  const { t, number } = useT();
  const two = (v: number) => number(v, 2);
  return (
    <section className="card" aria-labelledby="stats-outliers">
      <h2 id="stats-outliers">{t('stats.outliers')}</h2>
      <p className="hint">{t('stats.outliers.hint')}</p>
      {stats.outliers.length === 0 ? (
        <p className="notice success">{t('stats.outliers.none')}</p>
      ) : (
        <table className="entries">
          <thead>
            <tr>
              <th scope="col">{t('stats.entry')}</th>
              <th scope="col">{t('stats.criterion')}</th>
              <th scope="col">{t('stats.expert')}</th>
              <th scope="col" className="num">{t('stats.mark')}</th>
              <th scope="col" className="num">{t('stats.median')}</th>
              <th scope="col" className="num">{t('stats.deviation')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.outliers.map((o) => (
              <tr key={`${o.entryId}/${o.criterionId}/${o.expertId}`}>
                <td>
                  <a href={hrefOf({ name: 'marks', entryId: o.entryId })}>{o.entryTitle}</a>
                </td>
                <td>{o.criterionTitle}</td>
                <td>{o.expertName}</td>
                <td className="num">{two(o.value)}</td>
                <td className="num">{two(o.median)}</td>
                <td className="num">{signed(o.deviation, two)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The statistics of one nomination × category for the chair: how far the experts agree, whether the
 * method decides the winner, each expert's severity and spread, how the marks fall per criterion,
 * and which entries and marks stand apart. Every chart's numbers are also in a table beside it.
 */
export function GroupScreen({ nominationId, categoryId }: { nominationId: string; categoryId: string | null }) {
  const { t } = useT();
  const { data: stats } = useLoad(() => call('chair:statistics', { nominationId, categoryId }), [nominationId, categoryId]);
  if (!stats) return null;
  const title = t('stats.title', { group: stats.title });
  return (
    <div className="group-stats">
      <Breadcrumbs
        crumbs={[
          { label: t('nav.results'), route: { name: 'results' } },
          { label: stats.title, route: { name: 'group', nominationId, categoryId } },
        ]}
      />
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{t('stats.lead')}</p>
      <AgreementSection stats={stats} />
      <SensitivitySection stats={stats} />
      <ExpertsSection stats={stats} />
      <CriteriaSection stats={stats} />
      <EntriesSection stats={stats} />
      <OutliersSection stats={stats} />
    </div>
  );
}
