import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ExpertInput } from '../../../shared/domain/editor.ts';
import type { FieldProblem } from '../../../shared/validation.ts';
import { call } from '../../api/client.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { problemAt, ProblemSummary, SelectField, TextField, validate } from '../../components/form.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.ts';
import { say } from '../../stores/notice-store.ts';
import { navigate } from '../../stores/route-store.ts';
import { ActionError, useAction } from '../../action.tsx';
import { useLoadError } from '../../load-error.ts';

type Draft = z.output<typeof ExpertInput>;
const blank: Draft = { name: '', organisation: '', region: '', position: '', role: 'expert' };

/** Creates or edits one expert of the jury. */
export function ExpertEditorScreen({ expertId }: { expertId: string | null }) {
  const { t } = useT();
  const reportLoadError = useLoadError();
  const saving = useAction();
  const [draft, setDraft] = useState<Draft | null>(expertId === null ? blank : null);
  const [problems, setProblems] = useState<FieldProblem[] | null>(null);

  useEffect(() => {
    if (expertId === null) return;
    call('editor:experts')
      .then((experts) => {
        const found = experts.find((x) => x.id === expertId);
        if (!found) return setDraft(blank);
        const { enrolment: _enrolment, marks: _marks, ...expert } = found;
        setDraft(expert);
      })
      .catch(reportLoadError);
  }, [expertId, reportLoadError]);

  if (!draft) return null;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const at = (path: string) => problemAt(problems, path, t);
  const heading = expertId === null ? t('org.expert.new') : draft.name || t('org.expert.new');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(ExpertInput, draft);
    setProblems(found);
    if (found.length > 0) return;
    void saving.run(
      () => call('editor:saveExpert', draft),
      () => {
        say('org.saved');
        navigate({ name: 'editExperts' });
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Breadcrumbs crumbs={[{ label: t('nav.experts'), route: { name: 'editExperts' } }, { label: heading, route: { name: 'editExpert', expertId } }]} />
      <PageTitle title={heading}>{heading}</PageTitle>
      <ProblemSummary problems={problems} />
      <div className="card form-grid">
        <TextField label={t('org.expert.name')} value={draft.name} onChange={(name) => set({ name })} error={at('name')} />
        <TextField label={t('entry.organisation')} value={draft.organisation} onChange={(organisation) => set({ organisation })} error={at('organisation')} />
        <TextField label={t('entry.region')} value={draft.region} onChange={(region) => set({ region })} error={at('region')} />
        <TextField label={t('org.expert.position')} value={draft.position} onChange={(position) => set({ position })} error={at('position')} />
        <SelectField
          label={t('org.expert.role')}
          value={draft.role}
          options={[{ value: 'expert', label: t('org.role.expert') }, { value: 'chair', label: t('org.role.chair') }]}
          onChange={(role) => set({ role })}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={saving.busy}>
          {t('org.save')}
        </button>
        <button type="button" onClick={() => navigate({ name: 'editExperts' })}>
          {t('org.back')}
        </button>
        <ActionError action={saving} />
      </div>
    </form>
  );
}
