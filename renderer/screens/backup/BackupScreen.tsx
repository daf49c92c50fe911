import { useEffect, useRef, useState } from 'react';
import type { BackupView } from '../../../shared/domain/backup.ts';
import { localeOf } from '../../../shared/i18n/index.ts';
import { call } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.ts';
import { say } from '../../stores/notice-store.ts';
import { useWorkspaceStore } from '../../stores/workspace-store.ts';
import { ActionError, useAction } from '../../action.tsx';
import { useLoad } from '../organise/use-load.ts';

/** Date and time to the second: two backups a minute apart must read differently. */
function useMoment() {
  const { lang } = useT();
  return (iso: string) => new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

function useSize() {
  const { t, number } = useT();
  return (bytes: number) => (bytes < 1024 * 1024 ? t('backup.kb', { size: number(Math.max(1, Math.round(bytes / 1024)), 0) }) : t('backup.mb', { size: number(bytes / 1024 / 1024, 1) }));
}

const restoreButtonId = (name: string) => `restore-${name}`;

/**
 * Asks before a restore and says what will happen: the present state is saved first, and what was
 * changed since the backup leaves the workspace. Esc or Cancel backs out; focus returns to the row.
 */
function ConfirmRestore({ backup, busy, onConfirm, onCancel }: { backup: BackupView; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { t } = useT();
  const moment = useMoment();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const time = moment(backup.createdAt);
  return (
    <section className="card confirm-restore" aria-labelledby="restore-title" onKeyDown={(e) => e.key === 'Escape' && !busy && onCancel()}>
      <h2 id="restore-title">{t('backup.confirm.title', { time })}</h2>
      <div id="restore-text">
        <p>{t('backup.confirm.text', { time })}</p>
        <p className="notice warning">{t('backup.confirm.lost', { time })}</p>
      </div>
      <div className="actions">
        <button ref={confirm} type="button" className="primary" aria-describedby="restore-text" disabled={busy} onClick={onConfirm}>
          {t('backup.confirm.yes')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('backup.confirm.no')}
        </button>
      </div>
      {busy && (
        <p className="progress" role="status">
          <progress aria-label={t('backup.restoring')} /> {t('backup.restoring')}
        </p>
      )}
    </section>
  );
}

function BackupTable({ backups, onRestore, disabled }: { backups: BackupView[]; onRestore(b: BackupView): void; disabled: boolean }) {
  const { t } = useT();
  const moment = useMoment();
  const size = useSize();
  return (
    <table className="entries backups">
      <caption className="visually-hidden">{t('backup.list')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('backup.when')}</th>
          <th scope="col">{t('backup.reason')}</th>
          <th scope="col">{t('backup.size')}</th>
          <th scope="col">{t('backup.file')}</th>
          <th scope="col">{t('backup.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.name}>
            <td>{moment(b.createdAt)}</td>
            <td>{t(`backup.reason.${b.reason}`)}</td>
            <td>{size(b.bytes)}</td>
            <td>
              <code>{b.name}</code>
            </td>
            <td>
              <button type="button" id={restoreButtonId(b.name)} disabled={disabled} aria-label={t('backup.restoreOne', { time: moment(b.createdAt) })} onClick={() => onRestore(b)}>
                {t('backup.restore')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The open workspace's backups: where they are, when and why each was made, a copy made on demand,
 * and a restore of any of them, asked first.
 */
export function BackupScreen() {
  const { t } = useT();
  const creating = useAction();
  const restoring = useAction();
  const moment = useMoment();
  const reloadWorkspace = useWorkspaceStore((s) => s.load);
  const { data, reload } = useLoad(() => call('backup:list'), []);
  const busy = creating.busy ? 'create' : restoring.busy ? 'restore' : null;
  const [asking, setAsking] = useState<BackupView | null>(null);

  const create = () => {
    void creating.run(
      () => call('backup:create'),
      (made) => {
        say('backup.created', { name: made.name });
        reload();
      },
    );
  };
  const cancel = () => {
    const name = asking?.name;
    setAsking(null);
    if (name) requestAnimationFrame(() => document.getElementById(restoreButtonId(name))?.focus());
  };
  const restore = (backup: BackupView) => {
    void restoring.run(
      async () => {
        const outcome = await call('backup:restore', { name: backup.name });
        // The workspace's summary (title, scorer…) may differ in the state restored.
        await reloadWorkspace();
        return outcome;
      },
      (outcome) => {
        setAsking(null);
        const time = moment(outcome.restored.createdAt);
        if (outcome.saved) say('backup.restored', { time, name: outcome.saved.name });
        else say('backup.restoredNothingSaved', { time });
        reload();
      },
    );
  };

  if (!data) return null;
  return (
    <div>
      <PageTitle title={t('nav.backups')}>{t('nav.backups')}</PageTitle>
      <p className="lead">{t('backup.lead', { minutes: data.intervalMinutes })}</p>
      <p className="hint">
        {t('backup.folder')} <code>{data.folder}</code>
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={busy !== null} onClick={create}>
          {t('backup.create')}
        </button>
        {busy === 'create' && (
          <span className="progress" role="status">
            <progress aria-label={t('backup.creating')} /> {t('backup.creating')}
          </span>
        )}
        <ActionError action={creating} />
      </div>
      {asking && <ConfirmRestore backup={asking} busy={busy === 'restore'} onConfirm={() => restore(asking)} onCancel={cancel} />}
      <ActionError action={restoring} />
      {data.backups.length === 0 ? <p className="muted">{t('backup.empty')}</p> : <BackupTable backups={data.backups} disabled={busy !== null} onRestore={setAsking} />}
      <p className="hint">{t('backup.cli')}</p>
    </div>
  );
}
