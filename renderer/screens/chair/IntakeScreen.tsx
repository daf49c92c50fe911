import { useRef, useState, type DragEvent } from 'react';
import type { KeyCheckView, VerdictView } from '../../../shared/domain/chair.ts';
import { isMessageKey } from '../../../shared/i18n/index.ts';
import { escapeHidden } from '../../../shared/visible-text.ts';
import { call } from '../../api/client.ts';
import { Field } from '../../components/form.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Message, Untrusted } from '../../components/Untrusted.tsx';
import { useT } from '../../i18n.ts';
import { readAsBase64 } from '../../read-file.ts';
import { say } from '../../stores/notice-store.ts';
import { hrefOf } from '../../stores/route-store.ts';
import { ActionError, useAction } from '../../action.tsx';
import { useLoad } from '../organise/use-load.ts';
import { fromDrop, fromFiles, fromFolder, type Picked } from './dropped-files.ts';
import { HandedBundles } from './HandedBundles.tsx';

/** Where an import is: sending files one by one, then judging them all together. */
type Stage = { phase: 'sending'; done: number; total: number; bytes: number } | { phase: 'checking'; total: number };

/** The reason of a verdict in the user's language (an unknown key shows as it is). */
export function useReason() {
  const { t } = useT();
  return (reason: VerdictView['reason']) => (reason ? (isMessageKey(reason.key) ? t(reason.key, reason.params) : reason.key) : '');
}

function Verdicts({ verdicts }: { verdicts: VerdictView[] }) {
  const { t } = useT();
  const reasonOf = useReason();
  const count = (status: VerdictView['status']) => verdicts.filter((v) => v.status === status).length;
  const unknownKey = verdicts.some((v) => v.reason?.key === 'bundle.unknownKey');
  const refused = count('refused');
  return (
    <section className="card" aria-labelledby="intake-verdicts" tabIndex={-1} id="intake-verdicts-card">
      <h2 id="intake-verdicts">{t('intake.verdicts')}</h2>
      <p className={refused > 0 ? 'notice warning' : 'notice success'} role="status">
        {t('intake.summary', { accepted: count('accepted'), superseded: count('superseded'), duplicate: count('duplicate'), refused })}
      </p>
      {unknownKey && <p className="hint">{t('intake.unknownKeyHint')}</p>}
      <table className="entries verdicts">
        <thead>
          <tr>
            <th scope="col">{t('pub.file')}</th>
            <th scope="col">{t('intake.expert')}</th>
            <th scope="col">{t('submit.number')}</th>
            <th scope="col">{t('intake.verdict')}</th>
            <th scope="col">{t('intake.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {verdicts.map((v) => (
            <tr key={v.file} className={v.status === 'refused' ? 'row-error' : undefined}>
              <td>
                <code>{v.file}</code>
              </td>
              <td>
                <Untrusted text={v.expertName ?? v.expertId ?? '—'} />
              </td>
              <td>
                {v.sequence ?? '—'}
                {v.draft && <span className="badge">{t('submit.draftBadge')}</span>}
              </td>
              <td>
                <span className={`badge verdict-${v.status}`}>{t(`intake.status.${v.status}`)}</span>
              </td>
              <td>{reasonOf(v.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** An expert's enrolment brought by hand when the roster lacks their key: compare the fingerprint, then accept it. */
function KeyConfirmation({ onConfirmed }: { onConfirmed(): void }) {
  const { t } = useT();
  const reading = useAction<KeyCheckView>();
  const confirming = useAction<KeyCheckView>();
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [check, setCheck] = useState<KeyCheckView | null>(null);
  const choose = (picked: File | undefined) => {
    setCheck(null);
    confirming.clear();
    if (!picked) return reading.clear();
    return reading.run(async () => {
      const chosen = { fileName: picked.name, content: await readAsBase64(picked) };
      setFile(chosen);
      return call('chair:checkKey', chosen);
    }, setCheck);
  };
  const confirm = () => {
    if (!file) return;
    void confirming.run(
      () => call('chair:confirmKey', file),
      (confirmed) => {
        setCheck(confirmed);
        say('intake.key.confirmed', { name: escapeHidden(confirmed.name) });
        onConfirmed();
      },
    );
  };
  return (
    <details className="card">
      <summary>{t('intake.key.title')}</summary>
      <p>{t('intake.key.text')}</p>
      <Field label={t('intake.key.file')}>{(a11y) => <input {...a11y} type="file" accept=".jbenrol" onChange={(e) => void choose(e.target.files?.[0])} />}</Field>
      <ActionError action={reading} />
      {check && (
        <div className="package-preview">
          <p>
            <Message id="intake.key.of" params={{ name: <Untrusted text={check.name} /> }} />
          </p>
          <p className="fingerprint-big" aria-label={t('enrolUi.fingerprint')}>
            {check.fingerprint}
          </p>
          {check.status === 'new' ? (
            <>
              <p>{t('intake.key.compare')}</p>
              <button type="button" className="primary" disabled={confirming.busy} onClick={confirm}>
                {t('intake.key.accept')}
              </button>
              <ActionError action={confirming} />
            </>
          ) : (
            <p className="notice success">{t(check.status === 'roster' ? 'intake.key.onRoster' : 'intake.key.already')}</p>
          )}
        </div>
      )}
    </details>
  );
}

/**
 * The chair's intake: drop or choose many result bundles (files or whole folders); each is sent with
 * a progress bar, then all are judged together and kept in one transaction. The table says what was
 * accepted, superseded or refused and why; below, what stands for each expert.
 */
export function IntakeScreen() {
  const { t, number, dateTime } = useT();
  const importing = useAction();
  const status = useLoad(() => call('chair:status'), []);
  const [stage, setStage] = useState<Stage | null>(null);
  const [verdicts, setVerdicts] = useState<VerdictView[] | null>(null);
  const [over, setOver] = useState(false);
  const [skipped, setSkipped] = useState(0);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const send = (picked: Picked) =>
    importing.run(() => sendFiles(picked));
  const sendFiles = async (picked: Picked) => {
    setSkipped(picked.skipped);
    if (picked.files.length === 0) {
      say('intake.nothing');
      return;
    }
    setVerdicts(null);
    const total = picked.files.length;
    let batch: string | null = null;
    try {
      batch = (await call('bundles:begin')).batch;
      let bytes = 0;
      setStage({ phase: 'sending', done: 0, total, bytes });
      for (const [i, { name, file }] of picked.files.entries()) {
        await call('bundles:stage', { batch, fileName: name, content: await readAsBase64(file) });
        bytes += file.size;
        setStage({ phase: 'sending', done: i + 1, total, bytes });
      }
      setStage({ phase: 'checking', total });
      const judged = await call('bundles:import', { batch });
      batch = null;
      setVerdicts(judged);
      status.reload();
      setTimeout(() => document.getElementById('intake-verdicts-card')?.focus(), 0);
    } catch (error) {
      if (batch) call('bundles:discard', { batch }).catch(() => undefined);
      throw error;
    } finally {
      setStage(null);
      if (filesInput.current) filesInput.current.value = '';
      if (folderInput.current) folderInput.current.value = '';
    }
  };

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (stage) return;
    void importing.run(async () => sendFiles(await fromDrop(event.dataTransfer)));
  };

  const s = status.data;
  const held = s?.experts.filter((x) => x.bundle !== null).length ?? 0;
  return (
    <div>
      <PageTitle title={t('nav.intake')}>{t('nav.intake')}</PageTitle>
      <p className="lead">{s ? t('intake.lead', { title: s.contestTitle, revisions: s.revisions.join(', ') }) : ''}</p>
      <HandedBundles busy={stage !== null} onImport={(picked) => void send(picked)} />

      <section
        className={over ? 'card drop-zone over' : 'card drop-zone'}
        aria-labelledby="intake-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <h2 id="intake-drop">{t('intake.drop.title')}</h2>
        <p>{t('intake.drop.text')}</p>
        <div className="row">
          <label className="button-like">
            {t('intake.drop.files')}
            <input ref={filesInput} className="visually-hidden" type="file" multiple accept=".jbresult" disabled={stage !== null} onChange={(e) => void send(fromFiles(e.target.files))} />
          </label>
          <label className="button-like">
            {t('intake.drop.folder')}
            <input
              ref={(node) => {
                folderInput.current = node;
                // React does not know the folder attribute; set it on the element itself.
                node?.setAttribute('webkitdirectory', '');
              }}
              className="visually-hidden"
              type="file"
              multiple
              disabled={stage !== null}
              onChange={(e) => void send(fromFolder(e.target.files))}
            />
          </label>
        </div>
        {stage && (
          <div className="progress" role="status">
            <progress max={stage.total} value={stage.phase === 'sending' ? stage.done : undefined} aria-label={t('intake.progress')} />
            <span>{stage.phase === 'sending' ? t('intake.sending', { done: stage.done, total: stage.total, size: number(stage.bytes / 1024 / 1024, 1) }) : t('intake.checking', { count: stage.total })}</span>
          </div>
        )}
        {skipped > 0 && <p className="hint">{t('intake.skipped', { count: skipped })}</p>}
        <ActionError action={importing} />
      </section>

      {verdicts && <Verdicts verdicts={verdicts} />}

      {s && (
        <section className="card" aria-labelledby="intake-held">
          <h2 id="intake-held">{t('intake.held', { held, total: s.experts.length })}</h2>
          <table className="entries">
            <thead>
              <tr>
                <th scope="col">{t('intake.expert')}</th>
                <th scope="col">{t('intake.standing')}</th>
                <th scope="col">{t('intake.importedAt')}</th>
                <th scope="col">{t('pub.file')}</th>
              </tr>
            </thead>
            <tbody>
              {s.experts.map((x) => (
                <tr key={x.id}>
                  <th scope="row">
                    <Untrusted text={x.name} />
                    <div className="muted">{x.organisation}</div>
                    {x.confirmedKey && <div className="muted">{t('intake.confirmedKey', { fingerprint: x.confirmedKey })}</div>}
                  </th>
                  <td>
                    {x.bundle ? t('intake.bundle', { sequence: x.bundle.sequence, revision: x.bundle.packageRevision }) : <span className="muted">{t('intake.none')}</span>}
                    {x.bundle?.draft && <span className="badge">{t('submit.draftBadge')}</span>}
                    {x.superseded > 0 && <div className="muted">{t('intake.superseded', { count: x.superseded })}</div>}
                  </td>
                  <td>{x.bundle ? dateTime(x.bundle.importedAt) : ''}</td>
                  <td>{x.bundle && <code>{x.bundle.fileName}</code>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="actions">
            <a href={hrefOf({ name: 'coverage', nominationId: null, categoryId: null })}>{t('intake.toCoverage')}</a>
            <a href={hrefOf({ name: 'results' })}>{t('intake.toResults')}</a>
          </p>
        </section>
      )}

      <KeyConfirmation onConfirmed={status.reload} />
      <PackageUpdate onUpdated={status.reload} />
    </div>
  );
}

/** A newer revision of the contest package, from the organiser (same key only). */
function PackageUpdate({ onUpdated }: { onUpdated(): void }) {
  const { t } = useT();
  const updating = useAction<{ updated: boolean; revision: number }>();
  const choose = (picked: File | undefined) => {
    if (!picked) return updating.clear();
    return updating.run(
      async () => call('package:update', { fileName: picked.name, content: await readAsBase64(picked) }),
      (update) => {
        say(update.updated ? 'expertKey.updated' : 'expertKey.same', { revision: update.revision });
        onUpdated();
      },
    );
  };
  return (
    <details className="card">
      <summary>{t('intake.package.title')}</summary>
      <p>{t('intake.package.text')}</p>
      <Field label={t('expert.open.file')}>{(a11y) => <input {...a11y} type="file" accept=".jbcontest" onChange={(e) => void choose(e.target.files?.[0])} />}</Field>
      <ActionError action={updating} />
    </details>
  );
}
