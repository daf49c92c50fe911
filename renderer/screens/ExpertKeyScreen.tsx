import { useState } from 'react';
import { call } from '../api/client.ts';
import { Field, TextField } from '../components/form.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useT } from '../i18n.ts';
import { readAsBase64 } from '../read-file.ts';
import { say } from '../stores/notice-store.ts';
import { useReport } from '../use-report.ts';
import { KeyChooser, SignError, useKeyChoice } from './KeyChooser.tsx';
import { KeyCreator } from './organise/KeyCreator.tsx';
import { useLoad } from './organise/use-load.ts';

/**
 * The expert's key: make one, send its enrolment to the organiser (and read the fingerprint out to
 * them), and take in newer revisions of the contest package.
 */
export function ExpertKeyScreen() {
  const { t } = useT();
  const report = useReport();
  const status = useLoad(() => call('submit:status'), []);
  const key = useKeyChoice();
  const [path, setPath] = useState('');
  const [written, setWritten] = useState<{ path: string; fingerprint: string } | null>(null);
  if (!key.loaded || !status.data) return null;
  const list = key.list;
  const target = path || status.data.defaultPath.replace(/-\d+\.jbresult$/, '.jbenrol');

  const exportEnrolment = () =>
    call('enrol:export', { ...key.signer(), path: target }).then((result) => {
      setWritten(result);
      key.signed();
    }, key.failed);
  const update = async (file: File | undefined) => {
    if (!file) return;
    const result = await call('package:update', { fileName: file.name, content: await readAsBase64(file) }).catch((error: unknown) => {
      report(error);
      return null;
    });
    if (result) {
      say(result.updated ? 'expertKey.updated' : 'expertKey.same', { revision: result.revision });
      status.reload();
    }
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
        <TextField label={t('expertKey.path')} value={target} onChange={setPath} />
        <div className="actions">
          <button type="button" className="primary" disabled={!key.ready || target.trim() === ''} onClick={() => void exportEnrolment()}>
            {t('expertKey.write')}
          </button>
        </div>
        <SignError error={key.error} />
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
