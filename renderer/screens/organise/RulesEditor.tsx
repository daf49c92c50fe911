import type { ScoringRules, TieBreak } from '../../../shared/domain/contest.ts';
import type { FieldProblem } from '../../../shared/validation.ts';
import { NumberField, problemAt, RowButton, SelectField } from '../../components/form.tsx';
import { useT } from '../../i18n.ts';
import { moveAt, removeAt } from './list-edit.ts';

const ADD = '-';
const DATE = 'applicationDate';

interface Props {
  rules: ScoringRules;
  criteria: { id?: string | undefined; title: string }[];
  problems: FieldProblem[] | null;
  onChange(rules: ScoringRules): void;
}

/** How the nomination's marks become a ranking: method, order of aggregation, tolerance, and the tie-break chain. */
export function RulesEditor({ rules, criteria, problems, onChange }: Props) {
  const { t } = useT();
  const at = (path: string) => problemAt(problems, `rules.${path}`, t);
  const set = (patch: Partial<ScoringRules>) => onChange({ ...rules, ...patch });
  const labelOf = (tb: TieBreak) => (tb.kind === 'applicationDate' ? t('rules.byDate') : t('rules.byCriterion', { criterion: criteria.find((c) => c.id === tb.criterionId)?.title ?? tb.criterionId }));
  const used = new Set(rules.tieBreak.map((tb) => (tb.kind === 'criterion' ? tb.criterionId : DATE)));
  const addable = [...criteria.filter((c) => c.id && !used.has(c.id)).map((c) => ({ value: c.id ?? '', label: t('rules.byCriterion', { criterion: c.title }) })), ...(used.has(DATE) ? [] : [{ value: DATE, label: t('rules.byDate') }])];

  return (
    <section className="card" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('rules.title')}</h2>
      <div className="form-row">
        <SelectField<ScoringRules['method']>
          label={t('rules.method')}
          value={rules.method}
          options={(['mean', 'median', 'trimmed', 'normalised'] as const).map((m) => ({ value: m, label: t(`rules.method.${m}`) }))}
          onChange={(method) => set({ method })}
        />
        {rules.method === 'trimmed' && <NumberField label={t('rules.trim')} value={rules.trim} onChange={(trim) => set({ trim: trim ?? Number.NaN })} error={at('trim')} hint={t('rules.trimHint')} />}
        <SelectField<ScoringRules['order']>
          label={t('rules.order')}
          value={rules.order}
          options={[{ value: 'expertTotals', label: t('rules.order.expertTotals') }, { value: 'criterionFirst', label: t('rules.order.criterionFirst') }]}
          onChange={(order) => set({ order })}
        />
        <NumberField label={t('rules.tolerance')} value={rules.tolerance} onChange={(tolerance) => set({ tolerance: tolerance ?? Number.NaN })} error={at('tolerance')} hint={t('rules.toleranceHint')} />
      </div>
      <h3>{t('rules.tieBreak')}</h3>
      {rules.tieBreak.length === 0 ? <p className="muted">{t('rules.noTieBreak')}</p> : (
        <ol className="item-list">
          {rules.tieBreak.map((tb, i) => (
            <li key={tb.kind === 'criterion' ? tb.criterionId : DATE}>
              <span>{labelOf(tb)}</span>
              <span className="row-actions">
                <RowButton text={t('org.up')} label={t('org.moveUp', { title: labelOf(tb) })} disabled={i === 0} onClick={() => set({ tieBreak: moveAt(rules.tieBreak, i, -1) })} />
                <RowButton text={t('org.down')} label={t('org.moveDown', { title: labelOf(tb) })} disabled={i === rules.tieBreak.length - 1} onClick={() => set({ tieBreak: moveAt(rules.tieBreak, i, 1) })} />
                <RowButton danger text={t('org.remove')} label={t('org.delete', { title: labelOf(tb) })} onClick={() => set({ tieBreak: removeAt(rules.tieBreak, i) })} />
              </span>
            </li>
          ))}
        </ol>
      )}
      {addable.length > 0 && (
        <SelectField
          label={t('rules.addTieBreak')}
          value={ADD}
          options={[{ value: ADD, label: t('rules.choose') }, ...addable]}
          onChange={(v) => v !== ADD && set({ tieBreak: [...rules.tieBreak, v === DATE ? { kind: 'applicationDate' } : { kind: 'criterion', criterionId: v }] })}
        />
      )}
      <p className="hint">{t('rules.tieBreakHint')}</p>
    </section>
  );
}
