import { useState, type FormEvent } from 'react';
import type { KeyView } from '../../../shared/domain/publishing.ts';
import { call } from '../../api/client.ts';
import { Field, SelectField, TextField } from '../../components/form.tsx';
import { useT } from '../../i18n.ts';
import { useReport } from '../../use-report.ts';

/** Makes a new signing key: sealed by the OS keystore where the desktop has one, else by a passphrase typed twice. */
export function KeyCreator({ canUseOs, onCreated }: { canUseOs: boolean; onCreated(key: KeyView): void }) {
  const { t } = useT();
  const report = useReport();
  const [label, setLabel] = useState('');
  const [protection, setProtection] = useState<'os' | 'passphrase'>(canUseOs ? 'os' : 'passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = protection === 'passphrase' && again !== '' && again !== passphrase;
  const ready = label.trim() !== '' && (protection === 'os' || (passphrase.trim() !== '' && passphrase === again));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    call('keys:create', { label, protection, passphrase: protection === 'passphrase' ? passphrase : null })
      .then((key) => {
        setPassphrase('');
        setAgain('');
        onCreated(key);
      })
      .catch(report);
  };

  return (
    <form onSubmit={submit} className="card form-grid" aria-labelledby="key-new">
      <h2 id="key-new">{t('pub.key.new')}</h2>
      <TextField label={t('pub.key.label')} value={label} onChange={setLabel} hint={t('pub.key.labelHint')} />
      {canUseOs && (
        <SelectField<'os' | 'passphrase'>
          label={t('pub.key.protection')}
          value={protection}
          options={[{ value: 'os', label: t('pub.key.os') }, { value: 'passphrase', label: t('pub.key.passphrase') }]}
          onChange={setProtection}
        />
      )}
      {protection === 'passphrase' && (
        <>
          <Field label={t('pub.key.newPassphrase')} hint={t('pub.key.passphraseHint')}>
            {(a11y) => <input {...a11y} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />}
          </Field>
          <Field label={t('pub.key.repeat')} error={mismatch ? t('pub.key.mismatch') : null}>
            {(a11y) => <input {...a11y} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}
          </Field>
        </>
      )}
      <div className="actions">
        <button type="submit" disabled={!ready}>
          {t('pub.key.create')}
        </button>
      </div>
    </form>
  );
}
