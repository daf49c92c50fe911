import type { z } from 'zod';
import type { NominationInput } from '../../../shared/domain/editor.ts';
import type { FieldProblem } from '../../../shared/validation.ts';
import { NumberField, problemAt, RowButton, TextField } from '../../components/form.tsx';
import { useT } from '../../i18n.ts';
import { removeAt, replaceAt } from './list-edit.ts';

export type CriterionDraft = z.output<typeof NominationInput>['criteria'][number];

export const newCriterion = (): CriterionDraft => ({
  title: '',
  description: '',
  group: null,
  scale: { min: 0, max: 10, step: 1 },
  weight: 1,
  commentBelow: null,
  rubric: [],
});

interface Props {
  value: CriterionDraft;
  index: number;
  count: number;
  problems: FieldProblem[] | null;
  onChange(value: CriterionDraft): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}

/** One criterion: title, group, scale, weight, the comment threshold, and its rubric bands. */
export function CriterionEditor({ value: c, index, count, problems, onChange, onMove, onRemove }: Props) {
  const { t } = useT();
  const at = (path: string) => problemAt(problems, `criteria.${index}.${path}`, t);
  const set = (patch: Partial<CriterionDraft>) => onChange({ ...c, ...patch });
  const name = c.title || t('org.criterion.untitled', { number: index + 1 });
  return (
    <fieldset className="card criterion-editor">
      <legend>{t('org.criterion.legend', { number: index + 1, title: c.title })}</legend>
      <div className="form-grid">
        <TextField label={t('org.criterion.title')} value={c.title} onChange={(title) => set({ title })} error={at('title')} />
        <TextField label={t('org.criterion.group')} value={c.group ?? ''} onChange={(g) => set({ group: g.trim() === '' ? null : g })} error={at('group')} hint={t('org.criterion.groupHint')} />
        <TextField multiline label={t('org.criterion.description')} value={c.description} onChange={(description) => set({ description })} error={at('description')} />
      </div>
      <div className="form-row">
        <NumberField label={t('org.criterion.min')} value={c.scale.min} onChange={(min) => set({ scale: { ...c.scale, min: min ?? Number.NaN } })} error={at('scale.min')} />
        <NumberField label={t('org.criterion.max')} value={c.scale.max} onChange={(max) => set({ scale: { ...c.scale, max: max ?? Number.NaN } })} error={at('scale.max')} />
        <NumberField label={t('org.criterion.step')} value={c.scale.step} onChange={(step) => set({ scale: { ...c.scale, step: step ?? Number.NaN } })} error={at('scale.step')} />
        <NumberField label={t('org.criterion.weight')} value={c.weight} onChange={(weight) => set({ weight: weight ?? Number.NaN })} error={at('weight')} />
        <NumberField label={t('org.criterion.commentBelow')} value={c.commentBelow} onChange={(commentBelow) => set({ commentBelow })} error={at('commentBelow')} hint={t('org.criterion.commentBelowHint')} />
      </div>
      <h3>{t('criterion.rubric')}</h3>
      {c.rubric.map((band, bi) => (
        <div className="form-row band-row" key={bi}>
          <NumberField label={t('org.band.from')} value={band.from} onChange={(from) => set({ rubric: replaceAt(c.rubric, bi, { ...band, from: from ?? Number.NaN }) })} error={at(`rubric.${bi}.from`) ?? at(`rubric.${bi}`)} />
          <NumberField label={t('org.band.to')} value={band.to} onChange={(to) => set({ rubric: replaceAt(c.rubric, bi, { ...band, to: to ?? Number.NaN }) })} error={at(`rubric.${bi}.to`)} />
          <TextField label={t('org.band.text')} value={band.text} onChange={(text) => set({ rubric: replaceAt(c.rubric, bi, { ...band, text }) })} error={at(`rubric.${bi}.text`)} />
          <RowButton danger text={t('org.remove')} label={t('org.band.remove', { number: bi + 1, title: name })} onClick={() => set({ rubric: removeAt(c.rubric, bi) })} />
        </div>
      ))}
      <div className="row-actions">
        <button type="button" onClick={() => set({ rubric: [...c.rubric, { from: c.scale.min, to: c.scale.max, text: '' }] })}>
          {t('org.band.add')}
        </button>
        <RowButton text={t('org.up')} label={t('org.moveUp', { title: name })} onClick={() => onMove(-1)} disabled={index === 0} />
        <RowButton text={t('org.down')} label={t('org.moveDown', { title: name })} onClick={() => onMove(1)} disabled={index === count - 1} />
        <RowButton danger text={t('org.remove')} label={t('org.delete', { title: name })} onClick={onRemove} />
      </div>
    </fieldset>
  );
}

