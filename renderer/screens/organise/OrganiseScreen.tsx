import { useState, type FormEvent } from 'react';
import type { ContestInfo } from '../../../shared/domain/contest.ts';
import { ContestInfoInput } from '../../../shared/domain/editor.ts';
import type { FieldProblem } from '../../../shared/validation.ts';
import { call } from '../../api/client.ts';
import { NumberField, problemAt, ProblemSummary, RowButton, TextField, validate } from '../../components/form.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.ts';
import { say } from '../../stores/notice-store.ts';
import { hrefOf } from '../../stores/route-store.ts';
import { useWorkspaceStore } from '../../stores/workspace-store.ts';
import { ActionError, useAction } from '../../action.tsx';
import { useLoad } from './use-load.ts';

function InfoForm({ info, onSaved }: { info: ContestInfo; onSaved(): void }) {
  const { t } = useT();
  const saving = useAction();
  const load = useWorkspaceStore((s) => s.load);
  const [draft, setDraft] = useState<ContestInfo>(info);
  const [problems, setProblems] = useState<FieldProblem[] | null>(null);
  const set = (patch: Partial<ContestInfo>) => setDraft({ ...draft, ...patch });
  const { id: _id, ...input } = draft;
  const errorAt = (path: string) => problemAt(problems, path, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(ContestInfoInput, input);
    setProblems(found);
    if (found.length > 0) return;
    void saving.run(
      async () => {
        await call('editor:saveInfo', input);
        await load();
      },
      () => {
        say('org.saved');
        onSaved();
      },
    );
  };

  return (
    <form onSubmit={submit} className="card form-grid" aria-labelledby="org-info">
      <h2 id="org-info">{t('org.info.title')}</h2>
      <ProblemSummary problems={problems} />
      <TextField label={t('org.info.name')} value={draft.title} onChange={(title) => set({ title })} error={errorAt('title')} />
      <NumberField label={t('org.info.year')} value={draft.year} onChange={(year) => set({ year })} error={errorAt('year')} />
      <TextField label={t('org.info.place')} value={draft.place} onChange={(place) => set({ place })} error={errorAt('place')} />
      <TextField type="date" label={t('org.info.startsOn')} value={draft.startsOn ?? ''} onChange={(v) => set({ startsOn: v || null })} error={errorAt('startsOn')} />
      <TextField type="date" label={t('org.info.endsOn')} value={draft.endsOn ?? ''} onChange={(v) => set({ endsOn: v || null })} error={errorAt('endsOn')} />
      <TextField multiline label={t('org.info.description')} value={draft.description} onChange={(description) => set({ description })} error={errorAt('description')} />
      <div className="actions">
        <button type="submit" className="primary" disabled={saving.busy}>
          {t('org.save')}
        </button>
      </div>
      <ActionError action={saving} />
    </form>
  );
}

/** The organiser's view of the contest: its details and its nominations. */
export function OrganiseScreen() {
  const { t } = useT();
  const changing = useAction();
  const { data, reload } = useLoad(() => call('editor:overview'), []);
  if (!data) return null;

  const act = (promise: Promise<unknown>) => changing.run(() => promise, reload);
  const remove = (id: string, title: string) => {
    if (window.confirm(t('org.nomination.confirmDelete', { title }))) void act(call('editor:deleteNomination', { id }));
  };

  return (
    <div>
      <PageTitle title={t('nav.contest')}>{t('nav.contest')}</PageTitle>
      <p className="lead">{t('org.counts', { entries: data.counts.entries, experts: data.counts.experts, enrolled: data.counts.enrolled })}</p>
      <InfoForm key={JSON.stringify(data.info)} info={data.info} onSaved={reload} />
      <section className="card" aria-labelledby="org-nominations">
        <h2 id="org-nominations">{t('contest.nominations')}</h2>
        {data.nominations.length === 0 && <p className="muted">{t('org.nomination.none')}</p>}
        <ol className="item-list">
          {data.nominations.map((n, i) => (
            <li key={n.id}>
              <div>
                <a href={hrefOf({ name: 'editNomination', nominationId: n.id })}>{n.title}</a>
                <div className="muted">{t('org.nomination.summary', { categories: n.categories.length, criteria: n.criteria.length })}</div>
              </div>
              <div className="row-actions">
                <RowButton text={t('org.up')} label={t('org.moveUp', { title: n.title })} onClick={() => void act(call('editor:moveNomination', { id: n.id, delta: -1 }))} disabled={i === 0} />
                <RowButton text={t('org.down')} label={t('org.moveDown', { title: n.title })} onClick={() => void act(call('editor:moveNomination', { id: n.id, delta: 1 }))} disabled={i === data.nominations.length - 1} />
                <RowButton danger text={t('org.remove')} label={t('org.delete', { title: n.title })} onClick={() => remove(n.id, n.title)} />
              </div>
            </li>
          ))}
        </ol>
        <ActionError action={changing} />
        <a className="button" href={hrefOf({ name: 'editNomination', nominationId: null })}>
          {t('org.nomination.add')}
        </a>
      </section>
    </div>
  );
}
