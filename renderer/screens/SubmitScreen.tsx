import { useState } from 'react';
import type { SignedSubmission } from '../../shared/domain/expert.ts';
import { call } from '../api/client.ts';
import { TextField } from '../components/form.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useT } from '../i18n.ts';
import { hrefOf } from '../stores/route-store.ts';
import { ActionError, useAction } from '../action.tsx';
import { KeyChooser, SignedByLine, useKeyChoice } from './KeyChooser.tsx';
import { useLoad } from './organise/use-load.ts';

/**
 * The expert's submission: what is still missing, then a signed result bundle (or an explicit draft)
 * written to a file for the chair. Each submission takes the next number; a correction replaces the
 * earlier one.
 */
export function SubmitScreen() {
  const { t, dateTime } = useT();
  const status = useLoad(() => call('submit:status'), []);
  const signing = useAction<SignedSubmission>();
  const key = useKeyChoice(status.data && { fingerprint: status.data.rosterFingerprint, keyId: status.data.signerKeyId }, signing);
  const [path, setPath] = useState<string | null>(null);
  const { busy, done } = signing;
  if (!status.data || !key.loaded) return null;

  const s = status.data;
  const target = path ?? s.defaultPath;
  const complete = s.missing.length === 0;
  const ready = key.ready && target.trim() !== '';

  const send = (draft: boolean) =>
    void signing.run(
      () => call('submit:run', { ...key.signer(), path: target, draft }),
      () => {
        key.signed();
        setPath(null);
        status.reload();
      },
    );

  return (
    <div>
      <PageTitle title={t('nav.submit')}>{t('nav.submit')}</PageTitle>
      <p className="lead">{t('submit.lead', { name: s.expertName, revision: s.packageRevision })}</p>
      {done && (
        <section className="card notice success" aria-labelledby="submit-done">
          <h2 id="submit-done">{t(done.draft ? 'submit.doneDraft' : 'submit.done', { sequence: done.sequence })}</h2>
          <p>
            <code>{done.path}</code>
          </p>
          <SignedByLine signer={done.signer} />
          <p>{t('submit.handOver')}</p>
          <p>
            {t('app.digest')}: <code className="digest">{done.digest}</code>
          </p>
        </section>
      )}

      <section className="card" aria-labelledby="submit-check">
        <h2 id="submit-check">{t('submit.check')}</h2>
        {complete ? (
          <p className="notice success">{t('submit.complete')}</p>
        ) : (
          <>
            <p className="notice warning">{t('submit.missing', { count: s.missing.length })}</p>
            <ul className="missing">
              {s.missing.map((m) => (
                <li key={m.entryId}>
                  <a href={hrefOf({ name: 'entry', entryId: m.entryId })}>{m.title}</a>
                  {m.marks.length > 0 && <div className="muted">{t('submit.noMarks', { criteria: m.marks.join('; ') })}</div>}
                  {m.comments.length > 0 && <div className="muted">{t('submit.noComments', { criteria: m.comments.join('; ') })}</div>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card form-grid" aria-labelledby="submit-sign">
        <h2 id="submit-sign">{t('submit.sign', { sequence: s.nextSequence })}</h2>
        <p className="hint">{s.rosterFingerprint ? t('submit.roster', { fingerprint: s.rosterFingerprint }) : t('submit.noRoster')}</p>
        <KeyChooser label={t('expertKey.choose')} keys={key.list} choice={key.current} onChange={key.setChoice} />
        <TextField label={t('submit.path')} value={target} onChange={(next) => { signing.clear(); setPath(next); }} hint={t('submit.pathHint')} />
        <div className="actions">
          <button type="button" className="primary" disabled={!ready || !complete || busy} onClick={() => send(false)}>
            {t('submit.run', { sequence: s.nextSequence })}
          </button>
          <button type="button" disabled={!ready || busy} onClick={() => send(true)}>
            {t('submit.draft')}
          </button>
        </div>
        <ActionError action={signing} />
      </section>

      {s.submissions.length > 0 && (
        <section className="card" aria-labelledby="submit-history">
          <h2 id="submit-history">{t('submit.history')}</h2>
          <table className="entries">
            <thead>
              <tr>
                <th scope="col">{t('submit.number')}</th>
                <th scope="col">{t('pub.when')}</th>
                <th scope="col">{t('pub.revision')}</th>
                <th scope="col">{t('pub.file')}</th>
              </tr>
            </thead>
            <tbody>
              {s.submissions.map((x) => (
                <tr key={x.sequence}>
                  <td>
                    {String(x.sequence)}
                    {x.draft && <span className="badge">{t('submit.draftBadge')}</span>}
                  </td>
                  <td>{dateTime(x.createdAt)}</td>
                  <td>{String(x.packageRevision)}</td>
                  <td>
                    <code>{x.path}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
