import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { DEFAULT_AWARDS, DEFAULT_RULES } from '../../../shared/domain/contest.ts';
import { NominationInput } from '../../../shared/domain/editor.ts';
import { AwardsEditor } from './AwardsEditor.tsx';
import { RulesEditor } from './RulesEditor.tsx';
import type { FieldProblem } from '../../../shared/validation.ts';
import { call } from '../../api/client.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { NumberField, problemAt, ProblemSummary, RowButton, TextField, validate } from '../../components/form.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.ts';
import { say } from '../../stores/notice-store.ts';
import { navigate } from '../../stores/route-store.ts';
import { ActionError, useAction } from '../../action.tsx';
import { useLoadError } from '../../load-error.ts';
import { CriterionEditor, newCriterion } from './CriterionEditor.tsx';
import { moveAt, removeAt, replaceAt } from './list-edit.ts';

type Draft = z.output<typeof NominationInput>;
const empty = (): Draft => ({ title: '', description: '', minEvaluations: 3, categories: [], criteria: [], rules: DEFAULT_RULES, awards: DEFAULT_AWARDS });

/** Creates or edits one nomination with its categories and criteria; saved as a whole. */
export function NominationEditorScreen({ nominationId }: { nominationId: string | null }) {
  const { t } = useT();
  const reportLoadError = useLoadError();
  const saving = useAction();
  const [draft, setDraft] = useState<Draft | null>(nominationId === null ? empty() : null);
  const [problems, setProblems] = useState<FieldProblem[] | null>(null);

  useEffect(() => {
    if (nominationId === null) return;
    call('editor:overview')
      .then((o) => setDraft(o.nominations.find((n) => n.id === nominationId) ?? empty()))
      .catch(reportLoadError);
  }, [nominationId, reportLoadError]);

  if (!draft) return null;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const at = (path: string) => problemAt(problems, path, t);
  const heading = nominationId === null ? t('org.nomination.new') : draft.title || t('org.nomination.new');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(NominationInput, draft);
    setProblems(found);
    if (found.length > 0) return;
    void saving.run(
      () => call('editor:saveNomination', draft),
      (saved) => {
        say('org.saved');
        setDraft(saved);
        if (nominationId === null) navigate({ name: 'editNomination', nominationId: saved.id });
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Breadcrumbs crumbs={[{ label: t('nav.contest'), route: { name: 'organise' } }, { label: heading, route: { name: 'editNomination', nominationId } }]} />
      <PageTitle title={heading}>{heading}</PageTitle>
      <ProblemSummary problems={problems} />
      <div className="card form-grid">
        <TextField label={t('org.nomination.title')} value={draft.title} onChange={(title) => set({ title })} error={at('title')} />
        <TextField multiline label={t('org.nomination.description')} value={draft.description} onChange={(description) => set({ description })} error={at('description')} />
        <NumberField label={t('org.nomination.minEvaluations')} value={draft.minEvaluations} onChange={(v) => set({ minEvaluations: v ?? Number.NaN })} error={at('minEvaluations')} hint={t('org.nomination.minEvaluationsHint')} />
      </div>

      <section className="card" aria-labelledby="org-categories">
        <h2 id="org-categories">{t('nomination.categories')}</h2>
        {draft.categories.length === 0 && <p className="muted">{t('org.category.none')}</p>}
        {draft.categories.map((c, i) => {
          const name = c.title || t('org.category.untitled', { number: i + 1 });
          return (
            <div className="form-row" key={i}>
              <TextField label={t('org.category.title', { number: i + 1 })} value={c.title} onChange={(title) => set({ categories: replaceAt(draft.categories, i, { ...c, title }) })} error={at(`categories.${i}.title`)} />
              <TextField label={t('org.category.description')} value={c.description} onChange={(description) => set({ categories: replaceAt(draft.categories, i, { ...c, description }) })} error={at(`categories.${i}.description`)} />
              <div className="row-actions">
                <RowButton text={t('org.up')} label={t('org.moveUp', { title: name })} onClick={() => set({ categories: moveAt(draft.categories, i, -1) })} disabled={i === 0} />
                <RowButton text={t('org.down')} label={t('org.moveDown', { title: name })} onClick={() => set({ categories: moveAt(draft.categories, i, 1) })} disabled={i === draft.categories.length - 1} />
                <RowButton danger text={t('org.remove')} label={t('org.delete', { title: name })} onClick={() => set({ categories: removeAt(draft.categories, i) })} />
              </div>
            </div>
          );
        })}
        <button type="button" onClick={() => set({ categories: [...draft.categories, { title: '', description: '', awards: null }] })}>
          {t('org.category.add')}
        </button>
      </section>

      <section aria-labelledby="org-criteria">
        <h2 id="org-criteria">{t('entry.criteria')}</h2>
        {draft.criteria.length === 0 && <p className="muted">{t('org.criterion.none')}</p>}
        {draft.criteria.map((c, i) => (
          <CriterionEditor
            key={i}
            value={c}
            index={i}
            count={draft.criteria.length}
            problems={problems}
            onChange={(value) => set({ criteria: replaceAt(draft.criteria, i, value) })}
            onMove={(delta) => set({ criteria: moveAt(draft.criteria, i, delta) })}
            onRemove={() => set({ criteria: removeAt(draft.criteria, i), rules: { ...draft.rules, tieBreak: draft.rules.tieBreak.filter((tb) => tb.kind !== 'criterion' || tb.criterionId !== c.id) } })}
          />
        ))}
        <button type="button" onClick={() => set({ criteria: [...draft.criteria, newCriterion()] })}>
          {t('org.criterion.add')}
        </button>
      </section>

      <RulesEditor rules={draft.rules} criteria={draft.criteria} problems={problems} onChange={(rules) => set({ rules })} />
      <AwardsEditor
        awards={draft.awards}
        categories={draft.categories}
        problems={problems}
        onChange={(awards) => set({ awards })}
        onCategoryChange={(i, awards) => {
          const category = draft.categories[i];
          if (category) set({ categories: replaceAt(draft.categories, i, { ...category, awards }) });
        }}
      />

      <div className="actions sticky-actions">
        <button type="submit" className="primary" disabled={saving.busy}>
          {t('org.save')}
        </button>
        <button type="button" onClick={() => navigate({ name: 'organise' })}>
          {t('org.back')}
        </button>
        <ActionError action={saving} />
      </div>
    </form>
  );
}
