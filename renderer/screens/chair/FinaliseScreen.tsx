import { useState } from 'react';
import type { Message, SignedResults } from '../../../shared/domain/chair.ts';
import { isMessageKey } from '../../../shared/i18n/index.ts';
import { call } from '../../api/client.ts';
import { TextField } from '../../components/form.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.ts';
import { hrefOf } from '../../stores/route-store.ts';
import { ActionError, useAction } from '../../action.tsx';
import { KeyChooser, SignedByLine, useKeyChoice } from '../KeyChooser.tsx';
import { useLoad } from '../organise/use-load.ts';

function Messages({ list, className }: { list: Message[]; className: string }) {
  const { t } = useT();
  return (
    <ul className={className}>
      {list.map((m) => (
        <li key={`${m.key}:${JSON.stringify(m.params)}`}>{isMessageKey(m.key) ? t(m.key, m.params) : m.key}</li>
      ))}
    </ul>
  );
}

/**
 * The chair signs the merged results: what still stops it (ties to settle), what to know first
 * (drafts, silent experts, entries with too few evaluations), then the key and where to write the
 * .jbmerged file. Anyone with the same package and bundles can recompute it with `jurybox recompute`.
 */
export function FinaliseScreen() {
  const { t, number, dateTime } = useT();
  const status = useLoad(() => call('final:status'), []);
  const signing = useAction<SignedResults>();
  const key = useKeyChoice(status.data && { fingerprint: status.data.rosterFingerprint, keyId: status.data.signerKeyId }, signing);
  const [path, setPath] = useState<string | null>(null);
  const [name, setName] = useState<string | null>(null);
  const { busy, done } = signing;
  if (!status.data || !key.loaded) return null;

  const s = status.data;
  const target = path ?? s.defaultPath;
  const chairName = name ?? s.chairName;
  const ready = s.problems.length === 0 && key.ready && target.trim() !== '' && chairName.trim() !== '';

  const sign = () =>
    void signing.run(
      () => call('final:sign', { ...key.signer(), path: target, chairName }),
      () => {
        key.signed();
        setPath(null);
        status.reload();
      },
    );
  // Whatever the chair changes in the form, a refusal of the earlier attempt no longer describes it.
  const edited = (set: (value: string) => void) => (value: string) => {
    signing.clear();
    set(value);
  };

  return (
    <div>
      <PageTitle title={t('nav.finalise')}>{t('nav.finalise')}</PageTitle>
      <p className="lead">{t('final.lead')}</p>
      {done && (
        <section className="card notice success" aria-labelledby="final-done" tabIndex={-1} ref={(node) => node?.focus()}>
          <h2 id="final-done">{t('final.done')}</h2>
          <p>
            <code>{done.path}</code>
          </p>
          <p>{t('final.doneText', { bundles: done.bundles })}</p>
          <SignedByLine signer={done.signer} />
          <p>
            {t('app.digest')}: <code className="digest">{done.digest}</code>
          </p>
          <p className="hint">{t('final.recompute')}</p>
        </section>
      )}

      <section className="card" aria-labelledby="final-check">
        <h2 id="final-check">{t('final.check')}</h2>
        {s.problems.length > 0 ? (
          <div className="notice error">
            <p>{t('final.blocked')}</p>
            <Messages list={s.problems} className="problems" />
            <p>
              <a href={hrefOf({ name: 'results' })}>{t('final.toResults')}</a>
            </p>
          </div>
        ) : (
          <p className="notice success">{t('final.clear')}</p>
        )}
        {s.warnings.length > 0 && (
          <div className="notice warning">
            <p>{t('final.warnings')}</p>
            <Messages list={s.warnings} className="warnings" />
          </div>
        )}
      </section>

      <section className="card form-grid" aria-labelledby="final-sign">
        <h2 id="final-sign">{t('final.sign')}</h2>
        <p className="hint">{s.rosterFingerprint ? t('final.roster', { fingerprint: s.rosterFingerprint }) : t('final.noRoster')}</p>
        <KeyChooser label={t('final.key')} keys={key.list} choice={key.current} onChange={key.setChoice} />
        <TextField label={t('final.name')} value={chairName} onChange={edited(setName)} />
        <TextField label={t('final.path')} value={target} onChange={edited(setPath)} hint={t('final.pathHint')} />
        <div className="actions">
          <button type="button" className="primary" disabled={!ready || busy} onClick={sign}>
            {t('final.run')}
          </button>
        </div>
        <ActionError action={signing} />
      </section>

      {s.finalisations.length > 0 && (
        <section className="card" aria-labelledby="final-history">
          <h2 id="final-history">{t('final.history')}</h2>
          <table className="entries">
            <thead>
              <tr>
                <th scope="col">{t('pub.when')}</th>
                <th scope="col">{t('pub.file')}</th>
                <th scope="col">{t('final.bundles')}</th>
                <th scope="col">{t('app.digest')}</th>
              </tr>
            </thead>
            <tbody>
              {s.finalisations.map((f) => (
                <tr key={f.id}>
                  <td>{dateTime(f.createdAt)}</td>
                  <td>
                    <code>{f.path}</code>
                  </td>
                  <td>{number(f.bundles)}</td>
                  <td>
                    <code className="digest">{f.digest}</code>
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
