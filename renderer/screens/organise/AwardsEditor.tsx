import type { Awards, Laureates } from '../../../shared/domain/contest.ts';
import { NumberField, problemAt, SelectField } from '../../components/form.tsx';
import type { FieldProblem } from '../../../shared/validation.ts';
import { useT } from '../../i18n.ts';

const PLACES = ['1', '2', '3'] as const;

/** The fields of one set of awards: how many prize places, and who else is a laureate. */
function AwardsFields({ awards, path, problems, onChange, label }: { awards: Awards; path: string; problems: FieldProblem[] | null; onChange(awards: Awards): void; label: string }) {
  const { t } = useT();
  const at = (field: string) => problemAt(problems, `${path}.${field}`, t);
  const laureates = (kind: Laureates['kind']): Laureates => (kind === 'count' ? { kind, count: 3 } : kind === 'threshold' ? { kind, score: 70 } : { kind: 'none' });
  return (
    <fieldset className="awards form-row">
      <legend>{label}</legend>
      <SelectField
        label={t('awards.places')}
        value={String(awards.places) as (typeof PLACES)[number]}
        options={PLACES.map((p) => ({ value: p, label: t('awards.placesValue', { count: Number(p) }) }))}
        onChange={(v) => onChange({ ...awards, places: Number(v) })}
        error={at('places')}
      />
      <SelectField
        label={t('awards.laureates')}
        value={awards.laureates.kind}
        options={(['none', 'count', 'threshold'] as const).map((k) => ({ value: k, label: t(`awards.laureates.${k}`) }))}
        onChange={(kind) => onChange({ ...awards, laureates: laureates(kind) })}
      />
      {awards.laureates.kind === 'count' && (
        <NumberField label={t('awards.count')} value={awards.laureates.count} onChange={(count) => onChange({ ...awards, laureates: { kind: 'count', count: count ?? Number.NaN } })} error={at('laureates.count')} />
      )}
      {awards.laureates.kind === 'threshold' && (
        <NumberField label={t('awards.score')} value={awards.laureates.score} onChange={(score) => onChange({ ...awards, laureates: { kind: 'threshold', score: score ?? Number.NaN } })} error={at('laureates.score')} hint={t('awards.scoreHint')} />
      )}
    </fieldset>
  );
}

/**
 * The awards of a nomination: prize places and laureates for every category, and where a category
 * needs other awards (a small category with one prize), its own.
 */
export function AwardsEditor(props: {
  awards: Awards;
  categories: { title: string; awards: Awards | null }[];
  problems: FieldProblem[] | null;
  onChange(awards: Awards): void;
  onCategoryChange(index: number, awards: Awards | null): void;
}) {
  const { t } = useT();
  const { awards, categories, problems } = props;
  return (
    <section className="card" aria-labelledby="awards-title">
      <h2 id="awards-title">{t('awards.title')}</h2>
      <p className="hint">{t('awards.hint')}</p>
      <AwardsFields awards={awards} path="awards" problems={problems} onChange={props.onChange} label={categories.length > 0 ? t('awards.everyCategory') : t('awards.nomination')} />
      {categories.map((c, i) => {
        const name = c.title || t('org.category.untitled', { number: i + 1 });
        return (
          <div key={i} className="category-awards">
            <label>
              <input type="checkbox" checked={c.awards !== null} onChange={(e) => props.onCategoryChange(i, e.target.checked ? awards : null)} /> {t('awards.own', { category: name })}
            </label>
            {c.awards && <AwardsFields awards={c.awards} path={`categories.${i}.awards`} problems={problems} onChange={(own) => props.onCategoryChange(i, own)} label={t('awards.ofCategory', { category: name })} />}
          </div>
        );
      })}
    </section>
  );
}
