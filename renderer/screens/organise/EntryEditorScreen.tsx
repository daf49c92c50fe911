import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { Nomination } from '../../../shared/domain/contest.ts';
import { EntryInput } from '../../../shared/domain/editor.ts';
import type { FieldProblem } from '../../../shared/validation.ts';
import { call } from '../../api/client.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { problemAt, ProblemSummary, RowButton, SelectField, TextField, validate } from '../../components/form.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.ts';
import { say } from '../../stores/notice-store.ts';
import { navigate } from '../../stores/route-store.ts';
import { ActionError, useAction } from '../../action.tsx';
import { useLoadError } from '../../load-error.ts';
import { removeAt, replaceAt } from './list-edit.ts';

type Draft = z.output<typeof EntryInput>;
const NONE = '-';

const blank = (nominations: Nomination[]): Draft => ({
  nominationId: nominations[0]?.id ?? '',
  categoryId: nominations[0]?.categories[0]?.id ?? null,
  title: '',
  organisation: '',
  region: '',
  description: '',
  applicationNo: null,
  appliedOn: null,
  materials: [],
});

/** Creates or edits one entry: where it competes, who it is, its application and materials. */
export function EntryEditorScreen({ entryId }: { entryId: string | null }) {
  const { t } = useT();
  const reportLoadError = useLoadError();
  const saving = useAction();
  const [nominations, setNominations] = useState<Nomination[] | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<FieldProblem[] | null>(null);

  useEffect(() => {
    Promise.all([call('editor:overview'), call('editor:entries', { nominationId: null })])
      .then(([overview, entries]) => {
        setNominations(overview.nominations);
        const found = entries.find((e) => e.id === entryId);
        if (found) {
          const { marks: _marks, ...entry } = found;
          setDraft(entry);
        } else setDraft(blank(overview.nominations));
      })
      .catch(reportLoadError);
  }, [entryId, reportLoadError]);

  if (!draft || !nominations) return null;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const at = (path: string) => problemAt(problems, path, t);
  const nomination = nominations.find((n) => n.id === draft.nominationId);
  const heading = entryId === null ? t('org.entry.new') : draft.title || t('org.entry.new');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(EntryInput, draft);
    setProblems(found);
    if (found.length > 0) return;
    void saving.run(
      () => call('editor:saveEntry', draft),
      () => {
        say('org.saved');
        navigate({ name: 'editEntries', nominationId: null });
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Breadcrumbs crumbs={[{ label: t('nav.entries'), route: { name: 'editEntries', nominationId: null } }, { label: heading, route: { name: 'editEntry', entryId } }]} />
      <PageTitle title={heading}>{heading}</PageTitle>
      <ProblemSummary problems={problems} />
      {nominations.length === 0 && <p className="notice warning">{t('org.entry.needNomination')}</p>}
      <div className="card form-grid">
        <SelectField
          label={t('org.entry.nomination')}
          value={draft.nominationId}
          options={nominations.map((n) => ({ value: n.id, label: n.title }))}
          onChange={(nominationId) => set({ nominationId, categoryId: nominations.find((n) => n.id === nominationId)?.categories[0]?.id ?? null })}
          error={at('nominationId')}
        />
        {nomination && nomination.categories.length > 0 && (
          <SelectField
            label={t('org.entry.category')}
            value={draft.categoryId ?? NONE}
            options={[...nomination.categories.map((c) => ({ value: c.id, label: c.title })), { value: NONE, label: t('contest.noCategory') }]}
            onChange={(v) => set({ categoryId: v === NONE ? null : v })}
            error={at('categoryId')}
          />
        )}
        <TextField label={t('entries.column.title')} value={draft.title} onChange={(title) => set({ title })} error={at('title')} />
        <TextField label={t('entry.organisation')} value={draft.organisation} onChange={(organisation) => set({ organisation })} error={at('organisation')} />
        <TextField label={t('entry.region')} value={draft.region} onChange={(region) => set({ region })} error={at('region')} />
        <TextField multiline label={t('org.entry.description')} value={draft.description} onChange={(description) => set({ description })} error={at('description')} />
        <TextField label={t('org.entry.applicationNo')} value={draft.applicationNo ?? ''} onChange={(v) => set({ applicationNo: v.trim() === '' ? null : v })} error={at('applicationNo')} />
        <TextField type="date" label={t('org.entry.appliedOn')} value={draft.appliedOn ?? ''} onChange={(v) => set({ appliedOn: v || null })} error={at('appliedOn')} />
      </div>
      <section className="card" aria-labelledby="org-materials">
        <h2 id="org-materials">{t('org.material.title')}</h2>
        {draft.materials.length === 0 && <p className="muted">{t('org.material.none')}</p>}
        {draft.materials.map((m, i) => (
          <div className="form-row" key={i}>
            <SelectField
              label={t('org.material.kind')}
              value={m.kind}
              options={[{ value: 'link', label: t('org.material.link') }, { value: 'file', label: t('org.material.file') }]}
              onChange={(kind) => set({ materials: replaceAt(draft.materials, i, { ...m, kind }) })}
            />
            <TextField label={t('org.material.name')} value={m.title} onChange={(title) => set({ materials: replaceAt(draft.materials, i, { ...m, title }) })} error={at(`materials.${i}.title`)} />
            <TextField label={t('org.material.ref')} value={m.ref} onChange={(ref) => set({ materials: replaceAt(draft.materials, i, { ...m, ref }) })} error={at(`materials.${i}.ref`)} />
            <RowButton danger text={t('org.remove')} label={t('org.delete', { title: m.title || m.ref || String(i + 1) })} onClick={() => set({ materials: removeAt(draft.materials, i) })} />
          </div>
        ))}
        <button type="button" onClick={() => set({ materials: [...draft.materials, { kind: 'link', title: '', ref: '' }] })}>
          {t('org.material.add')}
        </button>
      </section>
      <div className="actions">
        <button type="submit" className="primary" disabled={nominations.length === 0 || saving.busy}>
          {t('org.save')}
        </button>
        <button type="button" onClick={() => navigate({ name: 'editEntries', nominationId: null })}>
          {t('org.back')}
        </button>
        <ActionError action={saving} />
      </div>
    </form>
  );
}
