import { useEffect, useRef } from 'react';
import { expertScore } from '../../shared/scoring/score.ts';
import { Breadcrumbs, type Crumb } from '../components/Breadcrumbs.tsx';
import { MarkField } from '../components/MarkField.tsx';
import { AutosaveText } from '../components/AutosaveText.tsx';
import { DecisionPanel } from '../components/DecisionPanel.tsx';
import { call } from '../api/client.ts';
import { conflictReasonText, useT } from '../i18n.ts';
import { hrefOf, navigate, type Route } from '../stores/route-store.ts';
import { isUnsaved, useScoringStore } from '../stores/scoring-store.ts';
import { UnsavedMarksGuard } from '../components/UnsavedMarksGuard.tsx';
import { useWorkspaceStore } from '../stores/workspace-store.ts';
import { useLoadError } from '../load-error.ts';
import { PageTitle } from '../components/PageTitle.tsx';

function ConflictNotice() {
  const { t, lang } = useT();
  const detail = useScoringStore((s) => s.detail);
  if (!detail) return null;
  if (detail.conflict) return <p className="notice warning">{t('entry.conflict', { reason: conflictReasonText(lang, detail.conflict) })}</p>;
  if (detail.abstention) return <p className="notice warning">{t('entry.abstained', { reason: detail.abstention.reason })}</p>;
  if (!detail.assigned) return <p className="notice warning">{t('entry.notAssigned')}</p>;
  return null;
}

function Total() {
  const { t, number } = useT();
  const detail = useScoringStore((s) => s.detail);
  const fields = useScoringStore((s) => s.fields);
  if (!detail) return null;
  // Only marks the file holds and the inputs show count: not one typed over, refused or on its way.
  const marks = new Map<string, number>();
  for (const [id, f] of Object.entries(fields)) if (f.state.kind === 'saved' && f.saved !== null) marks.set(id, f.saved);
  const unsaved = Object.values(fields).filter(isUnsaved).length;
  const score = unsaved === 0 ? expertScore(detail.criteria, marks) : null;
  return (
    <p className="total" aria-live="polite">
      {score
        ? t('entry.total', { score: number(score.total), max: number(score.max), normalised: number(score.normalised, 1) })
        : unsaved > 0
          ? t('entry.totalUnsaved', { count: unsaved })
          : t('entry.totalIncomplete', { marked: marks.size, criteria: detail.criteria.length })}
    </p>
  );
}

/** One entry: what it is, the rubric, and one mark input per criterion, each saved when the expert commits it. */
export function EntryScreen({ entryId }: { entryId: string }) {
  const { t, date } = useT();
  const reportLoadError = useLoadError();
  const summary = useWorkspaceStore((s) => s.summary);
  const detail = useScoringStore((s) => s.detail);
  const load = useScoringStore((s) => s.load);
  const close = useScoringStore((s) => s.close);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    load(entryId).catch(reportLoadError);
    return close;
  }, [entryId, load, close, reportLoadError]);

  const shown = detail?.entry.id === entryId ? detail : null;
  const canScore = shown !== null && shown.assigned && shown.conflict === null && shown.abstention === null;
  // Scoring is keyboard-first: an entry that can be scored opens with its first mark input focused.
  useEffect(() => {
    const first = canScore ? form.current?.querySelector<HTMLInputElement>('input[data-mark]') : null;
    first?.focus();
    first?.select();
  }, [canScore]);

  if (!summary || !shown) return null;
  const { entry } = shown;
  const listRoute: Route = { name: 'entries', nominationId: shown.nomination.id, categoryId: shown.category?.id ?? null };
  const crumbs: Crumb[] = [
    { label: summary.contest.title, route: { name: 'contest' } },
    { label: shown.nomination.title, route: shown.category ? { name: 'nomination', nominationId: shown.nomination.id } : listRoute },
    ...(shown.category ? [{ label: shown.category.title, route: listRoute }] : []),
    { label: entry.title, route: { name: 'entry', entryId } },
  ];
  const goNext = () => shown.nextId && navigate({ name: 'entry', entryId: shown.nextId });

  return (
    <div>
      <Breadcrumbs crumbs={crumbs} />
      <PageTitle title={entry.title} focus={!canScore}>
        {entry.title}
      </PageTitle>
      <dl className="entry-meta">
        {entry.organisation && entry.organisation !== entry.title && (
          <>
            <dt>{t('entry.organisation')}</dt>
            <dd>{entry.organisation}</dd>
          </>
        )}
        {entry.region && (
          <>
            <dt>{t('entry.region')}</dt>
            <dd>{entry.region}</dd>
          </>
        )}
        {entry.applicationNo && (
          <>
            <dt>{t('entry.application')}</dt>
            <dd>{t('entry.applicationValue', { number: entry.applicationNo, date: entry.appliedOn ? date(entry.appliedOn) : '—' })}</dd>
          </>
        )}
      </dl>
      {entry.description && <p>{entry.description}</p>}
      <ConflictNotice />
      <h2>{t('entry.criteria')}</h2>
      {canScore && <p className="hint">{t('entry.keyboardHint')}</p>}
      <form ref={form} onSubmit={(e) => e.preventDefault()} className="criteria">
        {shown.criteria.map((c, i) => (
          <MarkField key={c.id} entryId={entryId} criterion={c} index={i} disabled={!canScore} onPastLast={goNext} />
        ))}
      </form>
      <Total />
      <AutosaveText
        key={entryId}
        label={t('entry.comment')}
        initial={shown.entryComment}
        disabled={!shown.assigned || shown.conflict !== null}
        hint={t('entry.commentHint')}
        save={(comment) => call('entry:comment', { entryId, comment })}
      />
      {shown.expertMode && <DecisionPanel />}
      <UnsavedMarksGuard />
      <nav className="entry-nav" aria-label={t('entries.title')}>
        {shown.previousId ? <a href={hrefOf({ name: 'entry', entryId: shown.previousId })}>{t('entry.previous')}</a> : <span />}
        <a href={hrefOf(listRoute)}>{t('entry.backToList')}</a>
        {shown.nextId ? <a href={hrefOf({ name: 'entry', entryId: shown.nextId })}>{t('entry.next')}</a> : <span />}
      </nav>
    </div>
  );
}
