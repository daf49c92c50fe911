import type { Progress } from '../../shared/domain/views.ts';
import { useT } from '../i18n.ts';

/** "Scored 3 of 12" with a bar, and the conflicted count when there is one. */
export function ProgressSummary({ progress }: { progress: Progress }) {
  const { t } = useT();
  if (progress.assigned === 0 && progress.conflicted === 0) return <p className="muted">{t('progress.nothingAssigned')}</p>;
  const label = t('progress.summary', { complete: progress.complete, assigned: progress.assigned });
  return (
    <div className="progress">
      <progress max={Math.max(progress.assigned, 1)} value={progress.complete} aria-label={label} />
      <span>{label}</span>
      {progress.conflicted > 0 && <span className="muted">, {t('progress.conflicted', { count: progress.conflicted })}</span>}
    </div>
  );
}
