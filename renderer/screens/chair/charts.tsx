import type { GroupStatistics } from '../../../shared/domain/chair.ts';
import { useT } from '../../i18n.ts';
import { histogram, lanes, linear, meanOf, niceTicks, truncate, type Bin } from './chart-math.ts';

/*
 * Small inline SVG charts for the chair's statistics. They draw in a fixed coordinate system (viewBox) and scale to the width
 * of their container. They are images to assistive technology (role="img" with a summary); every
 * number they show is also in a table next to them, so the picture is never the only way in.
 */

type Format = (value: number) => string;

/** One row of a strip chart: what it is, its values, and its own mean (marked with a tick). */
export interface StripRow {
  id: string;
  label: string;
  values: number[];
  mean: number | null;
}

const STRIP = { width: 960, left: 300, right: 24, top: 30, row: 40, axis: 30, radius: 4.5, lane: 6.5, lanes: 5, labelChars: 36 };

/**
 * A row per item on one shared axis: a dot for each value, a line from the lowest to the highest,
 * a tick at the row's mean, and a dashed line at `reference` (e.g. the panel's mean) across all rows.
 */
export function StripChart({ rows, domain, reference, label, format }: { rows: StripRow[]; domain: [number, number]; reference: { value: number; label: string } | null; label: string; format: Format }) {
  const s = STRIP;
  const height = s.top + rows.length * s.row + s.axis;
  const x = linear(domain, [s.left, s.width - s.right]);
  const gap = ((2 * s.radius + 1) * (domain[1] - domain[0])) / (s.width - s.left - s.right);
  const bottom = s.top + rows.length * s.row;
  const refX = reference ? x(reference.value) : 0;
  return (
    <svg className="chart strip-chart" viewBox={`0 0 ${s.width} ${height}`} role="img" aria-label={label}>
      {niceTicks(domain[0], domain[1], 11).map((tick) => (
        <g key={tick} className="chart-axis">
          <line className="chart-grid" x1={x(tick)} x2={x(tick)} y1={s.top} y2={bottom} />
          <text x={x(tick)} y={bottom + 20} textAnchor="middle">
            {format(tick)}
          </text>
        </g>
      ))}
      {rows.map((row, i) => {
        const middle = s.top + i * s.row + s.row / 2;
        const placed = lanes(row.values, gap, s.lanes);
        const low = Math.min(...row.values);
        const high = Math.max(...row.values);
        return (
          <g key={row.id}>
            {i % 2 === 1 && <rect className="chart-band" x={s.left} y={middle - s.row / 2} width={s.width - s.left - s.right} height={s.row} />}
            <text className="chart-label" x={s.left - 10} y={middle + 5} textAnchor="end">
              <title>{row.label}</title>
              {truncate(row.label, s.labelChars)}
            </text>
            {row.values.length > 1 && <line className="chart-range" x1={x(low)} x2={x(high)} y1={middle} y2={middle} />}
            {row.values.map((v, j) => (
              <circle key={j} className="chart-dot" cx={x(v)} cy={middle + (placed[j] ?? 0) * s.lane} r={s.radius}>
                <title>{`${row.label}: ${format(v)}`}</title>
              </circle>
            ))}
            {row.mean !== null && (
              <line className="chart-mean" x1={x(row.mean)} x2={x(row.mean)} y1={middle - 15} y2={middle + 15}>
                <title>{`${row.label}: ${format(row.mean)}`}</title>
              </line>
            )}
          </g>
        );
      })}
      <line className="chart-baseline" x1={s.left} x2={s.width - s.right} y1={bottom} y2={bottom} />
      {reference && (
        <g className="chart-reference">
          <line x1={refX} x2={refX} y1={s.top - 6} y2={bottom} />
          <text x={refX} y={s.top - 12} textAnchor={refX > s.width - 120 ? 'end' : 'middle'}>
            {reference.label}
          </text>
        </g>
      )}
    </svg>
  );
}

const HIST = { width: 300, height: 160, side: 12, top: 22, bottom: 30, gap: 3 };

/** The bars' labels: each value under its bar, or the edges of ranges on round ticks. */
function binLabels(bins: Bin[], x: (v: number) => number, barWidth: number, format: Format) {
  const first = bins[0];
  const last = bins[bins.length - 1];
  if (!first || !last) return [];
  if (first.from === first.to) {
    const every = bins.length > 11 ? 2 : 1;
    return bins.filter((_, i) => i % every === 0).map((b, i) => ({ key: i, at: x(b.from) + barWidth / 2, text: format(b.from) }));
  }
  return niceTicks(first.from, last.to, 6).map((tick, i) => ({ key: i, at: x(tick), text: format(tick) }));
}

/**
 * How often each mark occurs on a scale from `min` to `max` (bins from `histogram`): a bar per mark,
 * or per range of marks, with its count above it.
 */
export function Histogram({ bins, min, max, label, format }: { bins: Bin[]; min: number; max: number; label: string; format: Format }) {
  const h = HIST;
  const point = bins[0]?.from === bins[0]?.to;
  // A bar per value gets a slot of its own; ranges sit edge to edge on the scale itself.
  const slot = (h.width - 2 * h.side) / Math.max(1, bins.length);
  const x = point ? (v: number) => h.side + (v - min) * slot : linear([min, max], [h.side, h.width - h.side]);
  const barWidth = point ? slot : x(bins[0]?.to ?? max) - x(min);
  const most = Math.max(1, ...bins.map((b) => b.count));
  const base = h.height - h.bottom;
  const y = linear([0, most], [base, h.top]);
  return (
    <svg className="chart histogram" viewBox={`0 0 ${h.width} ${h.height}`} role="img" aria-label={label}>
      {bins.map((b) => {
        const left = x(b.from) + h.gap / 2;
        const width = Math.max(1, barWidth - h.gap);
        return (
          <g key={b.from}>
            {b.count > 0 && (
              <>
                <rect className="chart-bar" x={left} y={y(b.count)} width={width} height={base - y(b.count)}>
                  <title>{`${format(b.from)}${point ? '' : `–${format(b.to)}`}: ${format(b.count)}`}</title>
                </rect>
                <text className="chart-count" x={left + width / 2} y={y(b.count) - 5} textAnchor="middle">
                  {format(b.count)}
                </text>
              </>
            )}
          </g>
        );
      })}
      <line className="chart-baseline" x1={h.side} x2={h.width - h.side} y1={base} y2={base} />
      {binLabels(bins, x, barWidth, format).map((l) => (
        <text key={l.key} className="chart-axis" x={l.at} y={base + 18} textAnchor="middle">
          {l.text}
        </text>
      ))}
    </svg>
  );
}

/**
 * Each expert's normalised totals on one 0–100 axis with the panel's mean, a legend, and the values
 * as a table (opened on demand) for whoever cannot read the picture.
 */
export function ExpertsChart({ experts }: { experts: GroupStatistics['experts'] }) {
  const { t, number } = useT();
  const one = (v: number) => number(v, 1);
  const scored = experts.filter((x) => x.totals.length > 0);
  const panel = meanOf(scored.flatMap((x) => x.totals));
  if (panel === null) return <p className="muted">{t('stats.noEvaluations')}</p>;
  const rows = scored.map((x) => ({ id: x.id, label: x.name, values: x.totals, mean: meanOf(x.totals) }));
  return (
    <figure className="chart-figure">
      <StripChart
        rows={rows}
        domain={[0, 100]}
        reference={{ value: panel, label: t('stats.panelMean', { mean: one(panel) }) }}
        label={t('stats.experts.chart', { count: rows.length, mean: one(panel) })}
        format={one}
      />
      <figcaption>
        <ul className="legend chart-legend">
          <li>
            <span className="key key-dot" aria-hidden="true" /> {t('stats.experts.dot')}
          </li>
          <li>
            <span className="key key-mean" aria-hidden="true" /> {t('stats.experts.mean')}
          </li>
          <li>
            <span className="key key-panel" aria-hidden="true" /> {t('stats.experts.panel')}: {one(panel)}
          </li>
        </ul>
      </figcaption>
      <details className="chart-data">
        <summary aria-label={t('stats.chartTableOf', { chart: t('stats.experts') })}>{t('stats.chartTable')}</summary>
        <table className="entries">
          <thead>
            <tr>
              <th scope="col">{t('stats.expert')}</th>
              <th scope="col">{t('stats.totals')}</th>
            </tr>
          </thead>
          <tbody>
            {scored.map((x) => (
              <tr key={x.id}>
                <th scope="row">{x.name}</th>
                <td>{[...x.totals].sort((a, b) => a - b).map(one).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** How the marks on one criterion fall on its own scale, with the counts as a table (opened on demand). */
export function CriterionChart({ criterion }: { criterion: GroupStatistics['criteria'][number] }) {
  const { t, number } = useT();
  const { title, min, max, values } = criterion;
  const bins = histogram(values, criterion);
  const bin = (b: Bin) => (b.from === b.to ? number(b.from) : t('stats.bin', { from: number(b.from), to: number(b.to) }));
  return (
    <div className="criterion-chart">
      <h3>{title}</h3>
      <Histogram bins={bins} min={min} max={max} format={(v) => number(v)} label={t('stats.criterion.chart', { criterion: title, count: values.length, min, max })} />
      <details className="chart-data">
        <summary aria-label={t('stats.chartTableOf', { chart: title })}>{t('stats.chartTable')}</summary>
        <table className="entries compact">
          <caption className="visually-hidden">{t('stats.criterion.table', { criterion: title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.mark')}</th>
              <th scope="col" className="num">
                {t('stats.times')}
              </th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b) => (
              <tr key={b.from}>
                <td>{bin(b)}</td>
                <td className="num">{number(b.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
