import { useState, type FormEvent } from 'react';
import type { SignedPublication } from '../../../shared/domain/publishing.ts';
import { isMessageKey } from '../../../shared/i18n/index.ts';
import { call } from '../../api/client.ts';
import { TextField } from '../../components/form.tsx';
import { ActionError, useAction } from '../../action.tsx';
import { KeyChooser, useKeyChoice } from '../KeyChooser.tsx';
import { Untrusted } from '../../components/Untrusted.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.ts';
import { hrefOf } from '../../stores/route-store.ts';
import { KeyCreator } from './KeyCreator.tsx';
import { useLoad } from './use-load.ts';

/** Signs and writes the next revision of the contest package; shows what stops it and what was published. */
export function PublishScreen() {
  const { t, dateTime } = useT();
  const status = useLoad(() => call('publish:status'), []);
  const signing = useAction<SignedPublication>();
  const key = useKeyChoice(status.data && { fingerprint: status.data.pinnedFingerprint, keyId: status.data.signerKeyId }, signing);
  const [path, setPath] = useState<string | null>(null);
  const { busy, done } = signing;
  if (!status.data || !key.loaded) return null;

  const s = status.data;
  const list = key.list;
  const target = path ?? s.defaultPath;
  const ready = s.problems.length === 0 && key.ready && target.trim() !== '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    void signing.run(
      () => call('publish:run', { ...key.signer(), path: target }),
      () => {
        key.signed();
        setPath(null);
        status.reload();
      },
    );
  };

  return (
    <div>
      <PageTitle title={t('nav.publish')}>{t('nav.publish')}</PageTitle>
      <p className="lead">{t('pub.lead')}</p>
      {done && (
        <section className="card notice success" aria-labelledby="pub-done">
          <h2 id="pub-done">{t('pub.done', { revision: done.revision })}</h2>
          <dl className="entry-meta">
            <dt>{t('pub.file')}</dt>
            <dd><code>{done.path}</code></dd>
            <dt>{t('pub.signer')}</dt>
            <dd>
              <Untrusted text={done.signer.label} /> <code className="fingerprint">{done.signer.fingerprint}</code>
            </dd>
            <dt>{t('app.digest')}</dt>
            <dd><code className="digest">{done.digest}</code></dd>
          </dl>
        </section>
      )}

      <section className="card" aria-labelledby="pub-next">
        <h2 id="pub-next">{t('pub.next', { revision: s.nextRevision })}</h2>
        {s.problems.length > 0 ? (
          <>
            <p className="notice warning">{t('pub.notReady')}</p>
            <ul>
              {s.problems.map((p, i) => (
                <li key={i}>{isMessageKey(p.key) ? t(p.key, p.params) : p.key}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('pub.roster', { enrolled: s.enrolled, experts: s.experts })} <a href={hrefOf({ name: 'enrolments' })}>{t('org.enrol.open')}</a></p>
        )}
        {s.pinnedFingerprint && <p className="hint">{t('pub.pinned', { fingerprint: s.pinnedFingerprint })}</p>}

        <form onSubmit={submit} className="form-grid">
          <KeyChooser label={t('pub.key.choose')} keys={list} choice={key.current} onChange={key.setChoice} />
          <TextField label={t('pub.path')} value={target} onChange={(next) => { signing.clear(); setPath(next); }} hint={t('pub.pathHint')} />
          <div className="actions">
            <button type="submit" className="primary" disabled={!ready || busy}>
              {t('pub.run', { revision: s.nextRevision })}
            </button>
          </div>
          <ActionError action={signing} />
        </form>
      </section>

      {list.length === 0 ? (
        <KeyCreator canUseOs={key.loaded.canUseOs} onCreated={key.created} />
      ) : (
        <details className="card">
          <summary>{t('pub.key.another')}</summary>
          <KeyCreator canUseOs={key.loaded.canUseOs} onCreated={key.created} />
        </details>
      )}

      {s.publications.length > 0 && (
        <section className="card" aria-labelledby="pub-history">
          <h2 id="pub-history">{t('pub.history')}</h2>
          <table className="entries">
            <thead>
              <tr>
                <th scope="col">{t('pub.revision')}</th>
                <th scope="col">{t('pub.when')}</th>
                <th scope="col">{t('pub.signer')}</th>
                <th scope="col">{t('pub.file')}</th>
              </tr>
            </thead>
            <tbody>
              {s.publications.map((p) => (
                <tr key={p.revision}>
                  <td>{String(p.revision)}</td>
                  <td>{dateTime(p.publishedAt)}</td>
                  <td><code className="fingerprint">{p.fingerprint}</code></td>
                  <td><code>{p.path}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
