import { useState } from 'react';
import { call } from '../api/client.ts';
import { Field, TextField } from '../components/form.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useT } from '../i18n.ts';
import { readAsBase64 } from '../read-file.ts';
import { say } from '../stores/notice-store.ts';
import { ActionError, useAction } from '../action.tsx';
import type { ClearedMark, PackageUpdate } from '../../shared/domain/expert.ts';
import { hrefOf } from '../stores/route-store.ts';
import { KeyChooser, useKeyChoice } from './KeyChooser.tsx';
import { KeyCreator } from './organise/KeyCreator.tsx';
import { useLoad } from './organise/use-load.ts';

/**
 * The expert's key: make one, send its enrolment to the organiser (and read the fingerprint out to
 * them), and take in newer revisions of the contest package.
 */
export function ExpertKeyScreen() {
  const { t } = useT();
  const status = useLoad(() => call('submit:status'), []);
  const enrolling = useAction<{ path: string; fingerprint: string }>();
  const updating = useAction<PackageUpdate>();
  const key = useKeyChoice(null, enrolling);
  const [path, setPath] = useState('');
  const written = enrolling.done;
  if (!key.loaded || !status.data) return null;
  const list = key.list;
  const target = path || status.data.defaultPath.replace(/-\d+\.jbresult$/, '.jbenrol');

  const exportEnrolment = () => enrolling.run(() => call('enrol:export', { ...key.signer(), path: target }), key.signed);
  const update = (file: File | undefined) => {
    if (!file) return updating.clear();
    return updating.run(
      async () => call('package:update', { fileName: file.name, content: await readAsBase64(file) }),
      (result) => {
        say(result.updated ? 'expertKey.updated' : 'expertKey.same', { revision: result.revision });
        status.reload();
      },
    );
  };

  return (
    <div>
      <PageTitle title={t('nav.key')}>{t('nav.key')}</PageTitle>
      <p className="lead">{status.data.rosterFingerprint ? t('submit.roster', { fingerprint: status.data.rosterFingerprint }) : t('expertKey.noRoster')}</p>
      {list.length === 0 && <KeyCreator canUseOs={key.loaded.canUseOs} onCreated={key.created} />}

      <section className="card form-grid" aria-labelledby="key-enrol">
        <h2 id="key-enrol">{t('expertKey.enrol')}</h2>
        <p className="hint">{t('expertKey.enrolHint')}</p>
        <KeyChooser label={t('expertKey.choose')} keys={list} choice={key.current} onChange={key.setChoice} />
        <TextField label={t('expertKey.path')} value={target} onChange={(next) => { enrolling.clear(); setPath(next); }} />
        <div className="actions">
          <button type="button" className="primary" disabled={!key.ready || target.trim() === '' || enrolling.busy} onClick={() => void exportEnrolment()}>
            {t('expertKey.write')}
          </button>
        </div>
        <ActionError action={enrolling} />
        {written && (
          <div className="notice success">
            <p>{t('expertKey.written', { path: written.path })}</p>
            <p>{t('expertKey.readOut')}</p>
            <p className="fingerprint-big">{written.fingerprint}</p>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="key-update">
        <h2 id="key-update">{t('expertKey.updateTitle')}</h2>
        <p className="hint">{t('expertKey.updateHint', { revision: status.data.packageRevision })}</p>
        <Field label={t('expert.open.file')}>{(a11y) => <input {...a11y} type="file" accept=".jbcontest" onChange={(e) => void update(e.target.files?.[0])} />}</Field>
        <ActionError action={updating} />
        {updating.done && <ClearedMarks cleared={updating.done.cleared} />}
      </section>

      {list.length > 0 && (
        <details className="card">
          <summary>{t('pub.key.another')}</summary>
          <KeyCreator canUseOs={key.loaded.canUseOs} onCreated={key.reload} />
        </details>
      )}
    </div>
  );
}

/** Marks a new revision cleared because their scale changed: each to give again, with a link to its entry. */
function ClearedMarks({ cleared }: { cleared: ClearedMark[] }) {
  const { t, number } = useT();
  if (cleared.length === 0) return null;
  return (
    <div className="notice warning" role="status">
      <p>{t('expertKey.cleared', { count: cleared.length })}</p>
      <ul>
        {cleared.map((m) => (
          <li key={`${m.entryId}/${m.criterion}`}>
            <a href={hrefOf({ name: 'entry', entryId: m.entryId })}>{m.entry}</a> — {t('expertKey.clearedItem', { criterion: m.criterion, value: number(m.value, 6) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
